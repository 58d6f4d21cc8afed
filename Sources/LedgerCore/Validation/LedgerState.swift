import Foundation
import LedgerJSON
import LedgerSchema

/// The ledger as a write would leave it: a snapshot with a change set laid over it.
///
/// Records are read and parsed on demand, kind by kind, and kept, so validation reads only
/// the kinds its rules need and parses each file once.
final class LedgerState {
  private let snapshot: any LedgerSnapshot
  /// Files the write changes: new bytes, or nil for a removed file.
  private let overlay: [String: [UInt8]?]
  private var kinds: [RecordKind: [RecordID: Record]] = [:]
  private var bytesCache: [String: [UInt8]] = [:]
  /// Records read one by one, outside a loaded kind (nil: absent or unreadable).
  private var single: [RecordKey: Record?] = [:]
  /// The value owners asked for so far, with this state's changes laid over: built once each.
  private var valueOwnersCache: [String: ValueOwners] = [:]

  init(_ snapshot: any LedgerSnapshot, changes: [ChangeSet.FileChange] = []) {
    self.snapshot = snapshot
    var overlay: [String: [UInt8]?] = [:]
    for change in changes { overlay[change.path] = .some(change.content) }
    self.overlay = overlay
  }

  /// Takes the readable records of a kind as read elsewhere (a validation of everything has
  /// parsed them all), so rules that look records up find them without reading again.
  func adopt(_ records: [Record], of kind: RecordKind) {
    guard kinds[kind] == nil else { return }
    var byID: [RecordID: Record] = [:]
    for record in records { byID[record.key.id] = record }
    kinds[kind] = byID
  }

  /// Where derived indexes of the ledger are kept (`.git/adminledger/index`), or nil for a
  /// store that keeps none.
  var indexDirectory: URL? {
    snapshot.indexes?.indexDirectory
  }

  /// The bytes of a file, as the write leaves it.
  func bytes(_ path: String) throws(StoreError) -> [UInt8]? {
    if let changed = overlay[path] { return changed }
    if let cached = bytesCache[path] { return cached }
    let bytes = try snapshot.fileBytes(path)
    if let bytes { bytesCache[path] = bytes }
    return bytes
  }

  /// One record; nil when absent or unreadable (unreadable files get their own diagnostic).
  /// Kept once read: validating a ledger reads the same account for each of its rights.
  func record(_ key: RecordKey) throws(StoreError) -> Record? {
    if let loaded = kinds[key.kind] { return loaded[key.id] }
    if let known = single[key] { return known }
    let record = try bytes(key.path).flatMap { try? RecordDecoder.decode($0, key: key, file: key.path) }
    single[key] = .some(record)
    return record
  }

  /// Whether a record's file exists, as the write leaves it (an unreadable file exists too).
  /// Whether the change set this state lays over its snapshot removes the record.
  func removes(_ key: RecordKey) -> Bool {
    guard let changed = overlay[key.path] else { return false }
    return changed == nil
  }

  func exists(_ key: RecordKey) throws(StoreError) -> Bool {
    if let changed = overlay[key.path] { return changed != nil }
    if let loaded = kinds[key.kind] { return loaded[key.id] != nil || bytesCache[key.path] != nil }
    if let known = single[key] { return known != nil || bytesCache[key.path] != nil }
    return try snapshot.fileExists(key.path)
  }

  /// The files of the kinds read so far that are no record (not JSON, too large, not an
  /// object, not named as an id), with why.
  private var unreadable: [String: [Diagnostic]] = [:]

  /// What a reader left out of the kinds it read, sorted by file: the files that are no
  /// record, and the links, submodules and folders of those kinds' folders (looked up here,
  /// once, not on every load).
  func unreadableFiles() -> [Diagnostic] {
    var found = unreadable
    for kind in kinds.keys {
      for entry in (try? irregularEntries(of: kind)) ?? [] { found[entry.path] = [entry.diagnostic()] }
    }
    return found.sorted { $0.key < $1.key }.flatMap(\.value)
  }

  /// Every readable record of a kind, sorted by id.
  func records(of kind: RecordKind) throws(StoreError) -> [Record] {
    try loaded(kind).values.sorted { $0.key.id < $1.key.id }
  }

  /// Whether this state changes a file of the kind's folder.
  private func changes(_ kind: RecordKind) -> Bool {
    overlay.keys.contains { $0.hasPrefix(kind.folder + "/") }
  }

  /// The entries of a kind's folder that are no regular file (a write never makes one).
  func irregularEntries(of kind: RecordKind) throws(StoreError) -> [IrregularEntry] {
    try snapshot.irregularEntries(in: kind.folder)
  }

  /// Every file of a kind's folder, as the write leaves it, with its bytes.
  func files(of kind: RecordKind) throws(StoreError) -> [(name: String, bytes: [UInt8])] {
    // Nothing of the kind changed: the snapshot's files, already sorted by name.
    guard changes(kind) else { return try snapshot.files(in: kind.folder) }
    var files: [String: [UInt8]] = [:]
    for file in try snapshot.files(in: kind.folder) { files[file.name] = file.bytes }
    for (path, content) in overlay where path.hasPrefix(kind.folder + "/") {
      let name = String(path.dropFirst(kind.folder.count + 1))
      guard !name.contains("/") else { continue }
      files[name] = content
    }
    return files.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
  }

  /// The owners of each value at `path` (unique values, references) among the records of
  /// `kind` as the write leaves them, from an index (a history walk's, or the one kept on
  /// disk); nil when the snapshot keeps none.
  func valueOwners(_ kind: RecordKind, _ path: KeywordPath) throws(StoreError) -> ValueOwners? {
    let name = "\(kind.rawValue)|\(path.steps.joined(separator: "/"))|\(path.value.compactText)"
    if let known = valueOwnersCache[name] { return known }
    guard let indexed = try snapshot.indexes?.valueOwners(kind, path) else { return nil }
    var owners = ValueOwners(indexed: indexed)
    defer { valueOwnersCache[name] = owners }
    for (file, content) in overlay where file.hasPrefix(kind.folder + "/") {
      guard let key = RecordKey(path: file) else { continue }
      owners.rewritten.insert(key)
      if let content, let new = try? RecordDecoder.decode(content, key: key, file: key.path) {
        for (_, value) in UniquenessRule.values(of: new, path) { owners.added[value, default: []].append(key) }
      }
    }
    return owners
  }

  /// The records of `kind` whose values at a path include `value`, from a value index, when
  /// the snapshot keeps one and this state changes nothing of the kind; nil otherwise.
  func records(
    of kind: RecordKind, indexedBy path: KeywordPath, values: @escaping (Record) -> [JSONValue], holding value: JSONValue
  ) throws(StoreError) -> [Record]? {
    guard !changes(kind), let indexes = snapshot.indexes else {
      return nil
    }
    if let loaded = kinds[kind] {
      return loaded.values.filter { values($0).contains(value) }.sorted { $0.key.id < $1.key.id }
    }
    return try indexes.records(of: kind, indexedBy: path, values: values, holding: value)
  }

  /// The settings as the write leaves them, or nil when `ledger.json` is unreadable.
  func settings() throws(StoreError) -> LedgerSettings? {
    guard let bytes = try bytes(LedgerSettings.fileName) else { return nil }
    return try? LedgerSettings.read(bytes)
  }

  private func loaded(_ kind: RecordKind) throws(StoreError) -> [RecordID: Record] {
    if let loaded = kinds[kind] { return loaded }
    if var records = try snapshot.indexes?.memoizedRecords(of: kind) {
      // The walk has parsed these versions before: only the files this state changes are new.
      for (path, content) in overlay where path.hasPrefix(kind.folder + "/") {
        guard let key = RecordKey(path: path) else { continue }
        records[key.id] = content.flatMap { try? RecordDecoder.decode($0, key: key, file: key.path) }
      }
      kinds[kind] = records
      return records
    }
    var records: [RecordID: Record] = [:]
    for file in try files(of: kind) {
      guard let key = RecordKey(path: kind.folder + "/" + file.name) else {
        unreadable[kind.folder + "/" + file.name] = [RecordFileName.diagnostic(for: kind.folder + "/" + file.name)]
        continue
      }
      do throws(DiagnosticList) {
        records[key.id] = try RecordDecoder.decode(file.bytes, key: key, file: key.path)
      } catch {
        unreadable[key.path] = error.diagnostics
      }
    }
    kinds[kind] = records
    return records
  }
}

/// Which records hold a value: an index of the snapshot's records, with the records a write
/// rewrites taken out and counted again as the write leaves them. Answers one value at a time,
/// so nothing is copied per write.
struct ValueOwners {
  let indexed: (JSONValue) -> Set<RecordKey>
  var rewritten: Set<RecordKey> = []
  var added: [JSONValue: [RecordKey]] = [:]

  init(indexed: @escaping (JSONValue) -> Set<RecordKey>) { self.indexed = indexed }

  /// The records holding `value`, sorted.
  subscript(value: JSONValue) -> [RecordKey] {
    let kept = indexed(value).subtracting(rewritten)
    return (Array(kept) + (added[value] ?? [])).sorted()
  }
}
