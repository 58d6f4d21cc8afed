/// Names one record: `people/hlefevre`, stored at `people/hlefevre.json`.
public struct RecordKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let kind: RecordKind
  public let id: RecordID

  public init(kind: RecordKind, id: RecordID) {
    self.kind = kind
    self.id = id
  }

  /// The file holding the record, relative to the ledger root.
  public var path: String { "\(kind.folder)/\(id.value).json" }

  public var description: String { "\(kind.rawValue)/\(id.value)" }

  /// The key a ledger-relative file path names, or nil when the path is not a record file.
  public init?(path: String) {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let kind = RecordKind(rawValue: String(parts[0])),
      parts[1].hasSuffix(".json"), let id = RecordID(String(parts[1].dropLast(5)))
    else { return nil }
    self.init(kind: kind, id: id)
  }

  public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
    (lhs.kind.rawValue, lhs.id.value) < (rhs.kind.rawValue, rhs.id.value)
  }
}
