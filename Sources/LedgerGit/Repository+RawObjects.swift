internal import CLibGit2

// Raw objects: trees read as stored, from the pack reader when it holds them, else libgit2.
extension Repository {
  /// The tree `id` as stored.
  func rawTree(_ id: ObjectID) throws(GitError) -> RawTree {
    if let known = recentTrees[id] { return known }
    let tree: RawTree
    if id == RawTree.emptyTreeID {
      tree = RawTree(bytes: [])
    } else if let packed = packs.read(id), packed.kind == .tree {
      tree = RawTree(bytes: packed.bytes)
    } else {
      tree = RawTree(bytes: try odbRead(id, expecting: GIT_OBJECT_TREE))
    }
    recentTrees[id] = tree
    return tree
  }

  /// The entry named `name` in tree `id`: a scan of the tree, or, for a tree looked up again
  /// and again (a validation resolving every reference into a folder of thousands), a table
  /// of its names built once it has been scanned 32 times.
  func entry(named name: [UInt8], in id: ObjectID, _ tree: RawTree) -> RawTree.Entry? {
    if let table = nameTables[id] {
      // The table's names are decoded text: the bytes are checked, so a name that is not
      // UTF-8 is never mistaken for another.
      guard let found = table[String(decoding: name, as: UTF8.self)].flatMap({ tree.entry(at: $0) }),
        tree.bytes[found.name].elementsEqual(name)
      else { return tree.entry(named: name) }
      return found
    }
    let lookups = nameTables.count(id)
    guard lookups >= 32, tree.bytes.count > 4096 else { return tree.entry(named: name) }
    var table: [String: Int] = [:]
    var offset = 0
    while let entry = tree.entry(at: offset) {
      table[tree.name(of: entry)] = offset
      offset = entry.id + 20
    }
    nameTables[id] = table
    return tree.entry(named: name)
  }

  /// An object's bytes through libgit2's object database (loose objects, alternates).
  func odbRead(_ id: ObjectID, expecting type: git_object_t) throws(GitError) -> [UInt8] {
    let object = try rawObject(id)
    guard object.type == Int(type.rawValue) else {
      throw GitError(status: GIT_EINVALIDSPEC.rawValue, operation: "git_odb_read")
    }
    return object.bytes
  }

  /// An object's type (git's number: 1 commit, 2 tree, 3 blob, 4 tag) and bytes, through
  /// libgit2's object database.
  func rawObject(_ id: ObjectID) throws(GitError) -> (type: Int, bytes: [UInt8]) {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var raw = id.raw
    var object: OpaquePointer?
    try git("git_odb_read") { git_odb_read(&object, odb, &raw) }
    guard let object else { throw .nilHandle("git_odb_read") }
    defer { git_odb_object_free(object) }
    let type = Int(git_odb_object_type(object).rawValue)
    let size = git_odb_object_size(object)
    guard size > 0, let data = git_odb_object_data(object) else { return (type, []) }
    return (type, Array(UnsafeRawBufferPointer(start: data, count: size)))
  }
}

/// The last few values kept by object id, the oldest dropped first.
struct RecentObjects<Value> {
  private var values: [ObjectID: Value] = [:]
  private var order: [ObjectID] = []
  let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  subscript(id: ObjectID) -> Value? {
    get { values[id] }
    set {
      guard let newValue, values[id] == nil else { return }
      if order.count == capacity { values[order.removeFirst()] = nil }
      order.append(id)
      values[id] = newValue
    }
  }
}

/// Name tables of the trees looked up most, and how often each tree was looked up.
struct NameTables {
  private var tables = RecentObjects<[String: Int]>(capacity: 8)
  private var lookups: [ObjectID: Int] = [:]

  /// Counts one more lookup in tree `id`, returning the count before it.
  mutating func count(_ id: ObjectID) -> Int {
    if lookups.count > 4096 { lookups.removeAll() }
    defer { lookups[id, default: 0] += 1 }
    return lookups[id] ?? 0
  }

  subscript(id: ObjectID) -> [String: Int]? {
    get { tables[id] }
    set { tables[id] = newValue }
  }
}
