import Foundation
import LedgerGit

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
    for (path, blob) in expected.sorted(by: { $0.key < $1.key }) {
      do {
        let onDisk = try fileBlobID(path)
        let indexed = try repository.indexedBlob(at: path)
        if onDisk != blob || indexed != blob { edited.append(path) }
      } catch {
        throw .git(action: "compare \(path) with HEAD", error)
      }
    }
    return edited
  }

  /// Writes or removes files, then stages exactly those paths.
  func apply(_ files: [(path: String, content: [UInt8]?)]) throws(StoreError) {
    for file in files {
      let url = root.appendingPathComponent(file.path)
      do {
        if let content = file.content {
          try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(content).write(to: url, options: .atomic)
        } else if FileManager.default.fileExists(atPath: url.path) {
          try FileManager.default.removeItem(at: url)
        }
      } catch {
        throw .io(path: file.path, reason: error.localizedDescription)
      }
    }
    do {
      try repository.stageWorkingFiles(files.map(\.path))
    } catch {
      throw .git(action: "update the index", error)
    }
  }

  /// The blob id of the work-tree file at `path`, or nil when there is none.
  private func fileBlobID(_ path: String) throws(GitError) -> ObjectID? {
    let url = root.appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return try Repository.blobID(of: Array(data))
  }
}
