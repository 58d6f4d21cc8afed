import Foundation
import LedgerLanguage
import LedgerSchema

/// How the people of a ledger write values the ledger stores in one form: amounts with a
/// decimal comma, phone numbers in their country's national form, dates day first.
public struct InputConventions: Equatable, Sendable {
  /// ISO 4217 code of the ledger's money: its sign or code may follow or precede an amount.
  public var currency: String
  /// ISO 3166 alpha-2 code by which national phone numbers are read; nil reads only
  /// international ones.
  public var country: String?
  /// Whether `06/12/2026` means 6 December: the ledger's language is French. An English reading
  /// would be ambiguous (month first?), so it is refused there with the expected forms. The
  /// ledger decides, not the reader's language, so a script's `--format json` run (which speaks
  /// English) reads the same values as a person's run.
  public var readsDayFirst: Bool

  public init(currency: String = "EUR", country: String? = nil, readsDayFirst: Bool = false) {
    self.currency = currency
    self.country = country
    self.readsDayFirst = readsDayFirst
  }

  /// The conventions of a ledger's settings (`EUR`, no country, year-first days without any).
  public init(settings: LedgerSettings?) {
    let french = settings?.language.split(separator: "-").first?.lowercased() == "fr"
    self.init(currency: settings?.currency ?? "EUR", country: settings?.country, readsDayFirst: french)
  }
}

/// A value a person typed in their own form, and the form the ledger stored it in.
public struct InputConversion: Equatable, Sendable {
  /// The field, such as `amount` or `mailbox.phone`.
  public let field: String
  public let given: String
  public let stored: String
  /// The line of the imported file the value came from; nil for `--set`.
  public var line: Int? = nil

  /// The note a write prints: `"amount": "1 234,50 €" is stored as 1234.50`.
  public var note: String { tr("\"\(field)\": \"\(given)\" is stored as \(stored)") }
}

/// Why typed text cannot be read in its field's form: what was typed, and the forms expected.
struct InputFormProblem: Error, Equatable {
  let message: String
  let hint: String
}

/// Reads what a person typed for a field of a known form into the form the ledger stores.
enum InputForms {
  /// The stored form of `text`, or nil when it is stored as typed (it is in the stored form
  /// already, or its form has no other way of writing it: the schema then judges it).
  static func read(_ text: String, form: FieldForm, field: String, conventions: InputConventions) throws(InputFormProblem)
    -> String?
  {
    switch form {
    case .amount: try amount(text, field: field, conventions: conventions)
    case .phone: try phone(text, field: field, conventions: conventions)
    case .day: try day(text, field: field, conventions: conventions)
    default: nil
    }
  }

  static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t"]

  // MARK: - Amounts

  /// `12,50`, `1 234,50 €`, `€1234.5`, `-3,2` → `12.50`, `1234.50`, `1234.5`, `-3.2`.
  static func amount(_ text: String, field: String, conventions: InputConventions) throws(InputFormProblem) -> String? {
    if isStoredAmount(text) { return nil }
    let refusal = InputFormProblem(
      message: tr("\"\(field)\": cannot read \"\(text)\" as an amount"),
      hint: tr("write it as 1234.50, or as 1 234,50 (a decimal comma, spaces between thousands, the currency sign may follow)"))
    var rest = trimmed(text)
    for sign in currencySigns(conventions.currency) {
      if rest.hasSuffix(sign) {
        rest = trimmed(String(rest.dropLast(sign.count)))
      } else if rest.hasPrefix(sign) {
        rest = trimmed(String(rest.dropFirst(sign.count)))
      }
    }
    var negative = false
    if let first = rest.first, first == "-" || first == "\u{2212}" {
      negative = true
      rest = trimmed(String(rest.dropFirst()))
    }
    let separators = rest.filter { $0 == "," || $0 == "." }
    guard separators.count <= 1 else { throw refusal }
    var whole = Substring(rest)
    var fraction: Substring?
    if let separator = rest.firstIndex(where: { $0 == "," || $0 == "." }) {
      whole = rest[..<separator]
      fraction = rest[rest.index(after: separator)...]
    }
    if let fraction, !((1...2).contains(fraction.count) && fraction.allSatisfy(isDigit)) { throw refusal }
    let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { spaces.contains($0) })
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
      groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
    else { throw refusal }
    var digits = groups.joined()
    while digits.count > 1, digits.first == "0" { digits.removeFirst() }
    let stored = (negative ? "-" : "") + digits + (fraction.map { "." + $0 } ?? "")
    guard isStoredAmount(stored) else { throw refusal }
    return stored == text ? nil : stored
  }

  static func isStoredAmount(_ text: String) -> Bool {
    text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil
  }

  private static func currencySigns(_ currency: String) -> [String] {
    let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"]
    return [symbols[currency], currency].compactMap { $0 }
  }

  // MARK: - Phone numbers

  /// `06 12 34 56 78` (read with the ledger's country), `+33 (0)6 12 34 56 71`,
  /// `0033 6 12 34 56 78` → `+33612345678`.
  /// A number typed in the stored form is checked by the same rules: `+330612345678` (a trunk
  /// 0 kept) is stored `+33612345678`, and a French number with 8 digits is refused, so one
  /// number has one form and `x-unique` holds.
  static func phone(_ text: String, field: String, conventions: InputConventions) throws(InputFormProblem) -> String? {
    let rule = conventions.country.flatMap { PhoneRule.byCountry[$0] }
    let national = rule.map { rule in
      tr(
        "write it in international form, such as +33612345678, or in the national form of \(rule.country), the ledger's country, such as \(rule.example)"
      )
    }
    let refusal = InputFormProblem(
      message: tr("\"\(field)\": cannot read \"\(text)\" as a phone number"),
      hint: national ?? tr("write it in international form, such as +33612345678"))
    var compact = text.replacingOccurrences(of: "(0)", with: "")
    compact.removeAll { spaces.contains($0) || ".-()/".contains($0) }
    if compact.hasPrefix("00") { compact = "+" + compact.dropFirst(2) }
    var stored: String
    if compact.hasPrefix("+") {
      var number = String(compact.dropFirst())
      guard !number.isEmpty, number.allSatisfy(isDigit) else { throw refusal }
      if let known = PhoneRule.all.first(where: { number.hasPrefix($0.code) }) {
        var rest = String(number.dropFirst(known.code.count))
        // A trunk prefix kept after the country code (+33 06 …) is dropped, as dialling does.
        if let trunk = known.trunk, let length = known.length, rest.count == length + trunk.count, rest.hasPrefix(trunk) {
          rest.removeFirst(trunk.count)
        }
        if let length = known.length, rest.count != length { throw refusal }
        number = known.code + rest
      }
      stored = "+" + number
    } else {
      guard !compact.isEmpty, compact.allSatisfy(isDigit) else { throw refusal }
      guard let rule else {
        throw InputFormProblem(
          message: tr("\"\(field)\": cannot read \"\(text)\" as a phone number: a national number needs the ledger's country"),
          hint: conventions.country == nil
            ? tr("write it in international form, such as +33612345678, or set \"country\" in ledger.json (such as FR)")
            : tr(
              "write it in international form, such as +33612345678: there is no national rule for \(conventions.country ?? "")")
        )
      }
      var rest = compact
      if let trunk = rule.trunk {
        guard rest.hasPrefix(trunk) else { throw refusal }
        rest.removeFirst(trunk.count)
      }
      if let length = rule.length, rest.count != length { throw refusal }
      stored = "+" + rule.code + rest
    }
    guard isStoredPhone(stored) else { throw refusal }
    return stored == text ? nil : stored
  }

  static func isStoredPhone(_ text: String) -> Bool {
    text.range(of: #"^\+[1-9][0-9]{6,14}$"#, options: .regularExpression) != nil
  }

  // MARK: - Days

  /// `6/12/2026` or `06/12/2026` → `2026-12-06` where dates are read day first; refused with
  /// the expected forms elsewhere (it could be month first) and when it names no day.
  static func day(_ text: String, field: String, conventions: InputConventions) throws(InputFormProblem) -> String? {
    let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }), parts[0].count <= 2,
      parts[1].count <= 2, parts[2].count == 4
    else { return nil }
    guard conventions.readsDayFirst else {
      // Only a ledger kept in French reads days first; elsewhere a slashed date is refused
      // whether or not it could be read both ways, so a date is never read by guesswork.
      let ambiguous = parts[0].count <= 2 && (Int(parts[0]) ?? 0) <= 12 && (Int(parts[1]) ?? 0) <= 12
      throw InputFormProblem(
        message: ambiguous
          ? tr("\"\(field)\": cannot read \"\(text)\" as a date: it could be day first or month first")
          : tr("\"\(field)\": cannot read \"\(text)\" as a date: this ledger writes days YYYY-MM-DD"),
        hint: tr(
          "write it as YYYY-MM-DD, such as 2026-12-06, or set \"language\": \"fr\" in ledger.json to write days DD/MM/YYYY"))
    }
    let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
    let iso = "\(parts[2])-\(pad(parts[1]))-\(pad(parts[0]))"
    guard LedgerDate.isDay(iso) else {
      throw InputFormProblem(
        message: tr("\"\(field)\": \"\(text)\" is not a day of the calendar"),
        hint: tr("write a date as DD/MM/YYYY or YYYY-MM-DD, such as 06/12/2026 or 2026-12-06"))
    }
    return iso
  }

  // MARK: - Helpers

  private static func trimmed(_ text: String) -> String {
    var result = Substring(text)
    while let first = result.first, spaces.contains(first) { result.removeFirst() }
    while let last = result.last, spaces.contains(last) { result.removeLast() }
    return String(result)
  }

  private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}

/// How one country writes phone numbers: its calling code, the trunk prefix its national
/// numbers start with (FR: `0`), and how many digits follow (FR: 9), when that is fixed.
struct PhoneRule: Sendable {
  let country: String
  let code: String
  let trunk: String?
  let length: Int?
  /// A national number of the country, for hints.
  let example: String

  /// France and its neighbours, the overseas departments, and North America; a country
  /// not listed reads international numbers only.
  static let all: [PhoneRule] = [
    PhoneRule(country: "FR", code: "33", trunk: "0", length: 9, example: "06 12 34 56 78"),
    PhoneRule(country: "RE", code: "262", trunk: "0", length: 9, example: "0692 12 34 56"),
    PhoneRule(country: "YT", code: "262", trunk: "0", length: 9, example: "0639 12 34 56"),
    PhoneRule(country: "GP", code: "590", trunk: "0", length: 9, example: "0690 12 34 56"),
    PhoneRule(country: "MQ", code: "596", trunk: "0", length: 9, example: "0696 12 34 56"),
    PhoneRule(country: "GF", code: "594", trunk: "0", length: 9, example: "0694 12 34 56"),
    PhoneRule(country: "BE", code: "32", trunk: "0", length: nil, example: "0470 12 34 56"),
    PhoneRule(country: "CH", code: "41", trunk: "0", length: 9, example: "078 123 45 67"),
    PhoneRule(country: "LU", code: "352", trunk: nil, length: nil, example: "621 123 456"),
    PhoneRule(country: "MC", code: "377", trunk: nil, length: nil, example: "06 12 34 56 78"),
    PhoneRule(country: "DE", code: "49", trunk: "0", length: nil, example: "0151 23456789"),
    PhoneRule(country: "NL", code: "31", trunk: "0", length: 9, example: "06 12345678"),
    PhoneRule(country: "GB", code: "44", trunk: "0", length: nil, example: "07700 900123"),
    PhoneRule(country: "IE", code: "353", trunk: "0", length: nil, example: "085 123 4567"),
    PhoneRule(country: "AT", code: "43", trunk: "0", length: nil, example: "0664 1234567"),
    PhoneRule(country: "ES", code: "34", trunk: nil, length: 9, example: "612 34 56 78"),
    PhoneRule(country: "PT", code: "351", trunk: nil, length: 9, example: "912 345 678"),
    PhoneRule(country: "IT", code: "39", trunk: nil, length: nil, example: "312 345 6789"),
    PhoneRule(country: "US", code: "1", trunk: nil, length: 10, example: "(201) 555-0123"),
    PhoneRule(country: "CA", code: "1", trunk: nil, length: 10, example: "(604) 555-0123"),
  ]

  static let byCountry: [String: PhoneRule] = Dictionary(all.map { ($0.country, $0) }) { first, _ in first }
}
