import LedgerJSON

/// One record: its key and its fields. The id is not a field; it is the file name.
public struct Record: Equatable, Sendable {
  public let key: RecordKey
  public var fields: JSONObject

  public init(key: RecordKey, fields: JSONObject) {
    self.key = key
    self.fields = fields
  }

  /// The record as scripts see it: its fields with `"id"` added.
  public var jsonWithID: JSONValue {
    var object = fields
    object["id"] = .string(key.id.value)
    return .object(object)
  }

  /// The canonical bytes stored in the record's file.
  public var canonicalBytes: [UInt8] { CanonicalWriter.bytes(.object(fields)) }
}
