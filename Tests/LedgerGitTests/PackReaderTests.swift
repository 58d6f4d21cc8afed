import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

/// The pack reader and the raw tree reader against what the real git program says of the same
/// objects: every tree of a packed history with long delta chains, every commit's changes.
@Suite struct PackReaderTests {
  /// A history of `commits` commits over a folder of 300 files, a few changed per commit, with
  /// names that test git's order (a file and a folder of the same name, prefixes), then packed
  /// by `git gc` so trees are deltas of each other.
  func packedHistory(commits: Int = 40) throws -> (TemporaryDirectory, Repository, [ObjectID]) {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    let signature = Signature(name: "A", email: "a@example.org", date: Date(timeIntervalSince1970: 1_790_000_000))
    var parent: ObjectID?
    var made: [ObjectID] = []
    for number in 0..<commits {
      var updates: [TreeUpdate] = []
      let files =
        number == 0
        ? (0..<300).map { "people/p\($0).json" } + ["a", "a.b/x", "a-b", "a0/y", "ab"]
        : (0..<3).map { "people/p\((number * 37 + $0 * 101) % 300).json" }
      for path in files {
        updates.append(.upsert(path: path, blob: try repository.writeBlob(Array("\(path) \(number)\n".utf8))))
      }
      if number == 10 { updates.append(.remove(path: "people/p5.json")) }
      // A file gives way to a folder of the same name.
      if number == 20 { updates.append(.remove(path: "a")) }
      if number == 21 { updates.append(.upsert(path: "a/z", blob: try repository.writeBlob(Array("z\n".utf8)))) }
      if number == 30 {
        updates.append(.upsert(path: "ab", blob: try repository.writeBlob(Array("a\n".utf8)), kind: .symlink))
      }
      let tree = try repository.updatedTree(try parent.map { try repository.commit($0).tree }, applying: updates)
      let commit = try repository.createCommit(
        tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature, message: "c\(number)\n")
      made.append(commit)
      parent = commit
    }
    if let parent { try repository.moveReference("refs/heads/main", to: parent, expecting: nil, reflogMessage: "test") }
    let gc = try ExternalProgram.git("gc", "-q", "--aggressive", in: sandbox.url)
    #expect(gc.status == 0, "\(gc.error)")
    // Opened after packing, as a later command would.
    return (sandbox, try Repository.open(at: sandbox.url), made)
  }

  @Test func everyPackedTreeReadsAsGitListsIt() throws {
    let (sandbox, repository, _) = try packedHistory()
    let listing = try ExternalProgram.git("rev-list", "--objects", "--all", in: sandbox.url).output
    var trees = 0
    for line in listing.split(separator: "\n") {
      let id = String(line.prefix(40))
      guard let object = ObjectID(hex: id),
        try ExternalProgram.git("cat-file", "-t", id, in: sandbox.url).output.hasPrefix("tree")
      else { continue }
      let packed = try #require(repository.packs.read(object), "tree \(id) not read from the pack")
      #expect(packed.kind == .tree)
      let tree = RawTree(bytes: packed.bytes)
      let ours = tree.entries.map { entry in
        "\(String(entry.mode, radix: 8)) \(tree.id(of: entry)) \(tree.name(of: entry))"
      }
      let theirs = try ExternalProgram.git("ls-tree", id, in: sandbox.url).output.split(separator: "\n").map { line in
        // "MODE TYPE ID\tNAME": git pads a folder's mode to 040000.
        let parts = line.split(separator: "\t", maxSplits: 1)
        let fields = parts[0].split(separator: " ")
        let mode = String(Int(fields[0], radix: 8) ?? 0, radix: 8)
        return "\(mode) \(fields[2]) \(parts[1])"
      }
      #expect(ours == theirs, "tree \(id)")
      trees += 1
    }
    #expect(trees > 40)
  }

  @Test func changedFilesMatchGitDiffTree() throws {
    let (sandbox, repository, commits) = try packedHistory()
    for (parent, commit) in zip(commits, commits.dropFirst()) {
      let ours = try repository.changedFiles(from: repository.commit(parent).tree, to: repository.commit(commit).tree)
        .map {
          "\($0.path) \($0.old?.description ?? String(repeating: "0", count: 40)) \($0.new?.description ?? String(repeating: "0", count: 40))"
        }
      let raw = try ExternalProgram.git(
        "diff-tree", "-r", "--no-renames", "--abbrev=40", parent.description, commit.description, in: sandbox.url)
      let theirs = raw.output.split(separator: "\n").map { line -> String in
        // ":OLDMODE NEWMODE OLD NEW STATUS\tPATH"
        let parts = line.split(separator: "\t", maxSplits: 1)
        let fields = parts[0].split(separator: " ")
        return "\(parts[1]) \(fields[2]) \(fields[3])"
      }.sorted()
      #expect(ours == theirs, "commit \(commit)")
    }
    // The symbolic link that replaced a file is one change, with its kind.
    let last = try repository.changedFiles(from: repository.commit(commits[29]).tree, to: repository.commit(commits[30]).tree)
    #expect(last.first { $0.path == "ab" }?.kind == .symlink)
  }

  @Test func entriesAreFoundByPathThroughEveryVersion() throws {
    let (sandbox, repository, commits) = try packedHistory()
    defer { withExtendedLifetime(sandbox) {} }
    for commit in commits {
      let tree = try repository.commit(commit).tree
      let names = try #require(try repository.treeEntries(in: tree, at: "people")).map(\.name)
      for name in names {
        #expect(try repository.entry(in: tree, at: "people/" + name)?.name == name)
      }
      #expect(try repository.entry(in: tree, at: "people/p300.json") == nil)
      #expect(try repository.entry(in: tree, at: "people")?.kind == .tree)
      #expect(try repository.entry(in: tree, at: "people/") == nil)
      #expect(try repository.entry(in: tree, at: "a.b/x") != nil)
    }
  }

  @Test func deltasCopyAndInsert() {
    let base = Array("hello world".utf8)
    // Sizes 11 and 6; copy offset 6 length 5; insert "!".
    let delta: [UInt8] = [11, 6, 0x80 | 0x01 | 0x10, 6, 5, 1, UInt8(ascii: "!")]
    #expect(Delta.apply(delta, to: base) == Array("world!".utf8))
    // A copy past the end of the base, a wrong base size, a short result: refused.
    #expect(Delta.apply([11, 6, 0x80 | 0x01 | 0x10, 8, 5], to: base) == nil)
    #expect(Delta.apply([12, 6, 0x80 | 0x01 | 0x10, 6, 5, 1, 33], to: base) == nil)
    #expect(Delta.apply([11, 7, 0x80 | 0x01 | 0x10, 6, 5, 1, 33], to: base) == nil)
  }

  @Test func aDamagedPackIsNotReadButLeftToLibgit2() throws {
    let (sandbox, repository, commits) = try packedHistory(commits: 5)
    let tree = try repository.commit(commits[4]).tree
    let folder = sandbox.url.appendingPathComponent(".git/objects/pack")
    let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".pack") })
    let url = folder.appendingPathComponent(pack)
    var bytes = [UInt8](try Data(contentsOf: url))
    for index in stride(from: 40, to: bytes.count - 20, by: 7) { bytes[index] ^= 0x5A }
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    try Data(bytes).write(to: url)
    let reopened = try Repository.open(at: sandbox.url)
    // Whatever the damage hits, the reader answers nil or the right bytes, never garbage.
    if let read = reopened.packs.read(tree) {
      #expect(RawTree(bytes: read.bytes).forEach { _ in true })
    }
  }

  @Test func treesAreUpdatedInPlaceAsGitWouldWriteThem() throws {
    let (sandbox, repository, commits) = try packedHistory(commits: 3)
    let base = try repository.commit(commits[2]).tree
    func blob(_ text: String) throws -> ObjectID { try repository.writeBlob(Array(text.utf8)) }
    // Replace, insert between neighbours sharing a prefix, remove, make and empty folders.
    let updates: [TreeUpdate] = [
      .upsert(path: "people/p7.json", blob: try blob("seven")),
      .upsert(path: "people/p7-.json", blob: try blob("new")),
      .upsert(path: "people/p70.jso", blob: try blob("new")),
      .remove(path: "people/p8.json"),
      .upsert(path: "new/deep/file.json", blob: try blob("deep"), kind: .executable),
      .remove(path: "a.b/x"),
      .upsert(path: "ab", blob: try blob("link"), kind: .symlink),
    ]
    let tree = try repository.updatedTree(base, applying: updates)
    let listing = try ExternalProgram.git("ls-tree", "-r", tree.description, in: sandbox.url).output
    #expect(listing.contains("100644 blob \(try blob("seven"))\tpeople/p7.json"))
    #expect(listing.contains("\tpeople/p7-.json"))
    #expect(listing.contains("\tpeople/p70.jso"))
    #expect(!listing.contains("\tpeople/p8.json"))
    #expect(listing.contains("100755 blob \(try blob("deep"))\tnew/deep/file.json"))
    #expect(!listing.contains("a.b"))
    #expect(listing.contains("120000 blob \(try blob("link"))\tab"))
    // Everything else is as it was, and git finds the trees well formed (sorted, no duplicates).
    let before = try ExternalProgram.git("ls-tree", "-r", base.description, in: sandbox.url).output.split(separator: "\n")
    let kept = before.filter { line in !["people/p7.json", "people/p8.json", "a.b/x", "\tab"].contains { line.hasSuffix($0) } }
    for line in kept { #expect(listing.contains(line)) }
    let commit = try repository.createCommit(
      tree: tree, parents: [commits[2]], author: Signature(name: "A", email: "a@example.org", date: Date()),
      committer: Signature(name: "A", email: "a@example.org", date: Date()), message: "update\n")
    try repository.moveReference("refs/heads/main", to: commit, expecting: commits[2], reflogMessage: "test")
    let fsck = try ExternalProgram.git("fsck", "--strict", "--no-progress", in: sandbox.url)
    #expect(fsck.status == 0, "\(fsck.output)\(fsck.error)")
    // Nothing to change gives the same tree; a file where a folder is, or the reverse, is refused.
    #expect(try repository.updatedTree(tree, applying: [.upsert(path: "ab", blob: try blob("link"), kind: .symlink)]) == tree)
    #expect(throws: GitError.self) { try repository.updatedTree(tree, applying: [.upsert(path: "people", blob: try blob("x"))]) }
    #expect(throws: GitError.self) { try repository.updatedTree(tree, applying: [.upsert(path: "ab/x", blob: try blob("x"))]) }
  }
}
