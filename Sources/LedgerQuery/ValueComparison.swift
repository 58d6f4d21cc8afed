import Foundation
import LedgerJSON

/// Compares ledger values by what they mean: numbers and decimal strings (amounts) by value,
/// dates (`YYYY-MM-DD`, which sort as text) and other strings as text, booleans as
/// `true`/`false`.
enum ValueComparison {
  /// `value` against text typed by a person; nil when they cannot be compared.
  static func compare(_ value: JSONValue, _ text: String) -> ComparisonResult? {
    switch value {
    case .number(let number):
      guard let other = JSONNumber(text) else { return nil }
      return order(number, other)
    case .string(let string):
      if let left = decimal(string), let right = decimal(text) { return order(left, right) }
      return string == text ? .orderedSame : (string < text ? .orderedAscending : .orderedDescending)
    case .bool(let flag):
      guard text == "true" || text == "false" else { return nil }
      return flag == (text == "true") ? .orderedSame : (flag ? .orderedDescending : .orderedAscending)
    case .null:
      return text == "null" ? .orderedSame : nil
    default:
      return value.compactText == text ? .orderedSame : nil
    }
  }

  /// Two values, for sorting; values of different types order by type name.
  static func compare(_ left: JSONValue, _ right: JSONValue) -> ComparisonResult {
    switch (left, right) {
    case (.number(let a), .number(let b)): return order(a, b)
    case (.string(let a), .string(let b)):
      if let x = decimal(a), let y = decimal(b) { return order(x, y) }
      return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    default:
      let a = left.typeName + left.compactText
      let b = right.typeName + right.compactText
      return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }
  }

  /// Whether `value` contains `text`, ignoring case and accents.
  static func contains(_ value: JSONValue, _ text: String) -> Bool {
    let haystack = value.stringValue ?? value.compactText
    return haystack.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
  }

  /// A decimal string such as `1860.00` or `-3`, read as a number.
  static func decimal(_ text: String) -> JSONNumber? {
    guard let first = text.first, first == "-" || first.isNumber, !text.contains("e"), !text.contains("E")
    else { return nil }
    return JSONNumber(text)
  }

  private static func order(_ a: JSONNumber, _ b: JSONNumber) -> ComparisonResult {
    a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
  }
}
