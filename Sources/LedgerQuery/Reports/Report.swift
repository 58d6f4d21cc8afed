import LedgerJSON

/// A report: titled sections, each a table of values. The CLI prints it as text tables, JSON
/// (`{"title", "sections": [{"title", "columns", "rows"}]}`) or CSV.
public struct Report: Sendable {
  public struct Section: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[JSONValue]]

    public init(title: String, columns: [String], rows: [[JSONValue]] = []) {
      self.title = title
      self.columns = columns
      self.rows = rows
    }
  }

  public var title: String
  public var sections: [Section]
  /// How many findings a checking report (consistency) found; nil for other reports.
  public var findings: Int?

  public init(title: String, sections: [Section], findings: Int? = nil) {
    self.title = title
    self.sections = sections
    self.findings = findings
  }

  /// The report as one JSON value.
  public var json: JSONValue {
    var object: JSONObject = ["title": .string(title)]
    object["sections"] = .array(
      sections.map { section in
        .object([
          "title": .string(section.title),
          "columns": .array(section.columns.map { .string($0) }),
          "rows": .array(section.rows.map { row in .object(JSONObject(zip(section.columns, row).map { ($0, $1) })) }),
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
