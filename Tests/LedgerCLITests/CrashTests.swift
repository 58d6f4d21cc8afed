import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

/// The built binary killed with SIGKILL at each named point of a write, an import, a sync, a
/// merge stop, a resolution and a merge's end (`ADMINLEDGER_CRASH_AT`, see `CrashPoint`).
/// After each: the next command recovers on its own, the repository passes `git fsck`, the
/// ledger validates, the work tree matches HEAD, and the operation happened whole or not at
/// all; running it again then succeeds.
@Suite struct CrashTests {
  /// The points a write passes, in order, and whether the write has landed once there.
  static let writePoints: [(point: String, landed: Bool)] = [
    ("write.objects-written", false), ("update.journal-written", false), ("update.branch-moved", true),
    ("worktree.file:1", true), ("worktree.file:2", true), ("worktree.files-written", true),
    ("update.worktree-done", true),
  ]

  // MARK: - Writes and imports

  /// A write of one file never reaches a second file.
  @Test(arguments: writePoints.map(\.point).filter { $0 != "worktree.file:2" })
  func aWriteKilledAnywhereIsWholeOrAbsent(_ point: String) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let before = try head(ledger.directory.url)
    let arguments = [
      "add", "accounts", "hugo-wiki", "--set", "person=hugo", "--set", "system=geonature", "--set", "status=active",
    ]
    try BuiltTool.crash(arguments, in: ledger.directory.url, at: point)
    try recoversAndIsIntact(ledger.directory.url)
    let landed = Self.writePoints.first { $0.point == point }!.landed
    try expectWholeOrAbsent(ledger.directory.url, before: before, landed: landed, files: ["accounts/hugo-wiki.json"])
    if !landed { #expect(try BuiltTool.run(arguments, in: ledger.directory.url).status == 0) }
  }

  /// An import of three records, killed between its files too.
  @Test(arguments: writePoints.map(\.point))
  func anImportKilledAnywhereIsWholeOrAbsent(_ point: String) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    try "id,name,organization\nzoe,Zoé Blanc,cen-paca\nyves,Yves Noir,cen-paca\nxavier,Xavier Gris,cen-paca\n"
      .write(to: root.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    let before = try head(root)
    try BuiltTool.crash(["import", "people", "people.csv"], in: root, at: point)
    try recoversAndIsIntact(root, ignoring: ["people.csv"])
    let landed = Self.writePoints.first { $0.point == point }!.landed
    try expectWholeOrAbsent(
      root, before: before, landed: landed, files: ["people/zoe.json", "people/yves.json", "people/xavier.json"])
    if !landed { #expect(try BuiltTool.run(["import", "people", "people.csv"], in: root).status == 0) }
  }

  /// An import of many records writes its files unflushed, flushes once, then renames them:
  /// killed between two renames, the next command finishes the rest.
  @Test func anImportOfManyRecordsKilledHalfwayThroughItsFilesIsFinished() throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    let rows = (0..<100).map { "p\($0),Person \($0)" }.joined(separator: "\n")
    try ("id,name\n" + rows + "\n").write(to: root.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    let before = try head(root)
    try BuiltTool.crash(["import", "people", "people.csv"], in: root, at: "worktree.file:50")
    try recoversAndIsIntact(root, ignoring: ["people.csv"])
    try expectWholeOrAbsent(root, before: before, landed: true, files: (0..<100).map { "people/p\($0).json" })
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("people").path)
        .allSatisfy { $0.hasSuffix(".json") })
  }

  @Test func aHistoryIndexTornHalfwayIsCutOffAndRebuilt() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    try BuiltTool.crash(["log"], in: root, at: "history-index.torn")
    let torn = try BuiltTool.run(["log"], in: root)
    #expect(torn.status == 0, "\(torn)")
    try FileManager.default.removeItem(at: root.appendingPathComponent(".git/adminledger/history.idx"))
    let fresh = try BuiltTool.run(["log"], in: root)
    #expect(torn.output == fresh.output)
    #expect(fresh.output.contains("Add people/hugo"))
  }

  /// A reader of history stopped while printing (a closed pipe, Ctrl-C in a pager) keeps the
  /// history index its walk built: the next run does not walk the history again.
  @Test(arguments: [
    ["log", "people/hugo"], ["log", "--author", "Claire Durand"], ["blame", "people/hugo"], ["diff", "HEAD~2..HEAD"],
  ])
  func aReaderOfHistoryKilledBeforePrintingKeepsTheIndexItBuilt(_ command: [String]) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    let index = root.appendingPathComponent(".git/adminledger/history.idx")
    try? FileManager.default.removeItem(at: index)
    try BuiltTool.crash(command, in: root, at: "history.read")
    #expect(FileManager.default.fileExists(atPath: index.path), "\(command)")
    let again = try BuiltTool.run(command, in: root)
    #expect(again.status == 0, "\(again)")
  }

  // MARK: - Syncs

  static let syncPoints = [
    "sync.fetched", "update.journal-written", "update.branch-moved", "worktree.file:1", "update.worktree-done",
  ]

  @Test(arguments: syncPoints)
  func aFastForwardKilledAnywhereIsFinishedByTheNextSync(_ point: String) throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc"])
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "duration_hours=4"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let marc = shared.marc.directory
    try BuiltTool.crash(["sync"], in: marc, at: point, author: SharedLedger.marcPetit)
    try recoversAndIsIntact(marc)
    #expect(try BuiltTool.run(["sync"], in: marc, author: SharedLedger.marcPetit).status == 0)
    try recoversAndIsIntact(marc)
    #expect(try shared.head(shared.marc) == shared.head(shared.claire))
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains("\"duration_hours\": 4") == true)
  }

  @Test(arguments: syncPoints + ["sync.pushed"])
  func aMergingSyncKilledAnywhereLosesNeitherSide(_ point: String) throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["add", "people", "yves", "--set", "name=Yves Noir"])
    let marc = shared.marc.directory
    try BuiltTool.crash(["sync"], in: marc, at: point, author: SharedLedger.marcPetit)
    try recoversAndIsIntact(marc)
    #expect(try BuiltTool.run(["sync"], in: marc, author: SharedLedger.marcPetit).status == 0)
    try SharedLedger.succeed(shared.claire, ["sync"])
    for runner in [shared.claire, shared.marc] {
      try recoversAndIsIntact(runner.directory)
      #expect(shared.read(runner, "people/zoe.json") != nil)
      #expect(shared.read(runner, "people/yves.json") != nil)
    }
    #expect(try shared.head(shared.marc) == shared.head(shared.claire))
    #expect(try shared.gitInBare("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == shared.head(shared.marc))
    #expect(try shared.gitInBare("fsck", "--no-progress").isEmpty)
    // A push killed after parking its commit leaves no reference behind once the next lands.
    try SharedLedger.succeed(shared.claire, ["add", "people", "xavier", "--set", "name=Xavier Gris"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(try shared.gitInBare("for-each-ref", "refs/adminledger/").isEmpty)
  }

  // MARK: - Stopped merges, resolutions, and their end

  /// Claire and Marc both change the training's duration: Marc's sync stops on the conflict.
  private func conflictingChanges() throws -> SharedLedger {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "duration_hours=4"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=5"])
    return shared
  }

  @Test(arguments: ["stop.journal-written", "stop.merge-head-written", "stop.files-written"])
  func aMergeStopKilledAnywhereIsUndoneAndCanBeRedone(_ point: String) throws {
    let shared = try conflictingChanges()
    let marc = shared.marc.directory
    let before = try shared.head(shared.marc)
    try BuiltTool.crash(["sync"], in: marc, at: point, author: SharedLedger.marcPetit)
    try recoversAndIsIntact(marc)
    #expect(try shared.head(shared.marc) == before)
    #expect(!FileManager.default.fileExists(atPath: marc.appendingPathComponent(".git/MERGE_HEAD").path))
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains("\"duration_hours\": 5") == true)
    // Done again, the stop is whole, and the merge ends as usual.
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "duration_hours", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    try recoversAndIsIntact(marc)
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains("\"duration_hours\": 4") == true)
  }

  @Test(arguments: ["resolve.state-saved", "resolve.file-written"])
  func aResolutionKilledAnywhereIsSettledOnceWhenDoneAgain(_ point: String) throws {
    let shared = try conflictingChanges()
    let marc = shared.marc.directory
    #expect(shared.marc.run("sync").status == 1)
    try BuiltTool.crash(
      ["resolve", "trainings/intro", "duration_hours", "--theirs"], in: marc, at: point, author: SharedLedger.marcPetit)
    #expect(try BuiltTool.run(["validate"], in: marc).status == 0)
    #expect(try gitSucceeds(["fsck", "--no-progress"], in: marc))
    // The conflict is still open until it is settled again; then the merge records it once.
    #expect(shared.marc.run("sync", "--continue").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "duration_hours", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    try recoversAndIsIntact(marc)
    let message = try shared.git(shared.marc, "log", "-1", "--format=%B")
    #expect(message.components(separatedBy: "trainings/intro duration_hours theirs").count == 2, "\(message)")
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains("\"duration_hours\": 4") == true)
  }

  @Test func aMergeKilledRightAfterItsCommitIsEndedByTheNextCommand() throws {
    let shared = try conflictingChanges()
    let marc = shared.marc.directory
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "duration_hours", "--ours"])
    try BuiltTool.crash(["sync", "--continue"], in: marc, at: "conclude.branch-moved", author: SharedLedger.marcPetit)
    try recoversAndIsIntact(marc)
    #expect(!FileManager.default.fileExists(atPath: marc.appendingPathComponent(".git/MERGE_HEAD").path))
    #expect(try shared.git(shared.marc, "log", "-1", "--format=%P").split(separator: " ").count == 2)
    // Nothing is in the way of the next sync, which publishes the merge.
    #expect(try BuiltTool.run(["sync"], in: marc, author: SharedLedger.marcPetit).status == 0)
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
    #expect(shared.read(shared.claire, "trainings/intro.json")?.contains("\"duration_hours\": 5") == true)
  }

  /// A git program killed while writing leaves its lock file: git's own rule is to name it and
  /// let a person remove it, since a live `git commit` holds the same file while its editor is
  /// open.
  @Test(arguments: [".git/index.lock", ".git/refs/heads/main.lock"])
  func aLockLeftByAKilledGitProgramIsNamedAndNothingIsWritten(_ lock: String) throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    let before = try head(root)
    let file = root.appendingPathComponent(lock)
    try Data().write(to: file)
    let refused = try BuiltTool.run(["add", "people", "zoe", "--set", "name=Zoé Blanc"], in: root)
    #expect(refused.status != 0)
    #expect(refused.error.contains("(\(file.path) exists); nothing was changed"), "\(refused.error)")
    #expect(refused.error.contains("if no git program is running, remove \(file.path)"))
    #expect(try head(root) == before)
    try FileManager.default.removeItem(at: file)
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
    #expect(try BuiltTool.run(["add", "people", "zoe", "--set", "name=Zoé Blanc"], in: root).status == 0)
  }

  @Test func everyCrashPointIsReachedByTheseTests() {
    // A point added to the code and not here would go untested.
    let covered = Set(
      (Self.writePoints.map(\.point) + Self.syncPoints + [
        "sync.pushed", "stop.journal-written", "stop.merge-head-written", "stop.files-written",
        "resolve.state-saved", "resolve.file-written", "conclude.branch-moved", "history-index.torn",
        "history.read",
      ]).map { String($0.split(separator: ":")[0]) })
    #expect(covered == Set(CrashPoint.all))
  }

  // MARK: - Helpers

  /// The next command (`validate`) recovers; then the clone is sound: no update left pending,
  /// the ledger valid, `git fsck` clean, and the work tree and index exactly HEAD.
  private func recoversAndIsIntact(_ directory: URL, ignoring untracked: [String] = []) throws {
    let validated = try BuiltTool.run(["validate"], in: directory)
    #expect(validated.status == 0, "\(validated.output)\(validated.error)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git/adminledger/pending.json").path))
    #expect(try gitSucceeds(["fsck", "--no-progress"], in: directory))
    let status = try ExternalProgram.git("status", "--porcelain", in: directory).output
      .split(separator: "\n").filter { line in !untracked.contains { line.hasSuffix($0) } }
    #expect(status.isEmpty, "work tree or index differs from HEAD: \(status)")
  }

  /// Landed: HEAD is one commit after `before` and holds every file; else HEAD is `before`
  /// and no file is there.
  private func expectWholeOrAbsent(_ directory: URL, before: String, landed: Bool, files: [String]) throws {
    let after = try head(directory)
    for file in files {
      let exists = FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path)
      #expect(exists == landed, "\(file)")
    }
    if landed {
      #expect(
        try ExternalProgram.git("rev-parse", "HEAD~1", in: directory).output.trimmingCharacters(in: .whitespacesAndNewlines)
          == before)
    } else {
      #expect(after == before)
    }
  }

  private func head(_ directory: URL) throws -> String {
    try ExternalProgram.git("rev-parse", "HEAD", in: directory).output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func gitSucceeds(_ arguments: [String], in directory: URL) throws -> Bool {
    try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory).status == 0
  }
}
