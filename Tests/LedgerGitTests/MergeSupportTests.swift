import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The libgit2 pieces merging stands on: merge base and ancestry, git's line merge, a merge in
/// progress as git records it, tree diffs, the index during a merge, batched object writes,
/// checking out a branch and the repository's own configuration. Repositories are built in code
/// with fixed signatures; the real `git` runs only to show it reads what was written.
@Suite struct MergeSupportTests {
  let signature = Signature(
    name: "Claire Durand", email: "claire@example.org",
    date: Date(timeIntervalSince1970: 1_790_000_000))

  // MARK: - Helpers

  /// Makes a commit holding `files` on top of `parent`, without moving any branch.
  func commit(
    _ repository: Repository, _ files: [String: String], removing: [String] = [],
    on parent: ObjectID?,
    message: String = "test\n"
  ) throws -> ObjectID {
    var updates: [TreeUpdate] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      updates.append(.upsert(path: path, blob: try repository.writeBlob(Array(text.utf8))))
    }
    updates += removing.map { .remove(path: $0) }
    let base = try parent.map { try repository.commit($0).tree }
    let tree = try repository.updatedTree(base, applying: updates)
    return try repository.createCommit(
      tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature,
      message: message)
  }

  /// Commits `files` as the first commit of `main` and writes them into the work tree and the
  /// index, as a checkout would.
  func checkedOutRepository(_ sandbox: TemporaryDirectory, _ files: [String: String]) throws -> (
    Repository, ObjectID
  ) {
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, files, on: nil)
    try repository.moveReference(
      "refs/heads/main", to: first, expecting: nil, reflogMessage: "test")
    for (path, text) in files { try sandbox.write(path, text) }
    try repository.stageWorkingFiles(files.keys.sorted())
    return (repository, first)
  }

  /// Runs the real git in `directory`, its messages in English.
  func git(_ arguments: String..., in directory: URL) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory,
      environment: ["LC_ALL": "C"])
  }

  func blobID(_ text: String) throws -> ObjectID { try Repository.blobID(of: Array(text.utf8)) }

  /// Stores `text` as a blob of `repository` (the index accepts only blobs that exist).
  func blob(_ repository: Repository, _ text: String) throws -> ObjectID {
    try repository.writeBlob(Array(text.utf8))
  }

  /// The ids of the loose objects (files under `objects/??/`).
  func looseObjects(_ repository: Repository) throws -> Set<String> {
    let objects = repository.gitDirectory.appendingPathComponent("objects")
    var result: Set<String> = []
    for folder in try FileManager.default.contentsOfDirectory(atPath: objects.path)
    where folder.count == 2 {
      for file in try FileManager.default.contentsOfDirectory(
        atPath: objects.appendingPathComponent(folder).path)
      {
        result.insert(folder + file)
      }
    }
    return result
  }

  /// The pack files under `objects/pack`.
  func packFiles(_ repository: Repository) throws -> Set<String> {
    let folder = repository.gitDirectory.appendingPathComponent("objects/pack")
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return Set(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".pack")
      })
  }

  /// The ids of the objects a pack holds, as `git verify-pack` lists them.
  func objectsInPack(_ pack: String, of repository: Repository) throws -> Set<String> {
    let index = repository.gitDirectory.appendingPathComponent("objects/pack")
      .appendingPathComponent(String(pack.dropLast(".pack".count)) + ".idx")
    let verified = try git("verify-pack", "-v", index.path, in: repository.gitDirectory)
    #expect(verified.status == 0, "\(verified.error)")
    return Set(
      verified.output.split(separator: "\n").compactMap { line in
        let first = line.split(separator: " ").first.map(String.init) ?? ""
        return ObjectID(hex: first) == nil ? nil : first
      })
  }

  /// Sets the modification time of `url` to exactly `time` (to the nanosecond).
  func setModificationTime(_ url: URL, _ time: timespec) throws {
    var times = [time, time]
    guard utimensat(AT_FDCWD, url.path, &times, 0) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
  }

  /// The stat of `url`.
  func fileStat(_ url: URL) throws -> stat {
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
    }
    return info
  }

  /// Rewrites `url` in place (same inode), as an editor that truncates does.
  func rewriteInPlace(_ url: URL, _ text: String) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 0)
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  // MARK: - Merge base and ancestry

  @Test func mergeBaseOfDivergedBranchesIsWhereTheyForked() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let root = try commit(repository, ["a": "0"], on: nil)
    let fork = try commit(repository, ["a": "1"], on: root)
    let ours = try commit(repository, ["b": "ours"], on: fork)
    let theirs = try commit(repository, ["c": "theirs 1"], on: fork)
    let theirsLater = try commit(repository, ["c": "theirs 2"], on: theirs)
    #expect(try repository.mergeBase(ours, theirsLater) == fork)
    #expect(try repository.mergeBase(theirsLater, ours) == fork)
    // When one is an ancestor of the other, it is the base itself.
    #expect(try repository.mergeBase(theirs, theirsLater) == theirs)
    #expect(try repository.mergeBase(ours, ours) == ours)
  }

  @Test func mergeBaseOfUnrelatedHistoriesIsNil() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let one = try commit(repository, ["a": "1"], on: nil)
    let oneLater = try commit(repository, ["a": "2"], on: one)
    let other = try commit(repository, ["b": "1"], on: nil)
    #expect(try repository.mergeBase(oneLater, other) == nil)
    #expect(try repository.mergeBase(other, one) == nil)
  }

  @Test func isDescendantFollowsHistoryAndExcludesTheCommitItself() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let root = try commit(repository, ["a": "0"], on: nil)
    let left = try commit(repository, ["a": "left"], on: root)
    let right = try commit(repository, ["a": "right"], on: root)
    let rightLater = try commit(repository, ["b": "x"], on: right)
    #expect(try repository.isDescendant(rightLater, of: root))
    #expect(try repository.isDescendant(rightLater, of: right))
    #expect(try !repository.isDescendant(root, of: rightLater))
    #expect(try !repository.isDescendant(rightLater, of: left))
    #expect(try !repository.isDescendant(left, of: right))
    #expect(try !repository.isDescendant(root, of: root))
  }

  // MARK: - git's line merge

  @Test func mergeTextCombinesEditsToDistantLines() throws {
    let merged = try Repository.mergeText(
      base: Array("1\n2\n3\n4\n5\n".utf8), ours: Array("one\n2\n3\n4\n5\n".utf8),
      theirs: Array("1\n2\n3\n4\nfive\n".utf8), labels: ("ours", "theirs"))
    #expect(merged == TextMerge(bytes: Array("one\n2\n3\n4\nfive\n".utf8), clean: true))
  }

  @Test func mergeTextTreatsAnAbsentSideAsEmpty() throws {
    // Added identically on both sides (no base).
    let added = try Repository.mergeText(
      base: nil, ours: Array("x\n".utf8), theirs: Array("x\n".utf8), labels: ("ours", "theirs"))
    #expect(added == TextMerge(bytes: Array("x\n".utf8), clean: true))
    // Deleted here, untouched there: the deletion wins.
    let deleted = try Repository.mergeText(
      base: Array("x\n".utf8), ours: nil, theirs: Array("x\n".utf8), labels: ("ours", "theirs"))
    #expect(deleted == TextMerge(bytes: [], clean: true))
  }

  @Test func mergeTextOfOverlappingEditsIsNotCleanAndCarriesGitsMarkersWithTheLabels() throws {
    let sandbox = try TemporaryDirectory()
    let base = "a\nb\nc\n", ours = "a\nb from us\nc\n", theirs = "a\nb from them\nc\n"
    let merged = try Repository.mergeText(
      base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8),
      labels: ("HEAD", "origin/main"))
    #expect(!merged.clean)
    let expected = """
      a
      <<<<<<< HEAD
      b from us
      =======
      b from them
      >>>>>>> origin/main
      c

      """
    #expect(String(decoding: merged.bytes, as: UTF8.self) == expected)
    // The git program's own file merge writes the same bytes.
    try sandbox.write("ours.txt", ours)
    try sandbox.write("base.txt", base)
    try sandbox.write("theirs.txt", theirs)
    let real = try git(
      "merge-file", "-p", "-L", "HEAD", "-L", "base", "-L", "origin/main", "ours.txt", "base.txt",
      "theirs.txt",
      in: sandbox.url)
    #expect(real.status == 1)  // one conflict
    #expect(real.output == expected)
  }

  // MARK: - A merge in progress

  @Test func beginMergeIsSeenByGitUntilEndMerge() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, head) = try checkedOutRepository(sandbox, ["a.json": "{}\n"])
    let incoming = try commit(repository, ["b.json": "{}\n"], on: head)
    #expect(try repository.mergeHead() == nil)
    #expect(try !git("status", in: sandbox.url).output.contains("merging"))

    try repository.beginMerge(of: incoming, onto: head, message: "Merge incoming work\n")
    #expect(try repository.mergeHead() == incoming)
    let merging = try git("status", in: sandbox.url)
    #expect(
      merging.output.contains("All conflicts fixed but you are still merging."), "\(merging.output)"
    )
    #expect(
      try git("rev-parse", "MERGE_HEAD", in: sandbox.url).output == incoming.description + "\n")
    #expect(try git("rev-parse", "ORIG_HEAD", in: sandbox.url).output == head.description + "\n")
    #expect(sandbox.read(".git/MERGE_MSG") == "Merge incoming work\n")

    try repository.endMerge()
    #expect(try repository.mergeHead() == nil)
    let after = try git("status", in: sandbox.url)
    #expect(!after.output.contains("merging"), "\(after.output)")
    #expect(try git("rev-parse", "--verify", "-q", "MERGE_HEAD", in: sandbox.url).status != 0)
    #expect(sandbox.read(".git/MERGE_MSG") == nil)
    #expect(sandbox.read(".git/MERGE_MODE") == nil)
  }

  @Test func aPlainGitCommitConcludesAMergeBegunHere() throws {
    // Diverged: a merge git would not turn into a fast-forward.
    let sandbox = try TemporaryDirectory()
    let (repository, base) = try checkedOutRepository(sandbox, ["a.json": "{}\n"])
    let head = try commit(repository, ["a.json": "{\"a\": 1}\n"], on: base)
    try repository.moveReference(
      "refs/heads/main", to: head, expecting: base, reflogMessage: "test")
    try sandbox.write("a.json", "{\"a\": 1}\n")
    let incoming = try commit(repository, ["b.json": "{\"b\": 1}\n"], on: base)
    try repository.beginMerge(of: incoming, onto: head, message: "Merge incoming work\n")
    try sandbox.write("b.json", "{\"b\": 1}\n")
    try repository.stage([
      ("a.json", try blobID("{\"a\": 1}\n"), .regular), ("b.json", try blobID("{\"b\": 1}\n"), .regular),
    ])
    let committed = try git(
      "-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "--no-edit",
      in: sandbox.url)
    #expect(committed.status == 0, "\(committed.error)")
    let made = try repository.commit(try repository.resolveCommit("HEAD"))
    #expect(made.parents == [head, incoming])
    #expect(made.summary == "Merge incoming work")
    #expect(
      try repository.changedFiles(from: try repository.commit(head).tree, to: made.tree).map(\.path)
        == ["b.json"])
    #expect(
      try repository.changedFiles(from: try repository.commit(incoming).tree, to: made.tree).map(
        \.path) == ["a.json"])
    // git cleaned up after itself, and this side sees no merge in progress any more.
    #expect(try repository.mergeHead() == nil)
  }

  @Test func anUnreadableMergeHeadIsAnError() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(sandbox, ["a.json": "{}\n"])
    try sandbox.write(".git/MERGE_HEAD", "not a commit\n")
    #expect(throws: GitError.self) { try repository.mergeHead() }
  }

  // MARK: - Tree diffs

  @Test func changedFilesListsAddedRemovedAndModifiedFilesSortedWithTheirBlobs() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let before = try commit(
      repository,
      [
        "ledger.json": "{}\n", "people/anne.json": "{\"name\": \"Anne\"}\n",
        "people/bob.json": "{\"name\": \"Bob\"}\n",
        "deep/er/still/x.json": "x1\n", "deep/er/y.json": "y\n",
      ], on: nil)
    let after = try commit(
      repository,
      [
        "people/anne.json": "{\"name\": \"Anne D\"}\n", "accounts/a1.json": "{}\n",
        "deep/er/still/x.json": "x2\n",
        "deep/er/still/z.json": "z\n",
      ], removing: ["people/bob.json"], on: before)
    let oldTree = try repository.commit(before).tree
    let newTree = try repository.commit(after).tree
    let changes = try repository.changedFiles(from: oldTree, to: newTree)
    #expect(
      changes == [
        TreeChange(path: "accounts/a1.json", old: nil, new: try blobID("{}\n")),
        TreeChange(path: "deep/er/still/x.json", old: try blobID("x1\n"), new: try blobID("x2\n")),
        TreeChange(path: "deep/er/still/z.json", old: nil, new: try blobID("z\n")),
        TreeChange(
          path: "people/anne.json", old: try blobID("{\"name\": \"Anne\"}\n"),
          new: try blobID("{\"name\": \"Anne D\"}\n")),
        TreeChange(path: "people/bob.json", old: try blobID("{\"name\": \"Bob\"}\n"), new: nil),
      ])
    // The other way round, additions become removals.
    let reversed = try repository.changedFiles(from: newTree, to: oldTree)
    #expect(reversed.map(\.path) == changes.map(\.path))
    #expect(reversed.map(\.old) == changes.map(\.new))
    #expect(reversed.map(\.new) == changes.map(\.old))
    #expect(try repository.changedFiles(from: newTree, to: newTree) == [])
  }

  @Test func changedFilesTakesNilForTheEmptyTree() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let only = try commit(
      repository, ["b.json": "b\n", "a/z.json": "z\n", "a.json": "a\n"], on: nil)
    let tree = try repository.commit(only).tree
    let expected = [
      TreeChange(path: "a.json", old: nil, new: try blobID("a\n")),
      TreeChange(path: "a/z.json", old: nil, new: try blobID("z\n")),
      TreeChange(path: "b.json", old: nil, new: try blobID("b\n")),
    ]
    #expect(try repository.changedFiles(from: nil, to: tree) == expected)
    #expect(
      try repository.changedFiles(from: tree, to: nil)
        == expected.map { TreeChange(path: $0.path, old: $0.new, new: nil) })
    #expect(try repository.changedFiles(from: nil, to: nil) == [])
  }

  // MARK: - The index during a merge

  @Test func conflictsMarkedInTheIndexReadBackAndGitListsThem() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(
      sandbox, ["m.json": "base\n", "d.json": "base d\n", "other.txt": "other\n"])
    try sandbox.write("m.json", "ours\n")
    try sandbox.write("n.json", "ours n\n")
    try FileManager.default.removeItem(at: sandbox.path("d.json"))
    let r = repository
    let conflicts = [
      IndexConflict(
        path: "n.json", base: nil, ours: try blob(r, "ours n\n"), theirs: try blob(r, "theirs n\n")),
      IndexConflict(
        path: "m.json", base: try blob(r, "base\n"), ours: try blob(r, "ours\n"),
        theirs: try blob(r, "theirs\n")),
      IndexConflict(
        path: "d.json", base: try blob(r, "base d\n"), ours: nil, theirs: try blob(r, "theirs d\n")),
    ]
    try repository.markConflicts(conflicts)
    #expect(try repository.indexConflicts() == conflicts.sorted { $0.path < $1.path })
    // Stage 0 is gone for the conflicted paths, kept for the others.
    let staged = try repository.indexedBlobs(at: ["m.json", "other.txt"])
    #expect((staged["m.json"] ?? nil) == nil)
    #expect(staged["other.txt"] == .some(try blobID("other\n")))
    let status = try git("status", "--porcelain", in: sandbox.url)
    #expect(status.output == "DU d.json\nUU m.json\nAA n.json\n", "\(status.error)")
    #expect(throws: GitError.self) { try repository.writeIndexTree() }
  }

  @Test func stagingWrittenFilesResolvesConflictsAndLeavesGitNothingToRefresh() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(
      sandbox,
      ["m.json": "base\n", "d.json": "base d\n", "other.txt": "other\n", "keep/k.json": "k\n"])
    let r = repository
    try repository.markConflicts([
      IndexConflict(
        path: "m.json", base: try blob(r, "base\n"), ours: try blob(r, "ours\n"),
        theirs: try blob(r, "theirs\n")),
      IndexConflict(
        path: "n.json", base: nil, ours: try blob(r, "ours n\n"), theirs: try blob(r, "theirs n\n")),
      IndexConflict(
        path: "d.json", base: try blob(r, "base d\n"), ours: nil, theirs: try blob(r, "theirs d\n")),
    ])
    #expect(try repository.indexConflicts().map(\.path) == ["d.json", "m.json", "n.json"])
    // Resolve: write the merged files, as the tool does, then stage exactly those blobs.
    let files = [
      "m.json": "merged\n", "n.json": "merged n\n", "other.txt": "other, edited\n",
      "sub/new.json": "new\n",
    ]
    for (path, text) in files {
      try sandbox.write(path, text)
      _ = try repository.writeBlob(Array(text.utf8))
    }
    try FileManager.default.removeItem(at: sandbox.path("d.json"))
    var staging: [(path: String, blob: ObjectID?, kind: FileKind)] = try files.sorted { $0.key < $1.key }.map {
      ($0.key, try blobID($0.value), .regular)
    }
    staging.append(("d.json", nil, .regular))
    try repository.stage(staging)

    #expect(try repository.indexConflicts() == [])
    // Files written in the same tick as the index are racy, and git would compare their
    // content; with the index made newer, git trusts the recorded stat alone. diff-files does
    // not refresh the index: an entry whose stat was recorded wrong would show here.
    let newest =
      try files.keys.map { try fileStat(sandbox.path($0)).st_mtim.tv_sec }.max() ?? 0
    try setModificationTime(repository.indexFile, timespec(tv_sec: newest + 2, tv_nsec: 0))
    let diffFiles = try git("diff-files", in: sandbox.url)
    #expect(diffFiles.status == 0)
    #expect(diffFiles.output == "")
    // Nothing differs between the work tree and the index: only staged changes against HEAD.
    #expect(
      try git("status", "--porcelain", in: sandbox.url).output
        == "D  d.json\nM  m.json\nA  n.json\nM  other.txt\nA  sub/new.json\n")
    #expect(
      try git("diff", "--cached", "--name-status", in: sandbox.url).output
        == "D\td.json\nM\tm.json\nA\tn.json\nM\tother.txt\nA\tsub/new.json\n")
    let listed = try git("ls-files", "--stage", in: sandbox.url).output
    let expectedListing = try [
      ("keep/k.json", "k\n"), ("m.json", "merged\n"), ("n.json", "merged n\n"),
      ("other.txt", "other, edited\n"),
      ("sub/new.json", "new\n"),
    ].map { "100644 \(try blobID($0.1)) 0\t\($0.0)\n" }.joined()
    #expect(listed == expectedListing)
    // Our own tree of the index is the one git writes.
    let written = try repository.writeIndexTree()
    #expect(try git("write-tree", in: sandbox.url).output == written.description + "\n")
    #expect(
      try repository.changedFiles(from: nil, to: written).map(\.path)
        == ["keep/k.json", "m.json", "n.json", "other.txt", "sub/new.json"])
  }

  @Test func stagingAFileThatWasNotWrittenFails() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(sandbox, ["a.json": "a\n"])
    #expect(throws: GitError.self) { try repository.stage([("missing.json", try blobID("x\n"), .regular)]) }
    #expect((try repository.indexedBlobs(at: ["missing.json"])["missing.json"] ?? nil) == nil)
  }

  @Test func indexedBlobsAnswersForEveryPathAskedWithNilForUnknownOnes() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(
      sandbox, ["people/a.json": "a\n", "b.json": "b\n"])
    let blobs = try repository.indexedBlobs(at: ["people/a.json", "b.json", "people/none.json"])
    #expect(blobs.count == 3)
    #expect(blobs["people/a.json"] == .some(try blobID("a\n")))
    #expect(blobs["b.json"] == .some(try blobID("b\n")))
    #expect(blobs["people/none.json"] == .some(nil))
  }

  @Test func workTreeBlobsGivesTheIndexBlobForUnchangedFilesAndHashesTheRest() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(
      sandbox, ["same.json": "same\n", "changed.json": "before\n", "gone.json": "gone\n"])
    try rewriteInPlace(sandbox.path("changed.json"), "after, longer\n")
    try FileManager.default.removeItem(at: sandbox.path("gone.json"))
    try sandbox.write("untracked.json", "new\n")
    let blobs = try repository.workTreeBlobs(at: [
      "same.json", "changed.json", "gone.json", "untracked.json",
    ])
    #expect(blobs.count == 4)
    #expect(blobs["same.json"] == .some(try blobID("same\n")))
    #expect(blobs["changed.json"] == .some(try blobID("after, longer\n")))
    #expect(blobs["gone.json"] == .some(nil))
    #expect(blobs["untracked.json"] == .some(try blobID("new\n")))
  }

  @Test func aFileRewrittenWithTheSameSizeRightAfterStagingIsSeenAsChanged() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(sandbox, ["other.json": "o\n"])
    let file = sandbox.path("r.json")
    try sandbox.write("r.json", "aaaa")
    try repository.stage([("r.json", try repository.writeBlob(Array("aaaa".utf8)), .regular)])
    try rewriteInPlace(file, "bbbb")  // same size, same inode, most likely the same timestamp
    #expect(try repository.workTreeBlobs(at: ["r.json"])["r.json"] == .some(try blobID("bbbb")))
  }

  @Test func aRacilyCleanEntryIsHashedEvenWhenItsStatMatchesExactly() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(sandbox, ["other.json": "o\n"])
    let file = sandbox.path("r.json")
    try sandbox.write("r.json", "aaaa")
    let staged = try fileStat(file).st_mtim
    try repository.stage([("r.json", try repository.writeBlob(Array("aaaa".utf8)), .regular)])
    try rewriteInPlace(file, "bbbb")
    // Everything happened within one timestamp tick: the file's stat equals its entry's, and
    // the index is no newer than the file.
    try setModificationTime(file, staged)
    try setModificationTime(repository.indexFile, staged)
    #expect(try repository.workTreeBlobs(at: ["r.json"])["r.json"] == .some(try blobID("bbbb")))
  }

  @Test func anEntryOlderThanTheIndexWithMatchingStatIsTrustedWithoutReadingTheFile() throws {
    // The control for the racy case: the stat cache is really used (which is why the racy
    // rule matters). The file is changed behind the index's back with its times put back.
    let sandbox = try TemporaryDirectory()
    let (repository, _) = try checkedOutRepository(sandbox, ["other.json": "o\n"])
    let file = sandbox.path("r.json")
    try sandbox.write("r.json", "aaaa")
    let staged = try fileStat(file).st_mtim
    try repository.stage([("r.json", try repository.writeBlob(Array("aaaa".utf8)), .regular)])
    try rewriteInPlace(file, "bbbb")
    try setModificationTime(file, staged)
    try setModificationTime(repository.indexFile, timespec(tv_sec: staged.tv_sec + 2, tv_nsec: 0))
    #expect(try repository.workTreeBlobs(at: ["r.json"])["r.json"] == .some(try blobID("aaaa")))
  }

  @Test func writeIndexTreeEqualsGitWriteTree() throws {
    let sandbox = try TemporaryDirectory()
    let (repository, first) = try checkedOutRepository(
      sandbox, ["ledger.json": "{}\n", "people/a.json": "a\n", "people/deep/b.json": "b\n"])
    #expect(try repository.writeIndexTree() == (try repository.commit(first).tree))
    try sandbox.write("accounts/x.json", "x\n")
    try repository.stageWorkingFiles(["accounts/x.json"])
    let tree = try repository.writeIndexTree()
    #expect(try git("write-tree", in: sandbox.url).output == tree.description + "\n")
    #expect(try repository.entry(in: tree, at: "accounts/x.json")?.id == (try blobID("x\n")))
  }

  // MARK: - Batched object writes

  @Test func objectsOfABatchArePackedTogetherOnFlushAndReadableEverywhere() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(
      repository, ["ledger.json": "{}\n", "people/a.json": "{\"name\": \"A\"}\n"], on: nil)
    try repository.moveReference(
      "refs/heads/main", to: first, expecting: nil, reflogMessage: "test")
    let baseTree = try repository.commit(first).tree
    let looseBefore = try looseObjects(repository)
    let packsBefore = try packFiles(repository)

    let batch = try ObjectBatch(for: repository, looseLimit: 0)
    let text = "{\"name\": \"B\"}\n"
    let blob = try batch.writeBlob(Array(text.utf8))
    let tree = try batch.updatedTree(
      baseTree, applying: [.upsert(path: "people/b.json", blob: blob)])
    // Readable through the batch at once; not yet stored anywhere else.
    #expect(try batch.repository.blob(blob) == Array(text.utf8))
    #expect(try batch.repository.entry(in: tree, at: "people/b.json")?.id == blob)
    #expect(throws: GitError.self) { try repository.blob(blob) }
    #expect(try looseObjects(repository) == looseBefore)
    #expect(try packFiles(repository) == packsBefore)

    try batch.flush()
    #expect(try repository.blob(blob) == Array(text.utf8))
    #expect(try repository.entry(in: tree, at: "people/b.json")?.id == blob)
    #expect(
      try repository.entry(in: tree, at: "people/a.json")?.id == (try blobID("{\"name\": \"A\"}\n"))
    )
    #expect(try git("cat-file", "-p", blob.description, in: sandbox.url).output == text)
    // Exactly one new pack, holding exactly the new blob and the two trees that changed.
    #expect(try looseObjects(repository) == looseBefore)
    let newPacks = try packFiles(repository).subtracting(packsBefore)
    #expect(newPacks.count == 1)
    let pack = try #require(newPacks.first)
    let peopleTree = try #require(try repository.entry(in: tree, at: "people")).id
    #expect(
      try objectsInPack(pack, of: repository) == [
        blob.description, tree.description, peopleTree.description,
      ])

    let merged = try repository.createCommit(
      tree: tree, parents: [first], author: signature, committer: signature, message: "add b\n")
    try repository.moveReference(
      "refs/heads/main", to: merged, expecting: first, reflogMessage: "test")
    let fsck = try git("fsck", "--strict", in: sandbox.url)
    #expect(fsck.status == 0)
    #expect(fsck.output == "", "\(fsck.output)")
    #expect(fsck.error == "", "\(fsck.error)")
  }

  @Test func flushWithNothingWrittenWritesNothing() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["a.json": "{}\n"], on: nil)
    let looseBefore = try looseObjects(repository)
    let batch = try ObjectBatch(for: repository, looseLimit: 0)
    try batch.flush()
    #expect(try packFiles(repository) == [])
    #expect(try looseObjects(repository) == looseBefore)
    // Nor does a second flush after one that wrote.
    _ = try batch.updatedTree(
      try repository.commit(first).tree,
      applying: [.upsert(path: "b.json", blob: try batch.writeBlob(Array("b\n".utf8)))])
    try batch.flush()
    let packs = try packFiles(repository)
    #expect(packs.count == 1)
    try batch.flush()
    #expect(try packFiles(repository) == packs)
    #expect(try looseObjects(repository) == looseBefore)
  }

  @Test func aFewObjectsAreStoredLooseAndReadableEverywhere() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["people/a.json": "{}\n"], on: nil)
    let looseBefore = try looseObjects(repository)
    let batch = try ObjectBatch(for: repository)
    let blob = try batch.writeBlob(Array("b\n".utf8))
    let tree = try batch.updatedTree(try repository.commit(first).tree, applying: [.upsert(path: "people/b.json", blob: blob)])
    try batch.flush()
    let peopleTree = try #require(try repository.entry(in: tree, at: "people")).id
    #expect(try packFiles(repository) == [])
    #expect(try looseObjects(repository).subtracting(looseBefore) == Set([blob, tree, peopleTree].map(\.description)))
    #expect(try Repository.open(at: sandbox.url).blob(blob) == Array("b\n".utf8))
    let next = try repository.createCommit(
      tree: tree, parents: [first], author: signature, committer: signature, message: "loose\n")
    try repository.moveReference("refs/heads/main", to: next, expecting: nil, reflogMessage: "test")
    let fsck = try git("fsck", "--strict", in: sandbox.url)
    #expect(fsck.status == 0, "\(fsck.output)\(fsck.error)")
  }

  @Test func anUpdatedTreeWithNestedFoldersPacksEveryChangedFolder() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(
      repository,
      ["top.json": "t\n", "a/b/x.json": "x\n", "a/keep/k.json": "k\n", "z/z.json": "z\n"], on: nil)
    let baseTree = try repository.commit(first).tree
    let batch = try ObjectBatch(for: repository, looseLimit: 0)
    let c = try batch.writeBlob(Array("c\n".utf8))
    let e = try batch.writeBlob(Array("e\n".utf8))
    let tree = try batch.updatedTree(
      baseTree,
      applying: [
        .upsert(path: "a/b/c.json", blob: c), .upsert(path: "a/b/d/e.json", blob: e),
        .remove(path: "a/b/x.json"),
      ])
    try batch.flush()

    let fresh = try Repository.open(at: sandbox.url)
    let listing = try git("ls-tree", "-r", tree.description, in: sandbox.url)
    #expect(listing.status == 0, "\(listing.error)")
    #expect(
      listing.output == """
        100644 blob \(c)\ta/b/c.json
        100644 blob \(e)\ta/b/d/e.json
        100644 blob \(try blobID("k\n"))\ta/keep/k.json
        100644 blob \(try blobID("t\n"))\ttop.json
        100644 blob \(try blobID("z\n"))\tz/z.json

        """)
    #expect(
      try fresh.changedFiles(from: baseTree, to: tree).map(\.path) == [
        "a/b/c.json", "a/b/d/e.json", "a/b/x.json",
      ])
    let folders = try ["a", "a/b", "a/b/d"].map {
      try #require(try fresh.entry(in: tree, at: $0)).id.description
    }
    let newPacks = try packFiles(repository)
    #expect(newPacks.count == 1)
    let pack = try #require(newPacks.first)
    // The unchanged folders (a/keep, z) are not copied.
    #expect(
      try objectsInPack(pack, of: repository)
        == Set([c.description, e.description, tree.description] + folders))
    let next = try fresh.createCommit(
      tree: tree, parents: [first], author: signature, committer: signature, message: "nested\n")
    try fresh.moveReference("refs/heads/main", to: next, expecting: nil, reflogMessage: "test")
    let fsck = try git("fsck", "--strict", in: sandbox.url)
    #expect(fsck.status == 0)
    #expect(fsck.output == "", "\(fsck.output)")
    #expect(fsck.error == "", "\(fsck.error)")
  }

  // MARK: - Checkout and HEAD

  @Test func checkOutNewBranchFromAnUnbornHeadWritesTheFilesAndMovesHead() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    #expect(try repository.head() == .unborn(name: "refs/heads/main"))
    let files = ["ledger.json": "{}\n", "people/a.json": "{\"name\": \"A\"}\n"]
    let id = try commit(repository, files, on: nil)
    try sandbox.write("people/a.json", "in the way\n")
    try repository.checkOutNewBranch("refs/heads/trunk", at: id)
    #expect(try repository.head() == .branch(name: "refs/heads/trunk", commit: id))
    for (path, text) in files { #expect(sandbox.read(path) == text) }
    #expect(
      try repository.indexedBlobs(at: ["people/a.json"])["people/a.json"]
        == .some(try blobID("{\"name\": \"A\"}\n")))
    #expect(try git("symbolic-ref", "HEAD", in: sandbox.url).output == "refs/heads/trunk\n")
    #expect(try git("status", "--porcelain", in: sandbox.url).output == "")
    #expect(try repository.referenceTarget("refs/heads/main") == nil)
  }

  @Test func pointHeadOnABareRepositoryMakesClonesCheckOutThatBranch() throws {
    let sandbox = try TemporaryDirectory()
    let bare = try Repository.create(at: sandbox.path("shared.git"), bare: true)
    let id = try commit(bare, ["people/a.json": "a\n"], on: nil)
    try bare.moveReference("refs/heads/trunk", to: id, expecting: nil, reflogMessage: "test")
    #expect(try bare.head() == .unborn(name: "refs/heads/main"))
    try bare.pointHead(at: "refs/heads/trunk")
    #expect(try bare.head() == .branch(name: "refs/heads/trunk", commit: id))
    #expect(
      try git("symbolic-ref", "HEAD", in: sandbox.path("shared.git")).output == "refs/heads/trunk\n"
    )
    let cloned = try git("clone", "-q", sandbox.path("shared.git").path, "copy", in: sandbox.url)
    #expect(cloned.status == 0, "\(cloned.error)")
    #expect(
      try git("symbolic-ref", "HEAD", in: sandbox.path("copy")).output == "refs/heads/trunk\n")
    #expect(sandbox.read("copy/people/a.json") == "a\n")
  }

  // MARK: - Configuration

  @Test func configSetHereIsReadBackAndByGit() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    #expect(try repository.configValue("merge.adminledger.driver") == nil)
    let driver = #"".git/hooks/adminledger merge driver" merge-driver %O %A %B %P"#
    try repository.setConfig("merge.adminledger.driver", driver)
    try repository.setConfig("merge.adminledger.name", "first")
    try repository.setConfig("merge.adminledger.name", "AdminLedger field-level merge")
    #expect(try repository.configValue("merge.adminledger.driver") == driver)
    #expect(try repository.configValue("merge.adminledger.name") == "AdminLedger field-level merge")
    #expect(
      try git("config", "--local", "--get", "merge.adminledger.driver", in: sandbox.url).output
        == driver + "\n")
    #expect(
      try git("config", "--local", "--get-all", "merge.adminledger.name", in: sandbox.url).output
        == "AdminLedger field-level merge\n")
    // And what git sets is read here.
    #expect(try git("config", "adminledger.remote", "origin", in: sandbox.url).status == 0)
    #expect(try repository.configValue("adminledger.remote") == "origin")
  }
}
