import Foundation
import LedgerTestSupport
import Testing

/// The audit on the association sample: who changed what, within which roles.
@Suite struct AuditCommandTests {
  static let admin = "Mathieu Dupont <mdupont@example.org>"
  static let treasurer = "Sylvie Lefort <slefort@example.org>"

  func association() throws -> LedgerSandbox {
    var ledger = try ValidationCommandTests.sample("association")
    ledger.cli.author = AuditCommandTests.admin
    return ledger
  }

  func payment(_ ledger: LedgerSandbox) throws -> String {
    let line = ledger.run("list", "payments", "--where", "status=received", "--where", "provider=ovhcloud", "--fields", "id")
      .output
    return try #require(line.split(separator: "\n").last.map(String.init))
  }

  @Test func aCleanHistoryHasNoFindingsAndListsApprovalsWithRoles() throws {
    let ledger = try association()
    let id = try payment(ledger)
    #expect(
      ledger.run(
        "set", "payments/\(id)", "--set", "status=approved", "--set", "approved_by=slefort", "--set", "approved_on=2026-11-19",
        "--author", AuditCommandTests.treasurer
      ).status == 0)
    let result = ledger.run("audit")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("payments/\(id) approved by people/slefort as treasurer\n"))
    // Scenario 13: the president approved while holding the treasurer's role for a week.
    #expect(result.output.contains("approved by people/pgarcia as president, treasurer until 2026-08-14\n"))
    #expect(result.output.hasSuffix("No findings: every change was made by a known administrator within their roles.\n"))
  }

  @Test func aForgedApprovalAnUnknownAuthorAndAChangeOutsideRolesAreFound() throws {
    let ledger = try association()
    let id = try payment(ledger)
    // The administrator records the treasurer's approval himself: a forged approval.
    #expect(
      ledger.run(
        "set", "payments/\(id)", "--set", "status=approved", "--set", "approved_by=slefort", "--set", "approved_on=2026-11-19"
      ).status == 0)
    #expect(ledger.run("set", "people/vleroy", "--set", "phone=+33688990012", "--author", "Eve <eve@example.org>").status == 0)
    // The treasurer may write payments and contracts, not people.
    #expect(ledger.run("set", "people/nlaurent", "--set", "department=45", "--author", AuditCommandTests.treasurer).status == 0)
    let result = ledger.run("audit", "--format", "json")
    #expect(result.status == 1)
    #expect(result.output.contains(#""rule": "approval-by-other""#))
    #expect(
      result.output.contains(
        "recorded the approval of payments/\(id) in the name of people/slefort, but the commit is by Mathieu Dupont <mdupont@example.org>"
      ))
    #expect(result.output.contains(#""rule": "unknown-author""#))
    #expect(
      result.output.contains(
        "changed people although Sylvie Lefort <slefort@example.org> holds roles treasurer, which may not write people"))
    // A range limits the audit: the last commit alone holds only the treasurer's change.
    let last = ledger.run("audit", "HEAD~1..HEAD")
    #expect(last.output.hasPrefix("Audit of 1 commit\n"))
    #expect(last.output.contains("[outside-roles]"))
    #expect(!last.output.contains("[unknown-author]"))
  }

  @Test func givingALedgerRoleIsAChangeOfThePolicy() throws {
    let ledger = try association()
    // The administrator may write every kind, but not change the policy: making himself
    // president (who approves spending) is found, as any change of who holds which role.
    let escalation = #"ledger_roles=[{"role": "admin"}, {"role": "president"}]"#
    #expect(ledger.run("set", "people/mdupont", "--set", escalation).status == 0)
    let result = ledger.run("audit", "HEAD~1..HEAD")
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "[outside-roles] changed the ledger roles of people/mdupont although Mathieu Dupont <mdupont@example.org> holds roles admin, which may not change the policy"
      ))
    // The president, who may change the policy, gives the treasurer's role for a week: no finding.
    let president = "Pierre Garcia <pgarcia@example.org>"
    let delegation = #"ledger_roles=[{"role": "reviewer"}, {"role": "treasurer", "until": "2026-12-31"}]"#
    #expect(ledger.run("set", "people/jrobert", "--set", delegation, "--author", president).status == 0)
    let granted = ledger.run("audit", "HEAD~1..HEAD")
    #expect(!granted.output.contains("changed the ledger roles"), "\(granted.output)")
  }

  @Test func anInvalidCommitMadeBehindTheToolsBackIsFound() throws {
    let ledger = try association()
    try ledger.directory.write("people/ghost.json", #"{"name": "Ghost", "organization": "nowhere"}"#)
    _ = try ExternalProgram.git("add", "people/ghost.json", in: ledger.directory.url)
    _ = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=Mathieu Dupont", "-c", "user.email=mdupont@example.org", "commit", "-q",
      "-m", "ghost", in: ledger.directory.url)
    let result = ledger.run("audit")
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        #"[invalid-result] people/ghost.json: error[ref-exists]: "organization" names organizations/nowhere, which does not exist"#
      ))
  }
}
