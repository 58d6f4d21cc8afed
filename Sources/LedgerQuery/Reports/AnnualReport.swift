import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report annual --year YEAR`: the year's figures (the "fiche bilan"): data requests by type
/// and status, trainings and people trained per organisation, payments per provider, tickets
/// opened and closed, rights granted, revoked and expired, the last computed from history.
public enum AnnualReport {
  /// The report of `year`, read at the end of that year, or at `end` (a commit) when the
  /// history read stops before (a report of the year in progress, or of a past revision).
  /// The report's title, known without reading the history.
  public static func title(year: Int) -> String { tr("Annual report \(year)") }

  public static func make(_ history: any LedgerHistory, year: Int, end: String? = nil) throws(StoreError) -> Report {
    let prefix = String(format: "%04d-", year)
    let endOfYear = end ?? prefix + "12-31"
    let view = try LedgerView(history.snapshot(endOfYear))
    let inYear = { (value: JSONValue?) in value?.stringValue?.hasPrefix(prefix) == true }
    let tickets = try view.records(of: .tickets)
    var report = Report(
      title: title(year: year),
      sections: [
        dataRequests(tickets.filter { $0.fields["type"] == "data-request" && inYear($0.fields["opened"]) }),
        try trainings(view, inYear),
        try trainedPeople(view, inYear),
        try payments(view, inYear),
        try monthlyPayments(view, inYear),
        ticketCounts(tickets, inYear),
        try rightEvents(history, view, endOfYear: endOfYear, prefix: prefix),
      ])
    report.currency = try view.settings()?.currency
    return report
  }

  private static func dataRequests(_ requests: [Record]) -> Report.Section {
    var counts: [[String]: Int] = [:]
    for request in requests {
      let key = [
        request.fields["request_type"]?.stringValue ?? tr("(none)"), request.fields["status"]?.stringValue ?? tr("(none)"),
      ]
      counts[key, default: 0] += 1
    }
    return Report.Section(
      title: Phrase("Data requests opened, by type and status"), columns: [Phrase("type"), Phrase("status"), Phrase("count")],
      rows: counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
        [.string($0.key[0]), .string($0.key[1]), .count($0.value)]
      })
  }

  private static func trainings(_ view: LedgerView, _ inYear: (JSONValue?) -> Bool) throws(StoreError) -> Report.Section {
    let sessions = try view.records(of: .trainings).filter { inYear($0.fields["date"]) }
    return Report.Section(
      title: Phrase("Training sessions"),
      columns: [Phrase("date"), Phrase("topic"), Phrase("organization"), Phrase("attendees"), Phrase("hours")],
      rows: sessions.sorted { $0.fields["date"]?.compactText ?? "" < $1.fields["date"]?.compactText ?? "" }.map { session in
        [
          session.fields["date"] ?? .null, session.fields["topic"] ?? .null, session.fields["organization"] ?? .null,
          .count(session.fields["attendees"]?.arrayValue?.count ?? 0), session.fields["duration_hours"] ?? .null,
        ]
      })
  }

  /// People trained during the year, counted once each, by the organisation they belong to.
  private static func trainedPeople(_ view: LedgerView, _ inYear: (JSONValue?) -> Bool) throws(StoreError) -> Report.Section {
    var people: [String: Set<String>] = [:]
    var sessions: [String: Set<String>] = [:]
    for session in try view.records(of: .trainings) where inYear(session.fields["date"]) {
      for case .string(let id) in session.fields["attendees"]?.arrayValue ?? [] {
        let organization = try view.record(.people, id)?.fields["organization"]?.stringValue ?? tr("(none)")
        people[organization, default: []].insert(id)
        sessions[organization, default: []].insert(session.key.id.value)
      }
    }
    return Report.Section(
      title: Phrase("People trained, by organisation"), columns: [Phrase("organization"), Phrase("people"), Phrase("sessions")],
      rows: people.keys.sorted().map { [.string($0), .count(people[$0]?.count ?? 0), .count(sessions[$0]?.count ?? 0)] })
  }

  private static func payments(_ view: LedgerView, _ inYear: (JSONValue?) -> Bool) throws(StoreError) -> Report.Section {
    var totals: [String: (DecimalAmount, Int)] = [:]
    for payment in try view.records(of: .payments) where payment.fields["status"] == "paid" && inYear(payment.fields["paid_on"]) {
      let provider = payment.fields["provider"]?.stringValue ?? tr("(none)")
      let amount = payment.fields["amount"]?.stringValue.flatMap(DecimalAmount.init) ?? DecimalAmount()
      let current = totals[provider] ?? (DecimalAmount(), 0)
      totals[provider] = (current.0 + amount, current.1 + 1)
    }
    let total = totals.values.reduce(DecimalAmount()) { $0 + $1.0 }
    var rows = totals.keys.sorted().map { provider -> [JSONValue] in
      [.string(provider), .count(totals[provider]?.1 ?? 0), .string((totals[provider]?.0 ?? DecimalAmount()).description)]
    }
    rows.append([.string(tr("total")), .count(totals.values.reduce(0) { $0 + $1.1 }), .string(total.description)])
    return Report.Section(
      title: Phrase("Payments made, by provider"), columns: [Phrase("provider"), Phrase("payments"), Phrase("amount")], rows: rows
    )
  }

  /// Paid amounts per month of the year and provider: what the treasurer charts.
  private static func monthlyPayments(_ view: LedgerView, _ inYear: (JSONValue?) -> Bool) throws(StoreError) -> Report.Section {
    var totals: [[String]: DecimalAmount] = [:]
    for payment in try view.records(of: .payments) where payment.fields["status"] == "paid" && inYear(payment.fields["paid_on"]) {
      guard let day = payment.fields["paid_on"]?.stringValue else { continue }
      let key = [String(day.prefix(7)), payment.fields["provider"]?.stringValue ?? tr("(none)")]
      totals[key, default: DecimalAmount()] =
        totals[key, default: DecimalAmount()]
        + (payment.fields["amount"]?.stringValue.flatMap(DecimalAmount.init) ?? DecimalAmount())
    }
    return Report.Section(
      title: Phrase("Payments made, by month and provider"), columns: [Phrase("month"), Phrase("provider"), Phrase("amount")],
      rows: totals.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
        [.string($0.key[0]), .string($0.key[1]), .string($0.value.description)]
      })
  }

  private static func ticketCounts(_ tickets: [Record], _ inYear: (JSONValue?) -> Bool) -> Report.Section {
    let types = Set(tickets.compactMap { $0.fields["type"]?.stringValue }).sorted()
    return Report.Section(
      title: Phrase("Tickets opened and closed, by type"), columns: [Phrase("type"), Phrase("opened"), Phrase("closed")],
      rows: types.map { type in
        let ofType = tickets.filter { $0.fields["type"]?.stringValue == type }
        return [
          .string(type), .count(ofType.filter { inYear($0.fields["opened"]) }.count),
          .count(ofType.filter { inYear($0.fields["closed"]) }.count),
        ]
      })
  }

  /// The day a right added already active was granted, by its own record: its start, its
  /// validation, or the day in its generated id.
  private static func ownDate(of right: Record) -> String? {
    if let start = right.fields["start"]?.stringValue { return start }
    if let validated = right.fields["validated_on"]?.stringValue { return validated }
    let day = String(right.key.id.value.prefix(10))
    return LedgerDate.isDay(day) ? day : nil
  }

  /// Rights that became active, revoked or expired during the year, read from the history.
  /// A right added already active counts on its own date (see `ownDate`); every other change
  /// counts on the day of its commit; a right added already revoked or expired counts not.
  private static func rightEvents(
    _ history: any LedgerHistory, _ view: LedgerView, endOfYear: String, prefix: String
  ) throws(StoreError) -> Report.Section {
    var events: [String: [String: Set<String>]] = [:]  // event -> system -> rights
    let entries = try history.firstParentHistory(from: endOfYear, since: nil)
    let timeZone = (try view.settings())?.timeZone ?? .gmt
    for entry in entries {
      let day = LedgerDate.day(of: entry.date, in: timeZone)
      for change in try history.changes(of: .rights, from: entry.parents.first, to: entry.commit) {
        guard let new = change.new, let status = new.fields["status"]?.stringValue,
          status != change.old?.fields["status"]?.stringValue
        else { continue }
        let event: String
        switch status {
        case "active": event = "granted"
        case "revoked": event = "revoked"
        case "expired": event = "expired"
        default: continue
        }
        // A right that arrives already revoked or expired shows no change the history saw.
        if change.old == nil, event != "granted" { continue }
        let ownDate = change.old == nil ? ownDate(of: new) : nil
        guard (ownDate ?? day).hasPrefix(prefix) else { continue }
        let account = try new.fields["account"]?.stringValue.flatMap { (id) throws(StoreError) in try view.record(.accounts, id) }
        let system = account?.fields["system"]?.stringValue ?? tr("(unknown)")
        events[event, default: [:]][system, default: []].insert(new.key.id.value)
      }
    }
    var rows: [[JSONValue]] = []
    for (event, shown) in [("granted", tr("granted")), ("revoked", tr("revoked")), ("expired", tr("expired"))] {
      for (system, rights) in (events[event] ?? [:]).sorted(by: { $0.key < $1.key }) {
        rows.append([.string(shown), .string(system), .count(rights.count)])
      }
    }
    return Report.Section(
      title: Phrase("Rights granted, revoked and expired (from history)"),
      columns: [Phrase("event"), Phrase("system"), Phrase("rights")], rows: rows)
  }
}
