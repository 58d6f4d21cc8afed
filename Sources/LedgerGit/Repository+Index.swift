internal import CLibGit2
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// The blob id the index holds (stage 0) for each of `paths`, nil where it holds none; the
  /// index is read once for all of them.
  public func indexedBlobs(at paths: [String]) throws(GitError) -> [String: ObjectID?] {
    try withIndex { index in
      var result: [String: ObjectID?] = [:]
      for path in paths { result[path] = .some(git_index_get_bypath(index, path, 0).map { ObjectID($0.pointee.id) }) }
      return result
    }
  }
}

// Keeping the index in step cheaply, as git does: an entry records the file's size and times,
// so a file whose stat still matches its entry needs no reading or hashing.
extension Repository {
  /// Stages `blob` for each path whose work-tree file was just written with exactly that
  /// content, as a file of `kind` (blob nil: the path is removed); the entry takes the file's stat, so git sees it clean
  /// without hashing it again. Conflicts recorded for the paths are cleared.
  public func stage(_ files: [(path: String, blob: ObjectID?, kind: FileKind)]) throws(GitError) {
    guard let root = workingDirectory else { return }
    try withIndex { (index) throws(GitError) in
      for file in files {
        _ = git_index_conflict_remove(index, file.path)
        guard let blob = file.blob else {
          let status = git_index_remove_bypath(index, file.path)
          guard status >= 0 else { throw GitError(status: status, operation: "git_index_remove_bypath") }
          continue
        }
        var info = stat()
        guard lstat(root.appendingPathComponent(file.path).path, &info) == 0 else {
          throw GitError(code: .notFound, operation: "stat", message: "\(file.path): \(String(cString: strerror(errno)))")
        }
        let path = strdup(file.path)
        defer { free(path) }
        var entry = git_index_entry()
        entry.ctime = git_index_time(
          seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec))
        entry.mtime = git_index_time(
          seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec), nanoseconds: UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        entry.mode = file.kind.mode
        entry.id = blob.raw
        entry.path = UnsafePointer(path)
        try git("git_index_add") { git_index_add(index, &entry) }
      }
      try git("git_index_write") { git_index_write(index) }
    }
  }

  /// The blob each work-tree file holds (nil: no file): taken from the index entry when the
  /// file's size and times still match it and the entry is older than the index (not racy),
  /// else computed from the file.
  public func workTreeBlobs(at paths: [String]) throws(GitError) -> [String: ObjectID?] {
    guard let root = workingDirectory else { return [:] }
    var indexStat = stat()
    let indexTime = stat(indexFile.path, &indexStat) == 0 ? indexStat.st_mtim : timespec()
    return try withIndex { (index) throws(GitError) in
      var result: [String: ObjectID?] = [:]
      for path in paths {
        let full = root.appendingPathComponent(path).path
        var info = stat()
        guard lstat(full, &info) == 0 else {
          result[path] = .some(nil)
          continue
        }
        if let entry = git_index_get_bypath(index, path, 0)?.pointee,
          entry.file_size == UInt32(truncatingIfNeeded: info.st_size),
          entry.mtime.seconds == Int32(truncatingIfNeeded: info.st_mtim.tv_sec),
          entry.mtime.nanoseconds == UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec),
          entry.ino == UInt32(truncatingIfNeeded: info.st_ino),
          (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) < (indexTime.tv_sec, indexTime.tv_nsec)
        {
          result[path] = ObjectID(entry.id)
          continue
        }
        if info.st_mode & S_IFMT == S_IFLNK {
          // git stores a symbolic link as its target's text.
          var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
          let length = readlink(full, &target, target.count - 1)
          guard length >= 0 else {
            throw GitError(code: .other(-1), operation: "readlink", message: "\(path): \(String(cString: strerror(errno)))")
          }
          result[path] = try Repository.blobID(of: target.prefix(length).map { UInt8(bitPattern: $0) })
          continue
        }
        var out = git_oid()
        try git("git_odb_hashfile") { git_odb_hashfile(&out, full, GIT_OBJECT_BLOB) }
        result[path] = ObjectID(out)
      }
      return result
    }
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
        result.append(
          IndexConflict(
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
    // Not forced: the repository keeps its index, and re-reads the file only when it changed
    // on disk (its time, size or inode); a write reads an index of 100,000 entries once, not
    // once per question.
    try git("git_index_read") { git_index_read(index, 0) }
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
