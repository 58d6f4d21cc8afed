import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

@Suite struct RepositoryTests {
  let signature = Signature(
    name: "Claire Durand", email: "claire@example.org", date: Date(timeIntervalSince1970: 1_790_000_000))

  /// Makes a commit holding `files` on top of `parent`, without moving any branch.
  func commit(
    _ repository: Repository, _ files: [String: String], removing: [String] = [], on parent: ObjectID?
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
      message: "test\n")
  }

  @Test func newRepositoryHasAnUnbornMainBranch() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    #expect(try repository.head() == .unborn(name: "refs/heads/main"))
    #expect(repository.workingDirectory?.path == sandbox.url.standardizedFileURL.path)
  }

  @Test func treesAndBlobsReadBackWhatWasWritten() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["people/a.json": "{}\n", "ledger.json": "{\"name\": \"x\"}\n"], on: nil)
    let tree = try repository.commit(first).tree
    let names = try #require(try repository.treeEntries(in: tree, at: "people")).map(\.name)
    #expect(names == ["a.json"])
    let entry = try #require(try repository.entry(in: tree, at: "people/a.json"))
    #expect(try repository.blob(entry.id) == Array("{}\n".utf8))
    #expect(try repository.entry(in: tree, at: "people/b.json") == nil)
    #expect(try repository.treeEntries(in: tree, at: "accounts") == nil)

    let second = try commit(repository, [:], removing: ["people/a.json"], on: first)
    let secondTree = try repository.commit(second).tree
    #expect(try repository.entry(in: secondTree, at: "people/a.json") == nil)
    #expect(try repository.commit(second).parents == [first])
  }

  @Test func moveReferenceRefusesWhenTheBranchMoved() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["a": "1"], on: nil)
    try repository.moveReference("refs/heads/main", to: first, expecting: nil, reflogMessage: "one")
    let second = try commit(repository, ["a": "2"], on: first)
    let rival = try commit(repository, ["a": "3"], on: first)
    try repository.moveReference("refs/heads/main", to: second, expecting: first, reflogMessage: "two")
    #expect(throws: GitError.self) {
      try repository.moveReference("refs/heads/main", to: rival, expecting: first, reflogMessage: "lost race")
    }
    do {
      try repository.moveReference("refs/heads/main", to: rival, expecting: first, reflogMessage: "again")
    } catch {
      #expect(error.code == .modified)
    }
    #expect(try repository.head() == .branch(name: "refs/heads/main", commit: second))
    // Creating a branch that already exists with `expecting: nil` fails as well.
    #expect(throws: GitError.self) {
      try repository.moveReference("refs/heads/main", to: rival, expecting: nil, reflogMessage: "x")
    }
  }

  @Test func resolveCommitNamesRevisionsAndRefusesUnknownOnes() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["a": "1"], on: nil)
    let second = try commit(repository, ["a": "2"], on: first)
    try repository.moveReference("refs/heads/main", to: second, expecting: nil, reflogMessage: "x")
    #expect(try repository.resolveCommit("HEAD") == second)
    #expect(try repository.resolveCommit("main~1") == first)
    #expect(try repository.resolveCommit(first.description) == first)
    #expect(throws: GitError.self) { try repository.resolveCommit("no-such-branch") }
  }

  @Test func commitCopiesAuthorAndMessage() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let id = try commit(repository, ["a": "1"], on: nil)
    let copied = try repository.commit(id)
    #expect(copied.author.name == "Claire Durand")
    #expect(copied.author.email == "claire@example.org")
    #expect(copied.author.date == signature.date)
    #expect(copied.summary == "test")
  }

  @Test func statusListsAddedModifiedAndDeletedFiles() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let first = try commit(repository, ["l/a.json": "1\n", "l/b.json": "2\n", "other.txt": "x"], on: nil)
    try repository.moveReference("refs/heads/main", to: first, expecting: nil, reflogMessage: "x")
    // Check the commit out by hand, then edit: change a, delete b, add c.
    try sandbox.write("l/a.json", "1\n")
    try sandbox.write("l/b.json", "2\n")
    try sandbox.write("other.txt", "x")
    try repository.stageWorkingFiles(["l/a.json", "l/b.json", "other.txt"])
    #expect(try repository.uncommittedChanges(under: "l").isEmpty)
    try sandbox.write("l/a.json", "changed\n")
    try sandbox.write("l/c.json", "new\n")
    try sandbox.write("other.txt", "y")
    try FileManager.default.removeItem(at: sandbox.path("l/b.json"))
    let changes = try repository.uncommittedChanges(under: "l")
    #expect(
      changes == [
        PathStatus(path: "l/a.json", change: .modified), PathStatus(path: "l/b.json", change: .deleted),
        PathStatus(path: "l/c.json", change: .added),
      ])
    // Staging does not hide a change from HEAD.
    try repository.stageWorkingFiles(["l/a.json"])
    #expect(try repository.indexedBlobs(at: ["l/a.json"])["l/a.json"] == Repository.blobID(of: Array("changed\n".utf8)))
    #expect(try repository.uncommittedChanges(under: "l").first == PathStatus(path: "l/a.json", change: .modified))
  }

  @Test func objectIDsRoundTripThroughHex() throws {
    let hex = "0123456789abcdef0123456789abcdef01234567"
    #expect(ObjectID(hex: hex)?.description == hex)
    #expect(ObjectID(hex: "xyz") == nil)
    #expect(ObjectID(hex: String(hex.dropLast())) == nil)
  }
}
