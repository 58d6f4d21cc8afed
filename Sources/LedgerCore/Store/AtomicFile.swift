import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file whole: the bytes go to a new file beside it, which is then renamed over it,
/// so a reader (or a crash) sees the old file or the new one, never half of one.
///
/// Plain system calls, because a merge writes thousands of files and Foundation's atomic write
/// costs a dozen calls more per file (it resolves every symlink on the path, among others).
enum AtomicFile {
  static func write(_ bytes: [UInt8], to url: URL) throws(StoreError) {
    let path = url.path
    let aside = path + ".adminledger-\(getpid())-tmp"
    var descriptor = open(aside, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0, errno == ENOENT {
      // The folder is new (a kind's first record): make it, then try again.
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      descriptor = open(aside, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
    guard close(descriptor) == 0, rename(aside, path) == 0 else {
      let error = failure(path)
      unlink(aside)
      throw error
    }
  }

  private static func failure(_ path: String) -> StoreError {
    .io(path: path, reason: String(cString: strerror(errno)))
  }
}
