import Foundation
import LedgerTestSupport
import Testing

/// `offboard` end to end on the sample ledgers. Nobody in them is marked resigned yet: in the
/// association, Élie Moreau (emoreau) is the lapsed deputy whom both `report consistency` and
/// `report entitlements` name, and Thu Nguyen (tnguyen) is the delegate of scenario 19, whose
/// department has one deputy, Karine Bonnet (kbonnet); in the platform, Yasmine Benali
/// (ybenali), the data manager, answers for five duties. The in-process CLI's clock says
/// 2026-11-18.
@Suite struct OffboardTests {
  /// The ids of `person`, their accounts and the rights on those.
  static func ids(of person: String, in ledger: LedgerSandbox) -> [String] {
    let accounts = ledger.run("list", "accounts", "--where", "person=\(person)", "--fields", "id", "--format", "csv")
    let rights = ledger.run("list", "rights", "--where", "account.person=\(person)", "--fields", "id", "--format", "csv")
    return [person] + [accounts, rights].flatMap { $0.output.split(separator: "\n").dropFirst().map(String.init) }
  }

  /// The lines of `report consistency` and `report entitlements` that name one of `ids`.
  static func findings(about ids: [String], in ledger: LedgerSandbox) -> [String] {
    let reports = [ledger.run("report", "consistency"), ledger.run("report", "entitlements")]
    return reports.flatMap { $0.output.split(separator: "\n").map(String.init) }.filter { line in
      ids.contains { line.contains($0) }
    }
  }

  @Test func offboardingTheAssociationsLeaversClearsTheReportsOfThem() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let emoreau = Self.ids(of: "emoreau", in: ledger)
    #expect(emoreau == ["emoreau", "2024-03-01-zsd4d", "2024-03-01-rrjyz"])
    // A site editor who is no active member, a right missing, a right no function calls for.
    #expect(Self.findings(about: emoreau, in: ledger).count == 3)
    for person in ["emoreau", "tnguyen"] {
      let ids = Self.ids(of: person, in: ledger)
      let result = ledger.run("offboard", person)
      #expect(result.status == 0, "\(result)")
      #expect(Self.findings(about: ids, in: ledger) == [], "\(person)")
    }
    #expect(ledger.run("validate").status == 0)
    // emoreau's site account, which made them an editor without an active membership, is closed.
    let show = ledger.run("show", "accounts/2024-03-01-zsd4d", "--format", "json")
    #expect(show.output.contains(#""closed": "2026-11-18""#) && show.output.contains(#""status": "closed""#))
  }

  @Test func offboardingThePlatformsDataManagerHandsHerDutiesOver() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("offboard", "ybenali", "--on", "2026-11-30")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("- ledger role data-manager held until 2026-11-30\n"))
    #expect(result.output.contains("- duties/extractions handed to people/mpetit\n"))
    #expect(result.output.contains("- duties/user-assistance: no longer its deputy\n"))
    #expect(result.output.contains("- duties/user-assistance has no deputy now; name one with"))
    #expect(result.output.contains("## To decide\n- ending ledger roles or signing keys changes the policy: "))
    #expect(Self.findings(about: Self.ids(of: "ybenali", in: ledger), in: ledger) == [])
    let duties = ledger.run("report", "duties", "--person", "ybenali", "--format", "csv")
    #expect(duties.output.split(separator: "\n").count <= 1, "\(duties)")
    #expect(ledger.run("validate").status == 0)
  }

  /// Scenario 19: the delegate leaves; the mailbox goes to the deputy, the lists, the
  /// back-office right; the checklist says what to do in cPanel and in Dolibarr.
  @Test func theDelegateOfScenario19() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("offboard", "tnguyen")
    #expect(result.status == 0, "\(result)")
    let commit = try ledger.head()
    #expect(
      result.output == """
        Offboarded people/tnguyen (Thu Nguyen) on 2026-11-18: 4 records changed (commit \(commit.prefix(7)))
        Deputy taking over: people/kbonnet

        ## In the ledger
        - member_status: active -> resigned
        - functions ended: member, delegate
        - accounts/2026-02-03-kxj32 on mail: mailbox delegue13@naturalistes.example.org suspended, its mail redirected to kbonnet@example.org
        - accounts/2026-02-03-kxj32: delegue13@naturalistes.example.org taken off the lists delegates
        - accounts/2026-02-03-te8t3 on dolibarr (login tnguyen) closed
        - accounts/2026-02-03-te8t3 on dolibarr taken out of the groups delegues: no role through them remains
        - rights/2026-02-03-c0gku: delegate on dolibarr revoked (was active; accounts/2026-02-03-te8t3)

        ## By hand, in each system
        systems/dolibarr (Back office (Dolibarr, MySQL), https://gestion.naturalistes.example.org)
          [ ] login tnguyen (accounts/2026-02-03-te8t3): delete or disable it; remove its role delegate; take it out of the groups delegues
        systems/mail (Mail (cPanel mailboxes), https://webmail.naturalistes.example.org)
          [ ] delegue13@naturalistes.example.org (accounts/2026-02-03-kxj32): stop its logins, forward its mail to kbonnet@example.org; take it off the lists delegates
        Then 'adminledger report drift SYSTEM EXPORT' on a system's export of its users confirms it: nothing left about them.

        """)
    // One commit, saying what happened in its trailers.
    let message = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(message.hasPrefix("Offboard people/tnguyen (Thu Nguyen) on 2026-11-18\n"))
    #expect(message.contains("Ledger-Action: offboard\nLedger-Action: set\n"))
    for record in ["accounts/2026-02-03-kxj32", "accounts/2026-02-03-te8t3", "people/tnguyen", "rights/2026-02-03-c0gku"] {
      #expect(message.contains("Ledger-Record: \(record)\n"), "\(record)")
    }
    let parents = try ExternalProgram.git("rev-list", "--count", "HEAD", in: ledger.directory.url).output
    #expect(parents.trimmingCharacters(in: .whitespacesAndNewlines) == "3")  // init, the sample, offboard
    // Running it again finds nothing left to end.
    let again = ledger.run("offboard", "tnguyen")
    #expect(again.status == 0)
    #expect(again.output.hasPrefix("Nothing to change: people/tnguyen (Thu Nguyen) holds nothing"))
    #expect(try ledger.head() == commit)
  }

  /// The checklist's task done in WordPress, the site's export no longer lists emoreau:
  /// `report drift` has nothing left about them.
  @Test func reportDriftConfirmsTheChecklist() throws {
    let ledger = try ValidationCommandTests.sample("association")
    #expect(ledger.run("offboard", "emoreau").status == 0)
    let export = ValidationCommandTests.samples.appendingPathComponent("imports/wordpress-users-export.csv")
    let text = try String(contentsOf: export, encoding: .utf8)
    let before = ledger.run("report", "drift", "website", export.path, "--format", "csv")
    #expect(before.output.contains("missing-in-ledger,emoreau,emoreau,2024-03-01-zsd4d,,editor,the ledger's account is closed"))
    let after = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(#""emoreau""#) }
    try ledger.directory.write("wordpress-after.csv", after.joined(separator: "\n"))
    let drift = ledger.run("report", "drift", "website", "wordpress-after.csv", "--format", "csv")
    #expect(!drift.output.isEmpty && !drift.output.contains("emoreau"), "\(drift)")
  }

  @Test func aDryRunPrintsThePlanAndChangesNothing() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let head = try ledger.head()
    let files = try ledger.snapshotOfFiles()
    let result = ledger.run("offboard", "emoreau", "--dry-run")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Would offboard people/emoreau (Élie Moreau) on 2026-11-18: 3 records to change (dry run"))
    #expect(result.output.contains("## Changes\n  set people/emoreau\n"))
    #expect(result.output.contains("      status: \"active\" -> \"revoked\"\n"))
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
  }

  @Test func jsonListsTheChangesTheStepsAndTheChecklist() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("offboard", "tnguyen", "--on", "2026-11-20", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let data = Data(result.output.utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["action"] as? String == "offboard")
    #expect(object["day"] as? String == "2026-11-20")
    #expect(object["deputy"] as? String == "kbonnet")
    #expect((object["commit"] as? String)?.count == 40)
    let checklist = try #require(object["checklist"] as? [[String: Any]])
    #expect(checklist.map { $0["system"] as? String } == ["dolibarr", "mail"])
    #expect(checklist[1]["action"] as? String == "redirect")
    #expect(checklist[1]["redirect_to"] as? String == "kbonnet@example.org")
    #expect(checklist[1]["lists"] as? [String] == ["delegates"])
    let steps = try #require(object["steps"] as? [[String: Any]])
    #expect(steps.contains { $0["step"] as? String == "right-revoked" && $0["right"] as? String == "2026-02-03-c0gku" })
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.count == 4)
  }

  @Test func badInputIsRefusedAndChangesNothing() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let head = try ledger.head()
    let unknown = ledger.run("offboard", "nobody")
    #expect(unknown.status == 2 && unknown.error.contains("no record people/nobody"), "\(unknown)")
    let day = ledger.run("offboard", "emoreau", "--on", "30/11/2026")
    #expect(day.status == 2 && day.error.contains("--on takes a day, not '30/11/2026'"), "\(day)")
    #expect(day.error.contains("YYYY-MM-DD"), "\(day)")
    let status = ledger.run("offboard", "emoreau", "--status", "active")
    #expect(status.status == 2 && status.error.contains("--status takes resigned, lapsed, none"), "\(status)")
    let deputy = ledger.run("offboard", "emoreau", "--deputy", "emoreau")
    #expect(deputy.status == 2, "\(deputy)")
    let missingDeputy = ledger.run("offboard", "emoreau", "--deputy", "zz")
    #expect(missingDeputy.status == 2 && missingDeputy.error.contains("no record people/zz"), "\(missingDeputy)")
    #expect(try ledger.head() == head)
  }

  @Test func aDutyNobodyCanTakeIsFlaggedAndStillReported() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let added = ledger.run(
      "add", "duties", "minutes", "--set", "mission=Minutes of the board", "--set", "theme=Board",
      "--set", #"responsible=["jrobert"]"#)
    try #require(added.status == 0, "\(added)")
    let result = ledger.run("offboard", "jrobert")
    #expect(result.status == 0, "\(result)")
    // jrobert shares duties/consistency with mdupont, and stands in for mail and site.
    #expect(result.output.contains("- duties/consistency left to people/mdupont\n"))
    #expect(result.output.contains("- duties/mail: no longer its deputy\n"))
    #expect(result.output.contains("## To decide\n- ending ledger roles or signing keys changes the policy"))
    #expect(result.output.contains("- duties/mail has no deputy now"))
    #expect(result.output.contains("- duties/minutes: nobody to hand it to (no deputy); name someone with"))
    let consistency = ledger.run("report", "consistency", "--format", "csv")
    #expect(
      consistency.output.split(separator: "\n").filter { $0.contains("jrobert") } == [
        "People responsible for a duty are still here,duties/minutes,responsible jrobert (Jeanne Robert) has resigned"
      ])
  }
}
