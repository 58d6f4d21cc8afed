import Foundation
import LedgerJSON

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

  /// The language of the records' text (a BCP 47 tag), `en` unless ledger.json names one: the
  /// review site's pages declare it.
  public var language: String { document["language"]?.stringValue ?? "en" }

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
    let document: JSONDocument
    do {
      document = try JSONParser.parseDocument(bytes)
    } catch {
      throw DiagnosticList([Diagnostic(parseError: error, file: fileName)])
    }
    guard case .object(let object) = document.value else {
      throw DiagnosticList([
        Diagnostic(file: fileName, rule: "settings", message: "ledger.json must hold an object")
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
            message: "\"\(key)\" must be \(expected)", hint: "edit ledger.json and run 'adminledger commit'"))
        return ""
      }
      return value
    }
    let name = text("name", { !$0.isEmpty }, "a non-empty string")
    let zone = text("timezone", { TimeZone(identifier: $0) != nil }, "an IANA time zone such as \"Europe/Paris\"")
    let currency = text("currency", isCurrencyCode, "a three-letter currency code such as \"EUR\"")
    guard problems.isEmpty else { throw DiagnosticList(problems) }
    var settings = LedgerSettings(name: name, timeZoneIdentifier: zone, currency: currency)
    settings.document = object
    return settings
  }

  private static func isCurrencyCode(_ text: String) -> Bool {
    text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
  }
}

/// Diagnostics carried as one thrown value, when they stop an operation.
public struct DiagnosticList: Error, Equatable, Sendable {
  public let diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
}
