import Foundation
import LedgerTestSupport
import Testing

/// The README tells the truth: every example block marked `<!-- example: CONTEXT -->` is run and
/// its output compared with what the README shows, up to commit ids, generated ids and days.
@Suite struct ReadmeExamplesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The administrator each context's examples are written as.
  static let authors = [
    "tour": "Claire Durand <claire.durand@example.org>",
    "platform": "Claire Durand <cdurand@cen-paca.example.org>",
    "association": "Mathieu Dupont <mdupont@example.org>",
  ]

  static func blocks() throws -> [ReadmeExamples.Block] {
    ReadmeExamples.blocks(in: try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8))
  }

  @Test func theReadmeMarksItsExamples() throws {
    let contexts = Set(try Self.blocks().map(\.context))
    #expect(contexts == Set(Self.authors.keys), "contexts: \(contexts)")
    #expect(try Self.blocks().flatMap(\.steps).count >= 20)
  }

  @Test(arguments: ["tour", "platform", "association"])
  func examplesShowWhatTheToolPrints(_ context: String) throws {
    let steps = try Self.blocks().filter { $0.context == context }.flatMap(\.steps)
    try #require(!steps.isEmpty)
    var session = try ReadmeSession(context: context, author: Self.authors[context]!)
    var rewrites: [(step: ReadmeExamples.Step, output: [String])] = []
    defer { if !rewrites.isEmpty { try? Self.bless(rewrites) } }
    for step in steps {
      let (stdout, stderr) = try session.run(step.command)
      let lines = { (text: String) -> [String] in
        text.isEmpty ? [] : Array(text.components(separatedBy: "\n").dropLast())
      }
      let shown = lines(stdout) + lines(stderr)
      let matched =
        ReadmeExamples.matches(shown, step.expected)
        || ReadmeExamples.matches(lines(stderr) + lines(stdout), step.expected)
      if !matched, ProcessInfo.processInfo.environment["README_BLESS"] == "1" { rewrites.append((step, shown)) }
      #expect(
        matched,
        "\(step) printed:\n\(shown.joined(separator: "\n"))\nbut the README shows:\n\(step.expected.joined(separator: "\n"))"
      )
    }
  }
}

extension ReadmeExamplesTests {
  /// With README_BLESS=1, writes what the commands printed into the README in place of what it
  /// shows, for a person to review with `git diff` before committing: never run by `make test`.
  static func bless(_ rewrites: [(step: ReadmeExamples.Step, output: [String])]) throws {
    let file = root.appendingPathComponent("README.md")
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    for (step, output) in rewrites.sorted(by: { $0.step.line > $1.step.line }) {
      var first = step.line  // the line after the command's last line
      while first < lines.count, lines[first - 1].hasSuffix("\\") { first += 1 }
      let indent = String(lines[step.line - 1].prefix { $0 == " " })
      lines.replaceSubrange(first..<(first + step.expected.count), with: output.map { $0.isEmpty ? $0 : indent + $0 })
    }
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
  }
}

/// One context's folder and current directory, where the README's commands run one after another.
struct ReadmeSession {
  let folder: TemporaryDirectory
  var directory: URL
  var runner: CLIRunner
  /// Keeps the sample's sandbox (and its folder) alive for the session.
  private let sandbox: LedgerSandbox?

  init(context: String, author: String) throws {
    if context == "tour" {
      folder = try TemporaryDirectory()
      sandbox = nil
    } else {
      let sample = try ValidationCommandTests.sample(context)
      folder = sample.directory
      sandbox = sample
      try Self.copyImportExamples(to: folder.url)
    }
    directory = folder.url
    runner = CLIRunner(directory: folder.url)
    runner.author = author
    runner.now = Date(timeIntervalSince1970: 1_795_773_600)  // 2026-11-27 10:00 UTC, the README's today
  }

  /// The example files of `ledger/imports`, which the README's imports read from the ledger's folder.
  static func copyImportExamples(to folder: URL) throws {
    let imports = ReadmeExamplesTests.root.appendingPathComponent("ledger/imports")
    for file in try FileManager.default.contentsOfDirectory(atPath: imports.path)
    where file.hasSuffix(".csv") || file.hasSuffix(".json") {
      let target = folder.appendingPathComponent(file)
      if !FileManager.default.fileExists(atPath: target.path) {
        try FileManager.default.copyItem(at: imports.appendingPathComponent(file), to: target)
      }
    }
  }

  /// Runs one README command line; returns what it printed on stdout and stderr.
  mutating func run(_ line: String) throws -> (String, String) {
    var command = line
    if let comment = command.range(of: "  #") { command = String(command[..<comment.lowerBound]) }
    var grep: String? = nil
    var redirect: String? = nil
    if let pipe = command.range(of: " | grep ") {
      grep = String(command[pipe.upperBound...]).trimmingCharacters(in: .whitespaces)
      command = String(command[..<pipe.lowerBound])
    }
    if let arrow = command.range(of: " > ", options: .backwards) {
      redirect = String(command[arrow.upperBound...]).trimmingCharacters(in: .whitespaces)
      command = String(command[..<arrow.lowerBound])
    }
    let words = ReadmeExamples.words(command)
    var stdout = ""
    var stderr = ""
    switch words.first {
    case "cd":
      directory = directory.appendingPathComponent(words[1]).standardizedFileURL
      runner.directory = directory
      try Self.copyImportExamples(to: directory)
    case "echo":
      stdout = words.dropFirst().joined(separator: " ") + "\n"
    case "adminledger":
      let result = runner.run(Array(words.dropFirst()))
      // The tour's folder is /tmp/tour in the README.
      let root = folder.url.standardizedFileURL.path
      stdout = result.output.replacingOccurrences(of: root, with: "/tmp/tour")
      stderr = result.error.replacingOccurrences(of: root, with: "/tmp/tour")
    default:
      Issue.record("the README test cannot run: \(line)")
    }
    if let grep {
      stdout = stdout.components(separatedBy: "\n").filter { $0.contains(grep) }.map { $0 + "\n" }.joined()
    }
    if let redirect {
      try stdout.write(to: directory.appendingPathComponent(redirect), atomically: true, encoding: .utf8)
      stdout = ""
    }
    return (stdout, stderr)
  }
}
