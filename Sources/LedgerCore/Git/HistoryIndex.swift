import Foundation
import LedgerGit

/// What each commit changed, kept on disk in `.git/adminledger/history.idx` so that `log`,
/// `blame` and `audit` read a record's history without comparing trees: git's commit-graph with
/// changed paths, made exact.
///
/// For each commit it holds its tree, its parents and, against each parent, the files that
/// differ with their blob on both sides. A commit never changes, so an entry is never stale; a
/// commit the index lacks (a new commit, one fetched) is compared once and appended. A root
/// commit keeps no list (it would hold the whole ledger): readers look at its tree instead.
/// Entries are appended in checksummed segments; a damaged segment and all after it are
/// dropped, so damage costs recomputing, never a wrong answer.
final class HistoryIndex {
  struct Entry {
    let tree: ObjectID
    let parents: [ObjectID]
    /// Against each parent in order, the files that differ; empty for a root commit.
    let changes: [[TreeChange]]
  }

  private let repository: Repository
  private let file: URL
  private var entries: [ObjectID: Entry] = [:]
  /// Where each stored commit's entry is: parsed when first asked for, so a command that
  /// reads a few commits does not parse the whole history.
  private var stored: [ObjectID: (segment: Int, offset: Int)] = [:]
  private var segments: [[UInt8]] = []
  private var added: [(ObjectID, Entry)] = []

  init(repository: Repository) {
    self.repository = repository
    file = repository.gitDirectory.appendingPathComponent("adminledger/history.idx")
    if let data = FileManager.default.contents(atPath: file.path) { load([UInt8](data)) }
  }

  deinit { save() }

  /// The entry of `commit`, compared with its parents now when the index lacks it.
  func entry(_ commit: ObjectID) throws(GitError) -> Entry {
    if let known = entries[commit] { return known }
    if let place = stored[commit] {
      var reader = Reader(bytes: segments[place.segment], position: place.offset)
      if let (_, entry) = HistoryIndex.parseEntry(&reader) {
        entries[commit] = entry
        return entry
      }
    }
    let object = try repository.commit(commit)
    var changes: [[TreeChange]] = []
    for parent in object.parents {
      changes.append(try repository.changedFiles(from: try tree(of: parent), to: object.tree))
    }
    let entry = Entry(tree: object.tree, parents: object.parents, changes: changes)
    entries[commit] = entry
    added.append((commit, entry))
    // A first walk of a long history (a fresh clone) is kept as it goes: interrupted, the
    // next command starts where it stopped.
    if added.count >= HistoryIndex.segmentSize { save() }
    return entry
  }

  /// How many new entries are appended at once while a walk extends the index.
  static let segmentSize = 4096

  /// Every commit reachable from `tip`, each after all of its children, found in the index
  /// without reading the commits (an order for walks that only need children first, such as
  /// blame's; `log` keeps git's order by date).
  func topologicalOrder(from tip: ObjectID) throws(GitError) -> [ObjectID] {
    var children: [ObjectID: Int] = [tip: 0]
    var stack = [tip]
    while let id = stack.popLast() {
      for parent in try entry(id).parents {
        if let count = children[parent] {
          children[parent] = count + 1
        } else {
          children[parent] = 1
          stack.append(parent)
        }
      }
    }
    var order: [ObjectID] = []
    order.reserveCapacity(children.count)
    var ready = [tip]
    while let id = ready.popLast() {
      order.append(id)
      for parent in try entry(id).parents.reversed() {
        guard let count = children[parent] else { continue }
        children[parent] = count - 1
        if count == 1 { ready.append(parent) }
      }
    }
    return order
  }

  /// The tree of a commit, from the index when it has the commit.
  func tree(of commit: ObjectID) throws(GitError) -> ObjectID {
    if entries[commit] != nil || stored[commit] != nil { return try entry(commit).tree }
    return try repository.commit(commit).tree
  }

  /// Writes the entries computed since loading (or since the last save), as one segment at
  /// the end of the file. Readers of history call it as soon as they have read, before their
  /// command prints: a command stopped while printing (a closed pipe, Ctrl-C in a pager) keeps
  /// what its walk learnt, where the deinit alone would lose it.
  func save() {
    guard !added.isEmpty else { return }
    var body = Writer()
    body.uint32(UInt32(added.count))
    for (commit, entry) in added {
      body.id(commit)
      body.id(entry.tree)
      body.bytes([UInt8(entry.parents.count)])
      for (parent, changes) in zip(entry.parents, entry.changes) {
        body.id(parent)
        body.uint32(UInt32(changes.count))
        for change in changes {
          let path = Array(change.path.utf8)
          body.uint32(UInt32(path.count))
          body.bytes(path)
          body.bytes([(change.old == nil ? 0 : 1) | (change.new == nil ? 0 : 2)])
          if let old = change.old { body.id(old) }
          if let new = change.new { body.id(new) }
          body.uint32(change.kind.mode)
        }
      }
    }
    var segment = Writer()
    segment.bytes(HistoryIndex.magic)
    segment.uint32(UInt32(body.data.count))
    segment.bytes(body.data)
    segment.uint64(ChecksummedFile.fnv1a(body.data))
    added = []
    // An index that cannot be written (a read-only clone) only means comparing trees again.
    try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let descriptor = open(file.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    if CrashPoint.isChosen("history-index.torn") {  // a test's crash halfway through the append
      _ = segment.data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count / 2) }
      CrashPoint.stop()
    }
    _ = segment.data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  // MARK: - File format: segments of MAGIC, LENGTH, BODY, CHECKSUM (FNV-1a of BODY).

  private static let magic = Array("ALH1".utf8)

  private func load(_ bytes: [UInt8]) {
    var reader = Reader(bytes: bytes)
    var valid = 0
    while reader.position < bytes.count {
      guard reader.take(4).map(Array.init) == HistoryIndex.magic, let length = reader.uint32(),
        let body = reader.take(Int(length)).map(Array.init),
        let checksum = reader.uint64(), checksum == ChecksummedFile.fnv1a(body),
        let places = HistoryIndex.places(body)
      else { break }
      for (commit, offset) in places { stored[commit] = (segments.count, offset) }
      segments.append(body)
      valid = reader.position
    }
    // A torn or damaged tail would hide every segment appended after it: cut it off.
    if valid < bytes.count, let handle = FileHandle(forWritingAtPath: file.path) {
      try? handle.truncate(atOffset: UInt64(valid))
      try? handle.close()
    }
  }

  /// Where each entry of a segment starts, checking that every entry reads whole.
  private static func places(_ body: [UInt8]) -> [(ObjectID, Int)]? {
    var reader = Reader(bytes: body)
    guard let count = reader.uint32() else { return nil }
    var result: [(ObjectID, Int)] = []
    result.reserveCapacity(Int(count))
    for _ in 0..<count {
      let start = reader.position
      guard let commit = skipEntry(&reader) else { return nil }
      result.append((commit, start))
    }
    return reader.position == body.count ? result : nil
  }

  /// Steps over one entry without building it, returning its commit.
  private static func skipEntry(_ reader: inout Reader) -> ObjectID? {
    guard let commit = reader.id(), reader.skip(20), let parentCount = reader.byte() else { return nil }
    for _ in 0..<parentCount {
      guard reader.skip(20), let changeCount = reader.uint32() else { return nil }
      for _ in 0..<changeCount {
        guard let length = reader.uint32(), reader.skip(Int(length)), let flags = reader.byte(),
          reader.skip((flags & 1 != 0 ? 20 : 0) + (flags & 2 != 0 ? 20 : 0) + 4)
        else { return nil }
      }
    }
    return commit
  }

  private static func parseEntry(_ reader: inout Reader) -> (ObjectID, Entry)? {
    guard let commit = reader.id(), let tree = reader.id(), let parentCount = reader.byte() else { return nil }
    var parents: [ObjectID] = []
    var changes: [[TreeChange]] = []
    for _ in 0..<parentCount {
      guard let parent = reader.id(), let changeCount = reader.uint32() else { return nil }
      var list: [TreeChange] = []
      list.reserveCapacity(Int(changeCount))
      for _ in 0..<changeCount {
        guard let length = reader.uint32(), let path = reader.take(Int(length)), let flags = reader.byte()
        else { return nil }
        let old = flags & 1 != 0 ? reader.id() : nil
        let new = flags & 2 != 0 ? reader.id() : nil
        guard flags & 1 == 0 || old != nil, flags & 2 == 0 || new != nil, let mode = reader.uint32() else { return nil }
        list.append(TreeChange(path: String(decoding: path, as: UTF8.self), old: old, new: new, kind: FileKind(mode: mode)))
      }
      parents.append(parent)
      changes.append(list)
    }
    return (commit, Entry(tree: tree, parents: parents, changes: changes))
  }

  private struct Writer {
    var data: [UInt8] = []
    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }
    mutating func id(_ id: ObjectID) { data.append(contentsOf: id.bytes) }
    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
  }

  /// Reads a segment in place: no copy per field, a string per path only.
  private struct Reader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
      guard count >= 0, position + count <= bytes.count else { return nil }
      defer { position += count }
      return bytes[position..<(position + count)]
    }

    mutating func skip(_ count: Int) -> Bool {
      guard count >= 0, position + count <= bytes.count else { return false }
      position += count
      return true
    }

    mutating func byte() -> UInt8? {
      guard position < bytes.count else { return nil }
      defer { position += 1 }
      return bytes[position]
    }

    mutating func id() -> ObjectID? {
      guard position + 20 <= bytes.count else { return nil }
      defer { position += 20 }
      return bytes.withUnsafeBytes { buffer in buffer.baseAddress.map { ObjectID(pointer: $0 + position) } }
    }

    mutating func uint32() -> UInt32? {
      guard position + 4 <= bytes.count else { return nil }
      defer { position += 4 }
      return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt32.self)) }
    }

    mutating func uint64() -> UInt64? {
      guard position + 8 <= bytes.count else { return nil }
      defer { position += 8 }
      return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
    }
  }
}
