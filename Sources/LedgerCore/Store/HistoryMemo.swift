import LedgerGit
import LedgerJSON
import LedgerSchema

/// What a walk through many commits has already read: blobs by id, and the records parsed from
/// them. Consecutive commits share almost every file, so an audit that validates each commit
/// against the whole of a kind reads and parses each version of a record once, not once per
/// commit.
final class HistoryMemo {
  private var blobs: [ObjectID: [UInt8]] = [:]
  private var fields: [ObjectID: JSONObject] = [:]
  private var keys: [String: RecordKey?] = [:]

  /// The record key a file of a kind's folder names (checked once per name in the walk).
  func key(_ kind: RecordKind, _ name: String) -> RecordKey? {
    let path = kind.folder + "/" + name
    if let known = keys[path] { return known }
    let key = RecordKey(path: path)
    keys[path] = key
    return key
  }

  /// The bytes of `blob`, read with `read` the first time.
  func bytes(_ blob: ObjectID, _ read: (ObjectID) throws(GitError) -> [UInt8]) throws(GitError) -> [UInt8] {
    if let known = blobs[blob] { return known }
    let bytes = try read(blob)
    blobs[blob] = bytes
    return bytes
  }

  /// The record stored in `blob` under `key`, parsed the first time; nil when it is not one.
  func record(_ blob: ObjectID, key: RecordKey, bytes: [UInt8]) -> Record? {
    if let known = fields[blob] { return Record(key: key, fields: known) }
    guard let record = try? RecordDecoder.decode(bytes, key: key, file: key.path) else { return nil }
    fields[blob] = record.fields
    return record
  }

  // MARK: - Values at a keyword path (unique values, references), kept from one folder tree to
  // the next by their differences.

  /// Which records hold each value at a keyword path, for one folder tree of a kind.
  private struct OwnersAtTree {
    var tree: ObjectID
    var owners: [JSONValue: Set<RecordKey>]
  }

  private var valueIndexes: [String: OwnersAtTree] = [:]
  /// The last folder comparison: every path of a kind asks for the same one in turn.
  private var lastFolderChanges: (from: ObjectID, to: ObjectID, changes: [TreeChange])?

  private func folderChanges(from old: ObjectID, to new: ObjectID, in repository: Repository) throws(GitError)
    -> [TreeChange]
  {
    if let last = lastFolderChanges, last.from == old, last.to == new { return last.changes }
    let changes = try repository.changedFiles(from: old, to: new)
    lastFolderChanges = (old, new, changes)
    return changes
  }

  /// The owners of every value at `path` (an `x-unique` or `x-ref` path) among the records of
  /// `kind` in the folder tree `folder`: built once, then updated from the records that changed
  /// between the folder tree last asked for and this one, so a walk pays for each commit's
  /// changes only.
  func valueOwners(
    _ kind: RecordKind, _ path: KeywordPath, folder: ObjectID, in repository: Repository,
    start: () throws(GitError) -> ValueIndex?
  ) throws(GitError) -> [JSONValue: Set<RecordKey>] {
    let name = "\(kind.rawValue)|\(path.steps.joined(separator: "/"))|\(path.value.compactText)"
    func values(_ blob: ObjectID?, _ key: RecordKey) throws(GitError) -> [JSONValue] {
      guard let blob else { return [] }
      let bytes = try self.bytes(blob) { (blob) throws(GitError) in try repository.blob(blob) }
      return record(blob, key: key, bytes: bytes).map { UniquenessRule.values(of: $0, path).map(\.1) } ?? []
    }
    // Taken out while updated, so the update changes the index in place instead of copying it.
    if var index = valueIndexes.removeValue(forKey: name) {
      defer { valueIndexes[name] = index }
      guard index.tree != folder else { return index.owners }
      for change in try folderChanges(from: index.tree, to: folder, in: repository) {
        guard let key = key(kind, change.path) else { continue }
        for value in try values(change.old, key) { index.owners[value]?.remove(key) }
        for value in try values(change.new, key) { index.owners[value, default: []].insert(key) }
      }
      index.tree = folder
      return index.owners
    }
    var owners: [JSONValue: Set<RecordKey>] = [:]
    if let index = try start() {
      for (value, id) in index.pairs { owners[value, default: []].insert(RecordKey(kind: kind, id: id)) }
      valueIndexes[name] = OwnersAtTree(tree: folder, owners: owners)
      return owners
    }
    for entry in try repository.treeEntries(in: folder, at: "") ?? [] where entry.kind == .blob {
      guard let key = key(kind, entry.name) else { continue }
      for value in try values(entry.id, key) { owners[value, default: []].insert(key) }
    }
    valueIndexes[name] = OwnersAtTree(tree: folder, owners: owners)
    return owners
  }
}
