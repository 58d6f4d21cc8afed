import Foundation
import LedgerJSON
import LedgerLanguage
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// `init --from`: a sample or any folder of records made a ledger; what a copied sample says
/// before it is one; the unknown-author warning said once; days given to --at in other forms.
@Suite struct InitFromFolderTests {
  /// A temporary folder holding a copy of the association sample, as a user would copy it.
  static func copiedSample() throws -> (TemporaryDirectory, URL) {
    let directory = try TemporaryDirectory()
    let copy = directory.path("association")
    try FileManager.default.copyItem(at: ValidationCommandTests.samples.appendingPathComponent("association"), to: copy)
    return (directory, copy)
  }

  static func runner(in folder: URL) -> CLIRunner { CLIRunner(directory: folder) }

  @Test func initFromAFolderMakesALedgerOfItsRecords() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let cli = Self.runner(in: directory.url)
    let result = cli.run("init", "--from", "association")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("Created ledger"), "\(result.output)")
    #expect(result.output.contains("records, all valid"), "\(result.output)")
    let inside = Self.runner(in: copy)
    #expect(inside.run("status").output.contains("No hand edits"), "every record is committed")
    let validate = inside.run("validate")
    #expect(validate.status == 0, "\(validate)")
    let log = try ExternalProgram.git("log", "--format=%s", in: copy).output
    #expect(log.split(separator: "\n").count == 2, "\(log)")
  }

  @Test func initFromIntoANewFolderLeavesTheSourceAlone() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let cli = Self.runner(in: directory.url)
    let result = cli.run("init", "made", "--from", "association", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let records = try JSONParser.parse(result.output).objectValue?["records"]
    #expect(records != nil && records != .number(JSONNumber(0)), "\(result.output)")
    #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent(".git").path))
    #expect(FileManager.default.fileExists(atPath: directory.path("made/.git").path))
  }

  @Test func aCopiedSampleSaysToRunInitFrom() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let result = Self.runner(in: copy).run("list", "people")
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("holds a ledger.json but is not a git repository yet"), "\(result.error)")
    #expect(result.error.contains("adminledger init --from ."), "\(result.error)")
  }

  @Test func initInAFolderOfRecordsMakesItALedger() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let cli = Self.runner(in: copy)
    let result = cli.run("init", ".")
    #expect(result.status == 0, "\(result)")
    #expect(cli.run("list", "people").status == 0)
    let again = cli.run("init", ".")
    #expect(again.status == 2, "\(again)")
  }

  @Test func initFromRefusesAFolderWithoutLedgerJSON() throws {
    let directory = try TemporaryDirectory()
    try directory.write("people/x.json", #"{"name": "X"}"#)
    let result = Self.runner(in: directory.url).run("init", "--from", ".")
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("holds no ledger.json"), "\(result.error)")
  }

  @Test func initFromAnInvalidFolderMakesNothing() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    try #"{"name": "Broken", "organization": "nowhere-at-all"}"#.write(
      to: copy.appendingPathComponent("people/broken.json"), atomically: true, encoding: .utf8)
    let before = try String(contentsOf: copy.appendingPathComponent("ledger.json"), encoding: .utf8)
    let result = Self.runner(in: copy).run("init", "--from", ".")
    #expect(result.status != 0, "\(result)")
    #expect(result.error.contains("broken.json"), "\(result.error)")
    #expect(result.error.contains("nothing was made"), "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent(".git").path))
    #expect(try String(contentsOf: copy.appendingPathComponent("ledger.json"), encoding: .utf8) == before)
  }

  // MARK: - The unknown-author warning

  @Test func unknownAuthorIsWarnedOncePerCloneAndNeverOnADryRun() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let made = Self.runner(in: directory.url).run("init", "--from", "association")
    #expect(made.error.contains("is not a known administrator"), "\(made)")
    var cli = Self.runner(in: copy)
    let first = cli.run("set", "people/asdubois", "--set", "department=13")
    #expect(first.status == 0, "\(first)")
    #expect(!first.error.contains("is not a known administrator"), "said once: \(first.error)")
    cli.author = "Eve Martin <eve@example.org>"
    try "id,name,type\nnew-org,New org,member\n".write(
      to: directory.path("orgs.csv"), atomically: true, encoding: .utf8)
    let dry = cli.run("import", "organizations", directory.path("orgs.csv").path, "--dry-run")
    #expect(dry.status == 0, "\(dry)")
    #expect(!dry.error.contains("is not a known administrator"), "\(dry.error)")
    let real = cli.run("import", "organizations", directory.path("orgs.csv").path)
    #expect(real.error.contains("is not a known administrator"), "\(real.error)")
    try "id,name,type\nother-org,Other org,member\n".write(
      to: directory.path("orgs2.csv"), atomically: true, encoding: .utf8)
    let again = cli.run("import", "organizations", directory.path("orgs2.csv").path)
    #expect(again.status == 0, "\(again)")
    #expect(!again.error.contains("is not a known administrator"), "\(again.error)")
  }

  // MARK: - Days given to --at

  @Test func aSlashedDayIsRefusedInEnglishWithTheExpectedForms() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run("list", "people", "--at", "06/12/2026")
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("'06/12/2026' is not a day AdminLedger reads"), "\(result.error)")
    #expect(result.error.contains("YYYY-MM-DD, such as 2026-12-06 for 6 December 2026"), "\(result.error)")
    let impossible = ledger.run("validate", "--at", "2026-13-01")
    #expect(impossible.status == 2 && impossible.error.contains("is not a day"), "\(impossible)")
    let unknown = ledger.run("list", "people", "--at", "no-such-branch")
    #expect(unknown.error.contains("no commit, branch or tag 'no-such-branch'"), "\(unknown)")
    #expect(unknown.error.contains("YYYY-MM-DD"), "\(unknown)")
    let since = ledger.run("log", "--since", "31/11/2026")
    #expect(since.status == 2 && since.error.contains("--since takes a day"), "\(since)")
  }

  /// A ledger kept in French reads days DD/MM/YYYY, whoever reads it and in any format; an
  /// English one refuses them, even for a French reader, as its `--set` values do.
  @Test func aLedgerKeptInFrenchReadsDaysDayFirst() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let english = ledger.run("list", "people", "--at", "18/11/2026", "--lang", "fr")
    #expect(english.status == 2 && english.error.contains("AAAA-MM-JJ"), "\(english)")
    let settings = ledger.directory.url.appendingPathComponent("ledger.json")
    let text = try String(contentsOf: settings, encoding: .utf8)
    try text.replacingOccurrences(of: "{\n", with: "{\n  \"language\": \"fr-FR\",\n").write(
      to: settings, atomically: true, encoding: .utf8)
    #expect(ledger.run("commit", "-m", "The ledger is kept in French").status == 0)
    #expect(ledger.run("list", "people", "--at", "18/11/2026", "--format", "json").status == 0)
    let french = ledger.run("list", "people", "--at", "18/11/2026", "--lang", "fr")
    #expect(french.status == 0, "\(french)")
    #expect(french.output.contains("hugo"))
    #expect(ledger.run("log", "--since", "1/11/2026", "--lang", "fr").status == 0)
    #expect(DayInput.read("6/12/2026", dayFirst: true) == .day("2026-12-06"))
    #expect(DayInput.read("31/02/2026", dayFirst: true) == .malformed)
    #expect(DayInput.read("06/12/2026", dayFirst: false) == .malformed)
    #expect(DayInput.read("origin/main", dayFirst: true) == .revision)
    #expect(DayInput.read("HEAD~3", dayFirst: false) == .revision)
  }

  // MARK: - A scenario in French

  @Test func aScenarioInFrenchSpeaksFrench() throws {
    let (directory, copy) = try Self.copiedSample()
    defer { withExtendedLifetime(directory) {} }
    let made = Self.runner(in: directory.url).run("init", "--from", "association", "--lang", "fr")
    #expect(made.status == 0, "\(made)")
    #expect(made.output.contains("Registre \"Association nationale des naturalistes\" créé"), "\(made.output)")
    #expect(made.output.contains("fiches, toutes valides"), "\(made.output)")
    let cli = Self.runner(in: copy)
    let person = try #require(
      try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("people").path).sorted().first)
    let id = "people/" + person.replacingOccurrences(of: ".json", with: "")
    let steps: [[String]] = [
      ["set", id, "--set", "department=13"], ["show", id], ["list", "people"], ["status"], ["validate"], ["log"],
    ]
    for step in steps {
      let result = cli.run(step + ["--lang", "fr"])
      #expect(result.status == 0, "\(step): \(result)")
    }
    let refused = cli.run("list", "people", "--at", "2026-02-31", "--lang", "fr")
    #expect(refused.error.contains("n'est pas un jour qu'AdminLedger sait lire"), "\(refused.error)")
    #expect(refused.error.contains("AAAA-MM-JJ"), "\(refused.error)")
    let nothing = cli.run("set", id, "--lang", "fr")
    #expect(nothing.error.contains("rien à changer"), "\(nothing.error)")
    let noAuthor = { () -> CLIResult in
      var anonymous = cli
      anonymous.author = nil
      return anonymous.run("set", id, "--set", "department=06", "--lang", "fr")
    }()
    #expect(noAuthor.error.contains("pas d'auteur") || noAuthor.status == 0, "\(noAuthor.error)")
  }
}
