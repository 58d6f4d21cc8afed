import Foundation
import LedgerTestSupport
import Testing

/// One bad command line, the exit code it must get, and words its message must hold.
struct BadInput: CustomTestStringConvertible, Sendable {
  let name: String
  let arguments: [String]
  let status: Int32
  let message: String
  var testDescription: String { name }
}

@Suite struct ErrorTests {
  static let cases: [BadInput] = [
    BadInput(
      name: "unknown kind", arguments: ["add", "peple", "x"], status: 2,
      message: "unknown kind 'peple'\nhint: did you mean 'people'?"),
    BadInput(
      name: "uppercase id", arguments: ["add", "people", "Hugo"], status: 2,
      message: "invalid id 'Hugo': an id starts with a lowercase letter or digit, not 'H'"),
    BadInput(name: "path as id", arguments: ["add", "people", "../../etc"], status: 2, message: "invalid id '../../etc'"),
    BadInput(name: "slash in key", arguments: ["show", "people/a/b"], status: 2, message: "invalid id 'a/b'"),
    BadInput(name: "key without slash", arguments: ["show", "people"], status: 2, message: "expected KIND/ID"),
    BadInput(name: "missing record", arguments: ["show", "people/nobody"], status: 2, message: "no record people/nobody"),
    BadInput(
      name: "set on a missing record", arguments: ["set", "people/nobody", "--set", "a=1"], status: 2,
      message: "no record people/nobody"),
    BadInput(name: "rm of a missing record", arguments: ["rm", "people/nobody"], status: 2, message: "no record people/nobody"),
    BadInput(name: "add existing", arguments: ["add", "people", "hugo"], status: 2, message: "people/hugo already exists"),
    BadInput(
      name: "id field", arguments: ["add", "people", "x", "--set", "id=y"], status: 1, message: "a record does not hold its id"),
    BadInput(name: "named kind without id", arguments: ["add", "people"], status: 2, message: "adding to people needs an id"),
    BadInput(name: "set nothing", arguments: ["set", "people/hugo"], status: 2, message: "nothing to change"),
    BadInput(
      name: "assignment without =", arguments: ["set", "people/hugo", "--set", "name"], status: 2, message: "expected FIELD=VALUE"
    ),
    BadInput(
      name: "empty field path", arguments: ["set", "people/hugo", "--set", "a..b=1"], status: 2, message: "invalid field 'a..b'"),
    BadInput(
      name: "set inside a string", arguments: ["set", "people/hugo", "--set", "name.first=H"], status: 2,
      message: "it holds a string, not an object"),
    BadInput(
      name: "unknown field", arguments: ["set", "people/hugo", "--set", "nmae=H"], status: 2,
      message: "people records have no field \"nmae\"\nhint: did you mean 'name'?"),
    BadInput(
      name: "boolean field given yes", arguments: ["add", "rights", "--set", "temporary=yes"], status: 2,
      message: "field \"temporary\" of rights takes a boolean (true or false), not \"yes\""),
    BadInput(
      name: "a password field", arguments: ["set", "people/hugo", "--set", "password=hunter2"], status: 1,
      message: "error[no-secret]: field \"password\" would store a secret"),
    BadInput(
      name: "a token value", arguments: ["set", "people/hugo", "--set", "notes=ghp_R8xT2kQ9vLm4Zp7WcN3yHb6JdF1sGa5Ue0Yi"],
      status: 1, message: "error[no-secret]: the value looks like a GitHub token"),
    BadInput(
      name: "a bad enum value", arguments: ["set", "people/hugo", "--set", "member_status=paid"], status: 1,
      message:
        "people/hugo.json:2:20: error[schema/enum]: \"member_status\" must be one of \"active\", \"lapsed\", \"resigned\", \"honorary\", \"none\", found string \"paid\" (at /member_status)"
    ),
    BadInput(
      name: "a bad date", arguments: ["set", "people/hugo", "--set", "paid_until=11/12/2026"], status: 1,
      message:
        "error[input]: \"paid_until\": cannot read \"11/12/2026\" as a date: it could be day first or month first (at /paid_until)\nhint: write it as YYYY-MM-DD, such as 2026-12-06, or set \"language\": \"fr\" in ledger.json to write days DD/MM/YYYY"
    ),
    BadInput(
      name: "a date that is no day", arguments: ["set", "people/hugo", "--set", "paid_until=2026-02-31"], status: 1,
      message: "error[schema/format]: \"paid_until\" must be a date such as 2026-11-27, found \"2026-02-31\""),
    BadInput(
      name: "a missing required field", arguments: ["add", "organizations", "lpo", "--set", "name=LPO"], status: 1,
      message:
        "organizations/lpo.json:1:1: error[schema/required]: missing required field \"type\"\nhint: add the field with --set FIELD=VALUE"
    ),
    BadInput(
      name: "a reference to nothing", arguments: ["set", "people/hugo", "--set", "organization=nowhere"], status: 1,
      message: "error[ref-exists]: \"organization\" names organizations/nowhere, which does not exist"),
    BadInput(
      name: "unset missing field", arguments: ["set", "people/hugo", "--unset", "phone"], status: 2,
      message: "people/hugo has no field \"phone\""),
    BadInput(
      name: "unknown command", arguments: ["lst", "people"], status: 2,
      message: "unknown command 'lst'\nhint: did you mean 'list'?"),
    BadInput(
      name: "json without subcommand", arguments: ["json"], status: 2,
      message: "usage: adminledger json COMMAND [ARGUMENTS] [OPTIONS]\n\ncommands starting with 'json':\n  json check"),
    BadInput(
      name: "unknown option", arguments: ["list", "people", "--formt", "json"], status: 2,
      message: "unknown option '--formt' for 'list'\nhint: did you mean '--format'?"),
    BadInput(
      name: "option without value", arguments: ["list", "people", "--at"], status: 2, message: "option '--at' needs a value"),
    BadInput(name: "too many arguments", arguments: ["show", "people/hugo", "extra"], status: 2, message: "too many arguments"),
    BadInput(
      name: "missing arguments", arguments: ["list"], status: 2,
      message: "missing arguments for 'list'\nusage: adminledger list KIND"),
    BadInput(
      name: "format not offered", arguments: ["show", "people/hugo", "--format", "csv"], status: 2,
      message: "'show' has no format 'csv'"),
    BadInput(
      name: "missing --file", arguments: ["add", "people", "x", "--file", "nope.json"], status: 2,
      message: "cannot read nope.json"),
    BadInput(name: "commit without message", arguments: ["commit"], status: 2, message: "a commit needs a message"),
    BadInput(
      name: "import with an unknown profile", arguments: ["import", "people", "x.csv", "--profile", "excel"], status: 2,
      message: "unknown profile 'excel'\nhint: profiles: generic, dolibarr-members, training-followup"),
    BadInput(
      name: "import profile for another kind", arguments: ["import", "people", "x.csv", "--profile", "training-followup"],
      status: 2, message: "the training-followup profile imports trainings, not people"),
    BadInput(
      name: "import with an unknown encoding", arguments: ["import", "people", "x.csv", "--encoding", "cp1252"], status: 2,
      message: "unknown encoding 'cp1252'\nhint: use auto, utf-8 or latin1"),
    BadInput(
      name: "import of a missing file", arguments: ["import", "people", "x.csv"], status: 2,
      message: "cannot read x.csv: no such file or directory"),
    BadInput(
      name: "import of a folder", arguments: ["import", "people", "people"], status: 2,
      message: "cannot read people: it is a folder"),
    BadInput(
      name: "annual report without a year", arguments: ["report", "annual"], status: 2, message: "which year? pass --year YYYY"),
    BadInput(
      name: "expiring with a bad duration", arguments: ["report", "expiring", "--within", "soon"], status: 2,
      message: "cannot read the duration 'soon'\nhint: write 60d, 8w, 2m or 1y"),
    BadInput(
      name: "list with a bad limit", arguments: ["list", "people", "--limit", "ten"], status: 2,
      message: "--limit takes a number, not 'ten'"),
    BadInput(
      name: "list with a bad sort", arguments: ["list", "people", "--sort", "name,,id"], status: 2,
      message: "cannot read \"name,,id\": \"\" is not a field name or dotted path"),
    BadInput(
      name: "report on a missing system", arguments: ["report", "access", "nothing"], status: 2,
      message: "no record systems/nothing"),
    BadInput(
      name: "schema validate without a schema", arguments: ["schema", "validate", "x.json"], status: 2,
      message: "which schema? pass --schema SCHEMA.json"),
  ]

  @Test(arguments: cases)
  func badInputIsRefusedAndChangesNothing(_ bad: BadInput) throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "people", "hugo", "--set", "name=Hugo")
    let head = try ledger.head()
    let files = try ledger.snapshotOfFiles()
    defer { withExtendedLifetime(ledger) {} }
    let result = ledger.cli.run(bad.arguments)
    #expect(result.status == bad.status, "\(result)")
    #expect(result.error.contains(bad.message), "\(result)")
    #expect(result.output.isEmpty)
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
  }

  @Test func aHistoryMissingAnObjectSaysSoAndWhatToDo() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    // The ledger's first commit, gone from the repository (a damaged or shallow clone).
    let root = try ExternalProgram.git("rev-list", "--max-parents=0", "HEAD", in: ledger.directory.url).output
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let object = ledger.directory.url.appendingPathComponent(".git/objects/\(root.prefix(2))/\(root.dropFirst(2))")
    try FileManager.default.removeItem(at: object)
    for command in [["log", "people/hugo"], ["blame", "people/hugo"], ["audit"]] {
      let result = ledger.cli.run(command)
      #expect(result.status == 3, "\(command): \(result)")
      #expect(result.error.contains("the repository lacks an object its history names"), "\(command): \(result)")
      #expect(result.error.contains("hint: the clone is shallow or damaged: clone the ledger again"), "\(command): \(result)")
    }
  }

  /// A value in no form its field reads is found where the field stands in the record as it
  /// would be written, as a schema finding is.
  @Test func aValueInNoFormIsPlacedAtItsField() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let result = ledger.run("set", "people/hugo", "--set", "phone=12")
    #expect(result.status == 1, "\(result)")
    // The record written would be: {, "emails", [ item ], ], "name", "organization", "phone".
    #expect(result.error.hasPrefix("people/hugo.json:7:12: error[input]: \"phone\""), "\(result.error)")
  }

  @Test func malformedJSONFileIsRefusedWithLineAndColumn() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("new.json", "{\n  \"name\": \"Hugo\",\n  \"emails\": [\"a\" \"b\"]\n}\n")
    let head = try ledger.head()
    let result = ledger.run("add", "people", "hugo", "--file", "new.json")
    #expect(result.status == 1)
    #expect(
      result.error == """
        new.json:3:18: error[json]: expected ',' or ']' but found '"'
        hint: fix the JSON at that spot; a record is one JSON object
        adminledger: 1 error in 1 file

        """)
    #expect(try ledger.head() == head)
  }

  @Test func outsideALedgerTheErrorSaysWhatToDo() throws {
    let sandbox = try TemporaryDirectory()
    let cli = CLIRunner(directory: sandbox.url)
    let result = cli.run("list", "people")
    #expect(result.status == 2)
    #expect(
      result.error == """
        adminledger: error: not a ledger: \(sandbox.url.path) is not inside a git repository
        hint: run 'adminledger init' there, or pass --ledger <path>

        """)
    _ = try ExternalProgram.git("init", "-q", in: sandbox.url)
    #expect(cli.run("show", "people/a").error.contains("has no ledger.json in it or above it"))
    #expect(cli.run("add", "people", "a").status == 2)
    #expect(FileManager.default.fileExists(atPath: sandbox.path("people").path) == false)
  }

  @Test func initRefusesAnExistingLedger() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run("init")
    #expect(result.status == 2)
    #expect(result.error.contains("already holds a ledger"))
  }

  @Test func errorsAreJSONWhenAskedFor() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run("show", "people/nobody", "--format", "json")
    #expect(result.status == 2)
    #expect(
      result.error == """
        {
          "error": "no record people/nobody",
          "exit": 2,
          "hint": "run 'adminledger list people' to see the ids"
        }

        """)
  }

  @Test func writeOverAHandEditedRecordIsRefused() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "people", "hugo", "--set", "name=Hugo")
    try ledger.directory.write("people/hugo.json", #"{"name": "Hugo (edited)"}"#)
    let head = try ledger.head()
    let result = ledger.run("set", "people/hugo", "--set", "phone=+33612345678")
    #expect(result.status == 1)
    #expect(result.error.contains("uncommitted hand edits in people/hugo.json; nothing was written"))
    #expect(try ledger.head() == head)
    #expect(ledger.directory.read("people/hugo.json") == #"{"name": "Hugo (edited)"}"#)
  }

  @Test func commitOfInvalidHandEditsNamesLineAndColumn() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("people/hugo.json", "{\n  \"name\": \"Hugo\"\n  \"phone\": \"1\"\n}\n")
    let head = try ledger.head()
    let result = ledger.run("commit", "-m", "hand edit")
    #expect(result.status == 1)
    #expect(result.error.hasPrefix("people/hugo.json:3:3: error[json]: expected ',' or '}' but found '\"'\n"))
    #expect(try ledger.head() == head)
  }
}
