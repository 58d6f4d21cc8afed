import Foundation
import LedgerTestSupport
import Testing

/// `log`, `diff` and `blame` on a history made by two administrators on different days.
@Suite struct HistoryCommandTests {
  func history() throws -> LedgerSandbox {
    var ledger = try LedgerSandbox()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-18T10:00:00Z"))
    try ledger.seed()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-19T10:00:00Z"))
    ledger.run(
      "add", "accounts", "hugo-portal", "--set", "person=hugo", "--set", "system=geonature", "--set", "status=active", "--set",
      "login=hugo")
    ledger.run("add", "rights", "r1", "--set", "account=hugo-portal", "--set", "role=reader", "--set", "status=active")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-21T10:00:00Z"))
    ledger.cli.author = "Marc Petit <marc@example.org>"
    ledger.run("set", "rights/r1", "--set", "status=revoked", "--set", "reason=left the project")
    return ledger
  }

  @Test func logShowsEachCommitWithItsFieldChanges() throws {
    let ledger = try history()
    let result = ledger.run("log", "rights/r1")
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasSuffix("  2026-11-21  Marc Petit <marc@example.org>"))
    #expect(
      Array(lines[1...4]) == [
        "    Set rights/r1: reason, status", "  set rights/r1", "      + reason: \"left the project\"",
        "      status: \"active\" -> \"revoked\"",
      ])
    #expect(lines[6].hasSuffix("  2026-11-19  Claire Durand <claire.durand@example.org>"))
    #expect(ledger.run("log", "--limit", "1", "--format", "json").output.contains(#""subject": "Set rights/r1: reason, status""#))
    #expect(ledger.run("log", "rights/none").status == 2)
  }

  @Test func diffBetweenDaysListsRecordsAndFields() throws {
    let ledger = try history()
    let result = ledger.run("diff", "2026-11-18..2026-11-21")
    #expect(
      result.output == """
          add accounts/hugo-portal
              + login: "hugo"
              + person: "hugo"
              + status: "active"
              + system: "geonature"
          add rights/r1
              + account: "hugo-portal"
              + reason: "left the project"
              + role: "reader"
              + status: "revoked"

        """)
    #expect(ledger.run("diff", "HEAD", "HEAD").output == "No record differs between HEAD and HEAD.\n")
    #expect(ledger.run("diff", "nonsense").status == 2)
  }

  @Test func blameNamesTheLastChangeOfEveryField() throws {
    let ledger = try history()
    let result = ledger.run("blame", "rights/r1", "--format", "json")
    #expect(result.status == 0)
    let text = ledger.run("blame", "rights/r1").output
    let rows = text.split(separator: "\n").dropFirst().map {
      $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }
    #expect(rows.map { $0[0] } == ["account", "reason", "role", "status"])
    #expect(rows.first { $0[0] == "status" }?.contains("2026-11-21") == true)
    #expect(rows.first { $0[0] == "status" }?.contains("Marc") == true)
    #expect(rows.first { $0[0] == "role" }?.contains("2026-11-19") == true)
    #expect(rows.first { $0[0] == "role" }?.contains("Claire") == true)
    // As it stood on the 20th, the status came from the 19th.
    #expect(ledger.run("blame", "rights/r1", "--at", "2026-11-20").output.contains("status   active       "))
  }
}
