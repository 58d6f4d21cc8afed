import Foundation
import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file whole: the bytes go to a new file beside it, flushed to disk, which is then
/// renamed over it, so a reader (or a crash, or a power cut) sees the old file or the new one,
/// never half of one. The rename itself is on disk once the folder is flushed: `syncFolders`,
/// called once per batch of files, not once per file.
///
/// Plain system calls, because a merge writes thousands of files and Foundation's atomic write
/// costs a dozen calls more per file (it resolves every symlink on the path, among others).
enum AtomicFile {
  /// Replaces the file at `url` with `bytes`; for a symbolic link, `bytes` is its target, as
  /// git stores it.
  static func write(_ bytes: [UInt8], to url: URL, kind: FileKind = .regular) throws(StoreError) {
    let path = url.path
    let aside = path + ".adminledger-\(getpid())-tmp"
    if kind == .symlink {
      unlink(aside)
      guard symlink(String(decoding: bytes, as: UTF8.self), aside) == 0 || makeFolder(of: url)
        && symlink(String(decoding: bytes, as: UTF8.self), aside) == 0
      else { throw failure(path) }
      guard rename(aside, path) == 0 else {
        let error = failure(path)
        unlink(aside)
        throw error
      }
      return
    }
    let permissions: mode_t = kind == .executable ? 0o755 : 0o644
    var descriptor = open(aside, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
    if descriptor < 0, errno == ENOENT, makeFolder(of: url) {
      descriptor = open(aside, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
    }
    guard descriptor >= 0 else { throw failure(path) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        let error = failure(path)
        close(descriptor)
        unlink(aside)
        throw error
      }
      written += count
    }
    // Flushed before the rename: renamed first, a power cut could leave an empty file in place.
    let flushed = fsync(descriptor) == 0
    guard close(descriptor) == 0, flushed, rename(aside, path) == 0 else {
      let error = failure(path)
      unlink(aside)
      throw error
    }
  }

  /// Flushes the folders of `urls` (each once), so the renames and removals of their files are
  /// on disk.
  static func syncFolders(of urls: [URL]) throws(StoreError) {
    var seen = Set<String>()
    for url in urls {
      let folder = url.deletingLastPathComponent().path
      guard seen.insert(folder).inserted else { continue }
      let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      // A folder removed since (its last record deleted) has nothing left to flush.
      if descriptor < 0, errno == ENOENT { continue }
      guard descriptor >= 0 else { throw failure(folder) }
      defer { close(descriptor) }
      guard fsync(descriptor) == 0 || errno == EINVAL else { throw failure(folder) }
    }
  }

  /// Flushes a file another library renamed into place, then its folder.
  static func syncFile(_ url: URL) throws(StoreError) {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0, errno == ENOENT { return }
    guard descriptor >= 0 else { throw failure(url.path) }
    let flushed = fsync(descriptor) == 0
    close(descriptor)
    guard flushed else { throw failure(url.path) }
    try syncFolders(of: [url])
  }

  /// Writes `bytes` to `url` whole and durably: the file, then its folder.
  static func writeDurably(_ bytes: [UInt8], to url: URL) throws(StoreError) {
    try write(bytes, to: url)
    try syncFolders(of: [url])
  }

  /// Makes the folder of a file that is the first of its folder (a kind's first record).
  private static func makeFolder(of url: URL) -> Bool {
    (try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)) != nil
  }

  private static func failure(_ path: String) -> StoreError {
    .io(path: path, reason: String(cString: strerror(errno)))
  }
}
