// Exact arithmetic questions on decimal numbers, for JSON Schema's numeric keywords.
extension JSONNumber {
  /// True when `self` is an integer multiple of `divisor` (which must be positive), decided
  /// on the decimal digits, never through `Double`: `0.0075` is a multiple of `0.0001`.
  public func isMultiple(of divisor: JSONNumber) -> Bool {
    if digits.isEmpty { return true }
    guard !divisor.digits.isEmpty else { return false }
    // value = mantissa × 10^scale, with the mantissa's trailing zeros already stripped.
    let scale = exponent - digits.count
    let divisorScale = divisor.exponent - divisor.digits.count
    let shift = scale - divisorScale
    // A mantissa without trailing zeros is never divisible by a power of ten.
    guard shift >= 0 else { return false }
    guard divisor.digits.count <= 18 else {
      let quotient = doubleValue / divisor.doubleValue
      return quotient.isFinite && quotient.rounded() == quotient
    }
    let modulus = divisor.digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
    var remainder: UInt64 = 0
    for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
    for _ in 0..<min(shift, 1_000_000) where remainder != 0 { remainder = (remainder * 10) % modulus }
    return remainder == 0
  }
}
