internal import CLibGit2
import Foundation

/// How a work-tree path differs from HEAD, index and work tree taken together.
public struct PathStatus: Equatable, Sendable {
  public enum Change: Equatable, Sendable { case added, modified, deleted, conflicted }

  public let path: String
  public let change: Change
}

// Uncommitted changes in the work tree.
extension Repository {
  /// Paths under `folder` (relative to the work tree, `""` for all) whose work-tree content
  /// differs from HEAD, as `git diff HEAD` sees them plus untracked files, sorted by path.
  /// Ignored files do not count.
  public func uncommittedChanges(under folder: String) throws(GitError) -> [PathStatus] {
    let flags =
      GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
    let diff = try diffFromHead(under: folder, flags: flags, "git_diff_tree_to_workdir_with_index") {
      git_diff_tree_to_workdir_with_index(&$0, self.handle, $1, $2)
    }
    defer { git_diff_free(diff) }
    var result: [PathStatus] = []
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position)?.pointee,
        let change = PathStatus.Change(delta.status)
      else { continue }
      let file = change == .deleted || delta.new_file.path == nil ? delta.old_file : delta.new_file
      guard let path = file.path.map({ String(cString: $0) }) else { continue }
      result.append(PathStatus(path: path, change: change))
    }
    return result.sorted { $0.path < $1.path }
  }
}

extension PathStatus.Change {
  init?(_ status: git_delta_t) {
    switch status {
    case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: self = .added
    case GIT_DELTA_DELETED: self = .deleted
    case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE, GIT_DELTA_RENAMED, GIT_DELTA_COPIED: self = .modified
    case GIT_DELTA_CONFLICTED: self = .conflicted
    default: return nil
    }
  }
}

/// A path whose staged content differs from HEAD: the blob staged, or nil when the path is
/// staged for removal.
public struct StagedChange: Equatable, Sendable {
  public let path: String
  public let blob: ObjectID?
  /// git's file mode of the staged entry: 0o100644 a file, 0o120000 a symbolic link,
  /// 0o160000 a submodule (whose id is a commit, not a blob).
  public var mode: UInt32 = 0o100644
}

extension Repository {
  /// What `git commit` would commit under `folder`: index against HEAD, sorted by path.
  ///
  /// - Parameter indexFile: the index file to read instead of the repository's own: the
  ///   temporary index git hands its commit hooks in `GIT_INDEX_FILE` (`git commit -a`,
  ///   `git commit PATH` and `--only` commit that one, not `.git/index`).
  public func stagedChanges(under folder: String, indexFile: URL? = nil) throws(GitError) -> [StagedChange] {
    let diff: OpaquePointer
    if let indexFile {
      // libgit2 opens a missing file as an empty index, which would read as every file
      // staged for removal: a wrong path is an error instead.
      guard FileManager.default.fileExists(atPath: indexFile.path) else {
        throw GitError(code: .notFound, operation: "git_index_open", message: "no index file at \(indexFile.path)")
      }
      var index: OpaquePointer?
      try git("git_index_open") { git_index_open(&index, indexFile.path) }
      guard let index else { throw .nilHandle("git_index_open") }
      defer { git_index_free(index) }
      diff = try diffFromHead(under: folder, flags: 0, "git_diff_tree_to_index") {
        git_diff_tree_to_index(&$0, self.handle, $1, index, $2)
      }
    } else {
      diff = try diffFromHead(under: folder, flags: 0, "git_diff_tree_to_index") {
        git_diff_tree_to_index(&$0, self.handle, $1, nil, $2)
      }
    }
    defer { git_diff_free(diff) }
    var result: [StagedChange] = []
    for position in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
      if delta.status == GIT_DELTA_DELETED {
        guard let path = delta.old_file.path.map({ String(cString: $0) }) else { continue }
        result.append(StagedChange(path: path, blob: nil))
      } else {
        guard let path = delta.new_file.path.map({ String(cString: $0) }) else { continue }
        result.append(StagedChange(path: path, blob: ObjectID(delta.new_file.id), mode: UInt32(delta.new_file.mode)))
      }
    }
    return result.sorted { $0.path < $1.path }
  }
}

extension Repository {
  /// A diff from HEAD's tree (none on an unborn branch) limited to `folder`, made by `make`
  /// with the tree and the options; the caller frees it.
  fileprivate func diffFromHead(
    under folder: String, flags: UInt32, _ operation: String,
    _ make: (inout OpaquePointer?, OpaquePointer?, UnsafePointer<git_diff_options>) -> Int32
  ) throws(GitError) -> OpaquePointer {
    var options = git_diff_options()
    try git("git_diff_options_init") { git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)) }
    options.flags = flags
    let headTree = try head().commit.map { (commit) throws(GitError) in try self.commit(commit).tree }
    let pattern = folder.isEmpty ? "*" : folder + "/*"
    var diff: OpaquePointer?
    func compare(_ tree: OpaquePointer?) -> Int32 {
      pattern.withCString { pointer in
        var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: pointer)]
        return strings.withUnsafeMutableBufferPointer { buffer in
          options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
          return make(&diff, tree, &options)
        }
      }
    }
    if let headTree {
      _ = try withTree(headTree) { (tree) throws(GitError) in try git(operation) { compare(tree) } }
    } else {
      try git(operation) { compare(nil) }
    }
    guard let diff else { throw .nilHandle(operation) }
    return diff
  }
}
