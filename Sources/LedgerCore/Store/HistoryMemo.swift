import LedgerGit
import LedgerJSON

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
}
