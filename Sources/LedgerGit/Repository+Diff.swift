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

// Comparing two trees: libgit2 skips every subtree whose id is the same on both sides, so the
// cost follows the number of changed files, not the size of the ledger.
extension Repository {
  /// The files that differ between tree `old` and tree `new` (nil: the empty tree), sorted by
  /// path. Renames are not detected: a rename is a removal and an addition.
  public func changedFiles(from old: ObjectID?, to new: ObjectID?) throws(GitError) -> [TreeChange] {
    var options = git_diff_options()
    try git("git_diff_options_init") { git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)) }
    // A file that became a symbolic link (or the reverse) is one change, not a removal and an
    // addition of the same path.
    options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
    return try withOptionalTree(old) { (oldTree) throws(GitError) in
      try withOptionalTree(new) { (newTree) throws(GitError) in
        var diff: OpaquePointer?
        try git("git_diff_tree_to_tree") { git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options) }
        guard let diff else { throw .nilHandle("git_diff_tree_to_tree") }
        defer { git_diff_free(diff) }
        var result: [TreeChange] = []
        for position in 0..<git_diff_num_deltas(diff) {
          guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
          let oldID = delta.status == GIT_DELTA_ADDED ? nil : ObjectID(delta.old_file.id)
          let newID = delta.status == GIT_DELTA_DELETED ? nil : ObjectID(delta.new_file.id)
          let file = newID == nil ? delta.old_file : delta.new_file
          guard let path = file.path.map({ String(cString: $0) }) else { continue }
          let mode = newID == nil ? delta.old_file.mode : delta.new_file.mode
          result.append(TreeChange(path: path, old: oldID, new: newID, kind: FileKind(mode: UInt32(mode))))
        }
        return result.sorted { $0.path < $1.path }
      }
    }
  }

  private func withOptionalTree<Result>(
    _ id: ObjectID?, _ body: (OpaquePointer?) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    guard let id else { return try body(nil) }
    return try withTree(id) { (tree) throws(GitError) in try body(tree) }
  }
}
