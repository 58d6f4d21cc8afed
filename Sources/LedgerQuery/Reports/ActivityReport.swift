import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report activity --from DAY --to DAY [--by month|year]`: the platform's activity indicators
/// per period, computed from the history, so records since removed still count and each change
/// counts once, in the period it happened.
///
/// One walk of the first-parent line, reading each commit's changes to four kinds (accounts,
/// rights, tickets, trainings), never a whole snapshot: the cost follows the changes. A merge
/// counts what it brought in, once. What counts, and on which day:
/// - an account opened: its status became `active` (from none, `requested` or `closed`; not a
///   return from `suspended`); closed: its status became `closed`;
/// - a right granted: its status became `active`; revoked: it became `revoked` (as the annual
///   report counts them, so both reports agree);
/// - a ticket opened: each ticket the history ever held, on its `opened` day, by its type (its
///   newest version); closed: its status became `closed`; data requests: the tickets of type
///   `data-request`, by `request_type`, on their `opened` day;
/// - a training held: each training the history ever held, on its `date`; people trained: the
///   attendees of the period's trainings, each counted once.
/// A change dated by the record itself (an account's `opened` or `closed`, a ticket's
/// `closed`, written by the same change) counts on that day, as it may be recorded after the
/// fact; any other change on the day of its commit, in the ledger's time zone.
public enum ActivityReport {
  /// The length of a period: a row per month or per year.
  public enum Period: String, Sendable, CaseIterable {
    case month, year
  }

  /// The columns of the overview after the period: their English names are the measures
  /// counted and the keys of its JSON rows.
  static let measures = [
    Phrase("accounts_opened"), Phrase("accounts_closed"), Phrase("rights_granted"), Phrase("rights_revoked"),
    Phrase("tickets_opened"), Phrase("tickets_closed"), Phrase("data_requests"), Phrase("trainings"),
    Phrase("people_trained"),
  ]

  /// The report of the days `from` to `to` (both included), read from the history at `tip`
  /// (HEAD when nil).
  public static func make(
    _ history: any LedgerHistory, from: String, to: String, by period: Period, timeZone: TimeZone, tip: String? = nil
  ) throws(StoreError) -> Report {
    var tally = Tally(from: from, to: to, period: period)
    var newest: [RecordKey: Record] = [:]
    let reader = ChangeReader(history)
    for entry in try history.firstParentHistory(from: tip, since: nil) {
      let day = LedgerDate.day(of: entry.date, in: timeZone)
      for change in try reader.changes(entry) {
        // Newest first: the first version seen of a record is its last one.
        if newest[change.key] == nil, let last = change.new ?? change.old { newest[change.key] = last }
        tally.count(old: change.old, new: change.new, day: day)
      }
    }
    for record in newest.values { tally.count(record) }
    let periods = Self.periods(from: from, to: to, by: period)
    let title =
      period == .month
      ? Phrase("Activity by month") : Phrase("Activity by year")
    return Report(
      title: tr("Activity from \(LocalFormat.day(from)) to \(LocalFormat.day(to))"),
      sections: [
        Report.Section(
          title: title, columns: [Phrase("period")] + measures,
          rows: periods.map { period in
            let counts: [JSONValue] = measures.map { .count(tally.total($0.template, period)) }
            return [.string(period)] + counts
          }),
        Report.Section(
          title: Phrase("Tickets opened and closed, by type"),
          columns: [Phrase("period"), Phrase("type"), Phrase("opened"), Phrase("closed")],
          rows: tally.detail(["tickets_opened", "tickets_closed"], periods)),
        Report.Section(
          title: Phrase("Data requests opened, by type"), columns: [Phrase("period"), Phrase("type"), Phrase("count")],
          rows: tally.detail(["data_requests"], periods)),
      ])
  }

  /// The default range: the last twelve whole months before the month of `today`.
  public static func lastTwelveMonths(before today: String) -> (from: String, to: String) {
    let firstOfMonth = String(today.prefix(7)) + "-01"
    return twelveMonths(through: LedgerDate.adding(days: -1, to: firstOfMonth) ?? today)
  }

  /// The twelve months that end with the month of `day`: from the first of the first, to `day`.
  public static func twelveMonths(through day: String) -> (from: String, to: String) {
    var year = Int(day.prefix(4)) ?? 1970
    var month = (Int(day.dropFirst(5).prefix(2)) ?? 1) - 11
    if month < 1 { (year, month) = (year - 1, month + 12) }
    return (String(format: "%04d-%02d-01", year, month), day)
  }

  /// Every period from the one holding `from` to the one holding `to`: `2026-01`, or `2026`.
  static func periods(from: String, to: String, by period: Period) -> [String] {
    guard var year = Int(from.prefix(4)), var month = Int(from.dropFirst(5).prefix(2)),
      let lastYear = Int(to.prefix(4)), let lastMonth = Int(to.dropFirst(5).prefix(2))
    else { return [] }
    guard period == .month else { return year <= lastYear ? (year...lastYear).map { String(format: "%04d", $0) } : [] }
    var result: [String] = []
    while (year, month) <= (lastYear, lastMonth) {
      result.append(String(format: "%04d-%02d", year, month))
      (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
    }
    return result
  }
}

/// The records counted, by measure, period and (for the detailed sections) type: sets of ids, so
/// a record counts once per measure and period however many commits touched it.
private struct Tally {
  let from: String
  let to: String
  let period: ActivityReport.Period
  /// [measure, period, type] -> the ids counted ("" as type in the overview's own measures).
  private var counted: [[String]: Set<String>] = [:]

  init(from: String, to: String, period: ActivityReport.Period) {
    self.from = from
    self.to = to
    self.period = period
  }

  /// Counts a change of status seen in one commit (`day`: the commit's day).
  mutating func count(old: Record?, new: Record?, day: String) {
    guard let new, let status = new.fields["status"]?.stringValue else { return }
    let change = (old: old, new: Optional(new))
    let before = old?.fields["status"]?.stringValue
    guard status != before else { return }
    let id = new.key.id.value
    switch (new.key.kind, status) {
    case (.accounts, "active") where before != "suspended":
      add("accounts_opened", ownDay(change, "opened") ?? day, id)
    case (.accounts, "closed") where change.old != nil:
      add("accounts_closed", ownDay(change, "closed") ?? day, id)
    case (.rights, "active"):
      add("rights_granted", change.old == nil ? (Self.grantDay(of: new) ?? day) : day, id)
    case (.rights, "revoked") where change.old != nil:
      add("rights_revoked", day, id)
    case (.tickets, "closed"):
      let type = new.fields["type"]?.stringValue ?? tr("(none)")
      add("tickets_closed", ownDay(change, "closed") ?? day, id)
      add("tickets_closed", ownDay(change, "closed") ?? day, id, type: type)
    default:
      break
    }
  }

  /// Counts what a record's newest version says about itself: a ticket opened, a data
  /// request, a training held and its attendees.
  mutating func count(_ record: Record) {
    let id = record.key.id.value
    switch record.key.kind {
    case .tickets:
      guard let opened = record.fields["opened"]?.stringValue else { return }
      let type = record.fields["type"]?.stringValue ?? tr("(none)")
      add("tickets_opened", opened, id)
      add("tickets_opened", opened, id, type: type)
      if type == "data-request" {
        add("data_requests", opened, id)
        add("data_requests", opened, id, type: record.fields["request_type"]?.stringValue ?? tr("(none)"))
      }
    case .trainings:
      guard let date = record.fields["date"]?.stringValue else { return }
      add("trainings", date, id)
      for case .string(let person) in record.fields["attendees"]?.arrayValue ?? [] { add("people_trained", date, person) }
    default:
      break
    }
  }

  /// How many records `measure` counted in `period`.
  func total(_ measure: String, _ period: String) -> Int { counted[[measure, period, ""]]?.count ?? 0 }

  /// One row per period and type with a count: the period, the type, then each measure's count.
  func detail(_ measures: [String], _ periods: [String]) -> [[JSONValue]] {
    periods.flatMap { period in
      let types = Set(counted.keys.filter { $0[1] == period && $0[2] != "" && measures.contains($0[0]) }.map { $0[2] })
      return types.sorted().map { type in
        let counts: [JSONValue] = measures.map { .count(counted[[$0, period, type]]?.count ?? 0) }
        return [.string(period), .string(type)] + counts
      }
    }
  }

  private mutating func add(_ measure: String, _ day: String, _ id: String, type: String = "") {
    guard LedgerDate.isDay(day), day >= from, day <= to else { return }
    let period = String(day.prefix(period == .month ? 7 : 4))
    counted[[measure, period, type], default: []].insert(id)
  }

  /// The record's own day for the event, when the same change wrote it.
  private func ownDay(_ change: (old: Record?, new: Record?), _ field: String) -> String? {
    guard let value = change.new?.fields[field]?.stringValue, value != change.old?.fields[field]?.stringValue else {
      return nil
    }
    return value
  }

  /// The day a right added already active was granted, by its own record (the annual report's
  /// rule): its start, its validation, or the day in its generated id.
  private static func grantDay(of right: Record) -> String? {
    if let start = right.fields["start"]?.stringValue { return start }
    if let validated = right.fields["validated_on"]?.stringValue { return validated }
    let day = String(right.key.id.value.prefix(10))
    return LedgerDate.isDay(day) ? day : nil
  }
}

/// Each commit's changes to the kinds the report counts, against its first parent, from what
/// the history knows the commit changed. Walking newest first, the old version of a record in
/// one commit is the new version of the next change met: each version is decoded once.
private final class ChangeReader {
  static let kinds: [RecordKind] = [.accounts, .rights, .tickets, .trainings]
  let history: any LedgerHistory
  /// Each record's old version last decoded, kept until met as the new version of an older
  /// commit (by record, not by content alone: two records may hold the same bytes).
  private var decoded: [RecordKey: (content: ContentID, record: Record)] = [:]

  init(_ history: any LedgerHistory) { self.history = history }

  func changes(_ entry: HistoryEntry) throws(StoreError) -> [(key: RecordKey, old: Record?, new: Record?)] {
    var result: [(key: RecordKey, old: Record?, new: Record?)] = []
    for kind in Self.kinds {
      let known = try history.changes(entry.commit, in: kind.folder)
      guard let parent = entry.parents.first, let position = known.parents.firstIndex(of: parent) else {
        // The first commit, or a history that does not say: read both sides.
        result += try history.changes(of: kind, from: entry.parents.first, to: entry.commit).map { ($0.key, $0.old, $0.new) }
        continue
      }
      for difference in known.differences[position] where difference.isInsideLedger {
        guard let key = RecordKey(path: difference.path), key.kind == kind else { continue }
        let new = try difference.new.flatMap { (content) throws(StoreError) in try record(content, key, keep: false) }
        let old = try difference.old.flatMap { (content) throws(StoreError) in try record(content, key, keep: true) }
        result.append((key, old, new))
      }
    }
    return result
  }

  /// The record a version holds (nil when it does not read as one, as `changes(of:)` has it).
  private func record(_ content: ContentID, _ key: RecordKey, keep: Bool) throws(StoreError) -> Record? {
    if let known = decoded[key], known.content == content {
      if !keep { decoded[key] = nil }
      return known.record
    }
    guard let record = try? RecordDecoder.decode(try history.bytes(content), key: key, file: key.path) else { return nil }
    if keep { decoded[key] = (content, record) }
    return record
  }
}
