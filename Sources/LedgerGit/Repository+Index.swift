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

/// A path the index holds in conflict: the blob of each side of the merge (nil: absent there).
public struct IndexConflict: Equatable, Sendable {
  public let path: String
  public let base: ObjectID?
  public let ours: ObjectID?
  public let theirs: ObjectID?

  public init(path: String, base: ObjectID?, ours: ObjectID?, theirs: ObjectID?) {
    self.path = path
    self.base = base
    self.ours = ours
    self.theirs = theirs
  }
}

// The index during a merge: conflicted paths (stages 1 to 3) as git keeps them.
extension Repository {
  /// The conflicted paths of the index, sorted.
  public func indexConflicts() throws(GitError) -> [IndexConflict] {
    try withIndex { (index) throws(GitError) in
      var iterator: OpaquePointer?
      try git("git_index_conflict_iterator_new") { git_index_conflict_iterator_new(&iterator, index) }
      guard let iterator else { throw .nilHandle("git_index_conflict_iterator_new") }
      defer { git_index_conflict_iterator_free(iterator) }
      var result: [IndexConflict] = []
      while true {
        var base: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        let status = git_index_conflict_next(&base, &ours, &theirs, iterator)
        if status == GIT_ITEROVER.rawValue { break }
        guard status >= 0 else { throw GitError(status: status, operation: "git_index_conflict_next") }
        guard let path = (base ?? ours ?? theirs)?.pointee.path.map({ String(cString: $0) }) else { continue }
        result.append(IndexConflict(
          path: path, base: base.map { ObjectID($0.pointee.id) }, ours: ours.map { ObjectID($0.pointee.id) },
          theirs: theirs.map { ObjectID($0.pointee.id) }))
      }
      return result.sorted { $0.path < $1.path }
    }
  }

  /// Marks paths conflicted in the index (stages 1 to 3, replacing their stage-0 entry), as
  /// git does for a merge it could not finish: `git status` lists them and `git commit`
  /// refuses until each is resolved.
  public func markConflicts(_ conflicts: [IndexConflict]) throws(GitError) {
    try withIndex { (index) throws(GitError) in
      for conflict in conflicts {
        let path = strdup(conflict.path)
        defer { free(path) }
        func entry(_ blob: ObjectID?) -> git_index_entry? {
          guard let blob else { return nil }
          var entry = git_index_entry()
          entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
          entry.id = blob.raw
          entry.path = UnsafePointer(path)
          return entry
        }
        var base = entry(conflict.base), ours = entry(conflict.ours), theirs = entry(conflict.theirs)
        try git("git_index_conflict_add") {
          withOptionalPointer(&base) { basePointer in
            withOptionalPointer(&ours) { oursPointer in
              withOptionalPointer(&theirs) { theirsPointer in
                git_index_conflict_add(index, basePointer, oursPointer, theirsPointer)
              }
            }
          }
        }
      }
      try git("git_index_write") { git_index_write(index) }
    }
  }

  /// Writes the index as a tree, as `git commit` does.
  ///
  /// - Throws: `GitError` `.conflict`-like failures while the index holds conflicts.
  public func writeIndexTree() throws(GitError) -> ObjectID {
    try withIndex { (index) throws(GitError) in
      var out = git_oid()
      try git("git_index_write_tree") { git_index_write_tree(&out, index) }
      return ObjectID(out)
    }
  }

  /// The index file itself, which a stopped merge saves so that aborting restores it exactly.
  public var indexFile: URL { gitDirectory.appendingPathComponent("index") }

  private func withIndex<Result>(_ body: (OpaquePointer) throws(GitError) -> Result) throws(GitError) -> Result {
    var index: OpaquePointer?
    try git("git_repository_index") { git_repository_index(&index, handle) }
    guard let index else { throw .nilHandle("git_repository_index") }
    defer { git_index_free(index) }
    try git("git_index_read") { git_index_read(index, 1) }
    return try body(index)
  }
}

/// Calls `body` with a pointer to `value`, or with nil when it holds none.
private func withOptionalPointer<Value, Result>(
  _ value: inout Value?, _ body: (UnsafePointer<Value>?) -> Result
) -> Result {
  guard var unwrapped = value else { return body(nil) }
  defer { value = unwrapped }
  return withUnsafePointer(to: &unwrapped) { body($0) }
}
