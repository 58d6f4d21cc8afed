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
}

extension JSONValue: CustomStringConvertible {
  public var description: String { compactText }
}
