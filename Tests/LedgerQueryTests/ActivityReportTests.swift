import Foundation
import LedgerCore
import LedgerJSON
import LedgerQuery
import Testing

/// `report activity` on an in-memory history whose every commit is known: each count below
/// is explained by the commits that make it.
@Suite struct ActivityReportTests {
  static let claire = Author(name: "Claire Durand", email: "claire@example.org")

  static func day(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text + "T10:00:00Z") ?? .distantPast
  }

  static func json(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }

  static func account(_ status: String, _ extra: String = "") -> [UInt8] {
    json(#"{"login": "x", "person": "ana", "status": "\#(status)", "system": "gn"\#(extra)}"#)
  }

  static func ticket(_ type: String, opened: String, _ extra: String = "") -> [UInt8] {
    json(#"{"opened": "\#(opened)", "status": "open", "title": "T", "type": "\#(type)"\#(extra)}"#)
  }

  /// January to May 2026 on the first-parent line, and one side branch merged in May.
  static func history() -> MemoryHistory {
    let history = MemoryHistory()
    @discardableResult
    func commit(_ changes: [String: [UInt8]?], _ date: String) -> String {
      history.commit(changes, author: claire, at: day(date), message: "change")
    }
    commit(
      [
        "ledger.json": json(#"{"currency": "EUR", "name": "Test", "timezone": "Europe/Paris"}"#),
        "people/ana.json": json(#"{"name": "Ana"}"#),
        // Opened on its own day, recorded five days later: counts on 2026-01-05.
        "accounts/ana-gn.json": account("active", #", "opened": "2026-01-05""#),
        "rights/ana-editor.json": json(#"{"account": "ana-gn", "role": "editor", "status": "requested"}"#),
      ], "2026-01-10")
    // Granted in February (the commit's day), and a second account requested.
    commit(
      [
        "rights/ana-editor.json": json(#"{"account": "ana-gn", "role": "editor", "status": "active"}"#),
        "accounts/bo-gn.json": account("requested"),
      ], "2026-02-03")
    // Made active without an opened day: counts on the commit's day.
    commit(["accounts/bo-gn.json": account("active")], "2026-02-20")
    // An evolution opened on 25 February and a metadata request in March, recorded together;
    // a first training of two people.
    commit(
      [
        "tickets/t1.json": ticket("evolution", opened: "2026-02-25"),
        "tickets/t2.json": ticket("data-request", opened: "2026-03-01", #", "request_type": "metadata""#),
        "trainings/tr1.json": json(#"{"attendees": ["ana", "bo"], "date": "2026-03-01", "topic": "GeoNature"}"#),
      ], "2026-03-01")
    // The request closed on the 14th; a second training: bo again, and cy. Three people trained.
    commit(
      [
        "tickets/t2.json": json(
          #"{"closed": "2026-03-14", "opened": "2026-03-01", "request_type": "metadata", "status": "closed", "title": "T", "type": "data-request"}"#
        ),
        "trainings/tr2.json": json(#"{"attendees": ["bo", "cy"], "date": "2026-03-12", "topic": "Exports"}"#),
      ], "2026-03-15")
    // Revoked, and the first account closed on the 1st; the second suspended.
    commit(
      [
        "rights/ana-editor.json": json(#"{"account": "ana-gn", "role": "editor", "status": "revoked"}"#),
        "accounts/ana-gn.json": account("closed", #", "closed": "2026-04-01", "opened": "2026-01-05""#),
        "accounts/bo-gn.json": account("suspended"),
      ], "2026-04-02")
    // Back from suspension: no account opened.
    commit(["accounts/bo-gn.json": account("active")], "2026-04-10")
    // The evolution removed: it still counts, in February.
    let main = commit(["tickets/t1.json": nil], "2026-05-05")
    // An incident recorded on another clone, merged: counted once, from the merge.
    let side = history.commit(
      ["tickets/t3.json": ticket("incident", opened: "2026-05-06")], parents: [main], author: claire, at: day("2026-05-06"),
      message: "side")
    let tip = commit(["people/ana.json": json(#"{"name": "Ana B."}"#)], "2026-05-07")
    history.commit(
      ["tickets/t3.json": ticket("incident", opened: "2026-05-06")], parents: [tip, side], author: claire,
      at: day("2026-05-10"), message: "Merge")
    return history
  }

  static func rows(_ section: Report.Section) -> [[String]] {
    section.rows.map { row in row.map { $0.stringValue ?? $0.compactText } }
  }

  @Test func eachMonthCountsWhatItsCommitsDid() throws {
    let report = try ActivityReport.make(Self.history(), from: "2026-01-01", to: "2026-05-31", by: .month, timeZone: .gmt)
    let overview = try #require(report.sections.first)
    #expect(
      overview.keys == [
        "period", "accounts_opened", "accounts_closed", "rights_granted", "rights_revoked", "tickets_opened",
        "tickets_closed", "data_requests", "trainings", "people_trained",
      ])
    #expect(
      Self.rows(overview) == [
        ["2026-01", "1", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["2026-02", "1", "0", "1", "0", "1", "0", "0", "0", "0"],
        ["2026-03", "0", "0", "0", "0", "1", "1", "1", "2", "3"],
        ["2026-04", "0", "1", "0", "1", "0", "0", "0", "0", "0"],
        ["2026-05", "0", "0", "0", "0", "1", "0", "0", "0", "0"],
      ])
    #expect(
      Self.rows(report.sections[1]) == [
        ["2026-02", "evolution", "1", "0"], ["2026-03", "data-request", "1", "1"], ["2026-05", "incident", "1", "0"],
      ])
    #expect(Self.rows(report.sections[2]) == [["2026-03", "metadata", "1"]])
  }

  @Test func aYearAddsItsMonthsAndARangeCutsOnTheDay() throws {
    let year = try ActivityReport.make(Self.history(), from: "2026-01-01", to: "2026-12-31", by: .year, timeZone: .gmt)
    #expect(Self.rows(try #require(year.sections.first)) == [["2026", "2", "1", "1", "1", "3", "1", "1", "2", "3"]])
    // From the 14th of March: the request closed that day counts; the trainings of the 1st
    // and the 12th and the request opened on the 1st do not.
    let cut = try ActivityReport.make(Self.history(), from: "2026-03-14", to: "2026-03-31", by: .month, timeZone: .gmt)
    #expect(Self.rows(try #require(cut.sections.first)) == [["2026-03", "0", "0", "0", "0", "0", "1", "0", "0", "0"]])
  }

  @Test func theDefaultRangeIsTheLastTwelveWholeMonths() {
    #expect(ActivityReport.lastTwelveMonths(before: "2026-11-18") == ("2025-11-01", "2026-10-31"))
    #expect(ActivityReport.lastTwelveMonths(before: "2026-01-01") == ("2025-01-01", "2025-12-31"))
    #expect(ActivityReport.twelveMonths(through: "2026-12-06") == ("2026-01-01", "2026-12-06"))
  }
}
