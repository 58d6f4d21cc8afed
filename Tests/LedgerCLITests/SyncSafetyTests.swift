import Foundation
import LedgerTestSupport
import Testing

/// What a sync must never do, whatever else happens in the clone: drop commits through a stale
/// merge state, lose file modes, crash on a type change, push when told not to, or move the
/// branch ahead of its files.
@Suite struct SyncSafetyTests {
  /// A merge that git ended (`git merge --abort`) leaves the tool's state behind; a later merge
  /// of the same incoming commit must not mistake it for its own and reset the branch to it.
  @Test func aStaleMergeStateNeverMovesTheBranchBack() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync").status == 1)
    _ = try shared.git(shared.marc, "merge", "--abort")
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "name=Anne Martin-Roux"])
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "name=Léa Roux-Martin"])
    let before = try shared.state(shared.marc)

    #expect(shared.marc.run("sync").status == 1)
    #expect(shared.marc.run("sync", "--abort").status == 0)
    let after = try shared.state(shared.marc)
    #expect(after.head == before.head)
    #expect(after.files == before.files)
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")
  }

  @Test func executablesAndSymbolicLinksKeepTheirKindThroughAMerge() throws {
    let shared = try SharedLedger()
    let root = shared.claire.directory
    try FileManager.default.createDirectory(at: root.appendingPathComponent("tools"), withIntermediateDirectories: true)
    try Data("#!/bin/sh\necho hello\n".utf8).write(to: root.appendingPathComponent("tools/run.sh"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("tools/run.sh").path)
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("settings.json").path, withDestinationPath: "ledger.json")
    _ = try shared.git(shared.claire, "add", "tools/run.sh", "settings.json")
    _ = try shared.git(
      shared.claire, "-c", "user.name=Claire", "-c", "user.email=c@example.org", "commit", "-q", "--no-verify", "-m", "tools")
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "name=Anne Martin-Roux"])

    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    let tree = try shared.git(shared.marc, "ls-tree", "HEAD", "tools/run.sh", "settings.json")
    #expect(tree.contains("100755 blob"), "\(tree)")
    #expect(tree.contains("120000 blob"), "\(tree)")
    let link = shared.marc.directory.appendingPathComponent("settings.json").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "ledger.json")
    #expect(FileManager.default.isExecutableFile(atPath: shared.marc.directory.appendingPathComponent("tools/run.sh").path))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")

    // A file turned into a symbolic link is one change: the other clone merges it.
    try FileManager.default.removeItem(atPath: link)
    try Data("{}\n".utf8).write(to: URL(fileURLWithPath: link))
    _ = try shared.git(shared.marc, "add", "settings.json")
    _ = try shared.git(
      shared.marc, "-c", "user.name=Marc", "-c", "user.email=m@example.org", "commit", "-q", "--no-verify", "-m", "plain")
    try SharedLedger.succeed(shared.marc, ["sync"])
    try SharedLedger.succeed(shared.claire, ["set", "people/lea", "--set", "name=Léa Roux-Martin"])
    let again = shared.claire.run("sync")
    #expect(again.status == 0, "\(again)")
    #expect(shared.read(shared.claire, "settings.json") == "{}\n")
    #expect(try shared.git(shared.claire, "status", "--porcelain") == "")
  }

  @Test func continuingWithNoPushPushesNothing() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.bareMain()
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync").status == 1)
    #expect(shared.marc.run("resolve", "trainings/intro", "location", "--ours").status == 0)
    let continued = shared.marc.run("sync", "--continue", "--no-push")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.bareMain() == theirs)
    #expect(try shared.parents(shared.marc).count == 2)
  }

  /// An editor's `git status` holds `.git/index.lock` for a moment: a sync then changes nothing
  /// rather than leave the branch ahead of its index.
  @Test func aLockedIndexStopsTheSyncBeforeAnythingMoves() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "name=Anne Martin-Roux"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "name=Léa Roux-Martin"])
    let lock = shared.marc.directory.appendingPathComponent(".git/index.lock")
    try Data().write(to: lock)
    let before = try shared.state(shared.marc)

    let refused = shared.marc.run("sync")
    #expect(refused.status == 3, "\(refused)")
    #expect(refused.error.contains("another git program is working in this clone"), "\(refused)")
    #expect(try shared.state(shared.marc) == before)

    try FileManager.default.removeItem(at: lock)
    #expect(shared.marc.run("sync").status == 0)
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")
  }
}
