import Foundation
import LedgerTestSupport
import Testing

/// The deadlines `report expiring` computes from the data (contract notice days, unpaid
/// payments' due days, duties' next due days), `done` that moves a duty's, and the built-in
/// consistency check on temporary rights left active past their end.
@Suite struct DeadlinesTests {
  /// The association's sample on 6 December 2026, 10:00 in Paris.
  static func association() throws -> LedgerSandbox {
    var ledger = try ValidationCommandTests.sample("association")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-12-06T09:00:00Z"))
    return ledger
  }

  /// `report expiring --format json` rows as `record field -> date`.
  static func deadlines(_ ledger: LedgerSandbox, within: String = "400d") throws -> [String: String] {
    let result = ledger.run("report", "expiring", "--within", within, "--format", "json")
    try #require(result.status == 0, "\(result)")
    let report = try JSONDecoder().decode(ExpiringJSON.self, from: Data(result.output.utf8))
    var found: [String: String] = [:]
    for row in report.sections.flatMap(\.rows) { found["\(row.record) \(row.field)"] = row.date }
    return found
  }

  @Test func contractNoticePaymentDueAndDutyNextDueAreListed() throws {
    let ledger = try Self.association()
    let found = try Self.deadlines(ledger)
    // The maintenance contract renews on 2027-04-01 with 90 days' notice.
    #expect(found["contracts/2024-04-01-jfhha notice_days"] == "2027-01-01")
    #expect(found["contracts/2024-04-01-jfhha renewal"] == "2027-04-01")
    // Unpaid payments by their due day; paid ones are not listed.
    #expect(found["payments/2026-11-18-py6m4 due"] == "2026-12-18")
    #expect(found["payments/2026-11-26-gpzmz due"] == "2026-12-26")
    #expect(found["payments/2026-08-10-lmclr due"] == nil)
    // Monthly, last done 2026-11-06; weekly, last done 2026-11-30; on request: never due.
    #expect(found["duties/consistency last_done"] == "2026-12-06")
    #expect(found["duties/site last_done"] == "2026-12-07")
    #expect(found["duties/back-office last_done"] == nil)

    let text = ledger.run("report", "expiring", "--within", "60d")
    #expect(text.output.contains("contracts/2024-04-01-jfhha  contract notice"), "\(text.output)")
    #expect(text.output.contains("CF2D-F-2026-112 (cf2d, €780.00)"))
    let duty = try #require(text.output.split(separator: "\n").first { $0.contains("duties/consistency") })
    #expect(
      duty.split(separator: " ", omittingEmptySubsequences: true).prefix(7) == [
        "2026-12-06", "0", "today", "duties/consistency", "duty", "last_done", "Consistency",
      ])
  }

  @Test func doneRecordsTheDutyAndMovesItsNextDueDay() throws {
    let ledger = try Self.association()
    let done = ledger.run("done", "consistency", "--by", "jrobert", "--note", "Brevo lists matched")
    try #require(done.status == 0, "\(done)")
    #expect(done.output.hasPrefix("Done: duties/consistency on 6 December 2026 (commit "), "\(done.output)")
    #expect(done.output.hasSuffix(")\nNext due: 6 January 2027\n"))
    let message = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(
      message.hasPrefix(
        "Done duties/consistency on 2026-12-06: Consistency between the site, the back office and the mailing lists"))
    #expect(message.contains("Ledger-Record: duties/consistency"))

    let record = ledger.run("show", "duties/consistency", "--format", "json")
    let duty = try JSONDecoder().decode(DutyJSON.self, from: Data(record.output.utf8))
    #expect(duty.last_done == "2026-12-06")
    #expect(duty.done.last == DutyJSON.Entry(on: "2026-12-06", by: "jrobert", note: "Brevo lists matched"))
    #expect(duty.done.count == 3)
    #expect(try Self.deadlines(ledger)["duties/consistency last_done"] == "2027-01-06")

    let table = ledger.run("report", "duties", "--format", "csv")
    #expect(
      table.output.hasPrefix("theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty\n")
    )
    #expect(table.output.contains(",monthly,2026-12-06,2027-01-06,consistency\n"), "\(table.output)")
  }

  @Test func aDayCaughtUpKeepsTheLatestLastDone() throws {
    let ledger = try Self.association()
    let done = ledger.run("done", "consistency", "--on", "2026-09-04")
    try #require(done.status == 0, "\(done)")
    let duty = try JSONDecoder().decode(
      DutyJSON.self, from: Data(ledger.run("show", "duties/consistency", "--format", "json").output.utf8))
    #expect(duty.last_done == "2026-11-06")
    #expect(duty.done.first == DutyJSON.Entry(on: "2026-09-04", by: nil, note: nil))
  }

  /// A refused `done`: its arguments, the words of the error.
  struct Refusal: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let error: String
    var testDescription: String { arguments.joined(separator: " ") }

    static let all = [
      Refusal(arguments: ["consistenc"], error: "error: no duty 'consistenc'\nhint: did you mean 'consistency'?"),
      Refusal(arguments: ["payments"], error: "error: no duty 'payments'\nhint: 'adminledger report duties' lists"),
      Refusal(
        arguments: ["consistency", "--on", "2026-12-07"],
        error: "error: --on 7 December 2026 is in the future: a duty is recorded once it is done"),
      Refusal(
        arguments: ["consistency", "--on", "06/12/2026"],
        error: "error: --on takes a day, not '06/12/2026'\nhint: write the day as YYYY-MM-DD, such as 2026-12-06"),
      Refusal(arguments: ["consistency", "--note", " "], error: "error: --note is empty"),
    ]
  }

  @Test(arguments: Refusal.all)
  func doneRefusesWithAClearErrorAndChangesNothing(_ refusal: Refusal) throws {
    let ledger = try Self.association()
    let before = try ledger.head()
    let result = ledger.cli.run(["done"] + refusal.arguments)
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains(refusal.error), "\(result.error)")
    #expect(try ledger.head() == before)
  }

  @Test func doneNamingAnUnknownPersonIsRefusedByValidation() throws {
    let ledger = try Self.association()
    let before = try ledger.head()
    let result = ledger.run("done", "site", "--by", "nobody")
    #expect(result.status == 1, "\(result)")
    #expect(result.error.contains("names people/nobody, which does not exist"), "\(result.error)")
    #expect(try ledger.head() == before)
  }

  @Test func aFrenchLedgerReadsTheDayFirst() throws {
    let ledger = try Self.association()
    let settings = try String(contentsOf: ledger.directory.path("ledger.json"), encoding: .utf8)
    try ledger.directory.write("ledger.json", settings.replacingOccurrences(of: #""language": "en""#, with: #""language": "fr""#))
    try #require(ledger.run("commit", "-m", "French").status == 0)
    let done = ledger.run("done", "site", "--on", "03/12/2026")
    try #require(done.status == 0, "\(done)")
    #expect(try Self.deadlines(ledger)["duties/site last_done"] == "2026-12-10")
  }

  // MARK: - Temporary rights past their end

  @Test func anActiveTemporaryRightPastItsEndIsAConsistencyFindingUntilClosed() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let before = ledger.run("report", "consistency")
    #expect(before.status == 1)
    #expect(
      before.output.contains(
        "Temporary rights past their end are closed  rights/2026-08-01-ep9rw  ended on 10 November 2026 (17 days ago) and is still active"
      ), "\(before.output)")
    try #require(ledger.run("set", "rights/2026-08-01-ep9rw", "--set", "status=expired").status == 0)
    let after = ledger.run("report", "consistency")
    #expect(!after.output.contains("rights/2026-08-01-ep9rw"), "\(after.output)")
    #expect(after.output.contains("Temporary rights past their end are closed"))
  }
}

/// A row of `report expiring --format json`.
struct ExpiringJSON: Decodable {
  struct Row: Decodable { let date, state, record, what, field, about: String }
  struct Section: Decodable { let rows: [Row] }
  let sections: [Section]
}

/// The fields of a duty that `done` writes.
private struct DutyJSON: Decodable {
  struct Entry: Decodable, Equatable {
    let on: String
    let by: String?
    let note: String?
  }
  // swift-format-ignore: AlwaysUseLowerCamelCase — the record's field name
  let last_done: String
  let done: [Entry]
}
