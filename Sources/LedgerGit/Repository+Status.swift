internal import CLibGit2

/// How a work-tree path differs from HEAD, index and work tree taken together.
public struct PathStatus: Equatable, Sendable {
  public enum Change: Equatable, Sendable { case added, modified, deleted }

  public let path: String
  public let change: Change
}

// Uncommitted changes in the work tree.
extension Repository {
  /// Paths under `folder` (relative to the work tree, `""` for all) whose content in the index
  /// or work tree differs from HEAD, sorted by path. Untracked files count as added; ignored
  /// files do not count.
  public func uncommittedChanges(under folder: String) throws(GitError) -> [PathStatus] {
    var options = git_status_options()
    try git("git_status_options_init") {
      git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
    }
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
    let pattern = folder.isEmpty ? "*" : folder + "/*"
    var list: OpaquePointer?
    try git("git_status_list_new") {
      pattern.withCString { pointer in
        var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: pointer)]
        return strings.withUnsafeMutableBufferPointer { buffer in
          options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
          return git_status_list_new(&list, handle, &options)
        }
      }
    }
    guard let list else { throw .nilHandle("git_status_list_new") }
    defer { git_status_list_free(list) }
    var result: [PathStatus] = []
    for position in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, position)?.pointee,
        let change = PathStatus.Change(flags: entry.status.rawValue)
      else { continue }
      let delta = entry.index_to_workdir ?? entry.head_to_index
      guard let path = delta?.pointee.new_file.path.map({ String(cString: $0) }) else { continue }
      result.append(PathStatus(path: path, change: change))
    }
    return result.sorted { $0.path < $1.path }
  }
}

extension PathStatus.Change {
  init?(flags: UInt32) {
    let deleted = GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
    let added = GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue
    let modified =
      GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
      | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue
      | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_INDEX_RENAMED.rawValue
    if flags & GIT_STATUS_INDEX_NEW.rawValue != 0, flags & GIT_STATUS_WT_DELETED.rawValue != 0 {
      return nil  // staged then removed: nothing differs from HEAD
    }
    if flags & deleted != 0 {
      self = .deleted
    } else if flags & added != 0 {
      self = .added
    } else if flags & modified != 0 {
      self = .modified
    } else {
      return nil
    }
  }
}
