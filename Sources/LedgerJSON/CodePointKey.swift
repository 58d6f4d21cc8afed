/// A string that compares and hashes by its Unicode code points (its UTF-8 bytes), as RFC 8259
/// and JSON Schema compare strings, where Swift's `String` compares by canonical equivalence:
/// "é" (U+00E9) and "e" + U+0301 are two keys here. For tables keyed by JSON text.
public struct CodePointKey: Hashable, Sendable {
  public let text: String

  public init(_ text: String) { self.text = text }

  public static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool {
    lhs.text.hasSameCodePoints(as: rhs.text)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text.utf8.count)
    let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
  }
}

extension String {
  /// Whether the two strings hold the same code points (not merely canonically equivalent ones).
  public func hasSameCodePoints(as other: String) -> Bool {
    utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
  }

  /// The order of the two strings' code points, which is the order of their UTF-8 bytes.
  public func codePointOrder(_ other: String) -> CodePointOrder {
    if hasSameCodePoints(as: other) { return .same }
    return utf8.lexicographicallyPrecedes(other.utf8) ? .ascending : .descending
  }
}

/// How two strings order by code points (LedgerJSON is stdlib only, without `ComparisonResult`).
public enum CodePointOrder: Sendable {
  case ascending, same, descending
}
