import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report review ORGANIZATION`: the access review a partner organisation fills in. One row
/// per active right that the organisation's people hold, or that they validated, with who
/// holds it, on which system, its last validation and when the account was last seen;
/// `decision` and `reason` are left empty for the partner, and `reviewer` holds the
/// organisation's id (the partner may put there the id of the person who reviewed).
///
/// The CSV reads back with `import rights FILE --profile access-review`, which records each
/// decision (`AccessReviewImport`). It is one section, so the CSV is one table.
public enum ReviewReport {
  /// The columns, in order; the last three are the partner's to fill in.
  public static let columns = [
    AccessReviewImport.rightColumn, "person", "name", "login", "system", "role", "status", "temporary", "end",
    "validated_by", "validated_on", "last_seen",
    AccessReviewImport.decisionColumn, AccessReviewImport.reasonColumn, AccessReviewImport.reviewerColumn,
  ]

  /// The review of `organization`: its rows sorted by the holder's name, system, role and id.
  public static func make(_ view: LedgerView, organization: Record) throws(StoreError) -> Report {
    let id = organization.key.id.value
    let people = Dictionary(try view.records(of: .people).map { ($0.key.id.value, $0) }) { first, _ in first }
    let accounts = Dictionary(try view.records(of: .accounts).map { ($0.key.id.value, $0) }) { first, _ in first }
    let belongs = { (person: String?) in person.flatMap { people[$0]?.fields["organization"]?.stringValue } == id }
    var rows: [[JSONValue]] = []
    for right in try view.records(of: .rights) where right.fields["status"]?.stringValue == "active" {
      let account = right.fields["account"]?.stringValue.flatMap { accounts[$0] }
      let holder = account?.fields["person"]?.stringValue
      guard belongs(holder) || belongs(right.fields["validated_by"]?.stringValue) else { continue }
      let field = { (record: Record?, name: String) in record?.fields[name] ?? .null }
      rows.append([
        .string(right.key.id.value), .text(holder), field(holder.flatMap { people[$0] }, "name"), field(account, "login"),
        field(account, "system"), field(right, "role"), field(right, "status"), field(right, "temporary"),
        field(right, "end"), field(right, "validated_by"), field(right, "validated_on"), field(account, "last_seen"),
        .null, .null, .string(id),
      ])
    }
    rows.sort { order($0) < order($1) }
    let name = organization.fields["name"]?.stringValue ?? id
    return Report(
      title: tr("Access review for \(name) (\(organization.key))"),
      sections: [
        Report.Section(
          title: Phrase("Active rights held or validated by people of \(id)"), columns: columns.map { Phrase(verbatim: $0) },
          rows: rows)
      ])
  }

  /// Name (without case or accents: Léa before Lucas), system, role, right: the partner
  /// reads the rights person by person.
  private static func order(_ row: [JSONValue]) -> (String, String, String, String) {
    let name = (row[2].stringValue ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return (name, row[4].compactText, row[5].compactText, row[0].compactText)
  }
}
