/// A JSON number kept as its exact decimal text.
///
/// Amounts never pass through `Double`: the text is what was read and what is written back.
/// Comparison is exact: the text is reduced to sign, significant digits and a decimal
/// exponent, so `1.50`, `1.5` and `15e-1` are equal and ordered by value.
public struct JSONNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The number exactly as written, for example `1234.50`.
  public let text: String
  let negative: Bool
  /// Significant digits without leading or trailing zeros; empty for zero.
  let digits: [UInt8]
  /// Decimal exponent of the first significant digit: value = 0.d1d2d3... × 10^exponent.
  let exponent: Int

  /// Reads a number in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
  ///
  /// - Returns: nil when `text` is not a JSON number.
  public init?(_ text: String) {
    guard let parts = JSONNumber.decompose(Array(text.utf8)) else { return nil }
    self.text = text
    (negative, digits, exponent) = parts
  }

  /// A number from an integer.
  public init(_ value: Int) {
    // swift-format-ignore: NeverForceUnwrap — an Int's description is always a JSON number
    self = JSONNumber(String(value)) ?? JSONNumber.zero
  }

  private init(zeroText: String) {
    text = zeroText
    negative = false
    digits = []
    exponent = 0
  }

  static let zero = JSONNumber(zeroText: "0")

  public var description: String { text }

  /// True when the number has no fractional part.
  public var isInteger: Bool { digits.count <= max(exponent, 0) || digits.isEmpty }

  /// The value as an `Int` when it is an integer that fits, else nil.
  public var intValue: Int? {
    guard isInteger, exponent <= 19 else { return nil }
    var result = 0
    for index in 0..<max(exponent, 0) {
      let digit = index < digits.count ? Int(digits[index]) : 0
      let (scaled, overflow1) = result.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = scaled.addingReportingOverflow(digit)
      if overflow1 || overflow2 { return nil }
      result = sum
    }
    return negative ? -result : result
  }

  /// The value as a `Double`, for display and statistics only, never for stored amounts.
  public var doubleValue: Double { Double(text) ?? 0 }

  public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
    lhs.negative == rhs.negative && lhs.digits == rhs.digits
      && (lhs.digits.isEmpty || lhs.exponent == rhs.exponent)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(negative)
    hasher.combine(digits)
    if !digits.isEmpty { hasher.combine(exponent) }
  }

  public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
    if lhs.negative != rhs.negative { return lhs.negative }
    let magnitudeLess = JSONNumber.magnitudeLess(lhs, rhs)
    let magnitudeGreater = JSONNumber.magnitudeLess(rhs, lhs)
    return lhs.negative ? magnitudeGreater : magnitudeLess
  }

  private static func magnitudeLess(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Bool {
    if lhs.digits.isEmpty || rhs.digits.isEmpty { return lhs.digits.isEmpty && !rhs.digits.isEmpty }
    if lhs.exponent != rhs.exponent { return lhs.exponent < rhs.exponent }
    return lhs.digits.lexicographicallyPrecedes(rhs.digits)
  }

  /// Splits JSON number text into sign, significant digits and exponent, or nil when invalid.
  static func decompose(_ bytes: [UInt8]) -> (Bool, [UInt8], Int)? {
    var index = 0
    let negative = index < bytes.count && bytes[index] == ASCII.minus
    if negative { index += 1 }
    var integerDigits: [UInt8] = []
    guard index < bytes.count, ASCII.isDigit(bytes[index]) else { return nil }
    if bytes[index] == ASCII.zero {
      index += 1
    } else {
      while index < bytes.count, ASCII.isDigit(bytes[index]) {
        integerDigits.append(bytes[index] - ASCII.zero)
        index += 1
      }
    }
    var fractionDigits: [UInt8] = []
    if index < bytes.count, bytes[index] == ASCII.period {
      index += 1
      guard index < bytes.count, ASCII.isDigit(bytes[index]) else { return nil }
      while index < bytes.count, ASCII.isDigit(bytes[index]) {
        fractionDigits.append(bytes[index] - ASCII.zero)
        index += 1
      }
    }
    var exponentValue = 0
    if index < bytes.count, bytes[index] == ASCII.lowerE || bytes[index] == ASCII.upperE {
      index += 1
      var exponentNegative = false
      if index < bytes.count, bytes[index] == ASCII.plus || bytes[index] == ASCII.minus {
        exponentNegative = bytes[index] == ASCII.minus
        index += 1
      }
      guard index < bytes.count, ASCII.isDigit(bytes[index]) else { return nil }
      while index < bytes.count, ASCII.isDigit(bytes[index]) {
        // Exponents beyond a few million are clamped: no record holds such a number.
        exponentValue = min(exponentValue * 10 + Int(bytes[index] - ASCII.zero), 10_000_000)
        index += 1
      }
      if exponentNegative { exponentValue = -exponentValue }
    }
    guard index == bytes.count else { return nil }
    var all = integerDigits + fractionDigits
    var exponent = integerDigits.count + exponentValue
    while let first = all.first, first == 0 {
      all.removeFirst()
      exponent -= 1
    }
    while let last = all.last, last == 0 { all.removeLast() }
    if all.isEmpty { return (false, [], 0) }
    return (negative, all, exponent)
  }
}
