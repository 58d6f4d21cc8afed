import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// `report expiring --format ics`: the writer's lines, escapes and UIDs, then the export of a
/// sample ledger read back by the real Python `icalendar` package.
@Suite struct CalendarExportTests {
  // MARK: - Folding

  /// A line to fold, and how many octets its first physical line keeps.
  struct FoldCase: CustomTestStringConvertible, Sendable {
    let name: String
    let line: String
    let firstLineOctets: Int
    var testDescription: String { name }

    static let all = [
      FoldCase(name: "75 ASCII octets stay on one line", line: String(repeating: "x", count: 75), firstLineOctets: 75),
      FoldCase(name: "76 ASCII octets fold after the 75th", line: String(repeating: "x", count: 76), firstLineOctets: 75),
      FoldCase(name: "an é ending on octet 75 stays", line: String(repeating: "x", count: 73) + "é" + "yz", firstLineOctets: 75),
      FoldCase(
        name: "an é across octets 75 and 76 moves whole", line: String(repeating: "x", count: 74) + "é" + "yz",
        firstLineOctets: 74),
      FoldCase(
        name: "an emoji ending on octet 75 stays", line: String(repeating: "x", count: 71) + "😀" + "yz", firstLineOctets: 75),
      FoldCase(
        name: "an emoji from octet 73 moves whole", line: String(repeating: "x", count: 72) + "😀" + "yz", firstLineOctets: 72),
      FoldCase(
        name: "an emoji from octet 74 moves whole", line: String(repeating: "x", count: 73) + "😀" + "yz", firstLineOctets: 73),
      FoldCase(
        name: "an emoji from octet 75 moves whole", line: String(repeating: "x", count: 74) + "😀" + "yz", firstLineOctets: 74),
      FoldCase(name: "a long run of é", line: "SUMMARY:" + String(repeating: "é", count: 120), firstLineOctets: 74),
      FoldCase(name: "a long run of emoji", line: "SUMMARY:" + String(repeating: "😀", count: 60), firstLineOctets: 72),
      FoldCase(name: "family emoji joined by ZWJ", line: "SUMMARY:" + String(repeating: "👩‍👩‍👧‍👦", count: 12), firstLineOctets: 72),
    ]
  }

  @Test(arguments: FoldCase.all)
  func foldingKeepsLinesWithin75OctetsAndCharactersWhole(_ example: FoldCase) throws {
    let folded = Array(ICalendarWriter.fold(example.line).utf8)
    let lines = physicalLines(folded)
    #expect(lines.first?.count == example.firstLineOctets)
    for (index, line) in lines.enumerated() {
      #expect(line.count <= 75, "line \(index) has \(line.count) octets")
      #expect(String(validating: line, as: UTF8.self) != nil, "line \(index) splits a UTF-8 character")
      if index > 0 { #expect(line.first == UInt8(ascii: " "), "line \(index) does not start with a space") }
    }
    // A line folds only when the next character would not fit.
    for (line, next) in zip(lines, lines.dropFirst()) {
      let nextScalar = try #require(String(decoding: next.dropFirst(), as: UTF8.self).unicodeScalars.first)
      #expect(line.count + UTF8.width(nextScalar) > 75)
    }
    #expect(String(decoding: unfolded(folded), as: UTF8.self) == example.line)
  }

  // MARK: - Escaping

  struct EscapeCase: CustomTestStringConvertible, Sendable {
    let input: String
    let escaped: String
    var testDescription: String { "\(input.debugDescription) is written \(escaped.debugDescription)" }

    static let all = [
      EscapeCase(input: #"C:\temp"#, escaped: #"C:\\temp"#),
      EscapeCase(input: "a;b,c", escaped: #"a\;b\,c"#),
      EscapeCase(input: "one\ntwo", escaped: #"one\ntwo"#),
      EscapeCase(input: "one\r\ntwo\rthree", escaped: #"one\ntwo\nthree"#),
      EscapeCase(input: "tab\tstays, bell\u{7}goes", escaped: "tab\tstays\\, bell" + "goes"),
      EscapeCase(input: #"Biodiv'Sud "data": é 😀"#, escaped: #"Biodiv'Sud "data": é 😀"#),
    ]
  }

  @Test(arguments: EscapeCase.all)
  func textValuesAreEscapedAsRFC5545Says(_ example: EscapeCase) {
    #expect(ICalendarWriter.escape(example.input) == example.escaped)
  }

  // MARK: - The file

  @Test func everyLineEndsWithCRLFAndFitsIn75Octets() throws {
    let items = [
      item(
        date: "2026-12-31",
        about: "Maintenance, hosting; and support\nof GeoNature — Raphaël Mercier 😀 " + String(repeating: "é", count: 40)),
      item(date: "2027-02-28", record: "people/hlefevre", field: "ledger_roles/0/until", what: "ledger role", about: ""),
    ]
    let text = ICalendarWriter.write(items, ledgerName: "Biodiv'Sud data platform", stamp: Date(timeIntervalSince1970: 0))
    let bytes = Array(text.utf8)
    #expect(bytes.suffix(2) == [13, 10])
    for (index, byte) in bytes.enumerated() where byte == 10 {
      #expect(index > 0 && bytes[index - 1] == 13, "a bare LF at octet \(index)")
    }
    for (index, byte) in bytes.enumerated() where byte == 13 {
      #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a bare CR at octet \(index)")
    }
    let lines = physicalLines(bytes).dropLast()  // the empty one after the final CRLF
    #expect(lines.allSatisfy { $0.count <= 75 && String(validating: $0, as: UTF8.self) != nil })
    let logical = String(decoding: unfolded(bytes), as: UTF8.self).components(separatedBy: "\r\n")
    #expect(
      logical.prefix(5) == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//AdminLedger//adminledger \(LedgerCLI.version)//EN",
        "CALSCALE:GREGORIAN", #"X-WR-CALNAME:Biodiv'Sud data platform"#,
      ])
    #expect(logical.contains("DTSTAMP:19700101T000000Z"))
    #expect(logical.contains("DTSTART;VALUE=DATE:20261231"))
    #expect(logical.contains("DTEND;VALUE=DATE:20270101"))
    #expect(logical.contains("DTEND;VALUE=DATE:20270301"))
    #expect(
      logical.contains(
        #"SUMMARY:Ends: temporary right – Maintenance\, hosting\; and support\nof GeoNature — Raphaël Mercier 😀 "#
          + String(repeating: "é", count: 40)))
    #expect(logical.contains(#"DESCRIPTION:Record: people/hlefevre\nField: ledger_roles/0/until\nState: due"#))
    #expect(logical.contains("UID:people-hlefevre-ledger_roles-0-until@biodiv-sud-data-platform.adminledger"))
    #expect(logical.contains("SUMMARY:Ends: ledger role"))
    #expect(logical.filter { $0 == "BEGIN:VEVENT" }.count == 2)
  }

  @Test func theUIDNamesTheLedgerRecordAndFieldOnly() {
    let domain = ICalendarWriter.slug("Biodiv'Sud data platform") + ".adminledger"
    let first = item(date: "2026-12-15", state: "due")
    let moved = item(date: "2027-03-01", state: "overdue", about: "editor on geonature for Théo Blanc")
    #expect(ICalendarWriter.uid(for: first, domain: domain) == "rights-2026-09-01-8osa6-end@biodiv-sud-data-platform.adminledger")
    #expect(ICalendarWriter.uid(for: moved, domain: domain) == ICalendarWriter.uid(for: first, domain: domain))
    #expect(
      ICalendarWriter.uid(for: item(date: "2026-12-15", field: "start"), domain: domain)
        != ICalendarWriter.uid(for: first, domain: domain))
  }

  @Test(arguments: [
    ("Biodiv'Sud data platform", "biodiv-sud-data-platform"),
    ("  Écoles & Forêts du Queyras ", "ecoles-forets-du-queyras"),
    ("CEN PACA 2026", "cen-paca-2026"),
    ("Ледгер", "ledger"),
    ("", "ledger"),
  ])
  func ledgerNamesBecomeDomainLabels(_ name: String, _ slug: String) {
    #expect(ICalendarWriter.slug(name) == slug)
  }

  // MARK: - End to end, read by Python's icalendar

  @Test func exportsTheExpiringItemsWithStableUIDsThatIcalendarReads() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let expected = try expiringItems(ledger)
    let first = ledger.run("report", "expiring", "--within", "60d", "--format", "ics")
    try #require(first.status == 0, "\(first)")
    // The same ledger exported again later that day: only the stamp differs.
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T17:30:00Z"))
    let second = ledger.run("report", "expiring", "--within", "60d", "--format", "ics")
    #expect(second.output.contains("DTSTAMP:20261127T173000Z\r\n"))
    #expect(withoutStamps(second.output) == withoutStamps(first.output))

    let calendar = try ParsedCalendar.read(first.output)
    #expect(calendar.name == "Biodiv'Sud data platform")
    #expect(calendar.events.count == expected.count)
    #expect(expected.contains { $0.state == "overdue" })
    for (event, row) in zip(calendar.events, expected) {
      #expect(event.start == row.date)
      #expect(event.end == LedgerDateText.next(row.date))
      let verb = ["notice_days", "due", "last_done"].contains(row.field) ? "Due" : "Ends"
      #expect(event.summary == "\(verb): \(row.what) – \(row.about)")
      #expect(event.description == "Record: \(row.record)\nField: \(row.field)\nState: \(row.state)")
      let local = (row.record + "/" + row.field).replacingOccurrences(of: "/", with: "-")
      #expect(event.uid == "\(local)@biodiv-sud-data-platform.adminledger")
    }
    #expect(Set(calendar.events.map(\.uid)).count == calendar.events.count)
    #expect(try ParsedCalendar.read(second.output).events.map(\.uid) == calendar.events.map(\.uid))
  }

  @Test func everyComputedDeadlineKindIsAnEventThatIcalendarReads() throws {
    let ledger = try DeadlinesTests.association()
    let export = ledger.run("report", "expiring", "--within", "400d", "--format", "ics")
    try #require(export.status == 0, "\(export)")
    let events = try ParsedCalendar.read(export.output).events
    let domain = "@association-nationale-des-naturalistes.adminledger"
    let expected: [(uid: String, start: String, summary: String)] = [
      (
        "contracts-2024-04-01-jfhha-notice_days", "2027-01-01",
        "Due: contract notice – Maintenance of WordPress and Dolibarr (cf2d)"
      ),
      ("payments-2026-11-18-py6m4-due", "2026-12-18", "Due: payment due – CF2D-F-2026-112 (cf2d, €780.00)"),
      (
        "duties-consistency-last_done", "2026-12-06",
        "Due: duty – Consistency between the site, the back office and the mailing lists"
      ),
      (
        "contracts-2024-04-01-jfhha-renewal", "2027-04-01",
        "Ends: contract renewal – Maintenance of WordPress and Dolibarr (cf2d)"
      ),
    ]
    for (uid, start, summary) in expected {
      let event = try #require(events.first { $0.uid == uid + domain }, "no event \(uid)")
      #expect(event.start == start)
      #expect(event.summary == summary)
    }
    // A paid payment is no deadline.
    #expect(!events.contains { $0.uid.hasPrefix("payments-2026-08-10-lmclr") })
  }

  @Test func aRightWhoseEndMovedKeepsItsUIDWithTheNewDate() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let before = try ParsedCalendar.read(ledger.run("report", "expiring", "--format", "ics").output)
    let uid = "rights-2026-09-01-8osa6-end@biodiv-sud-data-platform.adminledger"
    #expect(before.events.first { $0.uid == uid }?.start == "2026-12-15")

    let moved = ledger.run("set", "rights/2026-09-01-8osa6", "--set", "end=2027-01-05")
    try #require(moved.status == 0, "\(moved)")
    let after = try ParsedCalendar.read(ledger.run("report", "expiring", "--format", "ics").output)
    #expect(after.events.count == before.events.count)
    #expect(Set(after.events.map(\.uid)) == Set(before.events.map(\.uid)))
    let event = try #require(after.events.first { $0.uid == uid })
    #expect(event.start == "2027-01-05")
    #expect(event.end == "2027-01-06")
  }

  @Test(arguments: [
    ["report", "person", "tblanc"], ["report", "access", "geonature"], ["report", "annual", "--year", "2026"],
    ["report", "consistency"], ["list", "rights"],
  ])
  func otherCommandsRefuseTheIcsFormat(_ command: [String]) throws {
    let ledger = try LedgerSandbox()
    let result = ledger.cli.run(command + ["--format", "ics"])
    #expect(result.status == 2)
    let name = command.prefix(command[0] == "report" ? 2 : 1).joined(separator: " ")
    #expect(result.error.contains("error: '\(name)' has no format 'ics'"), "\(result)")
    #expect(!result.output.contains("BEGIN:VCALENDAR"))
  }

  // MARK: - Helpers

  private func item(
    date: String, state: String = "due", record: String = "rights/2026-09-01-8osa6", field: String = "end",
    what: String = "temporary right", about: String = "sensitive-reader on geonature for Raphaël Mercier"
  ) -> ICalendarWriter.Item {
    ICalendarWriter.Item(date: date, state: state, record: record, what: what, field: field, about: about)
  }

  /// The physical lines of a file, CRLF removed.
  private func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    var index = 0
    while index < bytes.count {
      if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
        lines.append([])
        index += 2
      } else {
        lines[lines.count - 1].append(bytes[index])
        index += 1
      }
    }
    return lines
  }

  /// The bytes with every fold (CRLF and one space) removed.
  private func unfolded(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 13, index + 2 < bytes.count, bytes[index + 1] == 10, bytes[index + 2] == 32 {
        index += 3
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return result
  }

  private func withoutStamps(_ text: String) -> [String] {
    text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") }
  }

  /// The text report's items, from its JSON form.
  private func expiringItems(_ ledger: LedgerSandbox) throws -> [ReportRow] {
    let result = ledger.run("report", "expiring", "--within", "60d", "--format", "json")
    try #require(result.status == 0, "\(result)")
    let report = try JSONDecoder().decode(ReportJSON.self, from: Data(result.output.utf8))
    let rows = report.sections.flatMap(\.rows)
    try #require(!rows.isEmpty, "the sample ledger has nothing expiring")
    return rows
  }
}

/// A row of `report expiring --format json`.
private struct ReportRow: Decodable {
  let date, state, record, what, field, about: String
}

private struct ReportJSON: Decodable {
  struct Section: Decodable { let rows: [ReportRow] }
  let sections: [Section]
}

/// The next day of `YYYY-MM-DD`, computed independently of the writer.
private enum LedgerDateText {
  static func next(_ day: String) -> String? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.date(from: day).map { formatter.string(from: $0.addingTimeInterval(86_400)) }
  }
}

/// A calendar as Python's `icalendar` package reads it: the real parser, not ours.
private struct ParsedCalendar: Decodable {
  struct Event: Decodable {
    let uid, start, end, summary, description: String
  }

  let name: String
  let events: [Event]

  /// Exit status of the script when `import icalendar` fails.
  static let missingPackage: Int32 = 3

  static let script = """
    import json, sys
    try:
        import icalendar
    except ImportError:
        sys.exit(\(missingPackage))
    with open(sys.argv[1], "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    events = [
        {"uid": str(event["UID"]), "start": event.decoded("DTSTART").isoformat(),
         "end": event.decoded("DTEND").isoformat(), "summary": str(event["SUMMARY"]),
         "description": str(event["DESCRIPTION"])}
        for event in calendar.walk("VEVENT")
    ]
    print(json.dumps({"name": str(calendar["X-WR-CALNAME"]), "events": events}))
    """

  /// Writes `text` to a temporary .ics file and reads it with `icalendar.Calendar.from_ical`.
  static func read(_ text: String) throws -> ParsedCalendar {
    let folder = try TemporaryDirectory()
    try folder.write("expiring.ics", text)
    try folder.write("read_calendar.py", script)
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", folder.path("read_calendar.py").path, folder.path("expiring.ics").path], in: folder.url)
    try #require(outcome.status != 127, "python3 is not installed: run 'make test-deps' (\(outcome.error))")
    try #require(
      outcome.status != missingPackage,
      "the icalendar Python package is not installed: run 'make test-deps' (it runs python3 -m pip install icalendar)")
    try #require(outcome.status == 0, "icalendar could not read the calendar:\n\(outcome.error)\n\(text)")
    return try JSONDecoder().decode(ParsedCalendar.self, from: Data(outcome.output.utf8))
  }
}
