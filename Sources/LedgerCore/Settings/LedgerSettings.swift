import Foundation
import LedgerJSON
import LedgerLanguage

/// The ledger's settings, read from `ledger.json` at its root.
public struct LedgerSettings: Equatable, Sendable {
  /// The settings file, relative to the ledger root.
  public static let fileName = "ledger.json"

  public var name: String
  /// An IANA time zone such as `Europe/Paris`: "today" is computed there.
  public var timeZoneIdentifier: String
  /// ISO 4217 code of the ledger's money, such as `EUR`.
  public var currency: String
  /// The whole file, including parts this type does not model (the policy).
  public var document: JSONObject
  /// How long a right's partner validation holds (`review_interval`, such as `1y`): `report
  /// expiring` lists the day each active right's last validation runs out. Nil when the file
  /// sets none.
  public var reviewInterval: ReviewInterval?
  /// The rights each function calls for (`entitlements`), by function: empty when the file
  /// declares none. `report entitlements` compares them with the rights people hold.
  public var entitlements: [String: [Entitlement]] = [:]

  /// The language of the records' text (a BCP 47 tag), `en` unless ledger.json names one: the
  /// review site's pages declare it.
  public var language: String { document["language"]?.stringValue ?? "en" }

  /// The ledger's country (ISO 3166 alpha-2, such as `FR`), by which phone numbers written in
  /// national form are read: `country` in ledger.json; else the region of `language` (`fr-BE`
  /// gives `BE`); else `FR` for a French ledger, as the associations this tool serves are; else
  /// nil, and only international numbers are read.
  public var country: String? {
    if let country = document["country"]?.stringValue, country.count == 2 { return country.uppercased() }
    let subtags = language.split(separator: "-")
    if subtags.count > 1, let region = subtags.dropFirst().first(where: { $0.count == 2 && $0.allSatisfy(\.isLetter) }) {
      return region.uppercased()
    }
    return subtags.first?.lowercased() == "fr" ? "FR" : nil
  }

  /// The time zone, falling back to UTC only for an identifier already reported as invalid.
  public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? .gmt }

  /// Settings for a new ledger.
  public init(name: String, timeZoneIdentifier: String, currency: String) {
    self.name = name
    self.timeZoneIdentifier = timeZoneIdentifier
    self.currency = currency
    self.document = JSONObject([
      ("name", .string(name)), ("timezone", .string(timeZoneIdentifier)),
      ("currency", .string(currency)),
    ])
  }

  /// Reads settings from the bytes of `ledger.json`.
  ///
  /// - Throws: the diagnostics that prevent reading them.
  public static func read(_ bytes: [UInt8]) throws(DiagnosticList) -> LedgerSettings {
    guard bytes.count <= InputLimits.ledgerFileBytes else {
      throw DiagnosticList([InputLimits.tooLarge(fileName, size: bytes.count)])
    }
    let document: JSONDocument
    do {
      document = try JSONParser.parseDocument(bytes)
    } catch {
      throw DiagnosticList([Diagnostic(parseError: error, file: fileName)])
    }
    guard case .object(let object) = document.value else {
      throw DiagnosticList([
        Diagnostic(file: fileName, rule: "settings", message: tr("ledger.json must hold an object"))
      ])
    }
    var problems: [Diagnostic] = []
    func text(_ key: String, _ check: (String) -> Bool, _ expected: String) -> String {
      guard case .string(let value)? = object[key], check(value) else {
        let location = document.location(of: JSONPointer(tokens: [key]))
        problems.append(
          Diagnostic(
            file: fileName, line: location.line, column: location.column,
            instancePath: JSONPointer(tokens: [key]), rule: "settings",
            message: tr("\"\(key)\" must be \(expected)"), hint: tr("edit ledger.json and run 'adminledger commit'")))
        return ""
      }
      return value
    }
    let name = text("name", { !$0.isEmpty }, tr("a non-empty string"))
    let zone = text("timezone", { TimeZone(identifier: $0) != nil }, tr("an IANA time zone such as \"Europe/Paris\""))
    let currency = text("currency", isCurrencyCode, tr("a three-letter currency code such as \"EUR\""))
    var interval: ReviewInterval?
    if object["review_interval"] != nil {
      interval = ReviewInterval(
        text("review_interval", { ReviewInterval($0) != nil }, tr("a duration such as \"1y\", \"6m\", \"26w\" or \"180d\"")))
    }
    guard problems.isEmpty else { throw DiagnosticList(problems) }
    var settings = LedgerSettings(name: name, timeZoneIdentifier: zone, currency: currency)
    settings.document = object
    settings.reviewInterval = interval
    settings.entitlements = Entitlement.read(object["entitlements"])
    return settings
  }

  private static func isCurrencyCode(_ text: String) -> Bool {
    text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
  }
}

/// How long a validation holds, as ledger.json writes it: a count and a unit, `180d`, `26w`,
/// `6m` or `1y`. Months and years are calendar ones: a right validated on 2025-05-12 with
/// `1y` is due on 2026-05-12 (a 31st moves to the month's last day: 2025-01-31 plus `1m` is
/// 2025-02-28).
public struct ReviewInterval: Equatable, Sendable, CustomStringConvertible {
  /// What the count counts, by the letter that follows it.
  public enum Unit: Character, Sendable {
    case days = "d", weeks = "w", months = "m", years = "y"
  }

  /// How many units: 1 to 9999.
  public let count: Int
  public let unit: Unit

  /// Reads `1y`, `12m`, `52w` or `365d`; nil for anything else (no sign, no zero, no space).
  public init?(_ text: String) {
    guard let last = text.last, let unit = Unit(rawValue: last), let first = text.first, first != "0",
      text.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(text.dropLast()), (1...9999).contains(count)
    else { return nil }
    self.count = count
    self.unit = unit
  }

  /// The interval as ledger.json writes it: `1y`.
  public var description: String { "\(count)\(unit.rawValue)" }

  /// The day the interval started on `day` runs out, or nil when `day` is not `YYYY-MM-DD`.
  public func end(from day: String) -> String? {
    guard let start = LedgerDate.start(of: day, in: .gmt) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let (component, size): (Calendar.Component, Int) =
      switch unit {
      case .days: (.day, 1)
      case .weeks: (.day, 7)
      case .months: (.month, 1)
      case .years: (.year, 1)
      }
    return calendar.date(byAdding: component, value: count * size, to: start).map { LedgerDate.day(of: $0, in: .gmt) }
  }
}

/// Diagnostics carried as one thrown value, when they stop an operation.
public struct DiagnosticList: Error, Equatable, Sendable {
  public let diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
}
