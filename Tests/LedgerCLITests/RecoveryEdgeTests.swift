import Foundation
import LedgerTestSupport
import Testing

/// What people and other programs do between a crash and the next command: recovery finishes
/// or undoes only what the killed process began, and never a person's work.
@Suite struct RecoveryEdgeTests {
  /// A merge the git program started after the crash (on a file of its own) is left alone.
  @Test func aMergeTheGitProgramStartedSinceIsLeftAlone() throws {
    let shared = try conflictingChanges()
    let marc = shared.marc.directory
    try commitNotes("base", in: marc)
    try git(["branch", "side"], in: marc)
    try commitNotes("main", in: marc)
    try git(["checkout", "-q", "side"], in: marc)
    try commitNotes("side", in: marc)
    try git(["checkout", "-q", "main"], in: marc)
    try BuiltTool.crash(["sync"], in: marc, at: "stop.journal-written", author: SharedLedger.marcPetit)
    let merged = try ExternalProgram.git("-c", "user.name=T", "-c", "user.email=t@example.org", "merge", "side", in: marc)
    try #require(merged.output.contains("CONFLICT (content): Merge conflict in notes.txt"), "\(merged)")
    try Data("resolved\n".utf8).write(to: marc.appendingPathComponent("notes.txt"))
    try git(["add", "notes.txt"], in: marc)
    #expect(try BuiltTool.run(["status"], in: marc).status == 0)
    #expect(FileManager.default.fileExists(atPath: marc.appendingPathComponent(".git/MERGE_HEAD").path))
    #expect(shared.read(shared.marc, "notes.txt") == "resolved\n")
    #expect(try ExternalProgram.git("diff", "--cached", "--name-only", in: marc).output == "notes.txt\n")
  }

  /// A file edited by hand after a merge stop was killed is kept when the stop is undone.
  @Test func aHandEditMadeAfterAKilledMergeStopIsKept() throws {
    let shared = try conflictingChanges()
    let marc = shared.marc.directory
    let before = try shared.head(shared.marc)
    try BuiltTool.crash(["sync"], in: marc, at: "stop.files-written", author: SharedLedger.marcPetit)
    let edited = try #require(shared.read(shared.marc, "trainings/intro.json"))
      .replacingOccurrences(of: "\"duration_hours\": 5", with: "\"duration_hours\": 6")
    try Data(edited.utf8).write(to: marc.appendingPathComponent("trainings/intro.json"))
    #expect(try BuiltTool.run(["status"], in: marc, author: SharedLedger.marcPetit).output.contains("trainings/intro"))
    #expect(shared.read(shared.marc, "trainings/intro.json") == edited)
    #expect(!FileManager.default.fileExists(atPath: marc.appendingPathComponent(".git/MERGE_HEAD").path))
    #expect(try shared.head(shared.marc) == before)
  }

  /// A file edited by hand after a write was killed keeps the edit, and its index entry is the
  /// write's, so a plain `git commit` of something else never undoes the write.
  @Test func aHandEditMadeAfterAKilledWriteKeepsTheWriteInTheIndex() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    try BuiltTool.crash(["set", "people/hugo", "--set", "name=Hugo L."], in: root, at: "update.branch-moved")
    try Data(#"{"name": "Hugo by hand", "organization": "cen-paca"}"#.utf8).write(
      to: root.appendingPathComponent("people/hugo.json"))
    #expect(try BuiltTool.run(["status"], in: root).status == 0)
    #expect(try ExternalProgram.git("diff", "--cached", "--quiet", in: root).status == 0)  // index = HEAD
    #expect(try ExternalProgram.git("diff", "--quiet", in: root).status == 1)  // the edit is there
    #expect(try ExternalProgram.git("show", "HEAD:people/hugo.json", in: root).output.contains("Hugo L."))
  }

  /// HEAD checked out elsewhere after the crash: recovery writes nothing over that checkout.
  @Test func aCheckoutMadeAfterAKilledWriteIsLeftAsItIs() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    try BuiltTool.crash(["set", "people/hugo", "--set", "name=Hugo L."], in: root, at: "update.branch-moved")
    try git(["checkout", "-q", "--detach", "HEAD~1"], in: root)
    try git(["checkout", "-q", "--", "."], in: root)
    #expect(try BuiltTool.run(["list", "people"], in: root).status == 0)
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".git/adminledger/pending.json").path))
  }

  /// git's hook runs while git holds the index: it refuses and says what to run.
  @Test func theCommitHookRefusesWhileAnUpdateIsInterrupted() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    try BuiltTool.crash(["set", "people/hugo", "--set", "name=Hugo L."], in: root, at: "update.branch-moved")
    try Data("notes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
    try git(["add", "notes.txt"], in: root)
    let refused = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "notes"],
      in: root, environment: ["PATH": try pathWithTool()])
    #expect(refused.status != 0)
    #expect(refused.error.contains("run 'adminledger status', which finishes it, then commit again"), "\(refused.error)")
    #expect(try BuiltTool.run(["status"], in: root).status == 0)
    #expect(try ExternalProgram.git("show", "HEAD:people/hugo.json", in: root).output.contains("Hugo L."))
    #expect(try ExternalProgram.git("diff", "--cached", "--name-only", in: root).output == "notes.txt\n")
  }

  /// A link planted where the tool writes its new file is replaced, never written through.
  @Test func aLinkPlantedAtTheNewFilesNameIsNeverFollowed() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let root = ledger.directory.url
    let outside = try TemporaryDirectory()
    let target = outside.path("target.txt")
    try Data("untouched\n".utf8).write(to: target)
    let tool = try ExternalProgram.builtTool().path
    let script = "ln -s \(target.path) people/hugo.json.adminledger-$$-tmp; exec \(tool) set people/hugo --set name=Hugo"
    let result = try ExternalProgram.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: root, environment: ["ADMINLEDGER_AUTHOR": BuiltTool.claire])
    #expect(result.status == 0, "\(result.error)")
    #expect(try String(contentsOf: target, encoding: .utf8) == "untouched\n")
    let kind =
      try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("people/hugo.json").path)[.type]
      as? FileAttributeType
    #expect(kind == .typeRegular)
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
  }

  // MARK: - Helpers

  /// Claire and Marc both change the training's duration: Marc's sync stops on the conflict.
  private func conflictingChanges() throws -> SharedLedger {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "duration_hours=4"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=5"])
    return shared
  }

  private func commitNotes(_ text: String, in directory: URL) throws {
    try Data("\(text)\n".utf8).write(to: directory.appendingPathComponent("notes.txt"))
    try git(["add", "notes.txt"], in: directory)
    try git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", text], in: directory)
  }

  private func git(_ arguments: [String], in directory: URL) throws {
    let outcome = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory)
    try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
  }

  /// PATH with the built tool's folder first, as the installed hooks expect `adminledger`.
  private func pathWithTool() throws -> String {
    try ExternalProgram.builtTool().deletingLastPathComponent().path + ":"
      + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
  }
}
