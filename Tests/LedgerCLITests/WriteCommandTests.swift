import Foundation
import LedgerTestSupport
import Testing

@Suite struct WriteCommandTests {
  @Test func addPrintsTheCommitAndTheFields() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let result = ledger.run(
      "add", "accounts", "hugo-mail", "--set", "person=hugo", "--set", "system=geonature", "--set", "status=active",
      "--set", "login=hugo", "--set", "mailbox.address=delegue05@example.org",
      "--set", #"handovers=[{"date":"2026-11-16","channel":"phone"}]"#)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Added accounts/hugo-mail (commit "))
    #expect(
      result.output.hasSuffix(
        """
          + handovers: [{"channel":"phone","date":"2026-11-16"}]
          + login: "hugo"
          + mailbox.address: "delegue05@example.org"
          + person: "hugo"
          + status: "active"
          + system: "geonature"

        """))
    #expect(
      ledger.directory.read("accounts/hugo-mail.json") == """
        {
          "handovers": [
            {
              "channel": "phone",
              "date": "2026-11-16"
            }
          ],
          "login": "hugo",
          "mailbox": {
            "address": "delegue05@example.org"
          },
          "person": "hugo",
          "status": "active",
          "system": "geonature"
        }

        """)
  }

  @Test func setValuesAreTypedByTheSchema() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    ledger.run(
      "add", "contracts", "c1", "--set", "provider=cen-paca", "--set", "title=Hosting", "--set", "status=active",
      "--set", "yearly_amount=1860.00", "--set", "notice_days=30", "--set", #"services=["geonature"]"#)
    let shown = ledger.run("show", "contracts/c1", "--format", "json")
    #expect(
      shown.output == """
        {
          "id": "c1",
          "notice_days": 30,
          "provider": "cen-paca",
          "services": [
            "geonature"
          ],
          "status": "active",
          "title": "Hosting",
          "yearly_amount": "1860.00"
        }

        """)
    // A money field keeps 12.50 as text; a quoted JSON string is the string itself.
    ledger.run("set", "contracts/c1", "--set", "yearly_amount=12.50", "--set", #"title="2027""#)
    let updated = ledger.run("show", "contracts/c1", "--format", "json").output
    #expect(updated.contains(#""yearly_amount": "12.50""#))
    #expect(updated.contains(#""title": "2027""#))
  }

  @Test func addReadsFieldsFromAFileOrStandardInput() throws {
    var ledger = try LedgerSandbox()
    try ledger.directory.write("org.json", #"{"name": "CEN PACA", "type": "member"}"#)
    let fromFile = ledger.run("add", "organizations", "cen-paca", "--file", "org.json", "--set", "type=partner")
    #expect(fromFile.status == 0, "\(fromFile)")
    #expect(ledger.run("show", "organizations/cen-paca", "--format", "json").output.contains(#""type": "partner""#))
    ledger.cli.standardInput = Array(
      #"{"title": "Disk full", "type": "incident", "status": "open", "opened": "2026-11-18"}"#.utf8)
    let added = ledger.run("add", "tickets", "--file", "-", "--format", "json")
    #expect(added.status == 0, "\(added)")
    #expect(added.output.contains(#""action": "add""#))
    #expect(ledger.run("list", "tickets", "--format", "ndjson").output.contains(#""title":"Disk full""#))
  }

  @Test func setChangesAndUnsetsFieldsInOneCommit() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    ledger.run(
      "add", "accounts", "a1", "--set", "person=hugo", "--set", "system=geonature", "--set", "status=active",
      "--set", "login=hugo", "--set", "mailbox.address=h@example.org")
    let result = ledger.run(
      "set", "accounts/a1", "--set", "status=closed", "--set", "closed=2026-11-18", "--unset", "mailbox.address")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasSuffix(
        """
          + closed: "2026-11-18"
          - mailbox.address: "h@example.org"
          status: "active" -> "closed"

        """))
    #expect(
      ledger.directory.read("accounts/a1.json")
        == "{\n  \"closed\": \"2026-11-18\",\n  \"login\": \"hugo\",\n  \"person\": \"hugo\",\n  \"status\": \"closed\",\n  \"system\": \"geonature\"\n}\n"
    )
    let log = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(log.contains("Set accounts/a1: closed, mailbox, status\n"))
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

  @Test func removingARecordOthersReferToIsRefused() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let head = try ledger.head()
    let result = ledger.run("rm", "organizations/cen-paca")
    #expect(result.status == 1)
    #expect(
      result.error.contains(
        #"people/hugo.json:6:19: error[ref-exists]: still refers to organizations/cen-paca (in "organization"), which this change removes"#
      ),
      "\(result)")
    #expect(try ledger.head() == head)
  }

  @Test func authorComesFromTheOptionThenTheEnvironmentThenGit() throws {
    var ledger = try LedgerSandbox()
    ledger.run("add", "people", "a", "--set", "name=A", "--author", "Marc Petit <marc@example.org>")
    ledger.run("add", "people", "b", "--set", "name=B")
    ledger.cli.author = nil
    let noAuthor = ledger.run("add", "people", "c", "--set", "name=C")
    #expect(noAuthor.status == 2)
    #expect(noAuthor.error.contains("no author"))
    _ = try ExternalProgram.git("config", "user.name", "Git User", in: ledger.directory.url)
    _ = try ExternalProgram.git("config", "user.email", "git.user@example.org", in: ledger.directory.url)
    #expect(ledger.run("add", "people", "c", "--set", "name=C").status == 0)
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

  @Test func anAuthorWhoIsNotAnAdministratorIsWarnedNotRefused() throws {
    let ledger = try LedgerSandbox()
    // No administrator yet: nothing to compare with, no warning.
    let first = ledger.run(
      "add", "people", "claire", "--set", "name=Claire Durand", "--set", #"ledger_roles=[{"role":"admin"}]"#,
      "--set", #"git_identities=["claire.durand@example.org"]"#)
    #expect(first.status == 0, "\(first)")
    #expect(first.error.isEmpty)
    #expect(ledger.run("add", "people", "b", "--set", "name=B").error.isEmpty)
    let stranger = ledger.run("add", "people", "c", "--set", "name=C", "--author", "Eve <eve@example.org>")
    #expect(stranger.status == 0)
    #expect(stranger.error.hasPrefix("warning: Eve <eve@example.org> is not a known administrator"))
  }
}
