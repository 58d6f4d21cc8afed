import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report expiring`: every date the schemas mark `x-expiry` (temporary rights' ends, contract
/// renewals, paid-until dates of memberships, temporary ledger roles, systems' TLS certificates
/// and domain renewals), on records still in force, up to `within` days from today, soonest
/// first; past ones are overdue. With a `review_interval` in ledger.json, each active right's
/// last validation runs out too: its `validated_on` plus the interval is an "access review" item
/// (field `validated_on`). A system's backup is checked every `backup.check_interval`: its
/// `backup.last_checked` plus the interval is a "backup check" item (field `backup.last_checked`).
public enum ExpiringReport {
  /// Statuses of records that no longer need renewing.
  static let finished: Set<String> = ["revoked", "expired", "closed", "ended", "cancelled", "resigned", "rejected", "lapsed"]

  public static func make(_ view: LedgerView, today: String, within days: Int) throws(StoreError) -> Report {
    guard let horizon = LedgerDate.adding(days: days, to: today) else {
      return Report(title: tr("Expiring"), sections: [])
    }
    var items: [(date: String, row: [JSONValue])] = []
    func add(_ date: String, _ record: Record, _ label: String, _ field: String) throws(StoreError) {
      let left = LedgerDate.days(from: today, to: date) ?? 0
      let state = left < 0 ? tr("overdue") : (left == 0 ? tr("today") : tr("due"))
      items.append(
        (
          date,
          [
            .string(date), .count(left), .string(state), .string(record.key.description),
            .string(label), .string(field), .string(try about(record, view)),
          ]
        ))
    }
    for kind in RecordKind.allCases {
      for (steps, schemaLabel) in view.expiryFields(of: kind) {
        let label = schemaLabels[schemaLabel]?.text ?? schemaLabel
        for record in try view.records(of: kind) where !isFinished(record) {
          for (pointer, value) in view.values(at: steps, in: record) {
            guard case .string(let date) = value, LedgerDate.isDay(date), date <= horizon else { continue }
            try add(date, record, label, String(pointer.description.dropFirst()))
          }
        }
      }
    }
    if let interval = try view.settings()?.reviewInterval {
      for right in try view.records(of: .rights) where right.fields["status"]?.stringValue == "active" {
        guard let validated = right.fields["validated_on"]?.stringValue, let date = interval.end(from: validated),
          date <= horizon
        else { continue }
        try add(date, right, tr("access review"), "validated_on")
      }
    }
    for (date, system) in try backupChecks(view) where date <= horizon {
      try add(date, system, tr("backup check"), "backup.last_checked")
    }
    for deadline in try computedDeadlines(view) where deadline.date <= horizon {
      try add(deadline.date, deadline.record, deadline.label, deadline.field)
    }
    // Day, then record, then field: a right can be due twice on one day (its end, its review).
    items.sort {
      ($0.date, $0.row[3].compactText, $0.row[5].compactText) < ($1.date, $1.row[3].compactText, $1.row[5].compactText)
    }
    let section = Report.Section(
      title: Phrase("Expiring by \(LocalFormat.day(horizon)) (today is \(LocalFormat.day(today)))"),
      columns: [
        Phrase("date"), Phrase("days"), Phrase("state"), Phrase("record"), Phrase("what"), Phrase("field"), Phrase("about"),
      ], rows: items.map(\.row))
    return Report(title: tr("Expiring"), sections: [section])
  }

  /// The `x-expiry` labels of the built-in schemas, worded in the report's language; a label a
  /// ledger's own schema gives is shown as written there.
  static let schemaLabels: [String: Phrase] = [
    "TLS certificate": Phrase("TLS certificate"), "contract renewal": Phrase("contract renewal"),
    "domain renewal": Phrase("domain renewal"), "ledger role": Phrase("ledger role"), "membership": Phrase("membership"),
    "signing key": Phrase("signing key"), "temporary right": Phrase("temporary right"),
  ]

  /// Each system's next backup check: the day its last check plus its interval runs out. The
  /// due day is computed, not stored, so recording a check (`last_checked`) moves it.
  private static func backupChecks(_ view: LedgerView) throws(StoreError) -> [(String, Record)] {
    try view.records(of: .systems).compactMap { system in
      guard case .object(let backup)? = system.fields["backup"], let last = backup["last_checked"]?.stringValue,
        let interval = backup["check_interval"]?.stringValue.flatMap(ReviewInterval.init), let due = interval.end(from: last)
      else { return nil }
      return (due, system)
    }
  }

  static func isFinished(_ record: Record) -> Bool {
    if let status = record.fields["status"]?.stringValue, finished.contains(status) { return true }
    if let status = record.fields["member_status"]?.stringValue, status != "active" { return true }
    return false
  }

  /// Who or what the record concerns: a right's person and system, a contract's provider, a
  /// payment's invoice, provider and amount, a duty's mission.
  static func about(_ record: Record, _ view: LedgerView) throws(StoreError) -> String {
    let text = { (key: String) in record.fields[key]?.stringValue }
    switch record.key.kind {
    case .rights:
      let account = try text("account").flatMap { (id) throws(StoreError) in try view.record(.accounts, id) }
      let person = try account?.fields["person"]?.stringValue.flatMap { (id) throws(StoreError) in try view.record(.people, id) }
      let name = person?.fields["name"]?.stringValue ?? account?.fields["person"]?.stringValue ?? "?"
      return tr("\(text("role") ?? "?") on \(account?.fields["system"]?.stringValue ?? "?") for \(name)")
    case .contracts:
      return "\(text("title") ?? "") (\(text("provider") ?? "?"))"
    case .payments:
      let currency = try view.settings()?.currency ?? "EUR"
      let amount = text("amount").map { LocalFormat.amount($0, currency: currency) } ?? "?"
      return "\(text("invoice_ref") ?? "") (\(text("provider") ?? "?"), \(amount))"
    case .duties:
      return text("mission") ?? ""
    default:
      return text("name") ?? text("title") ?? ""
    }
  }
}
