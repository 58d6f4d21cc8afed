internal import CLibGit2
import Foundation

// Blobs and trees: reading what a revision holds and writing new content.
extension Repository {
  /// The bytes of a blob.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var raw = id.raw
    var blob: OpaquePointer?
    try git("git_blob_lookup") { git_blob_lookup(&blob, handle, &raw) }
    guard let blob else { throw .nilHandle("git_blob_lookup") }
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: content, count: size))
  }

  /// Whether the repository's object database holds `id`.
  public func holdsObject(_ id: ObjectID) throws(GitError) -> Bool {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var raw = id.raw
    return git_odb_exists(odb, &raw) == 1
  }

  /// Stores `bytes` as a blob and returns its id.
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    var out = git_oid()
    try git("git_blob_create_from_buffer") {
      bytes.withUnsafeBytes { git_blob_create_from_buffer(&out, handle, $0.baseAddress, $0.count) }
    }
    return ObjectID(out)
  }

  /// The id `bytes` would have as a blob, without storing it.
  public static func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
    LibGit2.ensureInitialized()
    var out = git_oid()
    try git("git_odb_hash") {
      bytes.withUnsafeBytes { git_odb_hash(&out, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
    }
    return ObjectID(out)
  }

  /// The entries of the tree at `path` inside tree `root` (`""` for the root itself).
  ///
  /// - Returns: nil when nothing, or something other than a tree, is at `path`.
  public func treeEntries(in root: ObjectID, at path: String) throws(GitError) -> [TreeEntry]? {
    let treeID: ObjectID
    if path.isEmpty {
      treeID = root
    } else {
      guard let entry = try entry(in: root, at: path), entry.kind == .tree else { return nil }
      treeID = entry.id
    }
    let tree = try rawTree(treeID)
    return tree.entries.map(tree.treeEntry)
  }

  /// The entry at `path` inside tree `root`, or nil when the path does not exist.
  public func entry(in root: ObjectID, at path: String) throws(GitError) -> TreeEntry? {
    var treeID = root
    var tree = try rawTree(root)
    let names = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    guard !names.isEmpty, !names.contains(where: \.isEmpty) else { return nil }
    for (position, name) in names.enumerated() {
      guard let found = entry(named: Array(name), in: treeID, tree) else { return nil }
      if position == names.count - 1 { return tree.treeEntry(found) }
      guard found.isTree else { return nil }
      treeID = tree.id(of: found)
      tree = try rawTree(treeID)
    }
    return nil
  }

  func withTree<Result>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> Result)
    throws(GitError) -> Result
  {
    var raw = id.raw
    var tree: OpaquePointer?
    try git("git_tree_lookup") { git_tree_lookup(&tree, handle, &raw) }
    guard let tree else { throw .nilHandle("git_tree_lookup") }
    defer { git_tree_free(tree) }
    return try body(tree)
  }
}

extension TreeEntry {
  init(copying entry: OpaquePointer) {
    let kind: Kind
    switch git_tree_entry_type(entry) {
    case GIT_OBJECT_BLOB: kind = .blob
    case GIT_OBJECT_TREE: kind = .tree
    default: kind = .other
    }
    self.init(
      name: git_tree_entry_name(entry).map { String(cString: $0) } ?? "",
      id: git_tree_entry_id(entry).map { ObjectID($0.pointee) } ?? ObjectID(git_oid()),
      kind: kind, fileKind: FileKind(mode: git_tree_entry_filemode(entry).rawValue))
  }
}
