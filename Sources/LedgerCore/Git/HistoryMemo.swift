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
  /// How many blobs, and parsed records, a walk keeps.
  static let bound = 40_000

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
    // A walk mostly reads again what the last commits read: past a bound, start over rather
    // than hold every version of every record of ten years.
    if blobs.count >= HistoryMemo.bound { blobs.removeAll(keepingCapacity: true) }
    blobs[blob] = bytes
    return bytes
  }

  /// The record stored in `blob` under `key`, parsed the first time; nil when it is not one.
  func record(_ blob: ObjectID, key: RecordKey, bytes: [UInt8]) -> Record? {
    if let known = fields[blob] { return Record(key: key, fields: known) }
    guard let record = try? RecordDecoder.decode(bytes, key: key, file: key.path) else { return nil }
    if fields.count >= HistoryMemo.bound { fields.removeAll(keepingCapacity: true) }
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
  /// Folder comparisons already known (from the history index) or made, by pair of trees.
  private var folderComparisons: [FolderPair: [TreeChange]] = [:]

  private struct FolderPair: Hashable {
    let old: ObjectID
    let new: ObjectID
  }

  private func folderChanges(from old: ObjectID, to new: ObjectID, in repository: Repository) throws(GitError)
    -> [TreeChange]
  {
    if let known = folderComparisons[FolderPair(old: old, new: new)] { return known }
    if let reverse = folderComparisons[FolderPair(old: new, new: old)] {
      return reverse.map { TreeChange(path: $0.path, old: $0.new, new: $0.old, kind: $0.kind) }
    }
    if let composed = followLearned(from: old, to: new) { return composed }
    let changes = try repository.changedFiles(from: old, to: new)
    remember(FolderPair(old: old, new: new), changes)
    return changes
  }

  private func remember(_ pair: FolderPair, _ changes: [TreeChange]) {
    if folderComparisons.count > 64 { folderComparisons.removeAll() }
    folderComparisons[pair] = changes
  }

  /// What each commit changed in a folder, by the folder's tree before it: a chain of them
  /// leads an index kept at an older tree to a newer one without comparing trees.
  private var learned: [ObjectID: (next: ObjectID, changes: [TreeChange])] = [:]

  /// The changes from `old` to `new` composed along learned steps (at most 512), or nil.
  private func followLearned(from old: ObjectID, to new: ObjectID) -> [TreeChange]? {
    var composed: [String: TreeChange] = [:]
    var current = old
    for _ in 0..<512 {
      guard let step = learned[current] else { return nil }
      for change in step.changes {
        let first = composed[change.path]?.old ?? change.old
        composed[change.path] = TreeChange(path: change.path, old: first, new: change.new, kind: change.kind)
      }
      current = step.next
      if current == new {
        return composed.values.filter { $0.old != $0.new }.sorted { $0.path < $1.path }
      }
    }
    return nil
  }

  /// Learns what a commit changed in each folder from its changes against its parent (the
  /// history index's), so following a folder from the parent's tree to the commit's never
  /// reads either tree.
  func learn(
    from oldRoot: ObjectID, to newRoot: ObjectID, changes: [TreeChange], folders: [String], in repository: Repository
  ) throws(GitError) {
    for folder in folders {
      let prefix = folder + "/"
      let inside = changes.filter { $0.path.hasPrefix(prefix) }
      guard !inside.isEmpty, let old = try repository.entry(in: oldRoot, at: folder),
        let new = try repository.entry(in: newRoot, at: folder),
        old.kind == .tree, new.kind == .tree
      else { continue }
      let changes = inside.map {
        TreeChange(path: String($0.path.dropFirst(prefix.count)), old: $0.old, new: $0.new, kind: $0.kind)
      }
      remember(FolderPair(old: old.id, new: new.id), changes)
      if learned.count > 65536 { learned.removeAll() }
      learned[old.id] = (new.id, changes)
    }
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
    for entry in try repository.treeEntries(in: folder, at: "") ?? [] where entry.isRecordFile {
      guard let key = key(kind, entry.name) else { continue }
      for value in try values(entry.id, key) { owners[value, default: []].insert(key) }
    }
    valueIndexes[name] = OwnersAtTree(tree: folder, owners: owners)
    return owners
  }

  // MARK: - The files of each kind's folder, kept from one folder tree to the next.

  private var folderBlobs: [RecordKind: (tree: ObjectID, blobs: [String: ObjectID])] = [:]

  /// The blob of file `name` in the folder tree `folder` of `kind`, nil when absent: the folder's
  /// listing is read once, then followed by the changes between the trees a walk asks for, so
  /// a lookup costs a dictionary read rather than a scan of thousands of entries.
  func blob(_ kind: RecordKind, _ name: String, folder: ObjectID, in repository: Repository) throws(GitError)
    -> ObjectID?
  {
    var state: (tree: ObjectID, blobs: [String: ObjectID])
    if let known = folderBlobs.removeValue(forKey: kind) {
      state = known
      if known.tree != folder {
        for change in try folderChanges(from: known.tree, to: folder, in: repository) {
          state.blobs[change.path] = change.kind == .symlink ? nil : change.new
        }
        state.tree = folder
      }
    } else {
      var blobs: [String: ObjectID] = [:]
      for entry in try repository.treeEntries(in: folder, at: "") ?? [] where entry.isRecordFile { blobs[entry.name] = entry.id }
      state = (folder, blobs)
    }
    defer { folderBlobs[kind] = state }
    return state.blobs[name]
  }
}
