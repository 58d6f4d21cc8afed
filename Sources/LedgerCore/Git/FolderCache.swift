import Foundation
import LedgerGit

/// A cache of the files of one kind's folder, keyed by the folder's git tree id, under
/// `.git/adminledger/index/`.
///
/// Reading two thousand records means two thousand compressed git objects; the cache holds
/// them in one file per folder tree instead. A key is a tree id, which names the folder's
/// exact content, so the cache can never answer with stale data: any change, by this tool or
/// by the git program, gives the folder a new tree id. A new tree reuses the cached bytes of
/// every blob it shares with the last cached tree, and reads only the blobs that changed.
/// Deleting the folder only costs a rebuild; a damaged file is ignored and rebuilt.
struct FolderCache {
  let directory: URL

  init(gitDirectory: URL) {
    directory = gitDirectory.appendingPathComponent("adminledger/index", isDirectory: true)
  }

  /// An entry as stored: its name, blob id and content.
  struct Entry {
    let name: String
    let blob: ObjectID
    let bytes: [UInt8]
  }

  /// The files of the folder whose tree is `tree` and entries are `entries`, from the cache
  /// when it has them, else read with `read` and cached.
  func files(
    folder: String, tree: ObjectID, entries: [TreeEntry], read: (ObjectID) throws(GitError) -> [UInt8]
  ) throws(GitError) -> [(name: String, bytes: [UInt8])] {
    let file = directory.appendingPathComponent("\(slug(folder))-\(tree).cache")
    if let cached = load(file), cached.count == entries.count {
      return cached.map { ($0.name, $0.bytes) }
    }
    var known: [ObjectID: [UInt8]] = [:]
    if let previous = latest(for: folder) { for entry in load(previous) ?? [] { known[entry.blob] = entry.bytes } }
    var result: [Entry] = []
    for entry in entries where entry.isRecordFile {
      let bytes: [UInt8]
      if let cached = known[entry.id] { bytes = cached } else { bytes = try read(entry.id) }
      result.append(Entry(name: entry.name, blob: entry.id, bytes: bytes))
    }
    store(result, at: file, folder: folder)
    return result.map { ($0.name, $0.bytes) }
  }

  // MARK: - File format: per entry a line "NAME BLOB LENGTH\n", then LENGTH bytes, then "\n".

  private func load(_ file: URL) -> [Entry]? {
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    let bytes = [UInt8](data)
    var entries: [Entry] = []
    var index = 0
    // Read in place: a folder of 30,000 records is 30,000 of these lines.
    while index < bytes.count {
      guard let firstSpace = bytes[index...].firstIndex(of: 0x20), firstSpace + 42 < bytes.count,
        bytes[firstSpace + 41] == 0x20, let end = bytes[(firstSpace + 42)...].firstIndex(of: 0x0A),
        let blob = ObjectID(hex: String(decoding: bytes[(firstSpace + 1)..<(firstSpace + 41)], as: UTF8.self))
      else { return nil }
      var length = 0
      for digit in bytes[(firstSpace + 42)..<end] {
        guard (0x30...0x39).contains(digit), length < 1 << 40 else { return nil }
        length = length * 10 + Int(digit - 0x30)
      }
      guard end > firstSpace + 42, end + 1 + length < bytes.count, bytes[end + 1 + length] == 0x0A else { return nil }
      entries.append(
        Entry(
          name: String(decoding: bytes[index..<firstSpace], as: UTF8.self), blob: blob,
          bytes: Array(bytes[(end + 1)..<(end + 1 + length)])))
      index = end + 2 + length
    }
    return entries
  }

  private func store(_ entries: [Entry], at file: URL, folder: String) {
    var data = Data()
    for entry in entries {
      data.append(contentsOf: Array("\(entry.name) \(entry.blob) \(entry.bytes.count)\n".utf8))
      data.append(contentsOf: entry.bytes)
      data.append(0x0A)
    }
    // A cache that cannot be written (a read-only clone) only means reading from git again.
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard (try? data.write(to: file, options: .atomic)) != nil else { return }
    prune(folder: folder, keeping: file)
  }

  /// The most recently written cache file of a folder.
  private func latest(for folder: String) -> URL? {
    cacheFiles(for: folder).max { modified($0) < modified($1) }
  }

  /// Keeps the newest few cache files of a folder, so `--at` on recent commits stays fast.
  private func prune(folder: String, keeping current: URL) {
    let files = cacheFiles(for: folder).sorted { modified($0) > modified($1) }
    for old in files.dropFirst(4) where old != current { try? FileManager.default.removeItem(at: old) }
  }

  private func cacheFiles(for folder: String) -> [URL] {
    let prefix = slug(folder) + "-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".cache") && $0.count == prefix.count + 46 }
      .map { directory.appendingPathComponent($0) }
  }

  private func modified(_ file: URL) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date) ?? .distantPast
  }

  private func slug(_ folder: String) -> String { folder.replacingOccurrences(of: "/", with: "_") }
}
