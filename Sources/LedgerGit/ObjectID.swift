internal import CLibGit2

/// A git object id (SHA-1), printed as 40 lowercase hex digits.
///
/// The 20 bytes are kept inline as three integers, not in an array: ids are hashed and compared
/// by the million in history walks and indexes, and an array would cost an allocation and
/// reference counting each time.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Bytes 0-7, 8-15 and 16-19, big-endian, so comparing the integers compares the bytes.
  private let high: UInt64
  private let middle: UInt64
  private let low: UInt32

  /// The 20 raw bytes.
  public var bytes: [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
      + (0..<8).map { UInt8(truncatingIfNeeded: middle >> (56 - 8 * $0)) }
      + (0..<4).map { UInt8(truncatingIfNeeded: low >> (24 - 8 * $0)) }
  }

  /// The id whose 20 raw bytes begin `bytes`.
  init(_ bytes: some Collection<UInt8>) {
    var high: UInt64 = 0
    var middle: UInt64 = 0
    var low: UInt32 = 0
    for (index, byte) in bytes.prefix(20).enumerated() {
      switch index {
      case 0..<8: high = high << 8 | UInt64(byte)
      case 8..<16: middle = middle << 8 | UInt64(byte)
      default: low = low << 8 | UInt32(byte)
      }
    }
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// The id whose 20 raw bytes are at `pointer` (a tree's entry, a pack's index).
  public init(pointer: UnsafeRawPointer) {
    high = UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self))
    middle = UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    low = UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
  }

  init(_ oid: git_oid) {
    var copy = oid
    self = withUnsafeBytes(of: &copy.id) { ObjectID(UnsafeRawBufferPointer(rebasing: $0.prefix(20))) }
  }

  /// The id's bytes 0-7, 8-15 and 16-19 as integers, for types that keep ids inline.
  public var words: (UInt64, UInt64, UInt32) { (high, middle, low) }

  /// The id whose bytes 0-7, 8-15 and 16-19 are `words`.
  public init(words: (UInt64, UInt64, UInt32)) {
    (high, middle, low) = words
  }

  /// The id of 20 raw bytes; nil for any other count.
  public init?(bytes: [UInt8]) {
    guard bytes.count == 20 else { return nil }
    self.init(bytes[...])
  }

  /// Reads 40 hex digits; nil for anything else. Parsed straight into the three words: the
  /// history interface names commits by their hex ids, and walks read them by the thousand.
  public init?(hex: String) {
    var text = hex
    let words: (UInt64, UInt64, UInt32)? = text.withUTF8 { digits in
      guard digits.count == 40 else { return nil }
      func word(_ start: Int, _ count: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in start..<(start + count) {
          guard let digit = ObjectID.hexValue(digits[index]) else { return nil }
          value = value << 4 | UInt64(digit)
        }
        return value
      }
      guard let high = word(0, 16), let middle = word(16, 16), let low = word(32, 8) else { return nil }
      return (high, middle, UInt32(low))
    }
    guard let words else { return nil }
    self.init(words: words)
  }

  var raw: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { buffer in
      for index in 0..<8 {
        buffer[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
        buffer[8 + index] = UInt8(truncatingIfNeeded: middle >> (56 - 8 * index))
      }
      for index in 0..<4 { buffer[16 + index] = UInt8(truncatingIfNeeded: low >> (24 - 8 * index)) }
    }
    return oid
  }

  public var description: String {
    String(decoding: hexDigits, as: UTF8.self)
  }

  /// The 40 lowercase hex digits, as UTF-8 bytes (ids are printed by the hundred thousand in
  /// indexes).
  public var hexDigits: [UInt8] {
    let digits: StaticString = "0123456789abcdef"
    return [UInt8](unsafeUninitializedCapacity: 40) { buffer, count in
      digits.withUTF8Buffer { table in
        var position = 0
        func put(_ word: UInt64, bytes: Int) {
          for index in 0..<bytes {
            let byte = Int(truncatingIfNeeded: word >> UInt64(8 * (bytes - 1 - index)))
            buffer[position] = table[(byte >> 4) & 0x0F]
            buffer[position + 1] = table[byte & 0x0F]
            position += 2
          }
        }
        put(high, bytes: 8)
        put(middle, bytes: 8)
        put(UInt64(low), bytes: 4)
      }
      count = 40
    }
  }

  /// The first seven hex digits, as git abbreviates.
  public var short: String { String(description.prefix(7)) }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
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
