/// Finds the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Validation {
  static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let (length, lowest, highest): (Int, UInt8, UInt8)
      switch lead {
      case 0xC2...0xDF: (length, lowest, highest) = (2, 0x80, 0xBF)
      case 0xE0: (length, lowest, highest) = (3, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (length, lowest, highest) = (3, 0x80, 0xBF)
      case 0xED: (length, lowest, highest) = (3, 0x80, 0x9F)
      case 0xF0: (length, lowest, highest) = (4, 0x90, 0xBF)
      case 0xF1...0xF3: (length, lowest, highest) = (4, 0x80, 0xBF)
      case 0xF4: (length, lowest, highest) = (4, 0x80, 0x8F)
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      guard (lowest...highest).contains(bytes[index + 1]) else { return index }
      for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 {
        return index
      }
      index += length
    }
    return nil
  }
}
