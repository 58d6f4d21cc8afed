import Foundation
import LedgerCore
import LedgerJSON
import LedgerTestSupport
import Testing

/// `report activity` through the command line, on a ledger whose commits the test makes.
@Suite struct ActivityReportCommandTests {
  static func instant(_ day: String) -> Date {
    ISO8601DateFormatter().date(from: day + "T09:00:00Z") ?? .distantPast
  }

  /// February: an account and a right; March: a metadata request opened on the 4th and closed on
  /// the 19th, and a training of two people on the 12th.
  static func ledger() throws -> LedgerSandbox {
    var ledger = try LedgerSandbox()
    try ledger.seed()
    let steps: [(day: String, arguments: [String])] = [
      ("2026-02-10", ["add", "people", "ines", "--set", "name=Inès Roux", "--set", "organization=cen-paca"]),
      (
        "2026-02-10",
        [
          "add", "accounts", "hugo-gn", "--set", "person=hugo", "--set", "system=geonature", "--set", "login=hugo",
          "--set", "status=active",
        ]
      ),
      (
        "2026-02-11",
        ["add", "rights", "hugo-reader", "--set", "account=hugo-gn", "--set", "role=reader", "--set", "status=active"]
      ),
      (
        "2026-03-05",
        [
          "add", "tickets", "meta-atlas", "--set", "type=data-request", "--set", "request_type=metadata", "--set",
          "title=Metadata of the atlas", "--set", "status=open", "--set", "opened=2026-03-04",
        ]
      ),
      (
        "2026-03-12",
        [
          "add", "trainings", "gn-basics", "--set", "date=2026-03-12", "--set", "topic=GeoNature", "--set",
          #"attendees=["hugo", "ines"]"#,
        ]
      ),
      ("2026-03-20", ["set", "tickets/meta-atlas", "--set", "status=closed", "--set", "closed=2026-03-19"]),
    ]
    for step in steps {
      ledger.cli.now = instant(step.day)
      let result = ledger.cli.run(step.arguments)
      try #require(result.status == 0, "\(step.arguments): \(result)")
    }
    return ledger
  }

  @Test func theTableCountsTheMonthsFromTheCommits() throws {
    let ledger = try Self.ledger()
    let result = ledger.run("report", "activity", "--from", "2026-02-01", "--to", "2026-03-31")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Activity from 1 February 2026 to 31 March 2026\n\n## Activity by month\n"))
    let lines = result.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    // The account, opened without a day of its own, and the right: the days of their commits.
    #expect(lines.contains("2026-02 1 0 1 0 0 0 0 0 0"), "\(result.output)")
    #expect(lines.contains("2026-03 0 0 0 0 1 1 1 1 2"), "\(result.output)")
    #expect(lines.contains("2026-03 data-request 1 1"))
    #expect(lines.contains("2026-03 metadata 1"))
  }

  @Test func theCSVReadsBackAndTheJSONKeepsItsKeys() throws {
    let ledger = try Self.ledger()
    let csv = ledger.run("report", "activity", "--from", "2026-01-01", "--to", "2026-12-31", "--by", "year", "--format", "csv")
    #expect(csv.status == 0, "\(csv)")
    // One block per section, a blank line between: the first is the overview.
    let overview = try #require(csv.output.components(separatedBy: "\n\n").first)
    let table = try CSVTable.read(Array(overview.utf8))
    #expect(
      table.header == [
        "period", "accounts_opened", "accounts_closed", "rights_granted", "rights_revoked", "tickets_opened",
        "tickets_closed", "data_requests", "trainings", "people_trained",
      ])
    #expect(table.rows.map(\.cells) == [["2026", "1", "0", "1", "0", "1", "1", "1", "1", "2"]])
    let json = ledger.run("report", "activity", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")
    let sections = try JSONParser.parse(json.output).objectValue?["sections"]?.arrayValue
    let row = sections?.first?.objectValue?["rows"]?.arrayValue?.first?.objectValue
    #expect(row?["period"] == .string("2026-03"))
    #expect(row?["people_trained"] == .number(JSONNumber(2)))
  }

  @Test func frenchHeadingsAndTheDefaultRange() throws {
    let ledger = try Self.ledger()
    let french = ledger.run("report", "activity", "--from", "2026-03-01", "--to", "2026-03-31", "--lang", "fr")
    #expect(french.status == 0, "\(french)")
    #expect(french.output.contains("## Activité par mois\n"))
    #expect(french.output.contains("période"))
    #expect(french.output.contains("personnes formées"))
    #expect(french.output.contains("## Demandes sur les données ouvertes, par type\n"))
    // Without a range, the twelve whole months before the run's month (the runner's 20 March).
    let plain = ledger.run("report", "activity", "--format", "json")
    let title = try JSONParser.parse(plain.output).objectValue?["title"]
    #expect(title == .string("Activity from 1 March 2025 to 28 February 2026"))
  }

  @Test func badOptionsAreRefusedWithWhatToWrite() throws {
    let ledger = try Self.ledger()
    let period = ledger.run("report", "activity", "--by", "week")
    #expect(period.status == 2)
    #expect(period.error.contains("--by takes month or year, not 'week'"))
    let order = ledger.run("report", "activity", "--from", "2026-05-01", "--to", "2026-04-01")
    #expect(order.status == 2)
    #expect(order.error.contains("--from 2026-05-01 is after --to 2026-04-01"))
    let day = ledger.run("report", "activity", "--from", "06/12/2026")
    #expect(day.status == 2)
    #expect(day.error.contains("--from takes a day, not '06/12/2026'"))
  }
}
