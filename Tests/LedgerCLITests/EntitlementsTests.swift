import Foundation
import LedgerTestSupport
import Testing

/// Rights by function: ledger.json's `entitlements` against the rights people hold, in
/// `report entitlements` and in the warning a write gets when it grants a right no function of
/// its holder calls for. On the association sample, deputies and delegates call for the back
/// office's `delegate` role, the secretary for the site's `editor`, the treasurer for the back
/// office's `treasurer`, the IT advisor for the administrators' roles. The in-process CLI's
/// clock says 2026-11-18; its author is Claire Durand, whom no person record names.
@Suite struct EntitlementsTests {
  /// The association's back-office accounts of slefort (treasurer) and cmichel (delegate).
  static let treasurerAccount = "2023-06-01-f5kfe"
  static let delegateAccount = "2024-09-05-63ffj"

  // MARK: - The report

  @Test func theAssociationsReportFindsMissingAndUnjustifiedRights() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("report", "entitlements")
    #expect(result.status == 1, "\(result)")
    #expect(result.error == "")
    #expect(
      result.output == """
        Rights by function

        ## Missing
        person   called_for_by  system    role      account
        emoreau  deputy         dolibarr  delegate  no account
        kbonnet  deputy         dolibarr  delegate  no account
        lsimon   delegate       dolibarr  delegate  no account
        mdurand  deputy         dolibarr  delegate  no account
        slefort  treasurer      ph-host   billing   no account

        ## Not justified by any function
        person    functions       system    role           right             granted_by  granted_on  reason                                   called_for_by
        emoreau   member, deputy  website   editor         2024-03-01-rrjyz  mdupont     2026-11-18  wrote the Drôme chronicles               secretary
        rbernard  contractor      dolibarr  administrator  2026-10-01-4c3an  mdupont     2026-10-01  CF2D configures the new delegate screen  advisor

        """)
  }

  @Test func systemNarrowsTheReportToOneSystem() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let website = ledger.run("report", "entitlements", "--system", "website", "--format", "csv")
    #expect(website.status == 1, "\(website)")
    #expect(
      website.output == """
        person,called_for_by,system,role,account

        person,functions,system,role,right,granted_by,granted_on,reason,called_for_by
        emoreau,"member, deputy",website,editor,2024-03-01-rrjyz,mdupont,2026-11-18,wrote the Drôme chronicles,secretary

        """)
    // No function calls for a role on the shared drive: its rights are not judged.
    let drive = ledger.run("report", "entitlements", "--system", "drive")
    #expect(drive.status == 0, "\(drive)")
    #expect(drive.output.contains("## Missing\n(none)\n\n## Not justified by any function\n(none)\n"))
    #expect(drive.error.contains("note: no function calls for a role on systems/drive"))
    #expect(ledger.run("report", "entitlements", "--system", "nowhere").status == 2)
  }

  @Test func csvAndJSONCarryTheSameRows() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let csv = ledger.run("report", "entitlements", "--format", "csv")
    #expect(
      csv.output == """
        person,called_for_by,system,role,account
        emoreau,deputy,dolibarr,delegate,no account
        kbonnet,deputy,dolibarr,delegate,no account
        lsimon,delegate,dolibarr,delegate,no account
        mdurand,deputy,dolibarr,delegate,no account
        slefort,treasurer,ph-host,billing,no account

        person,functions,system,role,right,granted_by,granted_on,reason,called_for_by
        emoreau,"member, deputy",website,editor,2024-03-01-rrjyz,mdupont,2026-11-18,wrote the Drôme chronicles,secretary
        rbernard,contractor,dolibarr,administrator,2026-10-01-4c3an,mdupont,2026-10-01,CF2D configures the new delegate screen,advisor

        """)
    let json = ledger.run("report", "entitlements", "--format", "json")
    #expect(json.status == 1)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(report["findings"] as? Int == 7)
    let sections = try #require(report["sections"] as? [[String: Any]])
    #expect(sections.map { $0["title"] as? String } == ["Missing", "Not justified by any function"])
    let unjustified = try #require(sections[1]["rows"] as? [[String: String]])
    #expect(
      unjustified.last == [
        "person": "rbernard", "functions": "contractor", "system": "dolibarr", "role": "administrator",
        "right": "2026-10-01-4c3an", "granted_by": "mdupont", "granted_on": "2026-10-01",
        "reason": "CF2D configures the new delegate screen", "called_for_by": "advisor",
      ])
  }

  // MARK: - The grant warning

  @Test func grantingAnUnjustifiedRightWarnsNamingTheFunctionsThatWould() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run(
      "add", "rights", "--set", "account=\(Self.treasurerAccount)", "--set", "role=delegate", "--set", "status=active")
    #expect(result.status == 0, "\(result)")
    let id = try #require(Self.addedRight(result.output))
    #expect(
      result.error.contains(
        "warning: rights/\(id) gives delegate on dolibarr to slefort, which none of their functions (member, board, treasurer) calls for; functions that would: delegate, deputy\n"
          + "hint: record why with --set reason=..., or give people/slefort a function that calls for it;"))
    // The write is made, and the report lists the right with the commit that granted it.
    #expect(ledger.run("show", "rights/\(id)").status == 0)
    let commit = try ledger.head().prefix(7)
    let report = ledger.run("report", "entitlements", "--system", "dolibarr", "--format", "csv").output
    #expect(
      report.contains(
        "slefort,\"member, board, treasurer\",dolibarr,delegate,\(id),Claire Durand <claire.durand@example.org> (commit \(commit)),2026-11-18,,\"delegate, deputy\"\n"
      ))
    // As the ledger stood before the grant, the right is not there.
    #expect(!ledger.run("report", "entitlements", "--at", "HEAD~1", "--format", "csv").output.contains(id))
  }

  @Test func aRightNoFunctionCallsForSaysSo() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run(
      "add", "rights", "--set", "account=\(Self.delegateAccount)", "--set", "role=member-readonly", "--set", "status=active",
      "--set", "reason=reads the members of the 31 during the campaign")
    #expect(result.status == 0, "\(result)")
    let id = try #require(Self.addedRight(result.output))
    #expect(
      result.error.contains(
        "warning: rights/\(id) gives member-readonly on dolibarr to cmichel, which none of their functions (member, delegate) calls for; no function calls for it\n"
      ))
    // The reason is recorded: no hint to record one.
    #expect(!result.error.contains("hint: record why"))
  }

  @Test func settingARightActiveWarnsOnceAndOnlyThen() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let requested = ledger.run(
      "add", "rights", "--set", "account=\(Self.delegateAccount)", "--set", "role=treasurer", "--set", "status=requested")
    #expect(requested.status == 0, "\(requested)")
    #expect(!requested.error.contains("warning: rights/"))
    let id = try #require(Self.addedRight(requested.output))
    let activated = ledger.run("set", "rights/\(id)", "--set", "status=active")
    #expect(activated.status == 0, "\(activated)")
    #expect(
      activated.error.contains(
        "warning: rights/\(id) gives treasurer on dolibarr to cmichel, which none of their functions (member, delegate) calls for; functions that would: treasurer\n"
      ))
    let noted = ledger.run("set", "rights/\(id)", "--set", "reason=stands in for the treasurer in December")
    #expect(noted.status == 0, "\(noted)")
    #expect(!noted.error.contains("warning: rights/"))
  }

  @Test func aJustifiedGrantWarnsNothingAndMendsTheReport() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let account = ledger.run(
      "add", "accounts", "--set", "person=lsimon", "--set", "system=dolibarr", "--set", "login=lsimon", "--set", "status=active")
    #expect(account.status == 0, "\(account)")
    let accountID = try #require(Self.added("accounts", account.output))
    let right = ledger.run("add", "rights", "--set", "account=\(accountID)", "--set", "role=delegate", "--set", "status=active")
    #expect(right.status == 0, "\(right)")
    #expect(!right.error.contains("warning: rights/"), "\(right)")
    let report = ledger.run("report", "entitlements", "--format", "csv").output
    #expect(!report.contains("lsimon"))
    #expect(report.contains("kbonnet,deputy,dolibarr,delegate,no account\n"))
  }

  @Test func aSystemNoFunctionCallsForIsNotJudged() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // vleroy's newsletter account: no entitlement names the mailing service.
    let result = ledger.run(
      "add", "rights", "--set", "account=2024-01-10-64sl1", "--set", "role=admin", "--set", "status=active")
    #expect(result.status == 0, "\(result)")
    #expect(!result.error.contains("warning: rights/"), "\(result)")
  }

  // MARK: - The settings

  @Test func entitlementsNamingAnUnknownSystemOrRoleAreReportedClearly() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let settings = try #require(ledger.directory.read("ledger.json"))
    let edited = settings.replacingOccurrences(
      of: "  \"entitlements\": {\n",
      with: "  \"entitlements\": {\n    \"board\": [{\"role\": \"reader\", \"system\": \"gdrive\"}],\n"
    ).replacingOccurrences(
      of: "    \"secretary\": [\n",
      with: "    \"president\": [{\"role\": \"owner\", \"system\": \"drive\"}],\n    \"secretary\": [\n")
    try #require(edited != settings)
    try ledger.directory.write("ledger.json", edited)
    // Committing the settings is refused, each problem at its line and column, and nothing
    // is committed; `validate` of the working files says the same.
    let head = try ledger.head()
    let committed = ledger.run("commit", "-m", "Board and president")
    #expect(committed.status == 1, "\(committed)")
    // Placed in ledger.json as the commit writes it (canonical): line and column of the value.
    let said = committed.output + committed.error
    #expect(
      said.contains(
        #":19: error[entitlement-system]: the entitlements of "board" name systems/gdrive, which does not exist (at /entitlements/board/0/system)"#
      ), "\(committed)")
    #expect(
      said.contains(
        #":17: error[entitlement-role-offered]: the entitlements of "president" name role "owner", which systems/drive does not offer (reader, contributor, manager) (at /entitlements/president/0/role)"#
      ))
    #expect(said.contains("ledger.json:"))
    #expect(try ledger.head() == head)
  }

  @Test func aFunctionPeopleCannotHoldIsRefused() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let settings = try #require(ledger.directory.read("ledger.json"))
    try ledger.directory.write(
      "ledger.json",
      settings.replacingOccurrences(
        of: "  \"entitlements\": {\n",
        with: "  \"entitlements\": {\n    \"webmaster\": [{\"role\": \"editor\", \"system\": \"website\"}],\n"))
    let result = ledger.run("commit", "-m", "A webmaster")
    #expect(result.status == 1, "\(result)")
    #expect(
      result.error.contains(#"error[schema/propertyNames]: "entitlements" has a field name that is not allowed: "webmaster""#))
  }

  @Test func aLedgerWithoutEntitlementsHasNothingToReport() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("report", "entitlements")
    #expect(result.status == 0, "\(result)")
    #expect(result.error.hasPrefix("note: ledger.json declares no entitlements"))
  }

  /// The line (from 1) of the first line of `text` holding `needle`.
  static func line(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
  }

  /// The id in `Added rights/ID (commit ...)`.
  static func addedRight(_ output: String) -> String? { added("rights", output) }

  /// The id in `Added KIND/ID (commit ...)`.
  static func added(_ kind: String, _ output: String) -> String? {
    guard let range = output.range(of: "Added \(kind)/") else { return nil }
    return output[range.upperBound...].split(separator: " ").first.map(String.init)
  }
}
