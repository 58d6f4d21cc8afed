internal import CLibGit2

/// A path whose blob differs between two trees, with its blob on each side (nil: absent).
public struct TreeChange: Equatable, Sendable {
  public let path: String
  public let old: ObjectID?
  public let new: ObjectID?
  /// What the file is on the new side (on the old side when it is removed).
  public let kind: FileKind

  public init(path: String, old: ObjectID?, new: ObjectID?, kind: FileKind = .regular) {
    self.path = path
    self.old = old
    self.new = new
    self.kind = kind
  }
}

// Comparing two trees: every subtree whose id is the same on both sides is skipped, so the
// cost follows the number of changed files, not the size of the ledger. Trees are read as
// stored (see RawTree) and walked side by side in git's order.
extension Repository {
  /// The files that differ between tree `old` and tree `new` (nil: the empty tree), sorted by
  /// path. Renames are not detected: a rename is a removal and an addition; a file that
  /// became a symbolic link (or the reverse) is one change. A submodule (gitlink) is no
  /// file and is left out: a file replaced by one reads as removed.
  public func changedFiles(from old: ObjectID?, to new: ObjectID?) throws(GitError) -> [TreeChange] {
    var result: [TreeChange] = []
    try compare(old, new, prefix: "", into: &result)
    return result.sorted { $0.path < $1.path }
  }

  private func compare(_ old: ObjectID?, _ new: ObjectID?, prefix: String, into result: inout [TreeChange])
    throws(GitError)
  {
    guard old != new else { return }
    let left = try old.map(rawTree) ?? RawTree(bytes: [])
    let right = try new.map(rawTree) ?? RawTree(bytes: [])
    var i = 0
    var j = 0
    while true {
      // Two versions of a folder share most of their bytes: step over the identical run whole
      // entries at a time, without reading their names or ids.
      let same = left.commonLength(from: i, right, j)
      var skipped = 0
      while let entry = left.entry(at: i + skipped), entry.id + 20 - i <= same { skipped = entry.id + 20 - i }
      i += skipped
      j += skipped
      let a = left.entry(at: i)
      let b = right.entry(at: j)
      let order: Int
      switch (a, b) {
      case (nil, nil): return
      case (nil, _): order = 1
      case (_, nil): order = -1
      case (let a?, let b?): order = RawTree.order(left, a, right, b)
      }
      if let a, order < 0 {
        try removed(left, a, prefix: prefix, into: &result)
        i = a.id + 20
      } else if let b, order > 0 {
        try added(right, b, prefix: prefix, into: &result)
        j = b.id + 20
      } else if let a, let b {
        let oldID = left.id(of: a)
        let newID = right.id(of: b)
        if a.isTree {
          try compare(oldID, newID, prefix: prefix + left.name(of: a) + "/", into: &result)
        } else if oldID != newID || a.mode != b.mode {
          // A submodule on one side is no file there: the other side's file is added or removed.
          let old = RawTree.isSubmodule(a) ? nil : oldID
          let new = RawTree.isSubmodule(b) ? nil : newID
          if old != nil || new != nil {
            let kind = FileKind(mode: new == nil ? a.mode : b.mode)
            result.append(TreeChange(path: prefix + right.name(of: b), old: old, new: new, kind: kind))
          }
        }
        i = a.id + 20
        j = b.id + 20
      }
    }
  }

  private func removed(_ tree: RawTree, _ entry: RawTree.Entry, prefix: String, into result: inout [TreeChange])
    throws(GitError)
  {
    if entry.isTree {
      try compare(tree.id(of: entry), nil, prefix: prefix + tree.name(of: entry) + "/", into: &result)
    } else if !RawTree.isSubmodule(entry) {
      result.append(
        TreeChange(path: prefix + tree.name(of: entry), old: tree.id(of: entry), new: nil, kind: FileKind(mode: entry.mode)))
    }
  }

  private func added(_ tree: RawTree, _ entry: RawTree.Entry, prefix: String, into result: inout [TreeChange])
    throws(GitError)
  {
    if entry.isTree {
      try compare(nil, tree.id(of: entry), prefix: prefix + tree.name(of: entry) + "/", into: &result)
    } else if !RawTree.isSubmodule(entry) {
      result.append(
        TreeChange(path: prefix + tree.name(of: entry), old: nil, new: tree.id(of: entry), kind: FileKind(mode: entry.mode)))
    }
  }
}
