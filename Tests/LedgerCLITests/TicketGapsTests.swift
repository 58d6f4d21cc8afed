import Foundation
import LedgerTestSupport
import Testing

/// Issue 25's smaller gaps on tickets: the metadata request type, the maintenance contract a
/// ticket falls under, who tested it and how it went, and ledger.json's approvals threshold,
/// checked by validation and by the audit.
@Suite struct TicketGapsTests {
  static let evolution = "tickets/2026-09-15-zjwrh"

  func association() throws -> LedgerSandbox {
    var ledger = try ValidationCommandTests.sample("association")
    ledger.cli.author = AuditCommandTests.admin
    return ledger
  }

  @Test func aMetadataRequestIsADataRequest() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let added = ledger.run(
      "add", "tickets", "meta-flora", "--set", "type=data-request", "--set", "request_type=metadata", "--set",
      "title=Metadata of the flora dataset", "--set", "status=open", "--set", "opened=2026-11-10")
    #expect(added.status == 0, "\(added)")
    let unknown = ledger.run("set", "tickets/meta-flora", "--set", "request_type=catalogue")
    #expect(unknown.status == 1)
    #expect(unknown.error.contains(#""publication", "metadata""#), "\(unknown)")
  }

  @Test func aTicketNamesAContractInForceWhenItOpened() throws {
    let ledger = try association()
    let shown = ledger.run("show", Self.evolution)
    #expect(shown.output.contains("contract:"), "\(shown)")
    #expect(shown.output.contains("2024-04-01-jfhha"))
    let missing = ledger.run("set", Self.evolution, "--set", "contract=2099-01-01-nope1")
    #expect(missing.status == 1)
    #expect(missing.error.contains(#"error[ref-exists]: "contract" names contracts/2099-01-01-nope1, which does not exist"#))
    // A person's id is no contract.
    let person = ledger.run("set", Self.evolution, "--set", "contract=slefort")
    #expect(person.status == 1)
    #expect(person.error.contains("names contracts/slefort, which does not exist"))
    // The contract must have started when the ticket opened.
    let early = ledger.run("set", Self.evolution, "--set", "opened=2024-03-01")
    #expect(early.status == 1)
    #expect(
      early.error.contains(
        "error[ticket-contract]: contracts/2024-04-01-jfhha starts on 1 April 2024, after the ticket opened (1 March 2024)"),
      "\(early)")
  }

  @Test func aTestIsRecordedOnceTheWorkIsDoneAndNamesTheTester() throws {
    let ledger = try association()
    let open = "tickets/2026-10-28-py7ff"
    let early = ledger.run("set", open, "--set", "tested_by=tnguyen")
    #expect(early.status == 1)
    #expect(
      early.error.contains("error[ticket-test]: a ticket that is open has not been tested yet: tested_by is recorded too early"))
    let anonymous = ledger.run("set", Self.evolution, "--set", "status=testing", "--set", "test_result=passed")
    #expect(anonymous.status == 1)
    #expect(anonymous.error.contains("error[ticket-test]: a test result needs the person who tested"))
    let badResult = ledger.run("set", Self.evolution, "--set", "tested_by=tnguyen", "--set", "test_result=maybe")
    #expect(badResult.status == 1)
    let tested = ledger.run(
      "set", Self.evolution, "--set", "status=testing", "--set", "tested_by=tnguyen", "--set", "test_result=failed", "--set",
      "test_note=The department filter is missing")
    #expect(tested.status == 0, "\(tested)")
    // Back to work after a failed test, the test stays recorded.
    #expect(ledger.run("set", Self.evolution, "--set", "status=in-progress").status == 0)
    let shown = ledger.run("show", Self.evolution)
    #expect(shown.output.contains("tested_by:"))
    #expect(shown.output.contains("The department filter is missing"))
  }

  @Test func aCostAboveTheThresholdNeedsTheTreasurerOrThePresident() throws {
    let ledger = try association()
    // 780 € approved by the committee: the sample's ledger.json says above 500, treasurer or president.
    let committee = ledger.run("set", Self.evolution, "--set", "approval.by=committee")
    #expect(committee.status == 1)
    #expect(
      committee.error.contains(
        "error[cost-approval]: a cost of €780.00 needs the approval of one of: treasurer, president; not of the committee"),
      "\(committee)")
    #expect(committee.error.contains("costs above €500.00 are approved by a person whose functions"))
    // Said to be the treasurer's, approved by a delegate.
    let delegate = ledger.run("set", Self.evolution, "--set", "approval.approver=tnguyen")
    #expect(delegate.status == 1)
    #expect(delegate.error.contains("people/tnguyen is none of them"))
    // Under the threshold any approval goes.
    #expect(ledger.run("set", Self.evolution, "--set", "approval.by=committee", "--set", "cost=400.00").status == 0)
    // A payment above it, approved by the secretary: refused by this rule as well.
    let payment = ledger.run("set", "payments/2026-11-18-py6m4", "--set", "approved_by=jrobert")
    #expect(payment.status == 1)
    #expect(
      payment.error.contains(
        "error[cost-approval]: a cost of €780.00 needs the approval of one of: treasurer, president; people/jrobert is none of them"
      ))
  }

  @Test func aMalformedApprovalsSettingIsRefused() throws {
    let ledger = try association()
    let settings = try String(contentsOf: ledger.directory.path("ledger.json"), encoding: .utf8)
    try #require(settings.contains(#""above": 500"#))
    try ledger.directory.write("ledger.json", settings.replacingOccurrences(of: #""above": 500"#, with: #""above": "lots""#))
    let result = ledger.run("commit", "-m", "Approvals")
    #expect(result.status == 1)
    #expect(
      result.error.contains(#"error[schema/type]: "above" must be a number, found string "lots" (at /approvals/above)"#),
      "\(result)")
  }

  @Test func theAuditFindsACostApprovalCommittedByHand() throws {
    let ledger = try association()
    let path = Self.evolution + ".json"
    let text = try String(contentsOf: ledger.directory.path(path), encoding: .utf8)
    try ledger.directory.write(path, text.replacingOccurrences(of: #""by": "treasurer""#, with: #""by": "board""#))
    _ = try ExternalProgram.git("add", path, in: ledger.directory.url)
    _ = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=Mathieu Dupont", "-c", "user.email=mdupont@example.org", "commit", "-q",
      "-m", "approval", in: ledger.directory.url)
    let result = ledger.run("audit", "HEAD~1..HEAD")
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "[invalid-result] \(path): error[cost-approval]: a cost of €780.00 needs the approval of one of: treasurer, president; not of the board"
      ), "\(result)")
  }
}
