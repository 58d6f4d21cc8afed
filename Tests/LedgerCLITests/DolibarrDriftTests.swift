import Foundation
import LedgerTestSupport
import Testing

/// `report drift dolibarr FILE --profile dolibarr-users`: the association's back office export
/// of its users (ledger/imports/dolibarr-users-export.csv) against the sample, one seeded
/// difference of each kind, and `--update` bringing the ledger in line. The in-process CLI's
/// clock says 2026-11-18.
@Suite struct DolibarrDriftTests {
  static let report = """
    system,file,profile,listed,agreeing,findings
    dolibarr,dolibarr-users-export.csv,dolibarr-users,8,5,4

    finding,login,person,account,ledger_roles,system_roles,note
    missing-in-ledger,jrobert,jrobert,,,,
    missing-in-system,frichard,frichard,2025-03-12-42982,delegate,,
    role-differs,hlefevre,hlefevre,2026-11-16-cjijf,delegate,"administrator, delegate",
    group-differs,tnguyen,tnguyen,2026-02-03-te8t3,delegate,"delegate, treasurer","groups in the ledger: Délégués; on the system: Délégués, Trésorerie"

    """

  static func run(_ ledger: LedgerSandbox, _ more: String...) throws -> CLIResult {
    let file = try ImportExportTests.formatFile("dolibarr-users-export.csv")
    return ledger.cli.run(["report", "drift", "dolibarr", file, "--profile", "dolibarr-users"] + more)
  }

  @Test func theExportShowsOneDifferenceOfEachKind() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let csv = try Self.run(ledger, "--format", "csv")
    #expect(csv.status == 1, "\(csv)")
    #expect(csv.output == Self.report)
    // The disabled user is said, not counted; the profile is guessed from the header too.
    #expect(csv.error.contains("dolibarr-users-export.csv:3: note[disabled]: asdubois is disabled in Dolibarr"))
    let file = try ImportExportTests.formatFile("dolibarr-users-export.csv")
    #expect(ledger.run("report", "drift", "dolibarr", file, "--format", "csv").output == Self.report)
  }

  @Test func updateBringsTheLedgerInLineInOneCommitAndASecondRunFindsNothing() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let commits = {
      (try? ExternalProgram.git("rev-list", "--count", "HEAD", in: ledger.directory.url).output)
        .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }
    let before = commits()
    let update = try Self.run(ledger, "--update")
    #expect(update.status == 0, "\(update)")
    #expect(update.output.contains("2 added, 3 changed, 5 unchanged, 1 not in the file"), "\(update)")
    #expect(commits() == before + 1)
    let log = ledger.run("log", "--limit", "1").output
    #expect(log.contains("Bring dolibarr's accounts in line with dolibarr-users-export.csv: 2 added, 3 changed"))
    let again = try Self.run(ledger, "--format", "csv")
    #expect(again.status == 0, "\(again)")
    #expect(again.output.hasSuffix(",8,8,0\n\nfinding,login,person,account,ledger_roles,system_roles,note\n"))
    #expect(ledger.run("validate").status == 0)
    let list = { (arguments: [String]) in ledger.cli.run(["list"] + arguments + ["--format", "csv"]).output }
    // The group difference: Thu Nguyen joins Trésorerie, no right made for what it gives.
    #expect(
      list(["accounts", "--where", "login=tnguyen", "--fields", "id,groups"])
        == "id,groups\n2026-02-03-te8t3,\"[\"\"delegues\"\",\"\"tresorerie\"\"]\"\n")
    #expect(!list(["rights", "--where", "account=2026-02-03-te8t3", "--fields", "role"]).contains("treasurer"))
    // The admin flag: Hugo Lefèvre's administrator right.
    #expect(
      list(["rights", "--where", "account=2026-11-16-cjijf", "--fields", "role,status", "--sort", "role"])
        == "role,status\nadministrator,active\ndelegate,active\n")
    // The account missing: closed, out of its groups, its right revoked.
    #expect(
      list(["accounts", "--where", "login=frichard", "--fields", "status,closed,groups"])
        == "status,closed,groups\nclosed,2026-11-18,\n")
    // The extra login: Jeanne Robert's account, found by her email.
    #expect(
      list(["accounts", "--where", "login=jrobert", "--where", "system=dolibarr", "--fields", "person,status,opened"])
        == "person,status,opened\njrobert,active,2026-11-12\n")
  }

  @Test func aGroupTheLedgerLacksIsAddedWithoutRolesToFillIn() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    let original = try String(
      contentsOfFile: try ImportExportTests.formatFile("dolibarr-users-export.csv"), encoding: .utf8)
    try folder.write(
      "users.csv", original + "5,cmichel,MICHEL,Céline,cmichel@example.org,2024-09-05,2026-11-14 14:03:55,0,1,Lecture seule\n")
    let file = folder.path("users.csv").path
    let report = ledger.run("report", "drift", "dolibarr", file, "--format", "csv")
    #expect(
      report.output.contains(
        "group-differs,cmichel,cmichel,2024-09-05-63ffj,delegate,delegate,\"groups in the ledger: Délégués; on the system: Délégués, Lecture seule\"\n"
      ), "\(report)")
    #expect(ledger.run("report", "drift", "dolibarr", file, "--update").status == 0)
    let group = ledger.run("show", "groups/lecture-seule", "--format", "json").output
    #expect(group.contains(#""name": "Lecture seule""#) && group.contains(#""roles": []"#), "\(group)")
    #expect(group.contains("fill in roles"))
    #expect(ledger.run("report", "drift", "dolibarr", file).status == 0)
  }

  @Test func theAdminFlagIsReadThroughARoleMapping() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = try Self.run(ledger, "--role", "administrator=treasurer", "--format", "csv")
    #expect(result.status == 1)
    #expect(result.output.contains("role-differs,mdupont,mdupont,2022-01-15-d278r,administrator,treasurer,\n"), "\(result)")
  }
}
