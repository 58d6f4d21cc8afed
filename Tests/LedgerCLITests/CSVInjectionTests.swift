import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// OWASP "CSV injection": a cell starting with `= + - @` TAB or CR runs as a formula in a
/// spreadsheet. Every CSV the ledger writes gets a leading `'` there, and `import` takes it
/// off again, so export → import stays exact.
@Suite struct CSVInjectionTests {
  // MARK: - The rule, cell by cell

  /// A text, the cell the writer makes of it, and why.
  struct WriterCase: CustomTestStringConvertible, Sendable {
    let text: String
    let written: String
    var testDescription: String {
      "\(text.debugDescription) is written \(written.debugDescription)"
    }

    static let all = [
      WriterCase(text: "=SUM(A1)", written: "'=SUM(A1)"),
      WriterCase(text: "+cmd", written: "'+cmd"),
      WriterCase(text: "-2+3", written: "'-2+3"),
      WriterCase(text: "@SUM(A1)", written: "'@SUM(A1)"),
      WriterCase(text: "\tTab", written: "'\tTab"),
      WriterCase(text: "\rCR", written: "\"'\rCR\""),
      WriterCase(text: "\r\nCRLF", written: "\"'\r\nCRLF\""),
      WriterCase(
        text: #"=HYPERLINK("http://evil","x")"#, written: #""'=HYPERLINK(""http://evil"",""x"")""#),
      WriterCase(text: "'=already", written: "''=already"),
      WriterCase(text: "''-x", written: "'''-x"),
      WriterCase(text: "-", written: "'-"),
      WriterCase(text: "-1e5", written: "'-1e5"),
      WriterCase(text: "+33 6 12", written: "'+33 6 12"),
      // Plain numbers are no formula: amounts and international phones stay as they are.
      WriterCase(text: "-12.50", written: "-12.50"),
      WriterCase(text: "+33612345678", written: "+33612345678"),
      WriterCase(text: "42", written: "42"),
      // A quote not followed by a trigger is ordinary text.
      WriterCase(text: "'plain", written: "'plain"),
      WriterCase(text: "''", written: "''"),
      WriterCase(text: "O'Neil", written: "O'Neil"),
      WriterCase(text: "a=b", written: "a=b"),
      WriterCase(text: "", written: ""),
    ]
  }

  @Test(arguments: WriterCase.all)
  func theWriterNeutralisesFormulas(_ example: WriterCase) {
    #expect(CSVWriter.quote(example.text) == example.written)
  }

  @Test(arguments: WriterCase.all)
  func theReaderRestoresWhatTheWriterNeutralised(_ example: WriterCase) {
    #expect(CSVTable.restoringFormula(CSVTable.neutralisingFormula(example.text)) == example.text)
  }

  /// A cell as read from a file, and what it stands for.
  struct ReaderCase: CustomTestStringConvertible, Sendable {
    let cell: String
    let value: String
    var testDescription: String { "\(cell.debugDescription) reads \(value.debugDescription)" }

    static let all = [
      ReaderCase(cell: "'=SUM(A1)", value: "=SUM(A1)"),
      ReaderCase(cell: "'+33612345678", value: "+33612345678"),
      ReaderCase(cell: "'-12.50", value: "-12.50"),
      ReaderCase(cell: "'\tTab", value: "\tTab"),
      ReaderCase(cell: "''=already", value: "'=already"),
      ReaderCase(cell: "'''@x", value: "''@x"),
      ReaderCase(cell: "=SUM(A1)", value: "=SUM(A1)"),
      ReaderCase(cell: "-12.50", value: "-12.50"),
      ReaderCase(cell: "'plain", value: "'plain"),
      ReaderCase(cell: "''plain", value: "''plain"),
      ReaderCase(cell: "'", value: "'"),
      ReaderCase(cell: "O'Neil", value: "O'Neil"),
    ]
  }

  @Test(arguments: ReaderCase.all)
  func theReaderTakesOffOneQuoteBeforeAFormula(_ example: ReaderCase) {
    #expect(CSVTable.restoringFormula(example.cell) == example.value)
  }

  @Test func aWrittenTableReadsBackCellForCell() throws {
    let texts = WriterCase.all.map(\.text).filter { !$0.isEmpty }
    let header = ["=head"] + texts.indices.map { "c\($0)" }
    let csv = CSVWriter.write(header: header, rows: [[nil] + texts.map { .string($0) }])
    let table = try CSVTable.read(Array(csv.utf8))
    #expect(table.header == header)
    #expect(table.rows.map(\.cells) == [[""] + texts])
  }

  // MARK: - The commands

  /// The hostile names a member could give themselves, and the cell `export people` writes.
  static let hostile: [(id: String, name: String, cell: String)] = [
    ("p1", #"=HYPERLINK("http://evil","x")"#, #""'=HYPERLINK(""http://evil"",""x"")""#),
    ("p2", "+cmd", "'+cmd"),
    ("p3", "-2+3", "'-2+3"),
    ("p4", "@SUM(A1)", "'@SUM(A1)"),
    ("p5", "\tTab Led", "'\tTab Led"),
    ("p6", "\rCR Led", "\"'\rCR Led\""),
    ("p7", "'=already", "''=already"),
  ]

  /// A ledger holding the hostile people, active, paid up, with an email and a phone.
  static func hostileLedger(leavingOut left: Set<String> = []) throws -> LedgerSandbox {
    var ledger = try LedgerSandbox()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    for person in hostile where !left.contains(person.id) {
      let result = ledger.run(
        "add", "people", person.id, "--set", "name=\(person.name)", "--set", "member_status=active",
        "--set", "paid_until=2026-12-31", "--set", #"emails=["\#(person.id)@example.org"]"#,
        "--set", "phone=+33612345678")
      try #require(result.status == 0, "\(result)")
    }
    return ledger
  }

  @Test func exportPeopleNeutralisesEveryHostileName() throws {
    let ledger = try Self.hostileLedger()
    let export = ledger.run("export", "people")
    #expect(export.status == 0, "\(export)")
    let rows = Self.hostile.map { person in
      let emails = #""[""\#(person.id)@example.org""]""#
      return "\(person.id),\(emails),active,\(person.cell),2026-12-31,+33612345678"
    }
    let header = "id,emails,member_status,name,paid_until,phone"
    #expect(export.output == ([header] + rows).joined(separator: "\n") + "\n")
  }

  /// Exports the people, imports the file back with `--update`: the import's output.
  static func reimport(_ ledger: LedgerSandbox) throws -> CLIResult {
    let export = ledger.run("export", "people")
    let file = ledger.directory.path("people-export.csv")
    try Data(export.output.utf8).write(to: file)
    return ledger.run("import", "people", file.path, "--update")
  }

  @Test func importingTheExportBackChangesNothing() throws {
    // The tab-led name is left out here: see the known issue below.
    let ledger = try Self.hostileLedger(leavingOut: ["p5"])
    let before = try ledger.head()
    let again = try Self.reimport(ledger)
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output.hasPrefix(
        "Nothing to change: people-export.csv brings nothing the ledger does not hold"
          + " (0 added, 0 changed, 6 unchanged); no commit."), "\(again)")
    #expect(try ledger.head() == before)
  }

  @Test func importingANeutralisedFileStoresTheOriginalText() throws {
    let ledger = try LedgerSandbox()
    let file = ledger.directory.path("from-a-spreadsheet.csv")
    try Data("id,name\nq1,'=SUM(A1)\nq2,''@x\nq3,'plain\n".utf8).write(to: file)
    let imported = ledger.run("import", "people", file.path)
    #expect(imported.status == 0, "\(imported)")
    let names = ledger.run("list", "people", "--fields", "name", "--format", "ndjson")
    #expect(names.output.contains(#""=SUM(A1)""#), "\(names)")
    #expect(names.output.contains(#""'@x""#), "\(names)")
    #expect(names.output.contains(#""'plain""#), "\(names)")
  }

  @Test func aTabLedNameComesBackWithItsTab() throws {
    let ledger = try Self.hostileLedger()
    let again = try Self.reimport(ledger)
    #expect(again.status == 0, "\(again)")
    // The file holds '\tTab Led; CSVTable reads \tTab Led, and the import keeps the tab.
    #expect(again.output.hasPrefix("Nothing to change: people-export.csv"), "\(again)")
  }

  @Test func listAsCSVNeutralisesTheNames() throws {
    let ledger = try Self.hostileLedger()
    let list = ledger.run("list", "people", "--fields", "id,name,phone", "--format", "csv")
    #expect(list.status == 0, "\(list)")
    let rows = Self.hostile.map { "\($0.id),\($0.cell),+33612345678" }
    #expect(list.output == (["id,name,phone"] + rows).joined(separator: "\n") + "\n")
  }

  @Test func aReportAsCSVNeutralisesTheName() throws {
    let ledger = try Self.hostileLedger()
    let report = ledger.run("report", "person", "p1", "--format", "csv")
    #expect(report.status == 0, "\(report)")
    #expect(report.output.contains(#""'=HYPERLINK(""http://evil"",""x"")""#), "\(report)")
    #expect(!report.output.contains(#","=HYPERLINK"#) && !report.output.contains("\n=HYPERLINK"))
  }

  @Test func exportContactsNeutralisesNamesAndKeepsInternationalPhones() throws {
    let ledger = try Self.hostileLedger()
    try #require(
      ledger.run(
        "add", "people", "p8", "--set", "name=Eve -1+1", "--set", "member_status=active",
        "--set", "paid_until=2026-12-31", "--set", #"emails=["p8@example.org"]"#
      ).status == 0)
    let contacts = ledger.run("export", "contacts")
    #expect(contacts.status == 0, "\(contacts)")
    // The CR of p6 becomes a space (the format has no quoting), which no spreadsheet runs.
    #expect(
      contacts.output == """
        EMAIL;FIRSTNAME;LASTNAME;SMS
        p1@example.org;'=HYPERLINK("http://evil","x");;+33612345678
        p2@example.org;'+cmd;;+33612345678
        p3@example.org;'-2+3;;+33612345678
        p4@example.org;'@SUM(A1);;+33612345678
        p5@example.org;'\tTab;LED;+33612345678
        p6@example.org; CR;LED;+33612345678
        p7@example.org;''=already;;+33612345678
        p8@example.org;Eve;'-1+1;

        """)
  }
}
