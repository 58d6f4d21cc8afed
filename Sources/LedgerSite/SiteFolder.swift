import Foundation
import LedgerCore
import LedgerLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if os(Linux)
  /// Linux's syncfs(2), which Glibc's module map leaves out (declared only under _GNU_SOURCE).
  @_silgen_name("syncfs") private func syncfs(_ descriptor: Int32) -> Int32
#endif

/// Where a site is written: a new folder beside the destination, renamed over it when every
/// page is written, so a reader never finds half a site and a failure leaves the old one. A
/// destination that holds files no site wrote is refused, so nothing of the user's is lost.
///
/// Written again into the same folder, the site is incremental: a page whose bytes are those of
/// the file already there is not written but hard-linked into the new folder (same file, same
/// inode and modification time), so only the pages that changed are new files, and a page the
/// new site no longer has is simply not carried over. The new files are written unflushed and
/// the file system is flushed once at the end (`syncfs`), then the folders are swapped and
/// their parent flushed: two flushes for a site of twenty thousand pages instead of one each.
struct SiteFolder {
  /// The file that marks a folder as a site adminledger wrote (and may replace).
  static let marker = ".adminledger-site"

  let destination: URL
  let staging: URL
  private let files = FileManager.default
  /// Whether `destination` holds a site written before, whose pages may be reused.
  private let previous: Bool
  /// What the site written before was made from, when its marker says (`SiteState`).
  let previousState: SiteState?
  private let counts = Counts()

  /// How many files were written anew and how many were the same bytes as before.
  final class Counts {
    var written = 0
    var unchanged = 0
  }

  /// Why a site may not be written somewhere.
  enum Refusal {
    /// The destination is a file.
    case file
    /// The destination is a folder holding files no site wrote.
    case foreign
  }

  /// Why a site may not be written into `destination`, or nil when it may (new, empty, or a
  /// site written before).
  static func refusal(for destination: URL) -> Refusal? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return .file }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
    return entries.isEmpty || entries.contains(marker) ? nil : .foreign
  }

  init(replacing destination: URL) throws(StoreError) {
    self.destination = destination
    switch Self.refusal(for: destination) {
    case nil: break
    case .file:
      throw .io(path: destination.path, reason: tr("it is a file, not a folder; choose an empty or new folder for the site"))
    case .foreign:
      throw .io(
        path: destination.path, reason: tr("it holds files that no site wrote; choose an empty or new folder for the site"))
    }
    let marker = FileManager.default.contents(atPath: destination.appendingPathComponent(Self.marker).path)
    previous = marker != nil
    previousState = marker.flatMap { SiteState(marker: Array($0)) }
    staging = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).adminledger-\(getpid())-tmp")
    do {
      try? files.removeItem(at: staging)
      try files.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io(path: staging.path, reason: error.localizedDescription)
    }
  }

  /// How many files were written anew so far.
  var written: Int { counts.written }
  /// How many files were the same as the previous site's, and kept.
  var unchanged: Int { counts.unchanged }

  /// Writes one file of the site, making its folder when needed; a file the previous site
  /// holds with the same bytes is linked instead.
  func write(_ text: String, to path: String) throws(StoreError) {
    let bytes = Array(text.utf8)
    let target = staging.appendingPathComponent(path).path
    if previous, reuse(bytes, at: destination.appendingPathComponent(path).path, as: target) {
      counts.unchanged += 1
      return
    }
    var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0, errno == ENOENT, makeFolder(of: target) {
      descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }
    guard descriptor >= 0 else { throw failure(destination.appendingPathComponent(path).path) }
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        let error = failure(destination.appendingPathComponent(path).path)
        close(descriptor)
        throw error
      }
      done += count
    }
    guard close(descriptor) == 0 else { throw failure(destination.appendingPathComponent(path).path) }
    counts.written += 1
  }

  /// Keeps the previous site's file at `path` as it is, without reading it; false when the
  /// previous site has no such file.
  func keep(_ path: String) -> Bool {
    guard previous else { return false }
    let old = destination.appendingPathComponent(path).path
    let new = staging.appendingPathComponent(path).path
    guard link(old, new) == 0 || (errno == ENOENT && makeFolder(of: new) && link(old, new) == 0) else { return false }
    counts.unchanged += 1
    return true
  }

  /// Links the previous site's file at `old` to `new` when it holds exactly `bytes`.
  private func reuse(_ bytes: [UInt8], at old: String, as new: String) -> Bool {
    guard let existing = FileManager.default.contents(atPath: old), existing.count == bytes.count,
      existing.elementsEqual(bytes)
    else { return false }
    if link(old, new) == 0 { return true }
    return errno == ENOENT && makeFolder(of: new) && link(old, new) == 0
  }

  /// Puts the new site in place of the old one, `marker` (what it was made from) marking it as
  /// a site: everything written is flushed once, then the folders are swapped and their parent
  /// flushed.
  func finish(marker: String) throws(StoreError) {
    try write(marker, to: Self.marker)
    try flushFileSystem(of: staging.path)
    let old = staging.deletingLastPathComponent().appendingPathComponent(
      ".\(destination.lastPathComponent).adminledger-\(getpid())-old")
    do {
      if files.fileExists(atPath: destination.path) { try files.moveItem(at: destination, to: old) }
      try files.moveItem(at: staging, to: destination)
      Self.remove(old.path)
    } catch {
      throw .io(path: destination.path, reason: error.localizedDescription)
    }
    try flushFolder(destination.deletingLastPathComponent().path)
  }

  /// Removes what was written, leaving the destination as it was.
  func abandon() { try? files.removeItem(at: staging) }

  // MARK: - System calls

  /// Removes a folder the site wrote and everything in it, by the types `readdir` gives:
  /// FileManager asks each of a hundred thousand pages its type again, which cost more than
  /// writing the new site.
  static func remove(_ path: String) {
    guard let folder = opendir(path) else {
      unlink(path)
      return
    }
    var folders: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard name != ".", name != ".." else { continue }
      let child = path + "/" + name
      if entry.pointee.d_type == UInt8(DT_DIR) {
        folders.append(child)
      } else if unlink(child) != 0, errno == EISDIR {
        folders.append(child)
      }
    }
    closedir(folder)
    for child in folders { remove(child) }
    rmdir(path)
  }

  private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, buffer, count)
    #else
      Darwin.write(descriptor, buffer, count)
    #endif
  }

  private func makeFolder(of path: String) -> Bool {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    return (try? files.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
  }

  /// Flushes everything written to the file system holding `path` (one call, not one a file).
  private func flushFileSystem(of path: String) throws(StoreError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path) }
    defer { close(descriptor) }
    #if os(Linux)
      guard syncfs(descriptor) == 0 else { throw failure(path) }
    #else
      sync()
    #endif
  }

  private func flushFolder(_ path: String) throws(StoreError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 || errno == EINVAL else { throw failure(path) }
  }

  private func failure(_ path: String) -> StoreError {
    .io(path: path, reason: String(cString: strerror(errno)))
  }
}
