import Foundation
import LedgerTestSupport
import Testing

/// The real `git` program and the tool share one repository: a clone made by `git clone` syncs
/// with the tool, and `git pull` merges records field by field through the merge driver that
/// `hook install` registers (the script runs the built `adminledger`).
@Suite struct MergeDriverTests {
  @Test func aCloneMadeByGitSyncsWithTheToolOnceTheHooksAreInstalled() throws {
    let shared = try GitClonePair()
    let clone = shared.gitClone.directory
    let driver = try ExternalProgram.git("config", "merge.adminledger.driver", in: clone)
    #expect(driver.output == "'\(clone.path)/.git/hooks/adminledger-merge-driver' %O %A %B %P\n")
    #expect(
      try ExternalProgram.git("check-attr", "merge", "trainings/t1.json", in: clone).output
        == "trainings/t1.json: merge: adminledger\n")

    #expect(shared.first.run("set", "trainings/t1", "--set", "location=Lyon").status == 0)
    #expect(shared.first.run("sync").status == 0)
    #expect(shared.gitClone.run("set", "trainings/t1", "--set", "topic=Git for administrators").status == 0)
    let sync = shared.gitClone.run("sync")
    #expect(sync.status == 0, "\(sync)")
    #expect(sync.output.hasPrefix("Merged origin/main into main: 1 record (commit "), "\(sync)")
    #expect(sync.output.hasSuffix("Pushed main to origin/main (\(shared.bare.path))\n"), "\(sync)")
    #expect(try shared.git(["status", "--porcelain"], in: clone).output.isEmpty)

    // What the git clone pushed, a clone made by the tool sees, and the first ledger too.
    var second = shared.first
    second.author = "Marc Petit <marc@example.org>"
    #expect(second.run("clone", shared.bare.path, shared.folder.path("second").path).status == 0)
    second.directory = shared.folder.path("second")
    let shown = second.run("show", "trainings/t1", "--format", "json")
    #expect(try Self.field("location", of: shown.output) == "Lyon")
    #expect(try Self.field("topic", of: shown.output) == "Git for administrators")
    let fastForward = shared.first.run("sync")
    #expect(fastForward.output.hasPrefix("Fast-forwarded main to origin/main (commit "), "\(fastForward)")
    let heads = try [shared.first.directory, clone, second.directory, shared.bare].map {
      try shared.git(["rev-parse", "main"], in: $0).output
    }
    #expect(Set(heads).count == 1, "\(heads)")
    #expect(try shared.git(["fsck"], in: shared.bare).status == 0)
  }

  @Test func gitPullMergesDisjointFieldsAndSetAdditionsWithoutAConflict() throws {
    let shared = try GitClonePair()
    let clone = shared.gitClone.directory
    #expect(shared.first.run("set", "trainings/t1", "--set", "location=Lyon", "--set", #"attendees=["hugo","anne"]"#).status == 0)
    #expect(shared.first.run("sync").status == 0)
    #expect(
      shared.gitClone.run("set", "trainings/t1", "--set", "topic=Git for administrators", "--set", #"attendees=["hugo","zoe"]"#)
        .status == 0)
    let ours = try shared.git(["rev-parse", "HEAD"], in: clone).output

    let pull = try shared.git(["pull", "--no-rebase", "--no-edit"], in: clone)
    #expect(pull.status == 0, "\(pull)")
    #expect(!pull.output.contains("CONFLICT"), "\(pull.output)")
    #expect(
      shared.gitClone.directoryFile("trainings/t1.json") == """
        {
          "attendees": [
            "hugo",
            "zoe",
            "anne"
          ],
          "date": "2026-11-20",
          "duration_hours": 3,
          "location": "Lyon",
          "topic": "Git for administrators"
        }

        """)
    let parents = try shared.git(["log", "-1", "--format=%P"], in: clone).output
    let theirs = try shared.git(["rev-parse", "origin/main"], in: clone).output
    #expect(parents == "\(ours.dropLast()) \(theirs)")
    #expect(try shared.git(["status", "--porcelain"], in: clone).output.isEmpty)
    let validate = shared.gitClone.run("validate")
    #expect(validate.status == 0, "\(validate)")
    #expect(shared.gitClone.run("conflicts").output == "No merge in progress.\n")
  }

  enum Conclusion: String, CaseIterable, CustomTestStringConvertible {
    case syncContinue = "adminledger sync --continue --no-push"
    case gitCommit = "git commit --no-edit"
    var testDescription: String { rawValue }
  }

  @Test(arguments: Conclusion.allCases)
  func gitPullOfOneFieldSetTwiceConflictsAndTheToolSettlesIt(_ conclusion: Conclusion) throws {
    let shared = try GitClonePair()
    let clone = shared.gitClone.directory
    try shared.divergeOnLocation(first: "Nice", gitClone: "Brest")
    let ours = try shared.git(["rev-parse", "HEAD"], in: clone).output.dropLast()

    let pull = try shared.git(["pull", "--no-rebase", "--no-edit"], in: clone)
    #expect(pull.status == 1, "\(pull)")
    #expect(pull.output.contains("CONFLICT (content): Merge conflict in trainings/t1.json"), "\(pull.output)")
    #expect(try shared.git(["status", "--porcelain"], in: clone).output == "UU trainings/t1.json\n")
    let stopped = try #require(shared.gitClone.directoryFile("trainings/t1.json"))
    #expect(!stopped.contains("<<<<<<<"), "\(stopped)")
    #expect(try Self.field("location", of: stopped) == "Brest")
    #expect(try Self.field("topic", of: stopped) == "Git basics")

    let conflicts = shared.gitClone.run("conflicts")
    #expect(conflicts.status == 1, "\(conflicts)")
    #expect(conflicts.output.contains("trainings/t1  location\n  base    \"Marseille\"\n  ours    \"Brest\" "), "\(conflicts)")
    #expect(conflicts.output.contains("  theirs  \"Nice\"  "), "\(conflicts)")
    let listed = try Self.conflictList(shared.gitClone.run("conflicts", "--format", "json").output)
    #expect(
      listed == [ListedConflict(record: "trainings/t1", field: "location", base: "Marseille", ours: "Brest", theirs: "Nice")])

    let resolved = shared.gitClone.run("resolve", "trainings/t1", "location", "--theirs")
    #expect(resolved.status == 0, "\(resolved)")
    #expect(resolved.output == "Resolved trainings/t1 location: the record is settled.\n")
    #expect(shared.gitClone.run("conflicts").status == 0)
    switch conclusion {
    case .syncContinue:
      let continued = shared.gitClone.run("sync", "--continue", "--no-push")
      #expect(continued.status == 0, "\(continued)")
      let trailers = try shared.git(["log", "-1", "--format=%(trailers:key=Ledger-Resolved,valueonly)"], in: clone)
      #expect(trailers.output == "trainings/t1 location theirs\n\n")
    case .gitCommit:
      let committed = try shared.git(["commit", "--no-edit"], in: clone)
      #expect(committed.status == 0, "\(committed)")
    }
    let theirs = try shared.git(["rev-parse", "origin/main"], in: clone).output
    #expect(try shared.git(["log", "-1", "--format=%P"], in: clone).output == "\(ours) \(theirs)")
    #expect(try Self.field("location", of: shared.gitClone.directoryFile("trainings/t1.json") ?? "") == "Nice")
    #expect(try shared.git(["status", "--porcelain"], in: clone).output.isEmpty)
    #expect(shared.gitClone.run("conflicts").output == "No merge in progress.\n")
    #expect(shared.gitClone.run("validate").status == 0)
  }

  /// The resolutions of a merge the git program concluded belong to that merge only: the next
  /// `git pull` that conflicts on the same field is reported again, not settled in advance.
  @Test func aMergeConcludedByGitCommitLeavesNoResolutionForTheNextMerge() throws {
    let shared = try GitClonePair()
    let clone = shared.gitClone.directory
    try shared.divergeOnLocation(first: "Nice", gitClone: "Brest")
    #expect(try shared.git(["pull", "--no-rebase", "--no-edit"], in: clone).status == 1)
    #expect(shared.gitClone.run("resolve", "trainings/t1", "location", "--ours").status == 0)
    #expect(try shared.git(["commit", "--no-edit"], in: clone).status == 0)
    #expect(try shared.git(["push", "-q", "origin", "main"], in: clone).status == 0)
    #expect(shared.first.run("sync").status == 0)

    try shared.divergeOnLocation(first: "Metz", gitClone: "Pau")
    #expect(try shared.git(["pull", "--no-rebase", "--no-edit"], in: clone).status == 1)
    let conflicts = shared.gitClone.run("conflicts", "--format", "json")
    #expect(conflicts.status == 1, "an open conflict must be reported: \(conflicts)")
    #expect(
      try Self.conflictList(conflicts.output)
        == [ListedConflict(record: "trainings/t1", field: "location", base: "Brest", ours: "Pau", theirs: "Metz")])
  }

  @Test func withoutTheDriverGitsTextMergeLeavesMarkersThatTheToolReportsAndResolves() throws {
    let shared = try GitClonePair()
    let clone = shared.gitClone.directory
    #expect(try shared.git(["config", "--remove-section", "merge.adminledger"], in: clone).status == 0)
    #expect(shared.first.run("set", "trainings/t1", "--set", "location=Nice", "--set", #"attendees=["hugo","anne"]"#).status == 0)
    #expect(shared.first.run("sync").status == 0)
    #expect(
      shared.gitClone.run("set", "trainings/t1", "--set", "location=Brest", "--set", #"attendees=["hugo","zoe"]"#).status == 0)

    let pull = try shared.git(["pull", "--no-rebase", "--no-edit"], in: clone)
    #expect(pull.status == 1, "\(pull)")
    let marked = try #require(shared.gitClone.directoryFile("trainings/t1.json"))
    #expect(marked.contains("<<<<<<< HEAD\n"), "\(marked)")

    let status = shared.gitClone.run("status")
    #expect(status.output.hasPrefix("A merge is in progress: "), "\(status)")
    #expect(status.output.contains(" into this clone, 1 open conflict, 1 finding.\n"), "\(status)")
    #expect(status.output.hasSuffix("Files the merge changes, not committed yet:\nconflicted trainings/t1.json\n"), "\(status)")
    #expect(!status.output.contains("No hand edits"), "\(status)")

    let validate = shared.gitClone.run("validate")
    #expect(validate.status == 1, "\(validate)")
    #expect(!validate.output.contains("The ledger is valid"), "\(validate)")
    #expect(validate.output.contains("trainings/t1.json:4:1: error[json]: expected a value but found '<'"), "\(validate)")
    #expect(validate.output.contains("A merge is in progress (branch 'main' of "), "\(validate)")

    // git's index holds the three versions: the field conflict is read from them, and the
    // attendees, a set, merge without one.
    let conflicts = shared.gitClone.run("conflicts", "--format", "json")
    #expect(conflicts.status == 1, "\(conflicts)")
    #expect(
      try Self.conflictList(conflicts.output)
        == [ListedConflict(record: "trainings/t1", field: "location", base: "Marseille", ours: "Brest", theirs: "Nice")])

    let resolved = shared.gitClone.run("resolve", "trainings/t1", "location", "--ours")
    #expect(resolved.status == 0, "\(resolved)")
    #expect(
      shared.gitClone.directoryFile("trainings/t1.json") == """
        {
          "attendees": [
            "hugo",
            "zoe",
            "anne"
          ],
          "date": "2026-11-20",
          "duration_hours": 3,
          "location": "Brest",
          "topic": "Git basics"
        }

        """)
    #expect(shared.gitClone.run("validate").status == 0)
    let continued = shared.gitClone.run("sync", "--continue", "--no-push")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.git(["log", "-1", "--format=%P"], in: clone).output.split(separator: " ").count == 2)
    #expect(try shared.git(["status", "--porcelain"], in: clone).output.isEmpty)
  }

  @Test func theDriverCalledDirectlyMergesDisjointEditsAndExitsZero() throws {
    let files = try MergeDriverInputFiles(
      base: #"{"attendees": ["hugo"], "date": "2026-11-20", "location": "Marseille", "topic": "Git"}"#,
      ours: #"{"attendees": ["hugo", "zoe"], "date": "2026-11-20", "location": "Lyon", "topic": "Git"}"#,
      theirs: #"{"attendees": ["anne", "hugo"], "date": "2026-11-20", "location": "Marseille", "topic": "Rust"}"#)
    let outcome = try files.runDriver()
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.isEmpty)
    #expect(
      files.ours == """
        {
          "attendees": [
            "hugo",
            "zoe",
            "anne"
          ],
          "date": "2026-11-20",
          "location": "Lyon",
          "topic": "Rust"
        }

        """)
    #expect(files.theirs == #"{"attendees": ["anne", "hugo"], "date": "2026-11-20", "location": "Marseille", "topic": "Rust"}"#)
  }

  @Test func theDriverCalledDirectlyKeepsOursOnAConflictAndExitsOne() throws {
    let files = try MergeDriverInputFiles(
      base: #"{"date": "2026-11-20", "location": "Marseille", "topic": "Git"}"#,
      ours: #"{"date": "2026-11-20", "location": "Lyon", "topic": "Git"}"#,
      theirs: #"{"date": "2026-11-21", "location": "Nice", "topic": "Git"}"#)
    let outcome = try files.runDriver()
    #expect(outcome.status == 1, "\(outcome.error)")
    #expect(
      files.ours == """
        {
          "date": "2026-11-21",
          "location": "Lyon",
          "topic": "Git"
        }

        """)
  }

  // MARK: - Helpers

  struct ListedConflict: Equatable, CustomStringConvertible {
    let record, field, base, ours, theirs: String
    var description: String { "\(record) \(field): \(base) / \(ours) / \(theirs)" }
  }

  /// The conflicts `conflicts --format json` lists, with string values.
  static func conflictList(_ json: String) throws -> [ListedConflict] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
    let conflicts = try #require(object["conflicts"] as? [[String: Any]], "\(json)")
    return conflicts.map { conflict in
      func value(_ side: String) -> String {
        ((conflict[side] as? [String: Any])?["value"] as? String) ?? "?"
      }
      return ListedConflict(
        record: conflict["record"] as? String ?? "?", field: conflict["field"] as? String ?? "?",
        base: value("base"), ours: value("ours"), theirs: value("theirs"))
    }
  }

  /// A string field of a JSON object.
  static func field(_ name: String, of json: String) throws -> String? {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
    return object[name] as? String
  }
}

/// A bare repository shared by the first administrator's ledger (made by the tool) and a
/// clone made by the real `git clone`, with `hook install` run in it.
private struct GitClonePair {
  let folder: TemporaryDirectory
  let bare: URL
  /// The ledger made by `init`, pushing to the bare repository.
  let first: CLIRunner
  /// The runner inside the clone `git clone` made.
  let gitClone: CLIRunner

  init() throws {
    folder = try TemporaryDirectory()
    bare = folder.path("shared.git")
    try #require(try ExternalProgram.git("init", "-q", "--bare", "--initial-branch=main", bare.path, in: folder.url).status == 0)
    let firstFolder = folder.path("first")
    try FileManager.default.createDirectory(at: firstFolder, withIntermediateDirectories: true)
    var first = CLIRunner(directory: firstFolder)
    first.author = "Claire Durand <claire.durand@example.org>"
    let steps: [[String]] = [
      ["init", "--name", "Shared ledger"],
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
      ["add", "people", "hugo", "--set", "name=Hugo Lefèvre", "--set", "organization=cen-paca"],
      ["add", "people", "anne", "--set", "name=Anne Martin", "--set", "organization=cen-paca"],
      ["add", "people", "zoe", "--set", "name=Zoé Blanc", "--set", "organization=cen-paca"],
      [
        "add", "trainings", "t1", "--set", "date=2026-11-20", "--set", "topic=Git basics", "--set", "duration_hours=3",
        "--set", "location=Marseille", "--set", #"attendees=["hugo"]"#,
      ],
    ]
    for step in steps {
      let result = first.run(step)
      try #require(result.status == 0, "\(step): \(result)")
    }
    try #require(try ExternalProgram.git("remote", "add", "origin", bare.path, in: firstFolder).status == 0)
    let sync = first.run("sync")
    try #require(sync.status == 0, "\(sync)")
    self.first = first

    let cloned = try ExternalProgram.git("clone", "-q", bare.path, "git-clone", in: folder.url)
    try #require(cloned.status == 0, "\(cloned.error)")
    var gitClone = CLIRunner(directory: folder.path("git-clone"))
    gitClone.author = "Hugo Lefèvre <hugo@example.org>"
    let install = gitClone.run("hook", "install")
    let hooks = gitClone.directory.appendingPathComponent(".git/hooks").path
    try #require(
      install.output.hasPrefix(
        "Installed \(hooks)/pre-commit\nInstalled \(hooks)/pre-merge-commit\nInstalled \(hooks)/adminledger-merge-driver\n"
          + "Trusted from here on: the ledger's first commit "), "\(install)")
    self.gitClone = gitClone
  }

  /// Runs the real git program with a committer identity, as a person with git set up would.
  func git(_ arguments: [String], in directory: URL) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Hugo Lefèvre", "-c", "user.email=hugo@example.org"] + arguments, in: directory)
  }

  /// The first ledger sets training t1's location and pushes; the git clone sets it
  /// differently and commits, without pulling.
  func divergeOnLocation(first location: String, gitClone other: String) throws {
    try #require(first.run("set", "trainings/t1", "--set", "location=\(location)").status == 0)
    let sync = first.run("sync")
    try #require(sync.status == 0, "\(sync)")
    try #require(gitClone.run("set", "trainings/t1", "--set", "location=\(other)").status == 0)
  }
}

/// Git's three temporary files for one merge (`%O %A %B`), next to a ledger that knows the
/// attendees are a set.
private struct MergeDriverInputFiles {
  let folder: TemporaryDirectory
  let ledger: LedgerSandbox

  init(base: String, ours: String, theirs: String) throws {
    folder = try TemporaryDirectory()
    ledger = try LedgerSandbox()
    try folder.write("base.json", base)
    try folder.write("ours.json", ours)
    try folder.write("theirs.json", theirs)
  }

  var ours: String? { folder.read("ours.json") }
  var theirs: String? { folder.read("theirs.json") }

  /// Runs the built binary as git runs the driver: in the top of the work tree, with `%P`.
  func runDriver() throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(
      try ExternalProgram.builtTool(),
      [
        "merge-driver", folder.path("base.json").path, folder.path("ours.json").path, folder.path("theirs.json").path,
        "trainings/t1.json",
      ],
      in: ledger.directory.url)
  }
}

extension CLIRunner {
  /// The text of a file in this runner's folder.
  fileprivate func directoryFile(_ relative: String) -> String? {
    FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path)
      .map { String(decoding: $0, as: UTF8.self) }
  }
}
