import LedgerJSON
import LedgerLanguage

/// The wording of every validation error, in one place, in the language of the run (each
/// message is made when the validation runs, inside the command that binds the language).
enum Messages {
  /// `"amount"` for a member, `item 2 of "emails"` for an array item, `the value` for the root.
  static func subject(_ path: JSONPointer) -> String {
    guard let last = path.tokens.last else { return tr("the value") }
    if JSONPointer.arrayIndex(last) != nil, path.tokens.count > 1 {
      return tr("item \(last) of \"\(path.tokens[path.tokens.count - 2])\"")
    }
    return "\"\(last)\""
  }

  /// A value quoted for a message: `string "12,50"`, `number 3`, `an object`.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .object: tr("an object")
    case .array(let items): tr("an array of \(items.count)")
    case .null: "null"
    case .string: tr("string \(truncated(value.compactText))")
    case .number: tr("number \(truncated(value.compactText))")
    case .bool: tr("boolean \(truncated(value.compactText))")
    }
  }

  static func truncated(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "..." : text
  }

  static func list(_ values: [JSONValue]) -> String {
    let shown = values.prefix(8).map { truncated($0.compactText) }.joined(separator: ", ")
    return values.count > 8 ? shown + ", ..." : shown
  }

  /// The name of a JSON type with its article: `a string`, `an integer`.
  static func typeName(_ name: String) -> String {
    switch name {
    case "string": tr("a string")
    case "number": tr("a number")
    case "integer": tr("an integer")
    case "boolean": tr("a boolean")
    case "object": tr("an object")
    case "array": tr("an array")
    case "null": tr("null")
    default: name
    }
  }
}

// MARK: - One function per failing keyword

extension Messages {
  static func falseSchema(_ path: JSONPointer) -> String { tr("\(subject(path)) is not allowed here") }

  static func type(_ path: JSONPointer, expected: [String], found: JSONValue) -> String {
    let names = expected.map(typeName).joined(separator: tr(" or "))
    return tr("\(subject(path)) must be \(names), found \(describe(found))")
  }

  static func enumeration(_ path: JSONPointer, allowed: [JSONValue], found: JSONValue) -> String {
    tr("\(subject(path)) must be one of \(list(allowed)), found \(describe(found))")
  }

  static func constant(_ path: JSONPointer, expected: JSONValue, found: JSONValue) -> String {
    tr("\(subject(path)) must be \(truncated(expected.compactText)), found \(describe(found))")
  }

  /// `comparison` is the keyword's sense: `at most`, `less than`, `at least`, `greater than`.
  static func bound(_ path: JSONPointer, _ comparison: String, _ limit: JSONNumber, found: JSONNumber) -> String {
    let subject = subject(path)
    return switch comparison {
    case "at most": tr("\(subject) must be at most \(limit.text), found \(found.text)")
    case "less than": tr("\(subject) must be less than \(limit.text), found \(found.text)")
    case "at least": tr("\(subject) must be at least \(limit.text), found \(found.text)")
    default: tr("\(subject) must be greater than \(limit.text), found \(found.text)")
    }
  }

  static func multiple(_ path: JSONPointer, of divisor: JSONNumber, found: JSONNumber) -> String {
    tr("\(subject(path)) must be a multiple of \(divisor.text), found \(found.text)")
  }

  /// `comparison` is `at most` or `at least`.
  static func length(_ path: JSONPointer, _ comparison: String, _ limit: Int, found: Int) -> String {
    let subject = subject(path)
    let one = Language.singular(limit)
    return switch (comparison == "at most", one) {
    case (true, true): tr("\(subject) must have at most \(limit) character, found \(found)")
    case (true, false): tr("\(subject) must have at most \(limit) characters, found \(found)")
    case (false, true): tr("\(subject) must have at least \(limit) character, found \(found)")
    case (false, false): tr("\(subject) must have at least \(limit) characters, found \(found)")
    }
  }

  /// A value that does not match its pattern, named by the form the schema gives it (`x-form`),
  /// else by the field's description: never the regular expression itself, which a person
  /// cannot be asked to read.
  static func pattern(_ path: JSONPointer, form: String?, description: String?, found: String) -> String {
    let found = truncated(found)
    if let form, let words = FieldForm(rawValue: form)?.expected {
      return tr("\(subject(path)) must be \(words), found \"\(found)\"")
    }
    // The schemas' descriptions are written in English: a French message does without.
    if let description, !description.isEmpty, Language.current == .english {
      let said = description.hasSuffix(".") ? String(description.dropLast()) : description
      return tr("\(subject(path)) does not have the expected form (\(said)), found \"\(found)\"")
    }
    return tr("\(subject(path)) does not have the expected form, found \"\(found)\"")
  }

  static func patternTooCostly(_ path: JSONPointer, _ pattern: String) -> String {
    tr(
      "\(subject(path)) cannot be checked against the pattern \(truncated(pattern)): matching it backtracks beyond the step budget (a few million steps); simplify the pattern (no nested repetition)"
    )
  }

  static func format(_ path: JSONPointer, _ format: String, found: String) -> String {
    tr("\(subject(path)) must be \(FormatChecker.example(format)), found \"\(truncated(found))\"")
  }

  /// `noun` is `field` or `item`; `comparison` is `at most` or `at least`.
  static func count(_ path: JSONPointer, _ comparison: String, _ limit: Int, _ noun: String, found: Int) -> String {
    let subject = subject(path)
    let one = Language.singular(limit)
    return switch (comparison == "at most", noun == "field", one) {
    case (true, true, true): tr("\(subject) must have at most \(limit) field, found \(found)")
    case (true, true, false): tr("\(subject) must have at most \(limit) fields, found \(found)")
    case (false, true, true): tr("\(subject) must have at least \(limit) field, found \(found)")
    case (false, true, false): tr("\(subject) must have at least \(limit) fields, found \(found)")
    case (true, false, true): tr("\(subject) must have at most \(limit) item, found \(found)")
    case (true, false, false): tr("\(subject) must have at most \(limit) items, found \(found)")
    case (false, false, true): tr("\(subject) must have at least \(limit) item, found \(found)")
    case (false, false, false): tr("\(subject) must have at least \(limit) items, found \(found)")
    }
  }

  static func duplicate(_ path: JSONPointer, first: Int, second: Int, value: JSONValue) -> String {
    tr("\(subject(path)) must not repeat items: items \(first) and \(second) are both \(truncated(value.compactText))")
  }

  /// `comparison` is `at most` or `at least`.
  static func contains(_ path: JSONPointer, _ comparison: String, _ limit: Int, found: Int) -> String {
    let subject = subject(path)
    let one = Language.singular(limit)
    return switch (comparison == "at most", one) {
    case (true, true): tr("\(subject) must hold at most \(limit) matching item, found \(found)")
    case (true, false): tr("\(subject) must hold at most \(limit) matching items, found \(found)")
    case (false, true): tr("\(subject) must hold at least \(limit) matching item, found \(found)")
    case (false, false): tr("\(subject) must hold at least \(limit) matching items, found \(found)")
    }
  }

  static func required(_ path: JSONPointer, missing: String) -> String {
    path.tokens.isEmpty
      ? tr("missing required field \"\(missing)\"")
      : tr("\(subject(path)) is missing required field \"\(missing)\"")
  }

  static func dependentRequired(_ path: JSONPointer, missing: String, because present: String) -> String {
    tr("\(subject(path)) must have \"\(missing)\" because it has \"\(present)\"")
  }

  static func additionalProperty(_ path: JSONPointer, _ name: String) -> String {
    path.tokens.isEmpty
      ? tr("unknown field \"\(name)\"")
      : tr("\(subject(path)) has an unknown field \"\(name)\"")
  }

  static func propertyName(_ path: JSONPointer, _ name: String) -> String {
    tr("\(subject(path)) has a field name that is not allowed: \"\(name)\"")
  }

  static func anyOf(_ path: JSONPointer, count: Int) -> String {
    tr("\(subject(path)) matches none of the \(count) allowed forms")
  }

  static func oneOf(_ path: JSONPointer, matched: Int, count: Int) -> String {
    matched == 0
      ? tr("\(subject(path)) matches none of the \(count) allowed forms")
      : tr("\(subject(path)) must match exactly one of \(count) forms, matches \(matched)")
  }

  static func not(_ path: JSONPointer) -> String { tr("\(subject(path)) matches a form that is not allowed") }

  static func unevaluatedItem(_ path: JSONPointer, index: Int) -> String {
    tr("\(subject(path)) has an item that is not allowed: item \(index)")
  }

  static func tooDeep(_ path: JSONPointer) -> String {
    tr("\(subject(path)): the schema refers to itself without end")
  }

  static func unresolved(_ reference: String) -> String { tr("cannot resolve \"\(reference)\"") }
}
