import Foundation
import LedgerTestSupport
import Testing

/// `onboard` end to end on the association sample, whose ledger.json says what each function
/// calls for: a delegate or a deputy, the back office's delegate role; the treasurer, the back
/// office's treasurer role and the host's billing role. The in-process CLI's clock says
/// 2026-11-18.
@Suite struct OnboardTests {
  @Test func aNewDelegateGetsRequestedAccountAndRight() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // nlaurent is a plain member, with no account.
    let result = ledger.run("onboard", "nlaurent", "--function", "delegate")
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let commit = try ledger.head()
    #expect(lines[0] == "Onboarded people/nlaurent (Nicolas Laurent) as delegate: 3 records written (commit \(commit.prefix(7)))")
    let entry = try #require(lines.first { $0.hasPrefix("- delegate on dolibarr: requested as rights/2026-11-18-") })
    #expect(entry.contains(" on a new account accounts/2026-11-18-") && entry.hasSuffix(", requested; called for by delegate"))
    let people = ledger.run("show", "people/nlaurent", "--format", "json")
    #expect(people.output.contains(#""functions": ["#) && people.output.contains(#""delegate""#))
    let rights = ledger.run(
      "list", "rights", "--where", "account.person=nlaurent", "--fields", "role,status,account.system", "--format", "csv")
    #expect(rights.output == "role,status,account.system\ndelegate,requested,dolibarr\n", "\(rights)")
    let message = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(message.hasPrefix("Onboard people/nlaurent (Nicolas Laurent) as delegate\n"))
    #expect(message.contains("Ledger-Action: onboard\nLedger-Action: add\nLedger-Action: set\n"))
    #expect(ledger.run("validate").status == 0)
    // The entitlements report still lists the right as missing, with the requested account, until it is active.
    let report = ledger.run("report", "entitlements", "--format", "csv")
    #expect(report.output.contains("nlaurent,delegate,dolibarr,delegate,2026-11-18-"), "\(report)")
  }

  @Test func anExistingAccountIsReusedAndWhatIsHeldIsLeftAlone() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // slefort, the treasurer, holds the back office's treasurer role and lacks the host's billing role.
    let result = ledger.run("onboard", "slefort", "--function", "treasurer", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["functions_added"] as? [String] == [])
    let entries = try #require(object["entitlements"] as? [[String: Any]])
    #expect(entries.map { $0["state"] as? String } == ["present", "requested"])
    #expect(entries[0]["right"] as? String == "2023-06-01-bcsor")
    #expect(entries[1]["system"] as? String == "ph-host" && entries[1]["new_account"] as? Bool == true)
    #expect((object["records"] as? [String])?.count == 2)
  }

  @Test func aDryRunAndNothingToDoCommitNothing() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let head = try ledger.head()
    let dry = ledger.run("onboard", "nlaurent", "--function", "deputy", "--dry-run")
    #expect(dry.status == 0, "\(dry)")
    #expect(dry.output.hasPrefix("Would onboard people/nlaurent (Nicolas Laurent) as deputy: 3 records to write (dry run"))
    #expect(dry.output.contains("## Changes\n  set people/nlaurent\n"))
    // cmichel, a delegate, holds the delegate role already.
    let held = ledger.run("onboard", "cmichel", "--function", "delegate")
    #expect(held.status == 0, "\(held)")
    #expect(held.output.hasPrefix("Nothing to change: people/cmichel (Céline Michel) already has these functions"))
    #expect(try ledger.head() == head)
  }

  @Test func badInputIsRefused() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let head = try ledger.head()
    #expect(ledger.run("onboard", "nlaurent").status == 2)
    let unknown = ledger.run("onboard", "nobody", "--function", "delegate")
    #expect(unknown.status == 2 && unknown.error.contains("no record people/nobody"), "\(unknown)")
    let function = ledger.run("onboard", "nlaurent", "--function", "wizard")
    #expect(function.status == 1 && function.error.contains(#"found string "wizard""#), "\(function)")
    #expect(try ledger.head() == head)
  }
}
