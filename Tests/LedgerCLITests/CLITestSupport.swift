import Foundation
import LedgerTestSupport
import Testing

/// A temporary folder with a ledger made by `adminledger init`, and a runner inside it.
struct LedgerSandbox {
  let directory: TemporaryDirectory
  var cli: CLIRunner

  init(name: String = "Test ledger") throws {
    directory = try TemporaryDirectory()
    cli = CLIRunner(directory: directory.url)
    let result = cli.run("init", "--name", name)
    try #require(result.status == 0, "init failed: \(result)")
  }

  @discardableResult
  func run(_ arguments: String...) -> CLIResult { cli.run(arguments) }

  /// Adds what most records refer to: an organisation, a person in it, and a system.
  func seed() throws {
    let steps: [[String]] = [
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
      [
        "add", "people", "hugo", "--set", "name=Hugo Lefèvre", "--set", "organization=cen-paca",
        "--set", #"emails=["hugo@example.org"]"#,
      ],
      [
        "add", "systems", "geonature", "--set", "name=GeoNature", "--set", "type=application",
        "--set", #"roles=["reader","contributor","admin"]"#,
      ],
    ]
    for step in steps {
      let result = cli.run(step)
      try #require(result.status == 0, "seeding failed: \(result)")
    }
  }

  /// The commit HEAD points at, read with the real git program.
  func head() throws -> String {
    try ExternalProgram.git("rev-parse", "HEAD", in: directory.url).output
  }

  /// Every file under the folder except `.git`, with its content: to prove nothing changed.
  func snapshotOfFiles() throws -> [String: String] {
    var files: [String: String] = [:]
    let root = directory.url
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      let relative = String(url.path.dropFirst(root.path.count + 1))
      if relative.hasPrefix(".git") { continue }
      if let data = FileManager.default.contents(atPath: url.path) {
        files[relative] = String(decoding: data, as: UTF8.self)
      }
    }
    return files
  }
}
