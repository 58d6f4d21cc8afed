import LedgerJSON
import LedgerLanguage

/// A report: titled sections, each a table of values. The CLI prints it as text tables, JSON
/// (`{"title", "sections": [{"title", "columns", "rows"}]}`) or CSV.
///
/// Titles and column headings are worded when the report is made, in the language of the run
/// (English for JSON); each section also keeps its title and columns in English (`name`,
/// `keys`), which code reading a report by name asks for, so the site and the calendar read a
/// French report as they read an English one. The cells are data and are never translated,
/// except the few a report words itself (an expiry's state, "access review").
public struct Report: Sendable {
  public struct Section: Sendable {
    /// The title a person reads, in the language the report was made in.
    public var title: String
    /// The columns' headings, in that language.
    public var columns: [String]
    /// The title in English: what a reader of the report finds a section by.
    public var name: String
    /// The columns' names in English, in every language: the keys of JSON rows, and what a
    /// reader of the report finds a column by.
    public var keys: [String]
    public var rows: [[JSONValue]]

    /// A section worded in the current language.
    public init(title: Phrase, columns: [Phrase], rows: [[JSONValue]] = []) {
      self.title = title.text
      self.name = title.english
      self.columns = columns.map(\.text)
      self.keys = columns.map(\.english)
      self.rows = rows
    }

    /// A section whose title and columns are never translated.
    public init(title: String, columns: [String], rows: [[JSONValue]] = []) {
      self.title = title
      self.name = title
      self.columns = columns
      self.keys = columns
      self.rows = rows
    }

    /// The index of the column named `key` (its English name).
    public func column(_ key: String) -> Int? { keys.firstIndex(of: key) }
  }

  public var title: String
  public var sections: [Section]
  /// How many findings a checking report (consistency) found; nil for other reports.
  public var findings: Int?
  /// The currency of the report's amounts (the ledger's), when it has amounts.
  public var currency: String?

  public init(title: String, sections: [Section], findings: Int? = nil) {
    self.title = title
    self.sections = sections
    self.findings = findings
  }

  /// Whether a column named `key` holds amounts of money: `amount`, `yearly_amount`.
  public static func isAmount(_ key: String) -> Bool { key == "amount" || key.hasSuffix("_amount") }

  /// A row of `section` as a person reads it in a text table: each amount (`1234.50`) in the
  /// report's currency as the current language writes it (`€1,234.50`, `1 234,50 €`), a
  /// fraction with a French comma (`3,5`); every other cell as it is. JSON and CSV keep the rows
  /// themselves.
  public func forPeople(_ row: [JSONValue], in section: Section) -> [JSONValue] {
    row.enumerated().map { column, value in
      if let currency, column < section.keys.count, Self.isAmount(section.keys[column]), let decimal = value.stringValue {
        return .string(LocalFormat.amount(decimal, currency: currency))
      }
      // A fraction in French prose takes a comma: 3,5 hours.
      if case .number(let number) = value, Language.current == .french, number.text.contains(".") {
        return .string(number.text.replacingOccurrences(of: ".", with: ","))
      }
      return value
    }
  }

  /// The report as one JSON value.
  public var json: JSONValue {
    var object: JSONObject = ["title": .string(title)]
    object["sections"] = .array(
      sections.map { section in
        .object([
          "title": .string(section.title),
          "columns": .array(section.keys.map { .string($0) }),
          "rows": .array(section.rows.map { row in .object(JSONObject(zip(section.keys, row).map { ($0, $1) })) }),
        ])
      })
    if let findings { object["findings"] = .number(JSONNumber(findings)) }
    return .object(object)
  }
}

extension JSONValue {
  /// A text cell, or null when there is nothing to say.
  static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// An integer cell.
  static func count(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
