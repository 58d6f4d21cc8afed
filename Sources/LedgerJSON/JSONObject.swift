/// A JSON object that keeps its members in the order they were read or added.
///
/// Keys are unique: the parser refuses duplicates and `subscript` set replaces in place.
/// Two objects are equal when they hold the same keys with equal values, in any order. Keys
/// are told apart by code points, as RFC 8259 does: "é" and "e" + U+0301 are two keys.
public struct JSONObject: Hashable, Sendable, Sequence {
  public struct Member: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    /// Keys by code points (see `JSONObject`); the synthesized hash stays valid, only coarser.
    public static func == (lhs: Member, rhs: Member) -> Bool {
      lhs.key.hasSameCodePoints(as: rhs.key) && lhs.value == rhs.value
    }
  }

  private var members: [Member] = []
  /// Where each key is, once the object is large enough for a table to beat a scan: records
  /// have a handful of fields, and a table per parsed object cost more than it saved.
  private var positions: [CodePointKey: Int]?
  private static let tableThreshold = 12

  public init() {}

  /// An object from key-value pairs; a later pair with the same key replaces an earlier one.
  public init(_ pairs: [(String, JSONValue)]) {
    for (key, value) in pairs { self[key] = value }
  }

  public var count: Int { members.count }
  public var isEmpty: Bool { members.isEmpty }
  /// Keys in member order.
  public var keys: [String] { members.map(\.key) }

  public subscript(key: String) -> JSONValue? {
    get { position(of: key).map { members[$0].value } }
    set {
      if let newValue {
        if let position = position(of: key) {
          members[position].value = newValue
        } else {
          positions?[CodePointKey(key)] = members.count
          members.append(Member(key: key, value: newValue))
          if positions == nil, members.count > JSONObject.tableThreshold { indexKeys() }
        }
      } else if let position = position(of: key) {
        members.remove(at: position)
        if positions != nil { indexKeys() }
      }
    }
  }

  private func position(of key: String) -> Int? {
    if let positions { return positions[CodePointKey(key)] }
    return members.firstIndex { $0.key.hasSameCodePoints(as: key) }
  }

  private mutating func indexKeys() {
    var table: [CodePointKey: Int] = [:]
    for (index, member) in members.enumerated() { table[CodePointKey(member.key)] = index }
    positions = table
  }

  public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

  /// Members sorted by the UTF-8 bytes of their keys, the canonical order.
  public var sortedMembers: [Member] {
    members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
  }

  /// Hashes keys with `String`'s hash: coarser than `==` (canonically equivalent keys hash
  /// alike), so still consistent with it.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for member in sortedMembers {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }
}
