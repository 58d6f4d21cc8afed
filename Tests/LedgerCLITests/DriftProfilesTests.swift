import Foundation
import LedgerTestSupport
import Testing

/// `report drift` with the profiles that read JSON (cPanel's mailboxes and forwarders,
/// Matomo's users) and Brevo's contact lists: each example file of ledger/imports finds its
/// seeded differences, `--update` brings the ledger in line in one commit, and a second run
/// finds nothing.
@Suite struct DriftProfilesTests {
  struct Example: CustomTestStringConvertible, Sendable {
    let sample: String
    let system: String
    let files: [String]
    /// The report in CSV.
    let report: String
    /// The counts on the first line `--update` prints.
    let summary: String
    var testDescription: String { "\(system) from \(files.joined(separator: ", "))" }
  }

  static let mail = Example(
    sample: "association", system: "mail",
    files: ["cpanel-email-list-pops.json", "cpanel-email-list-forwarders.json"],
    report: """
      system,file,profile,listed,agreeing,findings
      mail,"cpanel-email-list-pops.json, cpanel-email-list-forwarders.json",cpanel-email,5,2,5

      finding,login,person,account,ledger_roles,system_roles,note
      missing-in-ledger,tresorier@naturalistes.example.org,slefort,,,,forwards to slefort@example.org (the ledger: nowhere)
      missing-in-system,delegue33@naturalistes.example.org,ifournier,2025-01-20-7gnoi,,,
      suspended-in-system,delegue31@naturalistes.example.org,cmichel,2024-09-05-rgox2,,,
      forward-differs,bureau@naturalistes.example.org,,,,,"forwards to jrobert@example.org, president.2019@free.example (the ledger: nowhere); no person of the ledger has the address president.2019@free.example"
      forward-differs,delegue38@naturalistes.example.org,frichard,2025-03-12-l7spo,,,"forwards to asdubois@example.org, frichard@example.org (the ledger: to frichard@example.org); asdubois@example.org is the address of asdubois, who left (member lapsed)"

      """,
    summary: "1 added, 4 changed, 2 unchanged, 1 not in the file")

  static let matomo = Example(
    sample: "platform", system: "matomo", files: ["matomo-users.json"],
    report: """
      system,file,profile,listed,agreeing,findings
      matomo,matomo-users.json,matomo-users,3,0,4

      finding,login,person,account,ledger_roles,system_roles,note
      missing-in-ledger,gfontaine,gfontaine,,,view,
      missing-in-system,jchevalier,jchevalier,2025-04-01-jc7mt,view,,
      role-differs,mpetit,mpetit,2024-03-01-l7spo,admin,superuser,last seen 2026-11-16 (the ledger: never recorded)
      last-seen,cdurand,cdurand,2024-03-01-7e4jr,view,view,last seen 2026-11-12 (the ledger: never recorded)

      """,
    summary: "3 added, 5 changed, 0 unchanged, 1 not in the file")

  static let examples = [mail, matomo]

  @Test(arguments: examples)
  func theExampleFindsEachSeededDifferenceWithoutAProfileGiven(_ example: Example) throws {
    let ledger = try ValidationCommandTests.sample(example.sample)
    let files = try example.files.map(ImportExportTests.formatFile)
    let csv = ledger.cli.run(["report", "drift", example.system] + files + ["--format", "csv"])
    #expect(csv.status == 1, "\(csv)")
    #expect(csv.output == example.report)
  }

  @Test(arguments: examples)
  func updateBringsTheLedgerInLineInOneCommitAndASecondRunFindsNothing(_ example: Example) throws {
    let ledger = try ValidationCommandTests.sample(example.sample)
    let files = try example.files.map(ImportExportTests.formatFile)
    let before = try ledger.head()
    let update = ledger.cli.run(["report", "drift", example.system] + files + ["--update"])
    #expect(update.status == 0, "\(update)")
    #expect(update.output.contains(example.summary), "\(update)")
    #expect(try ledger.head() != before)
    let log = ledger.run("log", "--limit", "2", "--format", "json").output
    #expect(log.components(separatedBy: "Bring \(example.system)'s accounts in line").count == 2)
    let again = ledger.cli.run(["report", "drift", example.system] + files + ["--format", "csv"])
    #expect(again.status == 0, "\(again)")
    #expect(again.output.hasSuffix(",0\n\nfinding,login,person,account,ledger_roles,system_roles,note\n"))
    #expect(ledger.run("validate").status == 0)
    let head = try ledger.head()
    let second = ledger.cli.run(["report", "drift", example.system] + files + ["--update"])
    #expect(second.output.hasPrefix("Nothing to change:"), "\(second)")
    #expect(try ledger.head() == head)
  }

  // MARK: - cPanel

  @Test func theMailUpdateRecordsMailboxesSuspensionsAndForwardersAsTheHostHasThem() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let files = try Self.mail.files.map(ImportExportTests.formatFile)
    #expect(ledger.cli.run(["report", "drift", "mail"] + files + ["--update"]).status == 0)
    let show = { (record: String) in ledger.run("show", record, "--format", "json").output }
    #expect(show("accounts/2024-09-05-rgox2").contains("\"status\": \"suspended\""))
    #expect(show("accounts/2025-01-20-7gnoi").contains("\"status\": \"closed\""))
    #expect(
      show("accounts/2025-03-12-l7spo").contains(
        "\"redirect_to\": [\n      \"asdubois@example.org\",\n      \"frichard@example.org\"\n    ]"))
    let mail = show("systems/mail")
    #expect(
      mail.contains(
        "\"bureau@naturalistes.example.org\": [\n      \"jrobert@example.org\",\n      \"president.2019@free.example\"\n    ]"))
    #expect(mail.contains("\"contact@naturalistes.example.org\""))
    let treasurer = ledger.run(
      "list", "accounts", "--where", "login=tresorier", "--fields", "person,system,status,mailbox.address",
      "--format", "csv"
    ).output
    #expect(treasurer.hasSuffix("slefort,mail,active,tresorier@naturalistes.example.org\n"), "\(treasurer)")
  }

  @Test func oneFileHoldingBothAnswersReadsAsTheTwoFiles() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    let answers = try Self.mail.files.map {
      try String(contentsOfFile: try ImportExportTests.formatFile($0), encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    try folder.write("mail.json", "[\n" + answers.joined(separator: ",\n") + "\n]\n")
    let result = ledger.run("report", "drift", "mail", folder.path("mail.json").path, "--format", "csv")
    #expect(result.status == 1, "\(result)")
    let rows = { (text: String) in text.split(separator: "\n").dropFirst(2) }
    #expect(rows(result.output) == rows(Self.mail.report))
  }

  @Test func withoutTheForwardersTheMailboxesAloneAreCompared() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let pops = try ImportExportTests.formatFile("cpanel-email-list-pops.json")
    let result = ledger.run("report", "drift", "mail", pops, "--format", "csv")
    #expect(!result.output.contains("forward-differs"), "\(result)")
    #expect(result.output.contains("suspended-in-system,delegue31@naturalistes.example.org"))
    // The treasurer's mailbox forwards nowhere known: its person cannot be found.
    #expect(
      result.output.contains(
        "missing-in-ledger,tresorier@naturalistes.example.org,,,,,no person of the ledger has this email or name"))
    #expect(
      result.error.contains(
        "cpanel-email-list-pops.json:1:220: note[main-account]: naturalistes is the cPanel account's main mailbox"),
      "\(result.error)")
  }

  @Test func aForwarderBackToTheLedgerIsFoundAgainTheOtherWay() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    let pops = try ImportExportTests.formatFile("cpanel-email-list-pops.json")
    let forwarders = try String(
      contentsOfFile: try ImportExportTests.formatFile("cpanel-email-list-forwarders.json"), encoding: .utf8)
    // The host loses contact@, which the ledger records as an alias of the mail system.
    let fewer = forwarders.replacingOccurrences(of: "contact@", with: "accueil@")
    try folder.write("forwarders.json", fewer)
    let result = ledger.run("report", "drift", "mail", pops, folder.path("forwarders.json").path, "--format", "csv")
    #expect(
      result.output.contains(
        "forward-differs,contact@naturalistes.example.org,,,,,\"forwards nowhere (the ledger: to jrobert@example.org, mdupont@example.org)\"\n"
      ), "\(result)")
  }

  @Test func aMailboxOffboardingSuspendedIsForTheHostToFollowNotTheLedger() throws {
    let ledger = try ValidationCommandTests.sample("association")
    #expect(ledger.run("offboard", "tnguyen", "--on", "2026-11-17").status == 0)
    let files = try Self.mail.files.map(ImportExportTests.formatFile)
    let finding =
      "not-suspended-in-system,delegue13@naturalistes.example.org,tnguyen,2026-02-03-kxj32,,,\"forwards to tnguyen@example.org (the ledger: to kbonnet@example.org); tnguyen@example.org is the address of tnguyen, who left (member resigned)\"\n"
    let report = ledger.cli.run(["report", "drift", "mail"] + files + ["--format", "csv"])
    #expect(report.output.contains(finding), "\(report)")
    #expect(ledger.cli.run(["report", "drift", "mail"] + files + ["--update"]).status == 0)
    let mailbox = ledger.run("show", "accounts/2026-02-03-kxj32", "--format", "json").output
    #expect(mailbox.contains("\"status\": \"suspended\""))
    #expect(mailbox.contains("\"kbonnet@example.org\""))
    let again = ledger.cli.run(["report", "drift", "mail"] + files + ["--format", "csv"])
    #expect(again.status == 1)
    #expect(again.output.hasSuffix("note\n" + finding), "\(again)")
  }

  // MARK: - Matomo

  @Test func matomoLastSeenFeedsTheAccountsAndTheUnusedReport() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("matomo-users.json")
    let result = ledger.run("report", "drift", "matomo", file, "--update")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.error.contains(
        "matomo-users.json:35:26: note[invited]: npetit is invited and has not accepted yet; it counts as not on the system"
      ), "\(result.error)")
    let seen = ledger.run(
      "list", "accounts", "--where", "system=matomo", "--fields", "login,status,last_seen", "--sort", "login",
      "--format", "csv"
    ).output
    #expect(
      seen
        == "login,status,last_seen\ncdurand,active,2026-11-12\ngfontaine,active,2026-11-05\njchevalier,closed,2026-10-20\nmpetit,active,2026-11-16\n"
    )
    let rights = ledger.run(
      "list", "rights", "--where", "account.system=matomo", "--where", "status=active", "--fields",
      "account.login,role", "--sort", "account.login", "--format", "csv"
    ).output
    #expect(rights == "account.login,role\ncdurand,view\ngfontaine,view\nmpetit,superuser\n")
  }

  @Test func getUsersWithoutRolesComparesTheAccountsAndTheirLastSeenDaysOnly() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    try folder.write(
      "users.json",
      """
      [{"login":"cdurand","email":"cdurand@cen-paca.example.org","superuser_access":"0","last_seen":null},
       {"login":"mpetit","email":"mpetit@cen-paca.example.org","superuser_access":"0","last_seen":null},
       {"login":"jchevalier","email":"jchevalier@ofb.example.org","superuser_access":"0","last_seen":"2026-11-02 10:00:00"}]

      """)
    let result = ledger.run("report", "drift", "matomo", folder.path("users.json").path, "--format", "csv")
    #expect(
      result.output.hasSuffix(
        "finding,login,person,account,ledger_roles,system_roles,note\nlast-seen,jchevalier,jchevalier,2025-04-01-jc7mt,view,view,last seen 2026-11-02 (the ledger: 2026-10-20)\n"
      ), "\(result)")
  }

  // MARK: - Brevo

  static let brevoReport = """
    system,file,profile,listed,agreeing,findings
    brevo-newsletter,brevo-contacts-export.csv,brevo-contacts,17,13,4

    finding,login,person,account,ledger_roles,system_roles,note
    missing-from-list,kbonnet@example.org,kbonnet,,"Adhérents, Délégués et suppléants",Adhérents,
    former-member-on-list,drousseau@example.org,drousseau,,,Adhérents,member lapsed (paid until 2025-12-31)
    not-entitled-on-list,amis.des.oiseaux@example.net,,,,Adhérents,no person of the ledger has this email or name
    not-entitled-on-list,bgirard@example.org,bgirard,,Adhérents,"Adhérents, Délégués et suppléants",

    """

  @Test func brevoListsAreComparedWithTheLedgersRule() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let file = try ImportExportTests.formatFile("brevo-contacts-export.csv")
    let result = ledger.run("report", "drift", "brevo-newsletter", file, "--format", "csv")
    #expect(result.status == 1, "\(result)")
    #expect(result.output == Self.brevoReport)
    #expect(
      result.error.contains(
        "brevo-contacts-export.csv:5: note[blocklisted]: emoreau@example.org is blocklisted in Brevo"))
    let text = ledger.run("report", "drift", "brevo-newsletter", file)
    #expect(
      text.error.contains(
        "hint: the ledger decides who is on brevo-newsletter's lists: add and remove these contacts in the mailing service"
      ))
  }

  @Test func brevoFollowsTheLedgerSoUpdateIsRefusedAndTheFixedListsAgree() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let file = try ImportExportTests.formatFile("brevo-contacts-export.csv")
    let head = try ledger.head()
    let update = ledger.run("report", "drift", "brevo-newsletter", file, "--update")
    #expect(update.status == 2)
    #expect(update.error.contains("the ledger decides who is on brevo-newsletter's lists"))
    #expect(try ledger.head() == head)
    // The administrator brings Brevo in line: the same export then finds nothing.
    let folder = try TemporaryDirectory()
    var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
    lines.removeAll { $0.contains("drousseau@") || $0.contains("amis.des.oiseaux@") }
    lines = lines.map {
      $0.hasPrefix("9;kbonnet@") ? $0 + ",3" : $0.hasPrefix("1;bgirard@") ? String($0.dropLast(2)) : $0
    }
    try folder.write("fixed.csv", lines.joined(separator: "\n") + "\n")
    let again = ledger.run("report", "drift", "brevo-newsletter", folder.path("fixed.csv").path, "--format", "csv")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output.hasPrefix("system,file,profile,listed,agreeing,findings\nbrevo-newsletter,fixed.csv,brevo-contacts,15,15,0\n"))
  }

  // MARK: - What refuses

  @Test func aJSONErrorNamesTheLineAndCharacterAndChangesNothing() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    try folder.write("users.json", "[\n  {\"login\": \"mpetit\",\n   \"superuser_access\": tru}\n]\n")
    let head = try ledger.head()
    let result = ledger.run("report", "drift", "matomo", folder.path("users.json").path, "--update")
    #expect(result.status == 1, "\(result)")
    #expect(result.error.contains("users.json:3:24: error[json]: "), "\(result.error)")
    #expect(try ledger.head() == head)
  }

  @Test func aRoleTheSystemDoesNotOfferIsAProblemAtItsValue() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    try folder.write(
      "users.json",
      "[\n  {\"login\": \"mpetit\", \"superuser_access\": false,\n   \"role\": \"publisher\"}\n]\n")
    let result = ledger.run("report", "drift", "matomo", folder.path("users.json").path)
    #expect(result.status == 1, "\(result)")
    #expect(
      result.error.contains(
        "users.json:3:12: error[role]: mpetit has \"publisher\", which is not a role of systems/matomo (view, write, admin, superuser) (column \"/0/role\")"
      ), "\(result.error)")
  }

  @Test func aJSONFileOfNoKnownShapeAsksForAProfile() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    try folder.write("other.json", "{\"users\": []}\n")
    let result = ledger.run("report", "drift", "matomo", folder.path("other.json").path)
    #expect(result.status == 2)
    #expect(result.error.contains("cannot tell which system exported"))
    #expect(result.error.contains("--profile matomo-users"))
  }

  @Test func aProfileGivenAFileOfTheOtherFormatSaysWhichItReads() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let csv = try ImportExportTests.formatFile("usershub-roles-export.csv")
    let result = ledger.run("report", "drift", "matomo", csv, "--profile", "matomo-users")
    #expect(result.status == 1)
    #expect(
      result.error.contains(
        "error[file]: the profile matomo-users reads the JSON the program prints, not a CSV file"))
  }

  @Test func anAnswerReportingAnErrorIsRefused() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    try folder.write(
      "pops.json",
      "{\"apiversion\":3,\"func\":\"list_pops\",\"module\":\"Email\",\"result\":{\"data\":null,\"errors\":[\"Access denied\"],\"status\":0}}\n"
    )
    let result = ledger.run("report", "drift", "mail", folder.path("pops.json").path)
    #expect(result.status == 1)
    #expect(result.error.contains("pops.json:1:"), "\(result.error)")
    #expect(result.error.contains("error[json]: cPanel reported an error: Access denied"))
  }
}
