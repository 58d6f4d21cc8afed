import Foundation
import LedgerLanguage

/// The formats the validator asserts: `date`, `date-time`, `time`, `email`, `uri`, `uuid`.
/// Other format names are annotations only, as JSON Schema 2020-12 says.
enum FormatChecker {
  /// Whether `text` has `format`; nil when the format is not asserted.
  static func check(_ format: String, _ text: String) -> Bool? {
    switch format {
    case "date": isDate(text)
    case "date-time": isDateTime(text)
    case "time": isTime(text)
    case "email": isEmail(text)
    case "uri": isURI(text)
    case "uuid": isUUID(text)
    default: nil
    }
  }

  /// What a valid value looks like, for messages.
  static func example(_ format: String) -> String {
    switch format {
    case "date": tr("a date such as 2026-11-27")
    case "date-time": tr("an RFC 3339 instant such as 2026-11-27T14:30:00+01:00")
    case "time": tr("an RFC 3339 time such as 14:30:00+01:00")
    case "email": tr("an email address such as name@example.org")
    case "uri": tr("an absolute URI such as https://example.org/page")
    case "uuid": tr("a UUID such as 123e4567-e89b-12d3-a456-426614174000")
    default: tr("a valid \(format)")
    }
  }

  // MARK: - RFC 3339

  static func isDate(_ text: String) -> Bool {
    let characters = Array(text.utf8)
    guard characters.count == 10, characters[4] == 0x2D, characters[7] == 0x2D,
      let year = number(characters[0..<4]), let month = number(characters[5..<7]),
      let day = number(characters[8..<10])
    else { return false }
    return (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
  }

  static func isDateTime(_ text: String) -> Bool {
    let characters = Array(text.utf8)
    guard characters.count > 11, characters[10] == UInt8(ascii: "T") || characters[10] == UInt8(ascii: "t")
    else { return false }
    let date = String(decoding: characters[0..<10], as: UTF8.self)
    let time = String(decoding: characters[11...], as: UTF8.self)
    return isDate(date) && isTime(time)
  }

  /// `HH:MM:SS[.fraction](Z|±HH:MM)`; a leap second only where it is 23:59:60 in UTC.
  static func isTime(_ text: String) -> Bool {
    let characters = Array(text.utf8)
    guard characters.count >= 9, characters[2] == 0x3A, characters[5] == 0x3A,
      let hour = number(characters[0..<2]), let minute = number(characters[3..<5]),
      let second = number(characters[6..<8])
    else { return false }
    var index = 8
    if index < characters.count, characters[index] == 0x2E {
      index += 1
      let start = index
      while index < characters.count, (0x30...0x39).contains(characters[index]) { index += 1 }
      guard index > start else { return false }
    }
    guard index < characters.count else { return false }
    var offsetMinutes = 0
    switch characters[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard index + 1 == characters.count else { return false }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = characters[index] == UInt8(ascii: "-") ? -1 : 1
      guard characters.count == index + 6, characters[index + 3] == 0x3A,
        let offsetHour = number(characters[(index + 1)..<(index + 3)]),
        let offsetMinute = number(characters[(index + 4)..<(index + 6)]),
        offsetHour <= 23, offsetMinute <= 59
      else { return false }
      offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
    default:
      return false
    }
    guard hour <= 23, minute <= 59, second <= 60 else { return false }
    if second == 60 {
      let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
      return utc == 23 * 60 + 59
    }
    return true
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for digit in digits {
      guard (0x30...0x39).contains(digit) else { return nil }
      value = value * 10 + Int(digit - 0x30)
    }
    return value
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // MARK: - Email, URI, UUID

  /// RFC 5321 mailbox: a dot-atom or quoted local part, `@`, a hostname or address literal.
  static func isEmail(_ text: String) -> Bool {
    guard let at = text.lastIndex(of: "@") else { return false }
    let local = String(text[..<at])
    let domain = String(text[text.index(after: at)...])
    guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
    let localValid: Bool
    if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
      localValid = local.dropFirst().dropLast().unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    } else {
      let atext = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
      localValid =
        !local.hasPrefix(".") && !local.hasSuffix(".") && !local.contains("..")
        && local.unicodeScalars.allSatisfy { $0 == "." || atext.contains($0) }
    }
    return localValid && isMailDomain(domain)
  }

  private static func isMailDomain(_ domain: String) -> Bool {
    if domain.hasPrefix("[") && domain.hasSuffix("]") {
      let literal = String(domain.dropFirst().dropLast())
      if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
      return isIPv4(literal)
    }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    return domain.utf8.count <= 253
      && labels.allSatisfy { label in
        !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
          && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
      }
  }

  static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
          && (part == "0" || !part.hasPrefix("0")) && (Int(part) ?? 256) <= 255
      }
  }

  static func isIPv6(_ text: String) -> Bool {
    var address = in6_addr()
    return inet_pton(AF_INET6, text, &address) == 1
  }

  /// An absolute URI, by RFC 3986's ABNF exactly (see `RFC3986`).
  static func isURI(_ text: String) -> Bool {
    RFC3986.isURI(text)
  }

  static func isUUID(_ text: String) -> Bool {
    let characters = Array(text.unicodeScalars)
    guard characters.count == 36 else { return false }
    for (index, scalar) in characters.enumerated() {
      if [8, 13, 18, 23].contains(index) {
        guard scalar == "-" else { return false }
      } else if !scalar.properties.isASCIIHexDigit {
        return false
      }
    }
    return true
  }
}
