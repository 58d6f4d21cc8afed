import LedgerLanguage

/// A record's id: its file name without `.json`.
///
/// `[a-z0-9][a-z0-9._-]{0,63}`, never containing `..`: an id is a name, never a path, so no
/// id can reach outside its kind's folder.
public struct RecordID: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let value: String

  /// Why a text is not an id.
  public enum Problem: Equatable, Sendable {
    case empty, tooLong, badFirstCharacter(Character), badCharacter(Character), dotDot

    /// The rule, as messages say it.
    public var rule: String {
      switch self {
      case .empty: tr("an id cannot be empty")
      case .tooLong: tr("an id has at most 64 characters")
      case .badFirstCharacter(let character):
        tr("an id starts with a lowercase letter or digit, not '\(character)'")
      case .badCharacter(let character):
        tr("an id holds only lowercase letters, digits, '.', '_' and '-', not '\(character)'")
      case .dotDot: tr("an id cannot contain '..'")
      }
    }
  }

  /// Checks `text` against the id rule.
  public static func check(_ text: String) -> Problem? {
    // The common case, checked on bytes: ids are read for every record of a large ledger.
    if isPlainID(text.utf8) { return nil }
    guard let first = text.first else { return .empty }
    guard text.count <= 64 else { return .tooLong }
    guard isLowerAlphanumeric(first) else { return .badFirstCharacter(first) }
    if let bad = text.first(where: { !isLowerAlphanumeric($0) && !".-_".contains($0) }) {
      return .badCharacter(bad)
    }
    return text.contains("..") ? .dotDot : nil
  }

  /// An id, or nil when `text` breaks the rule (use `check` to learn why).
  public init?(_ text: String) {
    guard RecordID.check(text) == nil else { return nil }
    value = text
  }

  /// An id made by `IDGenerator`, whose shape (a date and five alphanumerics) always passes.
  init(generated text: String) { value = text }

  public var description: String { value }

  public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.value < rhs.value }

  /// Whether `bytes` is a valid id, without saying why not.
  private static func isPlainID(_ bytes: String.UTF8View) -> Bool {
    guard let first = bytes.first, bytes.count <= 64, isLowerAlphanumeric(first) else { return false }
    var previous: UInt8 = 0
    for byte in bytes {
      guard
        isLowerAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: ".") && previous != UInt8(ascii: ".")
      else { return false }
      previous = byte
    }
    return true
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isLowerAlphanumeric(_ character: Character) -> Bool {
    character.isASCII && (character.isNumber || character.isLowercase)
  }
}
