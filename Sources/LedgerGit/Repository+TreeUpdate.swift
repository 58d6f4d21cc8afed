internal import CLibGit2

// Writing a changed tree. A write changes a record or two in folders of tens of thousands of
// entries; libgit2's tree builder parses every entry of each folder on the way, sorts them and
// writes them again. Here the folder's stored bytes are copied as they are, with only the
// changed entries replaced, inserted or cut out in their place.
extension Repository {
  /// Writes the tree that `base` becomes after `updates`; `base` nil means the empty tree.
  ///
  /// - Throws: a `GitError` when a file and a folder would share a name, as libgit2 does.
  public func updatedTree(_ base: ObjectID?, applying updates: [TreeUpdate]) throws(GitError) -> ObjectID {
    let paths = updates.map { update in
      (update.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init), update)
    }
    for (parts, update) in paths where parts.isEmpty || parts.contains(where: \.isEmpty) {
      throw GitError(code: .other(-1), operation: "update a tree", message: "invalid path '\(update.path)'")
    }
    if let tree = try updated(base, paths) { return tree }
    return try writeTree(RawTree(bytes: []))
  }

  /// The tree `base` becomes (nil when nothing is left in it).
  private func updated(_ base: ObjectID?, _ updates: [(parts: [String], update: TreeUpdate)]) throws(GitError)
    -> ObjectID?
  {
    let tree = try base.map(rawTree) ?? RawTree(bytes: [])
    // What changes at this level: each name's new entry, or nil for a removal.
    var changed: [String: (mode: UInt32, id: ObjectID)?] = [:]
    var folders: [String: [(parts: [String], update: TreeUpdate)]] = [:]
    for (parts, update) in updates {
      if parts.count > 1 {
        folders[parts[0], default: []].append((Array(parts.dropFirst()), update))
      } else if case .upsert(_, let blob, let kind) = update {
        changed[parts[0]] = .some((kind.mode, blob))
      } else if case .subtree(_, let tree) = update {
        changed[parts[0]] = .some((0o040000, tree))
      } else {
        changed[parts[0]] = .some(nil)
      }
    }
    var existing: [String: RawTree.Entry] = [:]
    if !changed.isEmpty || !folders.isEmpty {
      let wanted = Set(changed.keys).union(folders.keys)
      tree.forEach { entry in
        let name = tree.name(of: entry)
        if wanted.contains(name) { existing[name] = entry }
        return true
      }
    }
    for (name, rest) in folders {
      if changed[name] != nil || existing[name].map({ !$0.isTree }) == true {
        throw GitError(code: .other(-1), operation: "update a tree", message: "D/F conflict when updating tree at '\(name)'")
      }
      let subtree = try updated(existing[name].map(tree.id(of:)), rest)
      // A folder left empty is removed: stored as a removal, not dropped from the changes.
      changed[name] = .some(subtree.map { (0o040000, $0) })
    }
    for (name, entry) in changed {
      if let entry, let old = existing[name], old.isTree != (entry.mode == 0o040000) {
        throw GitError(code: .other(-1), operation: "update a tree", message: "D/F conflict when updating tree at '\(name)'")
      }
    }
    let result = spliced(tree, existing: existing, changed: changed)
    guard !result.bytes.isEmpty else { return nil }
    if let base, result.bytes == tree.bytes { return base }
    return try writeTree(result)
  }

  /// `tree` with the changed names' entries replaced, inserted in git's order, or cut out.
  private func spliced(
    _ tree: RawTree, existing: [String: RawTree.Entry], changed: [String: (mode: UInt32, id: ObjectID)?]
  ) -> RawTree {
    var additions: [UInt8] = []
    for (name, entry) in changed {
      guard let entry else { continue }
      additions += Array("\(String(entry.mode, radix: 8)) \(name)".utf8) + [0] + entry.id.bytes
    }
    var added = RawTree(bytes: additions)
    added = RawTree(
      bytes: added.entries.sorted { RawTree.order(added, $0, added, $1) < 0 }.flatMap { added.bytes[$0.bytesRange] })
    let removed = Set(existing.compactMap { name, entry in changed.keys.contains(name) ? entry.name.lowerBound : nil })
    var bytes: [UInt8] = []
    bytes.reserveCapacity(tree.bytes.count + additions.count)
    let news = added.entries
    var next = 0
    var copied = 0  // the start of the run of old entries not yet copied
    var position = 0
    while let entry = tree.entry(at: position) {
      let end = entry.id + 20
      let insertHere = next < news.count && RawTree.order(added, news[next], tree, entry) < 0
      if insertHere || removed.contains(entry.name.lowerBound) {
        bytes += tree.bytes[copied..<position]
        copied = position
        if insertHere {
          bytes += added.bytes[news[next].bytesRange]
          next += 1
          continue
        }
        copied = end
      }
      position = end
    }
    bytes += tree.bytes[copied..<tree.bytes.count]
    for entry in news[next...] { bytes += added.bytes[entry.bytesRange] }
    return RawTree(bytes: bytes)
  }

  /// Stores a tree object.
  private func writeTree(_ tree: RawTree) throws(GitError) -> ObjectID {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var out = git_oid()
    try git("git_odb_write") {
      tree.bytes.withUnsafeBytes { git_odb_write(&out, odb, $0.baseAddress, $0.count, GIT_OBJECT_TREE) }
    }
    let id = ObjectID(out)
    recentTrees[id] = tree
    return id
  }
}

extension RawTree.Entry {
  /// The bytes of the whole entry: mode, name, id.
  var bytesRange: Range<Int> {
    start..<(id + 20)
  }
}
