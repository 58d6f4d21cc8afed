internal import CLibGit2
import Foundation

// One pack of everything reachable, written the way a history of spliced folder trees packs
// well: libgit2's packbuilder rebuilds every megabyte tree from its delta chain and searches
// again for deltas between every pair (half an hour for 20,000 commits); here each tree is
// stored as a delta against the tree last stored at the same path, found in one pass
// (`SplicePack`), as git's fast-import does.
extension Repository {
  /// Writes one pack of every object `tips` reach (commits, parents first, with their trees and
  /// blobs; tags with what they name) and of the blobs `staged` lists into `folder`, with its
  /// index; returns its name (`pack-HEX`), or nil when there is nothing to store.
  func writeReachablePack(tips: [ObjectID], staged: [ObjectID], into folder: URL) throws(GitError) -> String? {
    var pack = ReachablePack(repository: self)
    var commits: [ObjectID] = []
    for tip in Set(tips).sorted() {
      switch try objectType(tip) {
      case GIT_OBJECT_COMMIT: commits.append(tip)
      case GIT_OBJECT_TAG: commits += try pack.addTag(tip)
      case GIT_OBJECT_TREE: try pack.addTree(tip, at: "\(tip)")
      default: try pack.addBlob(tip)
      }
    }
    for commit in try commitsParentsFirst(from: commits) { try pack.addCommit(commit) }
    for blob in staged { try pack.addBlob(blob) }
    guard pack.count > 0 else { return nil }
    return try index(pack.bytes(), into: folder)
  }

  /// The commits `tips` reach, each after its parents.
  private func commitsParentsFirst(from tips: [ObjectID]) throws(GitError) -> [ObjectID] {
    guard !tips.isEmpty else { return [] }
    var walk: OpaquePointer?
    try git("git_revwalk_new") { git_revwalk_new(&walk, handle) }
    guard let walk else { throw .nilHandle("git_revwalk_new") }
    defer { git_revwalk_free(walk) }
    try git("git_revwalk_sorting") { git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue) }
    for tip in tips {
      var raw = tip.raw
      try git("git_revwalk_push") { git_revwalk_push(walk, &raw) }
    }
    var commits: [ObjectID] = []
    var next = git_oid()
    while true {
      let status = git_revwalk_next(&next, walk)
      if status == GIT_ITEROVER.rawValue { break }
      try git("git_revwalk_next") { status }
      commits.append(ObjectID(next))
    }
    return commits
  }

  /// Indexes `bytes`, a whole pack, into `folder` (the pack and its .idx), flushed to disk.
  private func index(_ bytes: [UInt8], into folder: URL) throws(GitError) -> String {
    var options = git_indexer_options()
    try git("git_indexer_options_init") { git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)) }
    var indexer: OpaquePointer?
    try git("git_indexer_new") { git_indexer_new(&indexer, folder.path, 0, nil, &options) }
    guard let indexer else { throw .nilHandle("git_indexer_new") }
    defer { git_indexer_free(indexer) }
    var progress = git_indexer_progress()
    try git("git_indexer_append") { git_indexer_append(indexer, bytes, bytes.count, &progress) }
    try git("git_indexer_commit") { git_indexer_commit(indexer, &progress) }
    guard let hex = git_indexer_name(indexer).map({ String(cString: $0) }) else { throw .nilHandle("git_indexer_name") }
    return "pack-" + hex
  }

  /// The kind of object `id` is, read from its header only.
  func objectType(_ id: ObjectID) throws(GitError) -> git_object_t {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var raw = id.raw
    var size = 0
    var kind = GIT_OBJECT_INVALID
    try git("git_odb_read_header") { git_odb_read_header(&size, &kind, odb, &raw) }
    return kind
  }
}

/// The objects of a pack being gathered, each once: trees against the last tree stored at the
/// same path (at most 50 deltas deep, as git packs them), the rest whole.
private struct ReachablePack {
  let repository: Repository
  private var pack = SplicePack()
  private var seen: Set<ObjectID> = []
  private var last: [String: (id: ObjectID, bytes: [UInt8], depth: Int)] = [:]
  private(set) var count = 0

  init(repository: Repository) { self.repository = repository }

  func bytes() -> [UInt8] { pack.bytes() }

  mutating func addCommit(_ id: ObjectID) throws(GitError) {
    guard seen.insert(id).inserted else { return }
    let bytes = try object(id, GIT_OBJECT_COMMIT)
    add(type: 1, bytes)
    // A commit's text starts with `tree HEX`.
    guard bytes.count >= 45, let tree = ObjectID(hex: String(decoding: bytes[5..<45], as: UTF8.self)) else {
      throw GitError(code: .other(-1), operation: "read commit", message: "commit \(id) names no tree")
    }
    try addTree(tree, at: "")
  }

  /// Adds a tag and what it names; returns the commit it finally names, if any.
  mutating func addTag(_ id: ObjectID) throws(GitError) -> [ObjectID] {
    guard seen.insert(id).inserted else { return [] }
    let bytes = try object(id, GIT_OBJECT_TAG)
    add(type: 4, bytes)
    // A tag's text starts with `object HEX`.
    guard bytes.count >= 47, let target = ObjectID(hex: String(decoding: bytes[7..<47], as: UTF8.self)) else { return [] }
    switch try repository.objectType(target) {
    case GIT_OBJECT_COMMIT: return [target]
    case GIT_OBJECT_TAG: return try addTag(target)
    case GIT_OBJECT_TREE:
      try addTree(target, at: "\(target)")
      return []
    default:
      try addBlob(target)
      return []
    }
  }

  mutating func addTree(_ id: ObjectID, at path: String) throws(GitError) {
    guard seen.insert(id).inserted else { return }
    let tree = try repository.rawTree(id)
    let previous = last[path].flatMap { $0.depth < 50 ? $0 : nil }
    count += 1
    let isDelta = pack.add(SplicePack.Object(type: 2, bytes: tree.bytes, base: previous.map { ($0.id, $0.bytes) }))
    last[path] = (id, tree.bytes, isDelta ? (previous?.depth ?? 0) + 1 : 0)
    var children: [(id: ObjectID, name: String, isTree: Bool)] = []
    _ = tree.forEach { entry in
      // A submodule's commit is another repository's.
      if entry.mode != 0o160000 { children.append((tree.id(of: entry), tree.name(of: entry), entry.isTree)) }
      return true
    }
    for child in children {
      if child.isTree { try addTree(child.id, at: path + "/" + child.name) } else { try addBlob(child.id) }
    }
  }

  mutating func addBlob(_ id: ObjectID) throws(GitError) {
    guard seen.insert(id).inserted else { return }
    add(type: 3, try object(id, GIT_OBJECT_BLOB))
  }

  private mutating func add(type: Int, _ bytes: [UInt8]) {
    count += 1
    pack.add(SplicePack.Object(type: type, bytes: bytes, base: nil))
  }

  private func object(_ id: ObjectID, _ type: git_object_t) throws(GitError) -> [UInt8] {
    if let packed = repository.packs.read(id), packed.kind.rawValue == UInt8(type.rawValue) { return packed.bytes }
    return try repository.odbRead(id, expecting: type)
  }
}
