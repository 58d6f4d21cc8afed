import Foundation
import LedgerJSON

/// Compares ledger values by what they mean: numbers and decimal strings (amounts) by value,
/// dates (`YYYY-MM-DD`, which sort as text) and other strings as text, booleans as
/// `true`/`false`. Text compares by code points (UTF-8 bytes), as JSON does, not by Swift's
/// canonical equivalence: "é" (U+00E9) is not "e" + U+0301.
enum ValueComparison {
  /// `value` against text typed by a person; nil when they cannot be compared.
  static func compare(_ value: JSONValue, _ text: String) -> ComparisonResult? {
    switch value {
    case .number(let number):
      guard let other = JSONNumber(text) else { return nil }
      return order(number, other)
    case .string(let string):
      if let left = decimal(string), let right = decimal(text) { return order(left, right) }
      return order(string, text)
    case .bool(let flag):
      guard text == "true" || text == "false" else { return nil }
      return flag == (text == "true") ? .orderedSame : (flag ? .orderedDescending : .orderedAscending)
    case .null:
      return text == "null" ? .orderedSame : nil
    default:
      return value.compactText.hasSameCodePoints(as: text) ? .orderedSame : nil
    }
  }

  /// Two values, for sorting; values of different types order by type name.
  static func compare(_ left: JSONValue, _ right: JSONValue) -> ComparisonResult {
    switch (left, right) {
    case (.number(let a), .number(let b)): return order(a, b)
    case (.string(let a), .string(let b)):
      if let x = decimal(a), let y = decimal(b) { return order(x, y) }
      return order(a, b)
    default:
      return order(left.typeName + left.compactText, right.typeName + right.compactText)
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

  private static func order(_ a: String, _ b: String) -> ComparisonResult {
    switch a.codePointOrder(b) {
    case .ascending: .orderedAscending
    case .same: .orderedSame
    case .descending: .orderedDescending
    }
  }

  private static func order(_ a: JSONNumber, _ b: JSONNumber) -> ComparisonResult {
    a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
  }
}
