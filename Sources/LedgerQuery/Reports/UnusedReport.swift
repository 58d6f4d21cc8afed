import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report unused [--since DURATION]`: active rights whose account has not been seen in use
/// for longer than the period (its `last_seen`, imported from the system's logs with
/// `import accounts --profile last-login`, is more than `since` days before today), or was
/// never seen (no `last_seen`: "never recorded").
///
/// One table, grouped by system, then by the organisation of the person who validated the
/// right (`validated_by` → people → `organization`; unvalidated rights last in each system);
/// in each group the temporary rights come first, then the longest unused (never recorded
/// before the oldest date). One table rather than a section per group, so that the CSV is one
/// sheet a spreadsheet can filter.
public enum UnusedReport {
  /// The organisation cell of a right nobody validated.
  public static let notValidated = Phrase("(not validated)")
  /// The organisation cell of a right whose validator names no organisation.
  public static let noOrganization = Phrase("(no organisation)")
  /// The `last_seen` cell of an account never seen.
  public static let neverRecorded = Phrase("never recorded")

  /// The columns of the table, in order.
  public static let columns = [
    Phrase("system"), Phrase("validated_by_organization"), Phrase("validated_by"), Phrase("right"), Phrase("person"),
    Phrase("login"), Phrase("role"), Phrase("temporary"), Phrase("last_seen"), Phrase("days_since"),
  ]

  /// One right of the table and how it sorts.
  private struct Line {
    var system: String
    var organization: String?
    var temporary: Bool
    var lastSeen: String?
    var person: String
    var right: String
    var cells: [JSONValue]

    /// System; validated before not; organisation; temporary first; never seen, then oldest first.
    var order: [String] {
      [system, organization == nil ? "1" : "0", organization ?? "", temporary ? "0" : "1", lastSeen ?? "", person, right]
    }
  }

  /// The report of rights unused for more than `days` days before `today`.
  ///
  /// - Parameters:
  ///   - system: only the rights on this system, when given.
  /// - Throws: `StoreError` when the ledger cannot be read.
  public static func make(_ view: LedgerView, today: String, since days: Int, system: String? = nil) throws(StoreError) -> Report
  {
    let cutoff = LedgerDate.adding(days: -days, to: today) ?? today
    let accounts = Dictionary(try view.records(of: .accounts).map { ($0.key.id.value, $0) }) { first, _ in first }
    var lines: [Line] = []
    for right in try view.records(of: .rights) where right.fields["status"]?.stringValue == "active" {
      guard let account = right.fields["account"]?.stringValue.flatMap({ accounts[$0] }),
        let onSystem = account.fields["system"]?.stringValue, system == nil || system == onSystem
      else { continue }
      let lastSeen = account.fields["last_seen"]?.stringValue
      if let lastSeen, lastSeen >= cutoff { continue }
      lines.append(try line(right, account: account, system: onSystem, lastSeen: lastSeen, today: today, view))
    }
    lines.sort { $0.order.lexicographicallyPrecedes($1.order) }
    let since = LocalFormat.day(cutoff)
    let title =
      if let system {
        Phrase(
          "Active rights on \(system) whose account was not seen since \(since) (\(days) days before \(LocalFormat.day(today))): \(lines.count)"
        )
      } else {
        Phrase(
          "Active rights whose account was not seen since \(since) (\(days) days before \(LocalFormat.day(today))): \(lines.count)"
        )
      }
    let section = Report.Section(title: title, columns: columns, rows: lines.map(\.cells))
    return Report(title: tr("Unused rights"), sections: [section])
  }

  private static func line(
    _ right: Record, account: Record, system: String, lastSeen: String?, today: String, _ view: LedgerView
  ) throws(StoreError) -> Line {
    let validator = right.fields["validated_by"]?.stringValue
    var organization: String?
    if let validator {
      organization = try view.record(.people, validator)?.fields["organization"]?.stringValue ?? noOrganization.text
    }
    let temporary = right.fields["temporary"] == .bool(true)
    let person = account.fields["person"]?.stringValue ?? ""
    let cells: [JSONValue] = [
      .string(system), .string(organization ?? notValidated.text), .text(validator), .string(right.key.id.value), .string(person),
      .text(account.fields["login"]?.stringValue), .text(right.fields["role"]?.stringValue), .bool(temporary),
      .string(lastSeen ?? neverRecorded.text),
      lastSeen.flatMap { LedgerDate.days(from: $0, to: today) }.map { .count($0) } ?? .null,
    ]
    return Line(
      system: system, organization: organization, temporary: temporary, lastSeen: lastSeen, person: person,
      right: right.key.id.value, cells: cells)
  }
}
