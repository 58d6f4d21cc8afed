import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

/// After a rewritten history, `dropUnreachableObjects` leaves no object the history no longer
/// reaches, in packs, loose files, reflogs or anywhere the real `git` program can find one, and
/// keeps every object it does reach: the git program reads every object, fsck finds the
/// repository sound, and the work tree's status is unchanged.
@Suite struct PurgeTests {
  /// A secret that only the history before the rewrite held: in a file, a commit message, a
  /// dangling blob.
  static let secret = "SECRET-7f3a-ada-lovelace"

  @Test func aRewrittenRepositoryKeepsOnlyWhatItsReferencesReach() throws {
    let sandbox = try TemporaryDirectory()
    let git = GitProgram(root: sandbox.url)
    try git.makeRewrittenHistory()
    let reachable = try git.reachableObjects()
    #expect(try git.allObjectContents().contains(Self.secret))
    #expect(try git.reflogEntries() > 0)

    let repository = try Repository.open(at: sandbox.url)
    let purge = try repository.dropUnreachableObjects()

    #expect(try !git.allObjectContents().contains(Self.secret))
    #expect(try git.reachableObjects() == reachable)
    #expect(try git.storedObjectIDs() == Set(reachable.map { String($0.prefix(40)) }))
    try git.expectSound()
    #expect(try git.run("status", "--porcelain") == "")
    #expect(try git.reflogEntries() == 0)
    for name in ["ORIG_HEAD", "FETCH_HEAD"] {
      #expect(!FileManager.default.fileExists(atPath: sandbox.url.appendingPathComponent(".git/\(name)").path))
    }
    // One pack and its index; the kept pack, the loose objects and the commit-graph are gone.
    let objects = sandbox.url.appendingPathComponent(".git/objects")
    let packs = try FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent("pack").path)
    #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
    #expect(packs.allSatisfy { $0.hasSuffix(".pack") || $0.hasSuffix(".idx") })
    #expect(!FileManager.default.fileExists(atPath: objects.appendingPathComponent("info/commit-graph").path))
    #expect(try git.run("count-objects", "-v").hasPrefix("count: 0\n"))

    #expect(purge.objectsAfter == reachable.count)
    #expect(purge.objectsBefore > purge.objectsAfter)
    #expect(purge.bytesAfter > 0)
    #expect(purge.reflogsEmptied > 0)
    // The same handle reads on, from the new pack.
    let head = try #require(ObjectID(hex: try git.run("rev-parse", "HEAD")))
    #expect(try repository.commit(head).message.contains("after the rewrite"))
    // Nothing is left to drop the second time.
    let again = try repository.dropUnreachableObjects()
    #expect(again.objectsBefore == reachable.count && again.objectsAfter == reachable.count)
  }

  @Test func aSharedBareRepositoryThatAcceptedARewrittenPushDropsTheOldHistory() throws {
    let sandbox = try TemporaryDirectory()
    let work = sandbox.url.appendingPathComponent("work")
    let bare = sandbox.url.appendingPathComponent("shared.git")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let shared = GitProgram(root: sandbox.url)
    _ = try shared.run("init", "-q", "--bare", "--initial-branch=main", bare.path)
    let git = GitProgram(root: work)
    _ = try git.run("init", "-q", "--initial-branch=main")
    try git.commit("people/ada.json", #"{"name": "\#(Self.secret)"}"#, message: "add ada")
    try git.commit("people/bob.json", #"{"name": "Bob"}"#, message: "add bob")
    _ = try git.run("push", "-q", bare.path, "main")
    _ = try git.run("-C", bare.path, "gc", "-q")
    _ = try git.run("tag", "-a", "-m", "the first year", "year-one", "HEAD")
    // The rewrite: the same history without ada's file, pushed over the old one.
    _ = try git.run(
      "filter-branch", "-f", "--index-filter", "git rm -q --cached --ignore-unmatch people/ada.json", "--prune-empty",
      "--tag-name-filter", "cat", "--", "--all")
    _ = try git.run("push", "-q", "--force", bare.path, "main", "year-one")
    let bareGit = GitProgram(root: bare)
    let reachable = try bareGit.reachableObjects()
    #expect(try bareGit.allObjectContents().contains(Self.secret))

    let purge = try Repository.open(at: bare).dropUnreachableObjects()

    #expect(try !bareGit.allObjectContents().contains(Self.secret))
    #expect(try bareGit.reachableObjects() == reachable)
    #expect(try bareGit.storedObjectIDs() == Set(reachable.map { String($0.prefix(40)) }))
    try bareGit.expectSound()
    #expect(purge.objectsAfter == reachable.count)
    // A clone of it holds the rewritten history, tag and all.
    _ = try shared.run("clone", "-q", bare.path, "clone")
    #expect(try GitProgram(root: sandbox.url.appendingPathComponent("clone")).run("log", "--format=%s").contains("add bob"))
  }

  @Test func blobsTheIndexStagesStay() throws {
    let sandbox = try TemporaryDirectory()
    let git = GitProgram(root: sandbox.url)
    try git.makeRewrittenHistory()
    try sandbox.write("people/cleo.json", #"{"name": "staged only"}"# + "\n")
    _ = try git.run("add", "people/cleo.json")
    let staged = try git.run("rev-parse", ":people/cleo.json")

    _ = try Repository.open(at: sandbox.url).dropUnreachableObjects()

    #expect(try git.run("cat-file", "-p", staged).contains("staged only"))
    #expect(try git.run("status", "--porcelain") == "A  people/cleo.json")
    #expect(try !git.allObjectContents().contains(Self.secret))
    try git.expectSound()
  }

  @Test func aMergeInProgressIsLeftAlone() throws {
    let sandbox = try TemporaryDirectory()
    let git = GitProgram(root: sandbox.url)
    try git.makeRewrittenHistory()
    _ = try git.run("checkout", "-q", "-b", "other", "HEAD~1")
    try git.commit("people/bob.json", #"{"name": "Robert"}"#, message: "rename bob")
    _ = try git.run("checkout", "-q", "main")
    try git.commit("people/bob.json", #"{"name": "Bobby"}"#, message: "nickname bob")
    let merge = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "merge", "other"],
      in: sandbox.url)
    #expect(merge.status == 1)
    let before = try git.storedObjectIDs()

    #expect(throws: GitError.self) { _ = try Repository.open(at: sandbox.url).dropUnreachableObjects() }

    #expect(try git.storedObjectIDs() == before)
    #expect(try git.allObjectContents().contains(Self.secret))
  }
}

/// The real `git` program on one repository, with a fixed identity and no automatic gc.
private struct GitProgram {
  let root: URL

  @discardableResult
  func run(_ arguments: String...) throws -> String { try run(arguments) }

  func run(_ arguments: [String]) throws -> String {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "gc.auto=0"] + arguments, in: root,
      environment: ["FILTER_BRANCH_SQUELCH_WARNING": "1"])
    try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func commit(_ path: String, _ text: String, message: String) throws {
    let file = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data((text + "\n").utf8).write(to: file)
    try run("add", path)
    try run("commit", "-q", "-m", message)
  }

  /// A history whose secret sits in a pack (kept by a `.keep` file, named in the commit-graph),
  /// in loose objects, in a dangling blob and in the reflogs and `ORIG_HEAD`, then rewritten
  /// without it: reset to before it, and committed on.
  func makeRewrittenHistory() throws {
    try run("init", "-q", "--initial-branch=main")
    try commit("people/bob.json", #"{"name": "Bob"}"#, message: "add bob")
    let clean = try run("rev-parse", "HEAD")
    try commit("people/ada.json", #"{"name": "\#(PurgeTests.secret)"}"#, message: "add \(PurgeTests.secret)")
    try run("gc", "-q")
    try run("commit-graph", "write", "--reachable")
    let pack = try #require(
      try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".git/objects/pack").path)
        .first { $0.hasSuffix(".pack") })
    try Data().write(to: root.appendingPathComponent(".git/objects/pack/" + pack.dropLast(5) + ".keep"))
    try commit("people/ada.json", #"{"name": "\#(PurgeTests.secret) again"}"#, message: "edit ada")
    _ = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "hash-object", "-w", "--stdin"], in: root,
      input: "dangling \(PurgeTests.secret)\n")
    try Data("\(clean)\t\tbranch 'main' of elsewhere\n".utf8).write(to: root.appendingPathComponent(".git/FETCH_HEAD"))
    try run("reset", "-q", "--hard", clean)
    try commit("people/carl.json", #"{"name": "Carl"}"#, message: "add carl after the rewrite")
    try run("tag", "-a", "-m", "before the purge", "v1")
    try run("tag", "light", "HEAD~1")
  }

  /// `git rev-list --objects --all`, sorted: every object the references and HEAD reach.
  func reachableObjects() throws -> [String] {
    try run("rev-list", "--objects", "--all").split(separator: "\n").map(String.init).sorted()
  }

  /// The ids of every object the repository holds, reachable or not.
  func storedObjectIDs() throws -> Set<String> {
    let listing = try run("cat-file", "--batch-all-objects", "--batch-check=%(objectname)")
    return Set(listing.split(separator: "\n").map(String.init))
  }

  /// Every object the repository holds, with its content, as one text.
  func allObjectContents() throws -> String {
    try run("cat-file", "--batch-all-objects", "--batch")
  }

  /// How many entries the reflogs hold.
  func reflogEntries() throws -> Int {
    try run("reflog", "show", "--all", "--format=%H").split(separator: "\n").count
  }

  /// `git fsck --full --strict` passes, naming no dangling or missing object.
  func expectSound() throws {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "fsck", "--full", "--strict", "--no-progress"], in: root)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.isEmpty, "\(outcome.output)")
  }
}
