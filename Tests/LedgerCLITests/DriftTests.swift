import Foundation
import LedgerTestSupport
import Testing

/// `report drift`: the systems' own exports of their users (ledger/imports) against the sample
/// ledgers, and `--update` bringing the ledger in line.
@Suite struct DriftTests {
  /// One example export and the sample ledger it belongs to.
  struct Example: CustomTestStringConvertible, Sendable {
    let sample: String
    let system: String
    let file: String
    /// The report in CSV, as the deliberate drift of the file makes it.
    let report: String
    /// How many findings the report counts.
    let findings: Int
    /// The counts on the first line `--update` prints.
    let summary: String
    var testDescription: String { "\(system) from \(file)" }
  }

  static let examples = [
    Example(
      sample: "platform", system: "geonature", file: "usershub-roles-export.csv",
      report: """
        system,file,profile,listed,agreeing,findings
        geonature,usershub-roles-export.csv,usershub-roles,19,17,3

        finding,login,person,account,ledger_roles,system_roles,note
        missing-in-ledger,agauthier,agauthier,,,reader,
        missing-in-system,lmartin,lmartin,2025-05-12-lmclr,contributor,,
        role-differs,zlambert,zlambert,2025-09-01-2c1ds,contributor,validator,

        """,
      findings: 3, summary: "3 added, 3 changed, 17 unchanged, 1 not in the file"),
    Example(
      sample: "association", system: "website", file: "wordpress-users-export.csv",
      report: """
        system,file,profile,listed,agreeing,findings
        website,wordpress-users-export.csv,wordpress-users,4,2,2

        finding,login,person,account,ledger_roles,system_roles,note
        missing-in-ledger,drousseau,drousseau,,,editor,member lapsed (paid until 2025-12-31)
        role-differs,jrobert,jrobert,2023-02-01-cscel,editor,administrator,

        """,
      findings: 2, summary: "3 added, 1 changed, 2 unchanged"),
  ]

  @Test(arguments: examples)
  func theExampleExportShowsItsDeliberateDrift(_ example: Example) throws {
    let ledger = try ValidationCommandTests.sample(example.sample)
    let file = try ImportExportTests.formatFile(example.file)
    let csv = ledger.run("report", "drift", example.system, file, "--format", "csv")
    #expect(csv.status == 1, "\(csv)")
    #expect(csv.output == example.report)
    let json = ledger.run("report", "drift", example.system, file, "--format", "json")
    #expect(json.status == 1)
    #expect(json.output.hasPrefix("{\n  \"findings\": \(example.findings),\n"))
    let text = ledger.run("report", "drift", example.system, file)
    #expect(
      text.output.hasPrefix("Drift of \(example.system): the ledger against \(example.file)\n"))
    #expect(
      text.error.contains(
        "hint: 'adminledger report drift \(example.system) \(file) --update' brings the ledger in line"
      ))
  }

  @Test func aDisabledUsersHubUserCountsAsNotOnTheSystemAndIsSaid() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let original = try String(
      contentsOfFile: try ImportExportTests.formatFile("usershub-roles-export.csv"), encoding: .utf8
    )
    let disabled = original.replacingOccurrences(of: "f,t,23,lfaure,", with: "f,f,23,lfaure,")
    try folder.write("usershub-disabled.csv", disabled)
    let result = ledger.run(
      "report", "drift", "geonature", folder.path("usershub-disabled.csv").path, "--format", "csv")
    #expect(
      result.output.contains("missing-in-system,lfaure,lfaure,2025-10-03-e49p1,contributor,,\n"))
    #expect(
      result.error.hasSuffix(
        "usershub-disabled.csv:14: note[disabled]: lfaure is disabled in UsersHub; it counts as not on the system (column \"active\")\n"
      ))
    // The group Grp_admin is left out without a word.
    #expect(!result.error.contains("Grp_admin"))
  }

  @Test(arguments: examples)
  func updateBringsTheLedgerInLineAndLeavesNoDrift(_ example: Example) throws {
    let ledger = try ValidationCommandTests.sample(example.sample)
    let file = try ImportExportTests.formatFile(example.file)
    let before = try ledger.head()
    let update = ledger.run("report", "drift", example.system, file, "--update")
    #expect(update.status == 0, "\(update)")
    #expect(update.output.hasPrefix("Imported "))
    #expect(update.output.contains(example.summary))
    #expect(try ledger.head() != before)
    let again = ledger.run("report", "drift", example.system, file, "--format", "csv")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output.hasSuffix(",0\n\nfinding,login,person,account,ledger_roles,system_roles,note\n"))
    let validate = ledger.run("validate")
    #expect(validate.status == 0, "\(validate)")
    // Nothing left to do: a second update makes no commit.
    let head = try ledger.head()
    let second = ledger.run("report", "drift", example.system, file, "--update")
    #expect(
      second.output.hasPrefix(
        "Nothing to change: \(example.file) brings nothing the ledger does not hold"))
    #expect(try ledger.head() == head)
  }

  @Test func updateOfThePlatformRecordsWhatUsersHubSays() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("usershub-roles-export.csv")
    #expect(ledger.run("report", "drift", "geonature", file, "--update").status == 0)
    let list = { (arguments: [String]) in
      ledger.cli.run(["list"] + arguments + ["--format", "csv"]).output
    }
    #expect(
      list(["accounts", "--where", "login=agauthier", "--fields", "id,person,system,status,opened"])
        .hasSuffix(",agauthier,geonature,active,2026-11-03\n"))
    #expect(
      list(["accounts", "--where", "login=lmartin", "--fields", "id,status,closed"])
        == "id,status,closed\n2025-05-12-lmclr,closed,2026-11-18\n")
    let reason = "no longer on geonature in its export usershub-roles-export.csv on 2026-11-18"
    #expect(
      list(["rights", "--where", "account=2025-05-12-lmclr", "--fields", "id,role,status,reason"])
        == "id,role,status,reason\n2025-05-12-py6m4,contributor,revoked,\(reason)\n")
    let zoe = list([
      "rights", "--where", "account=2025-09-01-2c1ds", "--fields", "id,role,status,reason",
      "--sort", "role",
    ])
    #expect(zoe.contains("2025-09-01-mvcgr,contributor,revoked,\(reason)\n"))
    #expect(
      zoe.contains(
        ",validator,active,found on geonature in its export usershub-roles-export.csv on 2026-11-18\n"
      ))
    let log = ledger.run("log", "--limit", "1").output
    #expect(
      log.contains(
        "Bring geonature's accounts in line with usershub-roles-export.csv: 3 added, 3 changed"))
  }

  @Test func theLapsedEditorIsThenListedByTheConsistencyReport() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let file = try ImportExportTests.formatFile("wordpress-users-export.csv")
    #expect(ledger.run("report", "drift", "website", file, "--update").status == 0)
    let consistency = ledger.run("report", "consistency", "--format", "csv").output
    let lapsed = consistency.split(separator: "\n").filter {
      $0.hasPrefix("Editors of the public site are active members,rights/")
    }
    #expect(lapsed.count == 2, "\(consistency)")  // Élie Moreau's, as before, and David Rousseau's
  }

  @Test func dryRunPrintsTheChangesAndWritesNothing() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("usershub-roles-export.csv")
    let files = try ledger.snapshotOfFiles()
    let head = try ledger.head()
    let plan = ledger.run("report", "drift", "geonature", file, "--update", "--dry-run")
    #expect(plan.status == 0, "\(plan)")
    #expect(
      plan.output.hasPrefix(
        "Would import 6 accounts and rights from usershub-roles-export.csv: 3 added, 3 changed, 17 unchanged, 1 not in the file (dry run: nothing committed)\n"
      ))
    #expect(
      plan.output.contains(
        """
          set accounts/2025-05-12-lmclr
              + closed: "2026-11-18"
              status: "active" -> "closed"
        """))
    #expect(
      plan.output.hasSuffix(
        "In the ledger, not in usershub-roles-export.csv: accounts/2025-05-12-lmclr\n"))
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
    #expect(ledger.run("report", "drift", "geonature", file).status == 1)
  }

  // MARK: - What refuses

  struct Refusal: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let status: Int32
    let error: String
    var testDescription: String { name }
  }

  static let refusals = [
    Refusal(
      name: "an unknown system", arguments: ["nowhere", "@usershub-roles-export.csv", "--update"],
      status: 2, error: "adminledger: error: no record systems/nowhere"),
    Refusal(
      name: "an unreadable file", arguments: ["geonature", "missing.csv", "--update"], status: 2,
      error: "adminledger: error: cannot read missing.csv: no such file"),
    Refusal(
      name: "a file of no known shape",
      arguments: ["geonature", "@brevo-contacts-import-example.csv", "--update"], status: 2,
      error: "adminledger: error: cannot tell which system exported"),
    Refusal(
      name: "a file of the wrong shape",
      arguments: [
        "geonature", "@wordpress-users-export.csv", "--profile", "usershub-roles", "--update",
      ],
      status: 1,
      error:
        "error[import]: this is not a UsersHub export of users and their profiles: no column \"identifiant\""
    ),
    Refusal(
      name: "an application the file lacks",
      arguments: ["matomo", "@usershub-roles-export.csv", "--update"], status: 1,
      error:
        "error[application]: no application of the export is systems/matomo; it lists UsersHub (UH), TaxHub (TH), GeoNature (GN)"
    ),
    Refusal(
      name: "a profile no role stands for",
      arguments: ["usershub", "@usershub-roles-export.csv", "--update"], status: 1,
      error:
        "usershub-roles-export.csv:4: error[role]: sroux has \"Référent\", which is not a role of systems/usershub (user-admin, admin) (column \"nom_profil\")\nhint: map it with --role 'Référent=ROLE'"
    ),
    Refusal(
      name: "an unknown profile",
      arguments: ["geonature", "@usershub-roles-export.csv", "--profile", "usershub"], status: 2,
      error: "hint: did you mean 'usershub-roles'?"),
    Refusal(
      name: "--dry-run alone", arguments: ["geonature", "@usershub-roles-export.csv", "--dry-run"],
      status: 2,
      error: "adminledger: error: --dry-run shows what --update would change: pass both"),
  ]

  @Test(arguments: refusals)
  func aBadRequestSaysWhyAndChangesNothing(_ refusal: Refusal) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let files = try ledger.snapshotOfFiles()
    let head = try ledger.head()
    var arguments = ["report", "drift"]
    for argument in refusal.arguments {
      arguments.append(
        argument.hasPrefix("@")
          ? try ImportExportTests.formatFile(String(argument.dropFirst())) : argument)
    }
    let result = ledger.cli.run(arguments)
    #expect(result.status == refusal.status, "\(result)")
    #expect(result.error.contains(refusal.error), "\(result)")
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
  }

  // MARK: - Rows beyond the examples

  /// The UsersHub example with rows appended.
  static func usersHubExport(adding rows: [String], in folder: TemporaryDirectory) throws -> String {
    let original = try String(
      contentsOfFile: try ImportExportTests.formatFile("usershub-roles-export.csv"), encoding: .utf8
    )
    let url = folder.path("usershub-more.csv")
    try (original + rows.map { $0 + "\n" }.joined()).write(
      to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func aPersonTheLedgerLacksRefusesTheUpdateAtTheirRow() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let file = try Self.usersHubExport(
      adding: [
        "f,t,40,xdupuis,DUPUIS,Xavier,xdupuis@cen-paca.example.org,2,CEN PACA,,2026-11-10 10:02:13.5,2026-11-10 10:02:13.5,3,GN,GeoNature,1,1,Lecteur"
      ],
      in: folder)
    let report = ledger.run("report", "drift", "geonature", file, "--format", "csv")
    #expect(
      report.output.contains(
        "missing-in-ledger,xdupuis,,,,reader,no person of the ledger has this email or name\n"))
    let head = try ledger.head()
    let update = ledger.run("report", "drift", "geonature", file, "--update")
    #expect(update.status == 1)
    #expect(
      update.error.contains(
        """
        usershub-more.csv:28: error[person]: no person of the ledger has the email xdupuis@cen-paca.example.org, and no person named Xavier DUPUIS at CEN PACA (column "email")
        hint: add the person first (adminledger add people ID --set 'name=Xavier DUPUIS' --set 'emails=["xdupuis@cen-paca.example.org"]'), then run report drift again
        """))
    #expect(try ledger.head() == head)
  }

  @Test func aClosedAccountTheSystemStillHasIsReopenedAndAPersonIsFoundByName() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let file = try Self.usersHubExport(
      adding: [
        "f,t,12,npetit,PETIT,Noah,npetit@gecko-nature.example.org,7,Association Gecko Nature,,2024-06-10 11:20:05.3,2024-06-10 11:20:05.3,3,GN,GeoNature,2,2,Rédacteur",
        "f,t,41,plefevre,LEFEVRE,Paul,,8,Région Sud,,2026-11-12 09:30:00.25,2026-11-12 09:30:00.25,3,GN,GeoNature,1,1,Lecteur",
      ], in: folder)
    let report = ledger.run("report", "drift", "geonature", file, "--format", "csv").output
    #expect(
      report.contains(
        "missing-in-ledger,npetit,npetit,2024-06-10-7a7je,,contributor,the ledger's account is closed (since 2026-06-30)\n"
      ))
    #expect(report.contains("missing-in-ledger,plefevre,plefevre,,,reader,\n"))
    let update = ledger.run("report", "drift", "geonature", file, "--update", "--dry-run")
    #expect(
      update.output.contains(
        """
          set accounts/2024-06-10-7a7je
              - closed: "2026-06-30"
              status: "closed" -> "active"
        """), "\(update)")
    #expect(ledger.run("report", "drift", "geonature", file, "--update").status == 0)
    #expect(ledger.run("report", "drift", "geonature", file).status == 0)
    #expect(ledger.run("validate").status == 0)
  }

  @Test func aRoleMappingNamesAProfileTheSystemCallsOtherwise() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("usershub-roles-export.csv")
    let result = ledger.run(
      "report", "drift", "usershub", file, "--role", "Référent=user-admin", "--format", "csv")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasPrefix(
        "system,file,profile,listed,agreeing,findings\nusershub,usershub-roles-export.csv,usershub-roles,2,2,0\n"
      ))
    let wrong = ledger.run("report", "drift", "usershub", file, "--role", "Référent=boss")
    #expect(wrong.status == 1)
    #expect(
      wrong.error.contains(
        #"--role maps "Référent" to "boss", which systems/usershub does not offer (user-admin, admin)"#
      ))
  }

  @Test func aWordPressExportWithARolesColumnAndAUserWithoutRoleIsRead() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    try folder.write(
      "users.csv",
      #"""
      "ID","user_login","user_email","first_name","last_name","display_name","roles","user_registered"
      "1","mdupont","mdupont@example.org","Mathieu","Dupont","Mathieu Dupont","administrator","2022-01-15 08:42:17"
      "4","jrobert","jrobert@example.org","Jeanne","Robert","Jeanne Robert","editor","2023-02-01 17:05:33"
      "7","emoreau","emoreau@example.org","Élie","Moreau","Élie Moreau","","2024-03-01 10:21:49"
      "12","bgirard","bgirard@example.org","","","Bernard Girard","author, subscriber","2026-10-02 08:00:00"

      """#)
    let result = ledger.run(
      "report", "drift", "website", folder.path("users.csv").path, "--format", "csv")
    #expect(
      result.output.hasSuffix(
        """
        finding,login,person,account,ledger_roles,system_roles,note
        missing-in-ledger,bgirard,bgirard,,,"author, subscriber",
        role-differs,emoreau,emoreau,2024-03-01-zsd4d,editor,,

        """), "\(result)")
  }
}
