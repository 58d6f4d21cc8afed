import LedgerJSON

/// A dotted path into a record's nested objects: `credentials.channel`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
  public let components: [String]

  /// Reads `a.b.c`; nil when a component is empty.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
    components = parts
  }

  public var description: String { components.joined(separator: ".") }

  /// The JSON pointer to the same value.
  public var pointer: JSONPointer { JSONPointer(tokens: components) }

  /// Why a path cannot be set or removed in an object.
  public enum Problem: Error, Equatable, Sendable {
    /// A component on the way holds something other than an object.
    case notAnObject(prefix: String, found: String)
    /// The field to remove is not there.
    case missing
  }

  /// `object` with this path set to `value`, creating intermediate objects.
  public func setting(_ value: JSONValue, in object: JSONObject) throws(Problem) -> JSONObject {
    try Self.set(components[...], value, in: object, walked: [])
  }

  /// `object` without the value at this path, and without objects the removal left empty.
  public func removing(from object: JSONObject) throws(Problem) -> JSONObject {
    try Self.remove(components[...], from: object, walked: [])
  }

  private static func set(
    _ rest: ArraySlice<String>, _ value: JSONValue, in object: JSONObject, walked: [String]
  ) throws(Problem) -> JSONObject {
    guard let head = rest.first else { return object }
    var result = object
    if rest.count == 1 {
      result[head] = value
      return result
    }
    let inner: JSONObject
    switch object[head] {
    case nil: inner = JSONObject()
    case .object(let existing): inner = existing
    case .some(let other):
      throw .notAnObject(prefix: (walked + [head]).joined(separator: "."), found: other.typeName)
    }
    result[head] = .object(try set(rest.dropFirst(), value, in: inner, walked: walked + [head]))
    return result
  }

  private static func remove(
    _ rest: ArraySlice<String>, from object: JSONObject, walked: [String]
  ) throws(Problem) -> JSONObject {
    guard let head = rest.first, object[head] != nil else { throw .missing }
    var result = object
    if rest.count == 1 {
      result[head] = nil
      return result
    }
    guard case .object(let inner)? = object[head] else { throw .missing }
    let updated = try remove(rest.dropFirst(), from: inner, walked: walked + [head])
    // An object emptied by the removal goes too: `{}` left behind would mean nothing.
    result[head] = updated.isEmpty ? nil : .object(updated)
    return result
  }
}
