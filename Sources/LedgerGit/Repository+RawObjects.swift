internal import CLibGit2

// Raw objects: trees read as stored, from the pack reader when it holds them, else libgit2.
extension Repository {
  /// The tree `id` as stored.
  func rawTree(_ id: ObjectID) throws(GitError) -> RawTree {
    if let known = recentTrees[id] { return known }
    let tree: RawTree
    if id == RecentTrees.emptyTree {
      tree = RawTree(bytes: [])
    } else if let packed = packs.read(id), packed.kind == .tree {
      tree = RawTree(bytes: packed.bytes)
    } else {
      tree = RawTree(bytes: try odbRead(id, expecting: GIT_OBJECT_TREE))
    }
    recentTrees[id] = tree
    return tree
  }

  /// An object's bytes through libgit2's object database (loose objects, alternates).
  private func odbRead(_ id: ObjectID, expecting type: git_object_t) throws(GitError) -> [UInt8] {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var raw = id.raw
    var object: OpaquePointer?
    try git("git_odb_read") { git_odb_read(&object, odb, &raw) }
    guard let object else { throw .nilHandle("git_odb_read") }
    defer { git_odb_object_free(object) }
    guard git_odb_object_type(object) == type else {
      throw GitError(status: GIT_EINVALIDSPEC.rawValue, operation: "git_odb_read")
    }
    let size = git_odb_object_size(object)
    guard size > 0, let data = git_odb_object_data(object) else { return [] }
    return Array(UnsafeRawBufferPointer(start: data, count: size))
  }
}

/// The last few trees read, by id.
struct RecentTrees {
  /// git's empty tree, which no repository needs to store.
  static let emptyTree = ObjectID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee4904") ?? ObjectID([UInt8](repeating: 0, count: 20))
  private var trees: [ObjectID: RawTree] = [:]
  private var order: [ObjectID] = []
  private let capacity = 16

  subscript(id: ObjectID) -> RawTree? {
    get { trees[id] }
    set {
      guard let newValue, trees[id] == nil else { return }
      if order.count == capacity { trees[order.removeFirst()] = nil }
      order.append(id)
      trees[id] = newValue
    }
  }
}
