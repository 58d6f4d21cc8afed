import Foundation
import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Linux's syncfs(2), which Glibc's module map leaves out (it is declared only under
/// _GNU_SOURCE).
@_silgen_name("syncfs") private func syncfs(_ descriptor: Int32) -> Int32

/// Replaces a file whole: the bytes go to a new file beside it, flushed to disk, which is then
/// renamed over it, so a reader (or a crash, or a power cut) sees the old file or the new one,
/// never half of one. The rename itself is on disk once the folder is flushed: `syncFolders`,
/// called once per batch of files, not once per file.
///
/// Plain system calls, because a merge writes thousands of files and Foundation's atomic write
/// costs a dozen calls more per file (it resolves every symlink on the path, among others).
enum AtomicFile {
  /// Up to how many files a batch flushes one by one; a larger one flushes the file system once.
  static let flushEachLimit = 64

  /// Replaces the file at `url` with `bytes`; for a symbolic link, `bytes` is its target, as
  /// git stores it.
  static func write(_ bytes: [UInt8], to url: URL, kind: FileKind = .regular) throws(StoreError) {
    try place(try setAside(bytes, for: url, kind: kind, flush: true), at: url)
  }

  /// Replaces many files, calling `placed` after each. The same order as one by one (every new
  /// file on disk before any rename), but beyond `flushEachLimit` files the new files are
  /// written unflushed and the file system is flushed once (`syncfs`): two flushes for an
  /// import of ten thousand records instead of ten thousand.
  static func writeAll(_ files: [(bytes: [UInt8], url: URL, kind: FileKind)], placed: () -> Void) throws(StoreError) {
    let flushEach = files.count <= flushEachLimit
    var asides: [String] = []
    defer { for aside in asides { unlink(aside) } }  // left only by a failure
    for file in files { asides.append(try setAside(file.bytes, for: file.url, kind: file.kind, flush: flushEach)) }
    if !flushEach, let first = files.first { try syncFileSystem(of: first.url) }
    for (index, file) in files.enumerated() {
      try place(asides[index], at: file.url)
      asides[index] = ""
      placed()
    }
  }

  /// Writes the new file beside `url` (creating its folder if needed) and returns its path.
  private static func setAside(_ bytes: [UInt8], for url: URL, kind: FileKind, flush: Bool) throws(StoreError) -> String {
    let path = url.path
    let aside = path + ".adminledger-\(getpid())-tmp"
    if kind == .symlink {
      unlink(aside)
      let target = String(decoding: bytes, as: UTF8.self)
      guard symlink(target, aside) == 0 || makeFolder(of: url) && symlink(target, aside) == 0 else { throw failure(path) }
      return aside
    }
    let permissions: mode_t = kind == .executable ? 0o755 : 0o644
    // A new file, never what already has the name (a link planted there would be followed
    // out of the ledger, an old file would keep its mode).
    unlink(aside)
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
    var descriptor = open(aside, flags, permissions)
    if descriptor < 0, errno == ENOENT, makeFolder(of: url) {
      descriptor = open(aside, flags, permissions)
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
    let flushed = !flush || fsync(descriptor) == 0
    guard close(descriptor) == 0, flushed else {
      let error = failure(path)
      unlink(aside)
      throw error
    }
    return aside
  }

  private static func place(_ aside: String, at url: URL) throws(StoreError) {
    guard rename(aside, url.path) == 0 else {
      let error = failure(url.path)
      unlink(aside)
      throw error
    }
  }

  /// Flushes everything written to the file system that holds `url`.
  private static func syncFileSystem(of url: URL) throws(StoreError) {
    let folder = url.deletingLastPathComponent().path
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(folder) }
    defer { close(descriptor) }
    guard syncfs(descriptor) == 0 else { throw failure(folder) }
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

  /// Removes the new files a killed process left beside `urls` (`NAME.adminledger-PID-tmp`).
  /// Only for a caller holding the write lock: then no other writer's files are in flight.
  static func removeLeftovers(besides urls: [URL]) {
    var wanted: [String: Set<String>] = [:]
    for url in urls { wanted[url.deletingLastPathComponent().path, default: []].insert(url.lastPathComponent) }
    for (folder, names) in wanted {
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        guard entry.hasSuffix("-tmp"), let marker = entry.range(of: ".adminledger-", options: .backwards),
          names.contains(String(entry[..<marker.lowerBound]))
        else { continue }
        unlink(folder + "/" + entry)
      }
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
