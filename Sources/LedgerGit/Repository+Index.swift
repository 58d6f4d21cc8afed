internal import CLibGit2
import Foundation

// Keeping the index in step with files the tool wrote in the work tree.
extension Repository {
  /// Re-stages the given work-tree paths as they are on disk: a present file is added, a
  /// missing one removed. Other index entries (a person's own staged work) are untouched.
  public func stageWorkingFiles(_ paths: [String]) throws(GitError) {
    var index: OpaquePointer?
    try git("git_repository_index") { git_repository_index(&index, handle) }
    guard let index else { throw .nilHandle("git_repository_index") }
    defer { git_index_free(index) }
    try git("git_index_read") { git_index_read(index, 1) }
    guard let root = workingDirectory else { return }
    for path in paths {
      if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
        try git("git_index_add_bypath") { git_index_add_bypath(index, path) }
      } else {
        let status = git_index_remove_bypath(index, path)
        guard status >= 0 else { throw GitError(status: status, operation: "git_index_remove_bypath") }
      }
    }
    try git("git_index_write") { git_index_write(index) }
  }

  /// The blob id the index holds for `path` (stage 0), or nil when it holds none.
  public func indexedBlob(at path: String) throws(GitError) -> ObjectID? {
    var index: OpaquePointer?
    try git("git_repository_index") { git_repository_index(&index, handle) }
    guard let index else { throw .nilHandle("git_repository_index") }
    defer { git_index_free(index) }
    try git("git_index_read") { git_index_read(index, 1) }
    return git_index_get_bypath(index, path, 0).map { ObjectID($0.pointee.id) }
  }
}
