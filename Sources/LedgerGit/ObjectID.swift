internal import CLibGit2

/// A git object id (SHA-1), printed as 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The 20 raw bytes.
  public let bytes: [UInt8]

  init(_ oid: git_oid) {
    var copy = oid
    bytes = withUnsafeBytes(of: &copy.id) { Array($0.prefix(20)) }
  }

  /// Reads 40 hex digits; nil for anything else.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 40 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(20)
    var index = 0
    while index < 40 {
      guard let high = ObjectID.hexValue(digits[index]), let low = ObjectID.hexValue(digits[index + 1])
      else { return nil }
      result.append(high << 4 | low)
      index += 2
    }
    bytes = result
  }

  var raw: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { buffer in
      for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    }
    return oid
  }

  public var description: String {
    let digits: [Character] = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(40)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return text
  }

  /// The first seven hex digits, as git abbreviates.
  public var short: String { String(description.prefix(7)) }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x61...0x66: byte - 0x61 + 10
    case 0x41...0x46: byte - 0x41 + 10
    default: nil
    }
  }
}
