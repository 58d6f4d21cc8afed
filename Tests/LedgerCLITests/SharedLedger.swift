import Foundation
import LedgerTestSupport
import Testing

/// Two administrators sharing one bare repository, as the README's "Working together" sets
/// them up: Claire makes the ledger with `init`, adds the bare repository with
/// `git remote add origin PATH` and publishes it with `sync`; Marc starts from `clone PATH b`.
/// Each has a runner (the CLI in-process) in their own clone, under their own name.
///
/// The ledger is seeded with what merges work on: an organisation, four people (Hugo has an
/// email), a system, Hugo's account on it, and one training, `trainings/intro`.
struct SharedLedger {
  let directory: TemporaryDirectory
  /// Claire Durand's clone (`a`, made by `init`).
  var claire: CLIRunner
  /// Marc Petit's clone (`b`, made by `clone`).
  var marc: CLIRunner

  static let marcPetit = "Marc Petit <marc.petit@example.org>"

  /// The shared bare repository.
  var bare: URL { directory.path("shared.git") }

  /// The seeded training, as every clone holds it after set-up.
  static let introTraining = """
    {
      "attendees": [
        "hugo",
        "anne"
      ],
      "date": "2026-11-02",
      "duration_hours": 3,
      "location": "Aix-en-Provence",
      "topic": "GeoNature basics"
    }

    """

  init() throws {
    directory = try TemporaryDirectory()
    let root = directory.url
    try SharedLedger.git(["init", "--bare", "--initial-branch=main", "shared.git"], in: root)
    try FileManager.default.createDirectory(at: directory.path("a"), withIntermediateDirectories: true)
    claire = CLIRunner(directory: directory.path("a"))
    try SharedLedger.succeed(claire, ["init", "--name", "Shared ledger"])
    let seed: [[String]] = [
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
      [
        "add", "people", "hugo", "--set", "name=Hugo Lefèvre", "--set", "organization=cen-paca",
        "--set", #"emails=["hugo@example.org"]"#,
      ],
      ["add", "people", "anne", "--set", "name=Anne Martin", "--set", "organization=cen-paca"],
      ["add", "people", "lea", "--set", "name=Léa Roux", "--set", "organization=cen-paca"],
      ["add", "people", "paul", "--set", "name=Paul Girard", "--set", "organization=cen-paca"],
      [
        "add", "systems", "geonature", "--set", "name=GeoNature", "--set", "type=application",
        "--set", #"roles=["reader","contributor","admin"]"#,
      ],
      [
        "add", "accounts", "hugo-geonature", "--set", "person=hugo", "--set", "system=geonature",
        "--set", "status=active",
      ],
      [
        "add", "trainings", "intro", "--set", "date=2026-11-02", "--set", "topic=GeoNature basics",
        "--set", #"attendees=["hugo","anne"]"#, "--set", "duration_hours=3", "--set", "location=Aix-en-Provence",
      ],
    ]
    for step in seed { try SharedLedger.succeed(claire, step) }
    let bare = directory.path("shared.git")
    try SharedLedger.git(["remote", "add", "origin", bare.path], in: claire.directory)
    try SharedLedger.succeed(claire, ["sync"])
    marc = CLIRunner(directory: root)
    marc.author = SharedLedger.marcPetit
    try SharedLedger.succeed(marc, ["clone", bare.path, "b"])
    marc.directory = directory.path("b")
    try #require(SharedLedger.introTraining == read(marc, "trainings/intro.json"))
  }

  /// What `clone` and `hook install` say a clone or the shared repository trusts, for a ledger
  /// whose first commit is `root` and that requires no signed commits.
  static func trustLines(root: String, gitDirectory: URL, signs: Bool) -> String {
    var lines =
      "Trusted from here on: the ledger's first commit \(root.prefix(7)) (not signed), pinned in \(gitDirectory.path)/adminledger/trust.json\n"
      + "Signed commits: not required (ledger.json sets no policy.signed_commits_from): a commit's author is what its committer typed\n"
    if signs {
      lines +=
        "This clone signs nothing: git's configuration names no signing key (pass --signing-key ~/.ssh/id_ed25519, a key your record lists under signing_keys)\n"
    }
    return lines
  }

  /// The ledger's first commit, as a runner's clone holds it.
  func root(_ runner: CLIRunner) throws -> String {
    try git(runner, "rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Records Claire and Marc as administrators (the admin role, and the email their commits
  /// carry in git_identities), in Claire's clone, and publishes that.
  func recordAdministrators() throws {
    for (id, name, email) in [
      ("claire", "Claire Durand", "claire.durand@example.org"), ("marc", "Marc Petit", "marc.petit@example.org"),
    ] {
      try SharedLedger.succeed(
        claire,
        [
          "add", "people", id, "--set", "name=\(name)", "--set", "organization=cen-paca",
          "--set", #"ledger_roles=[{"role":"admin"}]"#, "--set", "git_identities=[\"\(email)\"]",
        ])
    }
    try SharedLedger.succeed(claire, ["sync"])
  }

  /// A further administrator's clone, made by `clone` into `folder`.
  func newClone(_ folder: String, author: String) throws -> CLIRunner {
    var runner = CLIRunner(directory: directory.url)
    runner.author = author
    try SharedLedger.succeed(runner, ["clone", bare.path, folder])
    runner.directory = directory.path(folder)
    return runner
  }

  // MARK: Running

  /// Runs a command that must succeed (exit 0), and returns what it printed.
  @discardableResult
  static func succeed(_ runner: CLIRunner, _ arguments: [String]) throws -> CLIResult {
    let result = runner.run(arguments)
    try #require(result.status == 0, "adminledger \(arguments.joined(separator: " ")) failed: \(result)")
    return result
  }

  /// Runs the real `git` program; it must succeed. Returns its standard output.
  @discardableResult
  static func git(_ arguments: [String], in directory: URL) throws -> String {
    let outcome = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory)
    try #require(outcome.status == 0, "git \(arguments.joined(separator: " ")) failed: \(outcome.error)")
    return outcome.output
  }

  /// `git ARGUMENTS` in a runner's clone.
  @discardableResult
  func git(_ runner: CLIRunner, _ arguments: String...) throws -> String {
    try SharedLedger.git(arguments, in: runner.directory)
  }

  /// `git ARGUMENTS` in the bare repository.
  @discardableResult
  func gitInBare(_ arguments: String...) throws -> String {
    try SharedLedger.git(arguments, in: bare)
  }

  // MARK: Reading

  /// The text of a file of a runner's clone, nil when absent.
  func read(_ runner: CLIRunner, _ relative: String) -> String? {
    FileManager.default.contents(atPath: runner.directory.appendingPathComponent(relative).path)
      .map { String(decoding: $0, as: UTF8.self) }
  }

  /// The commit a clone's HEAD points at.
  func head(_ runner: CLIRunner) throws -> String {
    try git(runner, "rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The commit the bare repository's `main` points at.
  func bareMain() throws -> String {
    try gitInBare("rev-parse", "refs/heads/main").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The parents of a clone's HEAD commit.
  func parents(_ runner: CLIRunner, of revision: String = "HEAD") throws -> [String] {
    try git(runner, "log", "-1", "--format=%P", revision).split(whereSeparator: \.isWhitespace).map(String.init)
  }

  /// The values of one trailer of a commit, in order.
  func trailers(_ runner: CLIRunner, _ key: String, of revision: String = "HEAD") throws -> [String] {
    try git(runner, "log", "-1", "--format=%(trailers:key=\(key),valueonly)", revision)
      .split(separator: "\n").map(String.init)
  }

  /// The merge commits reachable from a clone's HEAD.
  func merges(_ runner: CLIRunner) throws -> [String] {
    try git(runner, "rev-list", "--merges", "HEAD").split(separator: "\n").map(String.init)
  }

  /// Everything a sync may touch in one clone: HEAD, every work-tree file, and the index file's
  /// bytes. Comparing two of these proves a command changed nothing (or restored everything).
  struct CloneState: Equatable, CustomStringConvertible {
    let head: String
    let files: [String: Data]
    let index: Data?

    var description: String { "HEAD \(head), files: \(files.keys.sorted().joined(separator: ", "))" }
  }

  func state(_ runner: CLIRunner) throws -> CloneState { try SharedLedger.state(at: runner.directory) }

  /// The state of the clone whose work tree is `root`.
  static func state(at root: URL) throws -> CloneState {
    let index = FileManager.default.contents(atPath: root.appendingPathComponent(".git/index").path)
    let head = try git(["rev-parse", "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
    return CloneState(head: head, files: try files(in: root), index: index)
  }

  /// Every file under `root` except the `.git` folder, by path relative to `root`.
  static func files(in root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = root.resolvingSymlinksInPath().path
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      let path = url.resolvingSymlinksInPath().path
      let relative = String(path.dropFirst(base.count + 1))
      if relative == ".git" || relative.hasPrefix(".git/") {
        enumerator?.skipDescendants()
        continue
      }
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }
}
