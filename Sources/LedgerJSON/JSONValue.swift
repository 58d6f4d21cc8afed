/// A JSON value as the ledger keeps it.
///
/// Numbers keep their decimal text (`JSONNumber`) and objects keep their member order
/// (`JSONObject`), so reading and writing a record never changes an amount or reorders
/// what a person typed until the canonical writer sorts it.
public enum JSONValue: Equatable, Hashable, Sendable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The JSON type name used in messages: `null`, `boolean`, `number`, `string`, `array`, `object`.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The string payload, or nil when the value is not a string.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The object payload, or nil when the value is not an object.
  public var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// The array payload, or nil when the value is not an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The value written compactly on one line, as messages and tables quote it.
  public var compactText: String { CanonicalWriter.compact(self) }

  /// Equal as JSON: strings (and object keys) by their code points, as RFC 8259 and JSON
  /// Schema require, not by Swift's canonical equivalence ("é" is not "e" + U+0301); numbers
  /// by value; objects in any member order.
  ///
  /// The synthesized `hash(into:)` stays valid: strings with the same code points are
  /// canonically equivalent, so `String`'s hash is equal for them (only coarser than `==`).
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a.hasSameCodePoints(as: b)
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a == b
    default: false
    }
  }
}

extension JSONValue: CustomStringConvertible {
  public var description: String { compactText }
}
