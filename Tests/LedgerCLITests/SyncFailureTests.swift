import Foundation
import LedgerTestSupport
import Testing

/// Sync and clone given bad input: each says what is wrong on stderr, exits 2 (usage) or 3
/// (failure), and changes nothing: HEAD, every file and the index are as before.
@Suite struct SyncFailureTests {
  /// Runs `arguments` in a clone and checks it failed with `status`, printed nothing on
  /// stdout, and left HEAD, the files and the index as they were. Returns its stderr.
  @discardableResult
  private func refused(
    _ shared: SharedLedger, _ runner: CLIRunner, _ arguments: String..., status: Int32,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let before = try shared.state(runner)
    let result = runner.run(arguments)
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.output.isEmpty, "\(result.output)", sourceLocation: sourceLocation)
    #expect(result.error.hasPrefix("adminledger: error: "), "\(result.error)", sourceLocation: sourceLocation)
    #expect(try shared.state(runner) == before, sourceLocation: sourceLocation)
    #expect(
      !FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent(".git/MERGE_HEAD").path),
      sourceLocation: sourceLocation)
    return result.error
  }

  /// Claire publishes a change, so that Marc's sync has something to bring in.
  private func claireChangesTheTraining(_ shared: SharedLedger) throws {
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
  }

  // MARK: Remotes

  @Test func aRemoteThatDoesNotExistIsRefusedWithTheRemotesThereAre() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    try shared.git(shared.marc, "remote", "add", "backup", shared.bare.path)
    let error = try refused(shared, shared.marc, "sync", "orgin", status: 2)
    #expect(error == "adminledger: error: no remote 'orgin'\nhint: did you mean 'origin'? remotes: backup, origin\n")
  }

  @Test func aLedgerWithNoRemoteIsToldToAddOne() throws {
    let sandbox = try LedgerSandbox()
    try sandbox.seed()
    let before = try SharedLedger.state(at: sandbox.directory.url)
    let result = sandbox.run("sync")
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(
      result.error == """
        adminledger: error: this ledger has no remote to sync with
        hint: add the shared repository with 'git remote add origin URL', or start from 'adminledger clone URL'

        """)
    #expect(try SharedLedger.state(at: sandbox.directory.url) == before)
  }

  @Test func aRemoteHoldingAnotherLedgerIsRefused() throws {
    let shared = try SharedLedger()
    let other = try LedgerSandbox(name: "Another association")
    try other.seed()
    try shared.git(shared.marc, "remote", "add", "other", other.directory.url.path)
    let error = try refused(shared, shared.marc, "sync", "other", "--no-push", status: 2)
    #expect(error.hasPrefix("adminledger: error: the incoming branch shares no history with this ledger"), "\(error)")
  }

  @Test func aRemoteBranchThatHoldsNoLedgerIsRefused() throws {
    let shared = try SharedLedger()
    let source = shared.directory.path("notes")
    try SharedLedger.git(["init", "-q", "--initial-branch=main", source.path], in: shared.directory.url)
    try shared.directory.write("notes/README.md", "Meeting notes\n")
    try SharedLedger.git(["add", "README.md"], in: source)
    try SharedLedger.git(["-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "-m", "notes"], in: source)
    try shared.git(shared.marc, "remote", "add", "notes", source.path)
    let error = try refused(shared, shared.marc, "sync", "notes", "--no-push", status: 2)
    #expect(
      error.hasPrefix("adminledger: error: notes/main does not hold this ledger (no ledger.json where this ledger keeps it)"),
      "\(error)")
  }

  @Test func aRemotePathThatDoesNotExistFailsWithExitThree() throws {
    let shared = try SharedLedger()
    let missing = shared.directory.path("nowhere/shared.git").path
    try shared.git(shared.marc, "remote", "set-url", "origin", missing)
    let error = try refused(shared, shared.marc, "sync", status: 3)
    #expect(error.hasPrefix("adminledger: error: cannot fetch from origin (\(missing)): "), "\(error)")
    #expect(error.contains("hint: check the URL and that the repository exists and is reachable"))
  }

  @Test func anUnreachableHostFailsPromptlyWithExitThree() throws {
    let shared = try SharedLedger()
    let url = "ssh://nobody@127.0.0.1:1/x.git"
    try shared.git(shared.marc, "remote", "set-url", "origin", url)
    let clock = ContinuousClock()
    let started = clock.now
    let error = try refused(shared, shared.marc, "sync", status: 3)
    #expect(clock.now - started < .seconds(10))
    #expect(error.hasPrefix("adminledger: error: cannot fetch from origin (\(url)): "), "\(error)")
  }

  /// A byte flipped inside the newest commit's object in the shared repository's only pack:
  /// the fetch fails and the local clone keeps what it had.
  @Test func aCorruptPackInTheSharedRepositoryFailsTheFetchAndChangesNothing() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    let tip = try shared.bareMain()
    try shared.gitInBare("repack", "-a", "-d", "-q")
    let packs = try FileManager.default.contentsOfDirectory(atPath: shared.bare.appendingPathComponent("objects/pack").path)
      .filter { $0.hasSuffix(".pack") }
    try #require(packs.count == 1, "\(packs)")
    let pack = shared.bare.appendingPathComponent("objects/pack/\(packs[0])")
    // `verify-pack -v` lists each object: id, type, size, size in the pack, offset.
    let listing = try shared.gitInBare("verify-pack", "-v", pack.path)
    let line = try #require(listing.split(separator: "\n").first { $0.hasPrefix(tip) })
    let columns = line.split(separator: " ", omittingEmptySubsequences: true)
    let sizeInPack = try #require(Int(columns[3]))
    let offset = try #require(Int(columns[4]))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pack.path)
    var bytes = try Data(contentsOf: pack)
    bytes[offset + sizeInPack / 2] ^= 0xFF
    try bytes.write(to: pack)
    #expect(try ExternalProgram.git("fsck", "--full", in: shared.bare).status != 0)

    let error = try refused(shared, shared.marc, "sync", status: 3)
    #expect(error.hasPrefix("adminledger: error: cannot fetch from origin (\(shared.bare.path)): "), "\(error)")
    let tracking = try shared.git(shared.marc, "rev-parse", "refs/remotes/origin/main")
    #expect(tracking != tip + "\n")
  }

  /// A repository with a work tree as the remote: pushing into it is refused (its files would
  /// fall out of step with its branch), fetching and merging from it is fine.
  @Test func aRemoteThatIsNotBareIsRefusedForPushingButMergesWithoutPush() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    let plain = shared.directory.path("plain")
    try SharedLedger.git(["clone", "-q", shared.bare.path, plain.path], in: shared.directory.url)
    try shared.git(shared.marc, "remote", "add", "plain", plain.path)
    try SharedLedger.succeed(shared.marc, ["set", "people/hugo", "--set", "phone=+33612345678"])

    let error = try refused(shared, shared.marc, "sync", "plain", status: 2)
    #expect(error.contains("\(plain.path) is not a bare repository"), "\(error)")
    #expect(error.contains("or sync with --no-push"), "\(error)")

    let ours = try shared.head(shared.marc)
    let merged = shared.marc.run("sync", "plain", "--no-push")
    #expect(merged.status == 0, "\(merged)")
    let merge = try shared.head(shared.marc)
    #expect(merged.output == "Merged plain/main into main: 1 record (commit \(merge.prefix(7)))\nNot pushed (--no-push).\n")
    #expect(try shared.parents(shared.marc) == [ours, shared.bareMain()])
    #expect(
      shared.read(shared.marc, "trainings/intro.json")
        == SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Marseille"))
    #expect(
      try SharedLedger.git(["rev-parse", "HEAD"], in: plain).trimmingCharacters(in: .whitespacesAndNewlines) == shared.bareMain())
  }

  // MARK: This clone's own state

  @Test func aHandEditOfARecordTheMergeTouchesStopsTheSyncAndIsKept() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    let edited = SharedLedger.introTraining.replacingOccurrences(of: "\"duration_hours\": 3", with: "\"duration_hours\": 6")
    try Data(edited.utf8).write(to: shared.marc.directory.appendingPathComponent("trainings/intro.json"))

    let error = try refused(shared, shared.marc, "sync", status: 2)
    #expect(
      error == """
        adminledger: error: the merge would overwrite uncommitted hand edits in trainings/intro.json; nothing was merged
        hint: commit them first with 'adminledger commit -m MESSAGE', or discard them with 'git checkout -- FILE'

        """)
    #expect(shared.read(shared.marc, "trainings/intro.json") == edited)

    // Committed, the edit merges with Claire's change.
    try SharedLedger.succeed(shared.marc, ["commit", "-m", "The training lasted six hours"])
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    #expect(
      shared.read(shared.marc, "trainings/intro.json")
        == edited.replacingOccurrences(of: "Aix-en-Provence", with: "Marseille"))
  }

  /// A record written by hand and never committed, at the path of a record the other side
  /// added: the sync would replace it, so it stops, and the file is kept.
  @Test func anUncommittedNewFileWhereTheIncomingSideAddsARecordStopsTheSyncAndIsKept() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc", "--set", "organization=cen-paca"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let handWritten = "{\n  \"name\": \"Zoé Blanc, written by hand\"\n}\n"
    try Data(handWritten.utf8).write(to: shared.marc.directory.appendingPathComponent("people/zoe.json"))

    let error = try refused(shared, shared.marc, "sync", status: 2)
    #expect(
      error.hasPrefix("adminledger: error: the merge would overwrite uncommitted hand edits in people/zoe.json"), "\(error)")
    #expect(shared.read(shared.marc, "people/zoe.json") == handWritten)
  }

  @Test func aHandEditOfAnUnrelatedRecordDoesNotBlockTheSyncAndStays() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    let path = "people/anne.json"
    let edited = try #require(shared.read(shared.marc, path)).replacingOccurrences(of: "Anne Martin", with: "Anne Martin-Roux")
    try Data(edited.utf8).write(to: shared.marc.directory.appendingPathComponent(path))

    let pulled = shared.marc.run("sync")
    #expect(pulled.status == 0, "\(pulled)")
    #expect(pulled.output.hasPrefix("Fast-forwarded main to origin/main"))
    #expect(try shared.head(shared.marc) == shared.bareMain())
    #expect(shared.read(shared.marc, path) == edited)
    #expect(
      shared.read(shared.marc, "trainings/intro.json")
        == SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Marseille"))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == " M people/anne.json\n")
  }

  @Test func stagedChangesAreRefused() throws {
    let shared = try SharedLedger()
    try claireChangesTheTraining(shared)
    try Data("Notes for the next meeting\n".utf8).write(to: shared.marc.directory.appendingPathComponent("NOTES.txt"))
    try shared.git(shared.marc, "add", "NOTES.txt")
    let error = try refused(shared, shared.marc, "sync", status: 2)
    #expect(
      error == """
        adminledger: error: staged changes (git add) in NOTES.txt would be swept into the merge; nothing was synced
        hint: commit them, or unstage them with 'git restore --staged FILE'

        """)
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "A  NOTES.txt\n")
  }

  @Test(arguments: [["sync", "--continue"], ["sync", "--abort"], ["resolve", "trainings/intro", "--ours"]])
  func concludingWithoutAMergeIsRefused(_ arguments: [String]) throws {
    let shared = try SharedLedger()
    let before = try shared.state(shared.marc)
    let result = shared.marc.run(arguments)
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("adminledger: error: no merge is in progress\n"), "\(result.error)")
    #expect(try shared.state(shared.marc) == before)
    #expect(try shared.bareMain() == shared.head(shared.marc))
  }

  // MARK: Clone

  @Test func cloningAPathThatDoesNotExistFailsAndLeavesNoFolder() throws {
    let sandbox = try TemporaryDirectory()
    let runner = CLIRunner(directory: sandbox.url)
    let missing = sandbox.path("nowhere.git").path
    let result = runner.run("clone", missing, "copy")
    #expect(result.status == 3)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("adminledger: error: cannot clone (\(missing)): "), "\(result.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.url.path) == [])
  }

  @Test func cloningIntoAFolderThatIsNotEmptyIsRefused() throws {
    let shared = try SharedLedger()
    try shared.directory.write("c/keep.txt", "mine\n")
    let result = CLIRunner(directory: shared.directory.url).run("clone", shared.bare.path, "c")
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.contains("c already exists and is not empty"), "\(result.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: shared.directory.path("c").path) == ["keep.txt"])
    #expect(shared.directory.read("c/keep.txt") == "mine\n")
  }

  @Test func cloningARepositoryThatHoldsNoLedgerIsRefusedAndLeavesNoFolder() throws {
    let sandbox = try TemporaryDirectory()
    let source = sandbox.path("other")
    try SharedLedger.git(["init", "-q", "--initial-branch=main", source.path], in: sandbox.url)
    try sandbox.write("other/README.md", "Not a ledger\n")
    try SharedLedger.git(["add", "README.md"], in: source)
    try SharedLedger.git(["-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "-m", "readme"], in: source)

    let result = CLIRunner(directory: sandbox.url).run("clone", source.path, "copy")
    #expect(result.status == 2, "\(result)")
    #expect(result.output.isEmpty)
    #expect(result.error.contains("holds no ledger"), "\(result.error)")
    // The message names what was cloned; the folder it mentions no longer exists.
    #expect(result.error.contains(source.path), "\(result.error)")
    #expect(!result.error.contains("run 'adminledger init' there"), "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("copy").path))
  }
}
