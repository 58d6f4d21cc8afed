import LedgerJSON

/// An exact decimal amount for sums of money strings (`"1860.00"`), never through `Double`.
struct DecimalAmount: Sendable, CustomStringConvertible {
  /// The value times 10^scale.
  private(set) var units: Int = 0
  private(set) var scale: Int = 2

  init() {}

  /// Reads `"-12.5"`; nil for anything else.
  init?(_ text: String) {
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int(parts[0]), parts[0].allSatisfy(\.isNumber) else { return nil }
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.allSatisfy(\.isNumber), fraction.count <= 9 else { return nil }
    scale = max(2, fraction.count)
    let padded = fraction + String(repeating: "0", count: scale - fraction.count)
    units = (whole * power(scale) + (Int(padded) ?? 0)) * (negative ? -1 : 1)
  }

  static func + (lhs: DecimalAmount, rhs: DecimalAmount) -> DecimalAmount {
    var result = DecimalAmount()
    result.scale = max(lhs.scale, rhs.scale)
    result.units = lhs.units * power(result.scale - lhs.scale) + rhs.units * power(result.scale - rhs.scale)
    return result
  }

  var description: String {
    let magnitude = abs(units)
    let divisor = power(scale)
    let fraction = String(magnitude % divisor)
    return (units < 0 ? "-" : "") + "\(magnitude / divisor)." + String(repeating: "0", count: scale - fraction.count) + fraction
  }
}

private func power(_ exponent: Int) -> Int {
  (0..<exponent).reduce(1) { value, _ in value * 10 }
}
