import LedgerJSON

/// The wording of every validation error, in one place.
enum Messages {
  /// `"amount"` for a member, `item 2` for an array item, `the value` for the root.
  static func subject(_ path: JSONPointer) -> String {
    guard let last = path.tokens.last else { return "the value" }
    if JSONPointer.arrayIndex(last) != nil, path.tokens.count > 1 {
      return "item \(last) of \"\(path.tokens[path.tokens.count - 2])\""
    }
    return "\"\(last)\""
  }

  /// A value quoted for a message: `string "12,50"`, `number 3`, `an object`.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .object: "an object"
    case .array(let items): "an array of \(items.count)"
    case .null: "null"
    default: "\(value.typeName) \(truncated(value.compactText))"
    }
  }

  static func truncated(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "..." : text
  }

  static func list(_ values: [JSONValue]) -> String {
    let shown = values.prefix(8).map { truncated($0.compactText) }.joined(separator: ", ")
    return values.count > 8 ? shown + ", ..." : shown
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

// MARK: - One function per failing keyword

extension Messages {
  static func falseSchema(_ path: JSONPointer) -> String { "\(subject(path)) is not allowed here" }

  static func type(_ path: JSONPointer, expected: [String], found: JSONValue) -> String {
    let names = expected.map { $0 == "integer" ? "an integer" : article($0) }
    return "\(subject(path)) must be \(names.joined(separator: " or ")), found \(describe(found))"
  }

  static func enumeration(_ path: JSONPointer, allowed: [JSONValue], found: JSONValue) -> String {
    "\(subject(path)) must be one of \(list(allowed)), found \(describe(found))"
  }

  static func constant(_ path: JSONPointer, expected: JSONValue, found: JSONValue) -> String {
    "\(subject(path)) must be \(truncated(expected.compactText)), found \(describe(found))"
  }

  static func bound(_ path: JSONPointer, _ comparison: String, _ limit: JSONNumber, found: JSONNumber) -> String {
    "\(subject(path)) must be \(comparison) \(limit.text), found \(found.text)"
  }

  static func multiple(_ path: JSONPointer, of divisor: JSONNumber, found: JSONNumber) -> String {
    "\(subject(path)) must be a multiple of \(divisor.text), found \(found.text)"
  }

  static func length(_ path: JSONPointer, _ comparison: String, _ limit: Int, found: Int) -> String {
    "\(subject(path)) must have \(comparison) \(plural(limit, "character")), found \(found)"
  }

  static func pattern(_ path: JSONPointer, _ pattern: String, found: String) -> String {
    "\(subject(path)) must match the pattern \(pattern), found \"\(truncated(found))\""
  }

  static func patternTooCostly(_ path: JSONPointer, _ pattern: String) -> String {
    "\(subject(path)) cannot be checked against the pattern \(truncated(pattern)): matching it backtracks"
      + " beyond the step budget (a few million steps); simplify the pattern (no nested repetition)"
  }

  static func format(_ path: JSONPointer, _ format: String, found: String) -> String {
    "\(subject(path)) must be \(FormatChecker.example(format)), found \"\(truncated(found))\""
  }

  static func count(_ path: JSONPointer, _ comparison: String, _ limit: Int, _ noun: String, found: Int) -> String {
    "\(subject(path)) must have \(comparison) \(plural(limit, noun)), found \(found)"
  }

  static func duplicate(_ path: JSONPointer, first: Int, second: Int, value: JSONValue) -> String {
    "\(subject(path)) must not repeat items: items \(first) and \(second) are both \(truncated(value.compactText))"
  }

  static func contains(_ path: JSONPointer, _ comparison: String, _ limit: Int, found: Int) -> String {
    "\(subject(path)) must hold \(comparison) \(plural(limit, "matching item")), found \(found)"
  }

  static func required(_ path: JSONPointer, missing: String) -> String {
    path.tokens.isEmpty
      ? "missing required field \"\(missing)\""
      : "\(subject(path)) is missing required field \"\(missing)\""
  }

  static func dependentRequired(_ path: JSONPointer, missing: String, because present: String) -> String {
    "\(subject(path)) must have \"\(missing)\" because it has \"\(present)\""
  }

  static func additionalProperty(_ path: JSONPointer, _ name: String) -> String {
    path.tokens.isEmpty
      ? "unknown field \"\(name)\""
      : "\(subject(path)) has an unknown field \"\(name)\""
  }

  static func propertyName(_ path: JSONPointer, _ name: String) -> String {
    "\(subject(path)) has a field name that is not allowed: \"\(name)\""
  }

  static func anyOf(_ path: JSONPointer, count: Int) -> String {
    "\(subject(path)) matches none of the \(count) allowed forms"
  }

  static func oneOf(_ path: JSONPointer, matched: Int, count: Int) -> String {
    matched == 0
      ? "\(subject(path)) matches none of the \(count) allowed forms"
      : "\(subject(path)) must match exactly one of \(count) forms, matches \(matched)"
  }

  static func not(_ path: JSONPointer) -> String { "\(subject(path)) matches a form that is not allowed" }

  static func unevaluatedItem(_ path: JSONPointer, index: Int) -> String {
    "\(subject(path)) has an item that is not allowed: item \(index)"
  }

  static func tooDeep(_ path: JSONPointer) -> String {
    "\(subject(path)): the schema refers to itself without end"
  }

  static func unresolved(_ reference: String) -> String { "cannot resolve \"\(reference)\"" }

  private static func article(_ noun: String) -> String {
    ["a", "e", "i", "o", "u"].contains(noun.first.map(String.init) ?? "") ? "an \(noun)" : "a \(noun)"
  }
}
