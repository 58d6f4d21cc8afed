import Foundation
import LedgerJSON
import LedgerLanguage
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// The conventions a command-line user expects: NO_COLOR, progress only on a terminal, import
/// --quiet, counts in the right number, --format json wherever a result is printed.
@Suite struct ConventionsTests {
  // MARK: - NO_COLOR (no-color.org: only a value that is not empty turns colour off)

  @Test(arguments: [
    ([String: String](), true), (["NO_COLOR": ""], true), (["NO_COLOR": "1"], false), (["NO_COLOR": "0"], false),
  ])
  func noColorTurnsColourOffOnlyWhenNotEmpty(_ variables: [String: String], _ colored: Bool) {
    #expect(Color.enabled(for: .capture(isTerminal: true), variables: variables) == colored)
    #expect(!Color.enabled(for: .capture(isTerminal: false), variables: variables))
  }

  // MARK: - Progress

  @Test func progressIsRewrittenInPlaceAndErasedOnATerminal() {
    let terminal = TextSink.capture(isTerminal: true)
    let progress = Progress(terminal, interval: 0)
    progress.show("Checking 3 rows of people.csv...")
    progress.count(2, of: 3, "Writing pages")
    progress.clear()
    let text = terminal.text
    #expect(text.hasPrefix("\rChecking 3 rows of people.csv..."))
    #expect(text.contains("\rWriting pages: 2 of 3"))
    #expect(!text.contains("\n"), "a progress line never adds a line")
    // Cleared: the last thing written blanks the line and returns to its start.
    #expect(text.hasSuffix("\r"))
    let last = text.dropLast().split(separator: "\r").last ?? ""
    #expect(last.allSatisfy { $0 == " " } && !last.isEmpty)
  }

  @Test func progressWritesNothingWhenPiped() {
    let piped = TextSink.capture(isTerminal: false)
    let progress = Progress(piped, interval: 0)
    progress.show("Auditing the history...")
    progress.count(1, of: 2, "Writing pages")
    progress.clear()
    #expect(piped.text.isEmpty)
  }

  @Test func importShowsProgressOnATerminalOnlyAndClearsIt() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("orgs.csv", "id,name,type\nasso-a,Asso A,member\nasso-b,Asso B,member\n")
    let terminal = run(ledger, ["import", "organizations", "orgs.csv"], errorIsTerminal: true)
    #expect(terminal.status == 0, "\(terminal.error)")
    #expect(terminal.error.contains("\rChecking 2 rows of orgs.csv..."))
    #expect(terminal.error.hasSuffix("\r"), "the progress line is erased")
    try ledger.directory.write("orgs2.csv", "id,name,type\nasso-c,Asso C,member\n")
    let piped = ledger.run("import", "organizations", "orgs2.csv")
    #expect(piped.status == 0, "\(piped)")
    #expect(!piped.error.contains("\r"))
  }

  @Test func auditProgressIsErasedBeforeTheResult() throws {
    let ledger = try LedgerSandbox()
    let terminal = run(ledger, ["audit"], errorIsTerminal: true)
    #expect(terminal.error.hasPrefix("\rAuditing the history..."), "\(terminal.error)")
    #expect(!terminal.error.contains("\n") || terminal.error.hasSuffix("\r"))
    #expect(!ledger.run("audit").error.contains("Auditing"))
  }

  // MARK: - import --quiet and counts

  @Test func quietImportPrintsTheSummaryOnly() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("orgs.csv", "id,name,type\nasso-a,Asso A,member\nasso-b,Asso B,member\n")
    let result = ledger.run("import", "organizations", "orgs.csv", "--quiet")
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 1, "\(result.output)")
    #expect(lines.first?.hasPrefix("Imported 2 organizations from orgs.csv") == true)
    #expect(!result.error.contains("Reading"), "\(result.error)")
    let loud = ledger.run("import", "organizations", "orgs.csv", "--dry-run")
    #expect(loud.error.contains("Reading 2 rows of orgs.csv..."))
  }

  @Test func quietImportStillShowsWhyItRefuses() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("orgs.csv", "id,name,type\nasso-a,Asso A,no-such-type\n")
    let result = ledger.run("import", "organizations", "orgs.csv", "--quiet")
    #expect(result.status != 0)
    #expect(result.error.contains("orgs.csv:2"), "\(result.error)")
  }

  @Test func oneRowIsSaidInTheSingular() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("orgs.csv", "id,name,type\nasso-a,Asso A,member\n")
    let result = ledger.run("import", "organizations", "orgs.csv")
    #expect(result.error.contains("Reading 1 row of orgs.csv..."), "\(result.error)")
    #expect(ImportReport.reading(rows: 0, of: "f.csv") == "Reading 0 rows of f.csv...")
    Language.$current.withValue(.french) {
      #expect(ImportReport.reading(rows: 0, of: "f.csv") == "Lecture de 0 ligne de f.csv...")
      #expect(ImportReport.reading(rows: 2, of: "f.csv") == "Lecture de 2 lignes de f.csv...")
    }
  }

  // MARK: - --format json wherever a result is printed

  /// Every command that prints a result; `completion` and `manual` print a document for a shell
  /// or `man`, which is their only form.
  @Test func everyCommandOffersJSON() {
    let documents: Set = ["completion", "manual"]
    let without = CommandTable.all.filter { !$0.formats.contains(.json) && !documents.contains($0.name) }.map(\.name)
    #expect(without.isEmpty, "no --format json: \(without)")
  }

  @Test func hookInstallPrintsJSON() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run("hook", "install", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let json = try JSONParser.parse(result.output).objectValue
    #expect(json?["hooks"]?.arrayValue?.isEmpty == false, "\(result.output)")
    #expect(json?["trust"] != nil)
  }

  @Test func hookPreReceiveTakesJSON() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run("hook", "pre-receive", "--format", "json", "--repo", "nowhere")
    #expect(!result.error.contains("has no format"), "\(result)")
  }

  @Test func exportPrintsATableWithFormatText() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let result = ledger.run("export", "organizations", "--format", "text")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("id"), "\(result.output)")
    #expect(result.output.contains("cen-paca"))
    #expect(ledger.run("export", "contacts", "--format", "text").status == 0)
  }

  /// Runs in-process with standard error seen as a terminal (or not).
  func run(_ ledger: LedgerSandbox, _ arguments: [String], errorIsTerminal: Bool) -> Run {
    let output = TextSink.capture()
    let error = TextSink.capture(isTerminal: errorIsTerminal)
    let environment = CLIEnvironment(
      variables: ["ADMINLEDGER_AUTHOR": ledger.cli.author ?? ""], currentDirectory: ledger.directory.url,
      now: { [now = ledger.cli.now] in now }, readStandardInput: { [] }, standardOutput: output, standardError: error)
    let status = LedgerCLI.run(["adminledger"] + arguments, environment: environment)
    return Run(status: status, output: output.text, error: error.text)
  }

  struct Run {
    let status: Int32
    let output: String
    let error: String
  }
}
