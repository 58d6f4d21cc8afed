/// Days, amounts and counts as a person reads them in a language, for prose and pages only:
/// machine formats keep `2026-12-06` and `1234.50`.
public enum LocalFormat {
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let frenchMonths = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
  ]

  /// `2026-12-06` as `6 December 2026` or `6 décembre 2026` (`1er` for a French first of the
  /// month); any text that is not such a day is returned as it is.
  public static func day(_ day: String, in language: Language = .current) -> String {
    let parts = day.split(separator: "-", omittingEmptySubsequences: false)
    guard day.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let date = Int(parts[2]), (1...12).contains(month), (1...31).contains(date)
    else { return day }
    switch language {
    case .english: return "\(date) \(englishMonths[month - 1]) \(year)"
    case .french: return "\(date == 1 ? "1er" : String(date)) \(frenchMonths[month - 1]) \(year)"
    }
  }

  /// A month, `2026-01`, as `January 2026` or `janvier 2026`; any text that is not such a month
  /// is returned as it is.
  public static func month(_ month: String, in language: Language = .current) -> String {
    let parts = month.split(separator: "-", omittingEmptySubsequences: false)
    guard month.count == 7, parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]),
      (1...12).contains(number)
    else { return month }
    switch language {
    case .english: return "\(englishMonths[number - 1]) \(year)"
    case .french: return "\(frenchMonths[number - 1]) \(year)"
    }
  }

  /// A whole number with the language's thousands separator: `12,345` or `12 345`. The French
  /// separator is a plain space, as people type it (the site keeps such values on one line).
  public static func integer(_ value: Int, in language: Language = .current) -> String {
    let digits = String(value.magnitude)
    let grouped = group(digits, separator: language == .french ? " " : ",")
    return value < 0 ? "-" + grouped : grouped
  }

  /// A decimal amount written in JSON form (`1234.5`, `-12.50`) with its currency (an ISO 4217
  /// code), as `€1,234.50` or `1 234,50 €`; text that is no number is returned as it is.
  public static func amount(_ decimal: String, currency: String = "EUR", in language: Language = .current) -> String {
    let negative = decimal.hasPrefix("-")
    let unsigned = negative ? String(decimal.dropFirst()) : decimal
    let pieces = unsigned.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), !pieces[0].isEmpty, pieces.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      pieces.allSatisfy({ $0.allSatisfy(\.isNumber) })
    else { return decimal }
    var cents = pieces.count == 2 ? String(pieces[1]) : "00"
    while cents.count < 2 { cents += "0" }
    let symbol = currencySymbols[currency] ?? currency
    let sign = negative ? "-" : ""
    switch language {
    case .english:
      return "\(sign)\(symbol)\(group(String(pieces[0]), separator: ",")).\(cents)"
    case .french:
      return "\(sign)\(group(String(pieces[0]), separator: " ")),\(cents) \(symbol)"
    }
  }

  static let currencySymbols = ["EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"]

  private static func group(_ digits: String, separator: String) -> String {
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return groups.joined(separator: separator)
  }
}
