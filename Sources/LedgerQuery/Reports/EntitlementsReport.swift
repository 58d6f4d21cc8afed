import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report entitlements [--system ID]`: the rights people's functions call for (ledger.json's
/// `entitlements`, see `EntitlementCheck`) against the rights they hold. Two sections:
///
/// - "Missing": a right a person's functions call for and they lack, with the functions that
///   call for it and their accounts on the system (`no account` when they have none);
/// - "Not justified by any function": an active right on a system some function calls for,
///   that none of its holder's functions calls for, with who granted it and when, its reason,
///   and the functions that would call for it. A role held through a group names the group
///   (`through group ID`) and gives its description as the reason.
///
/// Who granted: the right's `granted_by`; without one, the author of the commit that made the
/// right active (the commit `blame` names for its `status`), as the person whose
/// `git_identities` hold the author's email when there is one, else as `Name <email>`, followed
/// by the commit. When: the right's `start`, else its `validated_on`, else that commit's day
/// in the ledger's time zone.
public enum EntitlementsReport {
  /// The title of the section of missing rights.
  public static let missingTitle = Phrase("Missing")
  /// The title of the section of unjustified rights.
  public static let unjustifiedTitle = Phrase("Not justified by any function")
  /// The account cell of a person with no account on the system.
  public static let noAccount = Phrase("no account")

  /// The report of `view`, with the history of `store` for who granted and when (nil: no
  /// history, the cells stay empty when the record does not say).
  ///
  /// - Parameters:
  ///   - system: only rights on this system, when given.
  /// - Throws: `StoreError` when the ledger or its history cannot be read.
  public static func make(_ view: LedgerView, history: (any LedgerHistory)?, system: String? = nil) throws(StoreError) -> Report {
    let check = try EntitlementCheck(view)
    let (missing, unjustified) = try check.findings(in: view, system: system)
    let zone = try view.settings()?.timeZone ?? .gmt
    let authors = try identities(view)
    var rows: [[JSONValue]] = []
    for finding in unjustified {
      // A role held through a group: the group, its description as the reason.
      if finding.right.key.kind == .groups {
        rows.append([
          .string(finding.person), list(finding.functions), .string(finding.entitlement.system),
          .string(finding.entitlement.role), .string(tr("through group \(finding.right.key.id.value)")), .null, .null,
          .text(finding.right.fields["description"]?.stringValue), list(finding.calledForBy),
        ])
        continue
      }
      let granted = try grant(of: finding.right, view: view, history: history, zone: zone, authors: authors)
      rows.append([
        .string(finding.person), list(finding.functions), .string(finding.entitlement.system),
        .string(finding.entitlement.role), .string(finding.right.key.id.value), .text(granted.by), .text(granted.on),
        .text(finding.right.fields["reason"]?.stringValue), list(finding.calledForBy),
      ])
    }
    return Report(
      title: system.map { tr("Rights by function on \($0)") } ?? tr("Rights by function"),
      sections: [
        Report.Section(
          title: missingTitle,
          columns: [Phrase("person"), Phrase("called_for_by"), Phrase("system"), Phrase("role"), Phrase("account")],
          rows: missing.map { finding in
            [
              .string(finding.person), list(finding.calledForBy), .string(finding.entitlement.system),
              .string(finding.entitlement.role), .string(accounts(finding.accounts)),
            ]
          }),
        Report.Section(
          title: unjustifiedTitle,
          columns: [
            Phrase("person"), Phrase("functions"), Phrase("system"), Phrase("role"), Phrase("right"), Phrase("granted_by"),
            Phrase("granted_on"), Phrase("reason"), Phrase("called_for_by"),
          ],
          rows: rows),
      ], findings: missing.count + unjustified.count)
  }

  /// `a, b`, or null for none.
  private static func list(_ names: [String]) -> JSONValue {
    names.isEmpty ? .null : .string(names.joined(separator: ", "))
  }

  /// `2024-09-05-63ffj`, `2022-05-01-jdc2b (closed)`, or `no account`.
  private static func accounts(_ accounts: [EntitlementCheck.Account]) -> String {
    guard !accounts.isEmpty else { return noAccount.text }
    return accounts.map { account in
      account.status == nil || account.status == "active" ? account.id : "\(account.id) (\(account.status ?? ""))"
    }.joined(separator: ", ")
  }

  // MARK: - Who granted, and when

  /// Who granted `right` and on which day, from the record, else from the commit that made it
  /// active.
  private static func grant(
    of right: Record, view: LedgerView, history: (any LedgerHistory)?, zone: TimeZone, authors: [String: String]
  ) throws(StoreError) -> (by: String?, on: String?) {
    var by = right.fields["granted_by"]?.stringValue
    var on = right.fields["start"]?.stringValue ?? right.fields["validated_on"]?.stringValue
    guard by == nil || on == nil, let history, view.revision != nil else { return (by, on) }
    guard let entry = try history.blame(right.key, at: view.revision).first(where: { $0.field == "status" })?.entry else {
      return (by, on)
    }
    let author = authors[entry.authorEmail.lowercased()] ?? "\(entry.authorName) <\(entry.authorEmail)>"
    by = by ?? "\(author) (commit \(entry.commit.prefix(7)))"
    on = on ?? LedgerDate.day(of: entry.date, in: zone)
    return (by, on)
  }

  /// The people who list emails in `git_identities`, by email (lowercased).
  private static func identities(_ view: LedgerView) throws(StoreError) -> [String: String] {
    var result: [String: String] = [:]
    for person in try view.records(of: .people) {
      for email in (person.fields["git_identities"]?.arrayValue ?? []).compactMap(\.stringValue) {
        result[email.lowercased()] = result[email.lowercased()] ?? person.key.id.value
      }
    }
    return result
  }
}
