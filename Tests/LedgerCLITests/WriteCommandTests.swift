import Foundation
import LedgerTestSupport
import Testing

@Suite struct WriteCommandTests {
  @Test func addPrintsTheCommitAndTheFields() throws {
    let ledger = try LedgerSandbox()
    let result = ledger.run(
      "add", "people", "hlefevre", "--set", "name=Hugo Lefèvre", "--set", #"emails=["hugo@example.org"]"#,
      "--set", "credentials.channel=phone")
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("Added people/hlefevre (commit "))
    #expect(
      result.output.hasSuffix(
        """
          + credentials.channel: "phone"
          + emails: ["hugo@example.org"]
          + name: "Hugo Lefèvre"

        """))
    #expect(
      ledger.directory.read("people/hlefevre.json") == """
        {
          "credentials": {
            "channel": "phone"
          },
          "emails": [
            "hugo@example.org"
          ],
          "name": "Hugo Lefèvre"
        }

        """)
  }

  @Test func valuesThatParseAsJSONAreJSONAndOthersAreStrings() throws {
    let ledger = try LedgerSandbox()
    ledger.run(
      "add", "systems", "geonature", "--set", "name=GeoNature", "--set", "personal_data=true",
      "--set", "ports=[80,443]", "--set", "note=", "--set", #"code="007""#)
    let shown = ledger.run("show", "systems/geonature", "--format", "json")
    #expect(
      shown.output == """
        {
          "code": "007",
          "id": "geonature",
          "name": "GeoNature",
          "note": "",
          "personal_data": true,
          "ports": [
            80,
            443
          ]
        }

        """)
  }

  @Test func addReadsFieldsFromAFileOrStandardInput() throws {
    var ledger = try LedgerSandbox()
    try ledger.directory.write("org.json", #"{"name": "CEN PACA", "type": "member"}"#)
    #expect(ledger.run("add", "organizations", "cen-paca", "--file", "org.json", "--set", "type=partner").status == 0)
    #expect(ledger.run("show", "organizations/cen-paca", "--format", "json").output.contains(#""type": "partner""#))
    ledger.cli.standardInput = Array(#"{"title": "Disk full", "type": "incident"}"#.utf8)
    let added = ledger.run("add", "tickets", "--file", "-", "--format", "json")
    #expect(added.status == 0)
    #expect(added.output.contains(#""action": "add""#))
    #expect(ledger.run("list", "tickets", "--format", "ndjson").output.contains(#""title":"Disk full""#))
  }

  @Test func setChangesAndUnsetsFieldsInOneCommit() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "accounts", "a1", "--set", "status=active", "--set", "login=hugo", "--set", "credentials.channel=phone")
    let result = ledger.run("set", "accounts/a1", "--set", "status=closed", "--unset", "credentials.channel")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasSuffix(
        """
          - credentials.channel: "phone"
          status: "active" -> "closed"

        """))
    #expect(ledger.directory.read("accounts/a1.json") == "{\n  \"login\": \"hugo\",\n  \"status\": \"closed\"\n}\n")
    let log = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(log.contains("Set accounts/a1: credentials, status\n"))
    #expect(log.contains("Ledger-Action: set\nLedger-Record: accounts/a1\n"))
  }

  @Test func settingTheSameValueMakesNoCommit() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "people", "a", "--set", "name=A")
    let before = try ledger.head()
    let result = ledger.run("set", "people/a", "--set", "name=A")
    #expect(result.status == 0)
    #expect(result.output == "Nothing changed: the record already holds these values\n")
    #expect(try ledger.head() == before)
  }

  @Test func removeDeletesTheFileAndHistoryKeepsIt() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "people", "a", "--set", "name=A")
    let added = try ledger.head().trimmingCharacters(in: .whitespacesAndNewlines)
    let result = ledger.run("rm", "people/a")
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("Removed people/a"))
    #expect(ledger.directory.read("people/a.json") == nil)
    #expect(ledger.run("show", "people/a").status == 2)
    #expect(ledger.run("show", "people/a", "--at", added).output == "people/a\n  name: A\n")
  }

  @Test func authorComesFromTheOptionThenTheEnvironmentThenGit() throws {
    var ledger = try LedgerSandbox()
    ledger.run("add", "people", "a", "--author", "Marc Petit <marc@example.org>")
    ledger.run("add", "people", "b")
    ledger.cli.author = nil
    let noAuthor = ledger.run("add", "people", "c")
    #expect(noAuthor.status == 2)
    #expect(noAuthor.error.contains("no author"))
    _ = try ExternalProgram.git("config", "user.name", "Git User", in: ledger.directory.url)
    _ = try ExternalProgram.git("config", "user.email", "git.user@example.org", in: ledger.directory.url)
    #expect(ledger.run("add", "people", "c").status == 0)
    let authors = try ExternalProgram.git("log", "--format=%an <%ae>", in: ledger.directory.url).output
    #expect(
      authors == """
        Git User <git.user@example.org>
        Claire Durand <claire.durand@example.org>
        Marc Petit <marc@example.org>
        Claire Durand <claire.durand@example.org>

        """)
    let bad = ledger.run("add", "people", "d", "--author", "just-a-name")
    #expect(bad.status == 2)
    #expect(bad.error.contains("--author must look like \"Name <email>\""))
  }
}
