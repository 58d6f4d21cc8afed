import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report access SYSTEM`: who holds which role on a system, through which account, until
/// when, validated by whom. Revoked and expired rights only with `all`. A role an active
/// account holds through a group of the system is a row too, its `right` cell saying which
/// group (`through group ID`), its dates and validation empty: the group gives it, no right.
public enum AccessReport {
  public static func make(_ view: LedgerView, system: String, all: Bool) throws(StoreError) -> Report {
    var rows: [[JSONValue]] = []
    let accounts = try view.records(of: .accounts).filter { $0.fields["system"]?.stringValue == system }
    let byID = Dictionary(uniqueKeysWithValues: accounts.map { ($0.key.id.value, $0) })
    for right in try view.records(of: .rights) {
      guard let accountID = right.fields["account"]?.stringValue, let account = byID[accountID] else { continue }
      let status = right.fields["status"]?.stringValue ?? ""
      if !all, ["revoked", "expired"].contains(status) { continue }
      let personID = account.fields["person"]?.stringValue
      let person = try personID.flatMap { (id) throws(StoreError) in try view.record(.people, id) }
      let validator = try right.fields["validated_by"]?.stringValue.flatMap { (id) throws(StoreError) in
        try view.record(.people, id)
      }
      rows.append([
        .text(personID), .text(person?.fields["name"]?.stringValue), .text(account.fields["login"]?.stringValue),
        .text(account.fields["status"]?.stringValue), .text(right.fields["role"]?.stringValue), .string(status),
        .text(right.fields["end"]?.stringValue),
        .text(validator?.fields["name"]?.stringValue ?? right.fields["validated_by"]?.stringValue),
        .text(right.fields["validated_on"]?.stringValue), .string(right.key.id.value),
      ])
    }
    rows += try inheritedRows(view, accounts: accounts)
    rows.sort { ($0[1].compactText, $0[4].compactText) < ($1[1].compactText, $1[4].compactText) }
    let title = try view.record(.systems, system)?.fields["name"]?.stringValue ?? system
    return Report(
      title: tr("Access to \(title)"),
      sections: [
        Report.Section(
          title: Phrase("Rights on \(system)"),
          columns: [
            Phrase("person"), Phrase("name"), Phrase("login"), Phrase("account_status"), Phrase("role"), Phrase("status"),
            Phrase("until"), Phrase("validated_by"), Phrase("validated_on"), Phrase("right"),
          ],
          rows: rows)
      ])
  }

  /// One row per role an account of the system holds through a group.
  private static func inheritedRows(_ view: LedgerView, accounts: [Record]) throws(StoreError) -> [[JSONValue]] {
    let groups = try GroupRoles(view)
    var rows: [[JSONValue]] = []
    for account in accounts {
      let inherited = groups.inherited(by: account)
      guard !inherited.isEmpty else { continue }
      let personID = account.fields["person"]?.stringValue
      let person = try personID.flatMap { (id) throws(StoreError) in try view.record(.people, id) }
      for grant in inherited {
        rows.append([
          .text(personID), .text(person?.fields["name"]?.stringValue), .text(account.fields["login"]?.stringValue),
          .text(account.fields["status"]?.stringValue), .string(grant.role), .string("active"), .null, .null, .null,
          .string(tr("through group \(grant.group)")),
        ])
      }
    }
    return rows
  }
}
