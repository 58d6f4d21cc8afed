import Foundation
import LedgerTestSupport
import Testing

@Suite struct ReadCommandTests {
  func sampleLedger() throws -> LedgerSandbox {
    let ledger = try LedgerSandbox()
    ledger.run("add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member")
    ledger.run(
      "add", "people", "hlefevre", "--set", "name=Hugo Lefèvre", "--set", "organization=cen-paca", "--set",
      #"functions=["delegate","board"]"#)
    ledger.run("add", "people", "tnguyen", "--set", "name=Thu Nguyen", "--set", "member_status=active")
    return ledger
  }

  /// A record file committed broken with plain git (`--no-verify`): lists and reports show the
  /// rest, name the file left out and why, and exit 1, never a silent partial answer.
  @Test(arguments: [["list", "people"], ["list", "people", "--format", "json"], ["export", "people"], ["report", "expiring"]])
  func readersNameTheRecordFilesTheyLeaveOut(_ arguments: [String]) throws {
    let ledger = try sampleLedger()
    let root = ledger.directory.url
    try Data(#"{"name": "#.utf8).write(to: root.appendingPathComponent("people/broken.json"))
    #expect(try ExternalProgram.git("add", "people/broken.json", in: root).status == 0)
    #expect(
      try ExternalProgram.git(
        "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--no-verify", "-qm", "broken", in: root
      ).status == 0)
    let result = ledger.cli.run(arguments)
    #expect(result.status == 1, "\(result)")
    #expect(
      result.error.contains("1 record file could not be read and was left out:\npeople/broken.json:1:10: error[json]:"),
      "\(result)")
    if arguments[0] == "list" { #expect(result.output.contains("hlefevre")) }
  }

  /// Files committed with plain git that are no record at all (a name that is no id, a link)
  /// are named by readers too.
  @Test func readersNameTheFilesOfAKindFolderThatAreNoRecord() throws {
    let ledger = try sampleLedger()
    let root = ledger.directory.url
    try Data("{}".utf8).write(to: root.appendingPathComponent("people/Upper.json"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("people/link.json").path, withDestinationPath: "/etc/hostname")
    #expect(try ExternalProgram.git("add", "people", in: root).status == 0)
    #expect(
      try ExternalProgram.git(
        "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--no-verify", "-qm", "odd", in: root
      ).status == 0)
    let result = ledger.cli.run(["list", "people"])
    #expect(result.status == 1, "\(result)")
    #expect(result.error.contains("2 record files could not be read and were left out:"), "\(result)")
    #expect(result.error.contains("people/Upper.json"))
    #expect(result.error.contains("people/link.json is a symbolic link"))
    #expect(result.output.contains("hlefevre"))
  }

  @Test func showPrintsFieldsOnePerLine() throws {
    let ledger = try sampleLedger()
    let result = ledger.run("show", "people/hlefevre")
    #expect(
      result.output == """
        people/hlefevre
          functions:    delegate, board
          name:         Hugo Lefèvre
          organization: cen-paca

        """)
  }

  @Test func listPrintsATableOfTheMainFields() throws {
    let ledger = try sampleLedger()
    #expect(
      ledger.run("list", "people").output == """
        id        name          organization  functions        member_status
        hlefevre  Hugo Lefèvre  cen-paca      delegate, board
        tnguyen   Thu Nguyen                                   active

        """)
    #expect(ledger.run("list", "tickets").output == "No tickets match.\n")
  }

  @Test func listSpeaksJSONNDJSONAndCSV() throws {
    let ledger = try sampleLedger()
    let json = ledger.run("list", "people", "--format", "json").output
    #expect(json.hasPrefix("[\n  {\n    \"functions\": [\n"))
    #expect(json.contains("\"id\": \"tnguyen\""))
    #expect(
      ledger.run("list", "people", "--format", "ndjson").output == """
        {"functions":["delegate","board"],"id":"hlefevre","name":"Hugo Lefèvre","organization":"cen-paca"}
        {"id":"tnguyen","member_status":"active","name":"Thu Nguyen"}

        """)
    #expect(
      ledger.run("list", "people", "--format", "csv").output == """
        id,functions,member_status,name,organization
        hlefevre,"[""delegate"",""board""]",,Hugo Lefèvre,cen-paca
        tnguyen,,active,Thu Nguyen,

        """)
  }

  @Test func atReadsAPastCommit() throws {
    let ledger = try sampleLedger()
    ledger.run("set", "people/tnguyen", "--set", "member_status=lapsed")
    #expect(
      ledger.run("show", "people/tnguyen", "--at", "HEAD~1", "--format", "json").output.contains(#""member_status": "active""#))
    #expect(ledger.run("show", "people/tnguyen", "--format", "json").output.contains(#""member_status": "lapsed""#))
    let missing = ledger.run("list", "people", "--at", "no-such-rev")
    #expect(missing.status == 2)
    #expect(missing.error.contains("no commit, branch or tag 'no-such-rev'"))
  }

  @Test func readsWorkFromASubfolderAndWithLedgerOption() throws {
    var ledger = try sampleLedger()
    try FileManager.default.createDirectory(at: ledger.directory.path("people/sub"), withIntermediateDirectories: true)
    ledger.cli.directory = ledger.directory.path("people/sub")
    #expect(ledger.run("show", "people/tnguyen").status == 0)
    ledger.cli.directory = FileManager.default.temporaryDirectory
    #expect(ledger.run("show", "people/tnguyen", "--ledger", ledger.directory.url.path).status == 0)
    #expect(ledger.run("--ledger", ledger.directory.url.path, "show", "people/tnguyen").status == 0)
  }

  @Test func statusListsHandEditsAndCommitCommitsThem() throws {
    let ledger = try sampleLedger()
    #expect(ledger.run("status").output == "No hand edits: the ledger's files match the last commit.\n")
    try ledger.directory.write("people/tnguyen.json", #"{"name": "Thu Nguyen", "member_status": "lapsed"}"#)
    try ledger.directory.write("organizations/lpo.json", #"{"name": "LPO", "type": "partner"}"#)
    try FileManager.default.removeItem(at: ledger.directory.path("people/hlefevre.json"))
    try ledger.directory.write("notes.txt", "not a ledger file")
    #expect(
      ledger.run("status").output == """
        added     organizations/lpo.json
        deleted   people/hlefevre.json
        modified  people/tnguyen.json

        """)
    let committed = ledger.run("commit", "-m", "Sync with the back office")
    #expect(committed.status == 0, "\(committed)")
    let message = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(
      message == """
        Sync with the back office

        Ledger-Action: add
        Ledger-Action: rm
        Ledger-Action: set
        Ledger-Record: organizations/lpo
        Ledger-Record: people/hlefevre
        Ledger-Record: people/tnguyen


        """)
    #expect(
      ledger.directory.read("people/tnguyen.json") == "{\n  \"member_status\": \"lapsed\",\n  \"name\": \"Thu Nguyen\"\n}\n")
    #expect(ledger.run("status", "--format", "json").output == "{\n  \"edits\": [],\n  \"merge\": null\n}\n")
    // The file that is not the ledger's stays untracked.
    #expect(try ExternalProgram.git("status", "--porcelain", in: ledger.directory.url).output == "?? notes.txt\n")
  }
}
