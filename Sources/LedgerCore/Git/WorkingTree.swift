import Foundation
import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file to bring into the work tree: its content (nil: remove it) and what kind of file.
struct WorkingFile {
  /// The path relative to the repository's root.
  let path: String
  let content: [UInt8]?
  var kind: FileKind = .regular
}

/// The files of a repository's work tree that a write touches.
///
/// Before a write: every file it will replace must still match HEAD in the work tree and in
/// the index, so a person's uncommitted edit is never overwritten. After the branch moved:
/// the files are brought to the new commit (each written whole, by rename) and re-staged.
struct WorkingTree {
  let repository: Repository
  let root: URL

  /// Paths (relative to the repository) whose work-tree file or index entry differs from
  /// `expected` (the blob in HEAD, nil when HEAD has no such file).
  func editedPaths(_ expected: [String: ObjectID?]) throws(StoreError) -> [String] {
    var edited: [String] = []
    do {
      let paths = Array(expected.keys)
      let indexed = try repository.indexedBlobs(at: paths)
      let onDisk = try repository.workTreeBlobs(at: paths)
      for (path, blob) in expected.sorted(by: { $0.key < $1.key }) {
        if (onDisk[path] ?? nil) != blob || (indexed[path] ?? nil) != blob { edited.append(path) }
      }
    } catch {
      throw .git(.compareWorkTree, error)
    }
    return edited
  }

  /// Writes or removes files, flushes their folders, then stages exactly those paths.
  func apply(_ files: [WorkingFile]) throws(StoreError) {
    var written: [(bytes: [UInt8], url: URL, kind: FileKind)] = []
    for file in files {
      let url = root.appendingPathComponent(file.path)
      if let content = file.content {
        written.append((content, url, file.kind))
      } else if unlink(url.path) != 0, errno != ENOENT {
        throw .io(path: file.path, reason: String(cString: strerror(errno)))
      }
    }
    try AtomicFile.writeAll(written) { CrashPoint.reach("worktree.file") }
    try AtomicFile.syncFolders(of: files.map { root.appendingPathComponent($0.path) })
    CrashPoint.reach("worktree.files-written")
    do {
      var staged: [(path: String, blob: ObjectID?, kind: FileKind)] = []
      for file in files { staged.append((file.path, try file.content.map(Repository.blobID(of:)), file.kind)) }
      try repository.stage(staged)
    } catch {
      throw .git(.updateIndex, error)
    }
    // libgit2 renames the index into place without flushing it, even when asked to flush.
    try AtomicFile.syncFile(repository.indexFile)
  }
}
