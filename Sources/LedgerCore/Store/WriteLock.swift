import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a ledger's repository, held for one write.
///
/// It serialises this tool's writers: between moving the branch and updating the work tree
/// no other `adminledger` write runs, so none mistakes a half-updated work tree for a hand
/// edit. It is `flock(2)`, released by the kernel if the process dies. Writers from other
/// programs are still caught by the compare-and-swap on the branch.
final class WriteLock {
  private let descriptor: Int32

  /// Waits until the lock at `url` is free, then holds it.
  init(at url: URL) throws(StoreError) {
    let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .io(path: url.path, reason: String(cString: strerror(errno)))
    }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw .io(path: url.path, reason: reason)
      }
    }
    descriptor = fd
  }

  deinit { close(descriptor) }
}
