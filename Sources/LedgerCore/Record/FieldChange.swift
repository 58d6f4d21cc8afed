import LedgerJSON

/// One field that differs between two versions of a record: `status: "active" -> "revoked"`.
///
/// Nested objects are compared field by field (`credentials.channel`); arrays and scalars are
/// compared whole.
public struct FieldChange: Equatable, Sendable {
  public let path: String
  public let old: JSONValue?
  public let new: JSONValue?

  public init(path: String, old: JSONValue?, new: JSONValue?) {
    self.path = path
    self.old = old
    self.new = new
  }

  /// The changes that turn `old` into `new`, sorted by path.
  public static func between(_ old: JSONObject?, _ new: JSONObject?) -> [FieldChange] {
    let before = flatten(old ?? JSONObject(), prefix: "")
    let after = flatten(new ?? JSONObject(), prefix: "")
    let paths = Set(before.keys).union(after.keys).sorted()
    return paths.compactMap { path in
      before[path] == after[path] ? nil : FieldChange(path: path, old: before[path], new: after[path])
    }
  }

  /// One line: `status: "active" -> "revoked"`, `+ name: "Hugo"`, `- phone: "+33..."`.
  public var summary: String {
    switch (old, new) {
    case (nil, let value?): "+ \(path): \(value.compactText)"
    case (let value?, nil): "- \(path): \(value.compactText)"
    case (let before?, let after?): "\(path): \(before.compactText) -> \(after.compactText)"
    case (nil, nil): path
    }
  }

  /// Every leaf of an object, by dotted path, sorted: what `blame` reports on.
  public static func leaves(of object: JSONObject) -> [(path: String, value: JSONValue)] {
    flatten(object, prefix: "").sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  private static func flatten(_ object: JSONObject, prefix: String) -> [String: JSONValue] {
    var result: [String: JSONValue] = [:]
    for member in object {
      let path = prefix.isEmpty ? member.key : prefix + "." + member.key
      if case .object(let inner) = member.value, !inner.isEmpty {
        result.merge(flatten(inner, prefix: path)) { first, _ in first }
      } else {
        result[path] = member.value
      }
    }
    return result
  }
}
