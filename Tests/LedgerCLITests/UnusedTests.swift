import Foundation
import LedgerTestSupport
import Testing

/// Last use: `import accounts --profile last-login` records when each account was last seen on
/// its system, and `report unused` lists the active rights not used lately. The in-process CLI's
/// clock says 2026-11-18 (Europe/Paris for the platform sample): 90 days back is 2026-08-20.
@Suite struct UnusedTests {
  static let example = "geonature-last-logins.csv"

  /// The platform sample with the example last-login export of GeoNature imported.
  static func importedSample() throws -> LedgerSandbox {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile(example)
    let result = ledger.run("import", "accounts", file, "--profile", "last-login", "--system", "geonature")
    try #require(result.status == 0, "\(result)")
    return ledger
  }

  /// The GeoNature accounts' logins and last_seen, by login.
  static func lastSeen(_ ledger: LedgerSandbox) -> String {
    ledger.run(
      "list", "accounts", "--where", "system=geonature", "--sort", "login", "--fields", "login,last_seen", "--format", "csv"
    ).output
  }

  /// Writes a CSV file outside the ledger and returns its path.
  static func write(_ text: String, named name: String, in directory: borrowing TemporaryDirectory) throws -> String {
    try directory.write(name, text)
    return directory.path(name).path
  }

  // MARK: - Import

  @Test func theLastLoginExportSetsLastSeenOnTheMatchingAccounts() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile(UnusedTests.example)
    let result = ledger.run("import", "accounts", file, "--profile", "last-login", "--system", "geonature")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasPrefix("Imported 18 accounts from geonature-last-logins.csv: 0 added, 18 changed, 0 unchanged (commit "))
    #expect(result.output.contains("  set accounts/2024-02-01-d9oer\n      + last_seen: \"2026-11-17\"\n"))
    // The time of day is dropped: the day as the export wrote it.
    #expect(
      UnusedTests.lastSeen(ledger) == """
        login,last_seen
        afaure,2026-11-12
        avincent,2026-04-30
        cdurand,2026-11-17
        cmorel,2026-08-03
        crousseau,2026-07-30
        ebonnet,
        gfontaine,2026-10-08
        hgarnier,2025-12-02
        iroux,2026-09-30
        jmartin,2026-11-05
        lfaure,2026-10-21
        lmartin,2026-03-18
        lmuller,
        mgirard,2026-08-20
        mpetit,2026-11-16
        npetit,2026-05-28
        oclement,
        rmercier,
        sroux,2026-10-02
        tblanc,2026-11-17
        ybenali,2026-06-11
        zlambert,2026-11-14

        """)
    // Accounts of the same people on other systems are left alone (Matomo's own export fed
    // the sample's Matomo accounts: report drift matomo).
    let others = ledger.run(
      "list", "accounts", "--where", "system!=geonature", "--where", "system!=matomo", "--fields", "system,last_seen",
      "--format", "csv")
    #expect(others.output.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",") })
    // One commit, and the ledger is still valid.
    #expect(try ExternalProgram.git("rev-list", "--count", "HEAD", in: ledger.directory.url).output == "3\n")
    #expect(ledger.run("validate").status == 0)
  }

  @Test func importingTheSameExportTwiceMakesNoSecondCommit() throws {
    let ledger = try UnusedTests.importedSample()
    let head = try ledger.head()
    let again = ledger.run(
      "import", "accounts", try ImportExportTests.formatFile(UnusedTests.example), "--profile", "last-login", "--system",
      "geonature")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output == """
        Nothing to change: geonature-last-logins.csv brings nothing the ledger does not hold (0 added, 0 changed, 18 unchanged); no commit.

        """)
    #expect(try ledger.head() == head)
  }

  @Test func anOlderExportDoesNotMoveLastSeenBack() throws {
    let ledger = try UnusedTests.importedSample()
    let files = try TemporaryDirectory()
    // Another shape: `;`, other column names, French dates, a log listing a login twice.
    let older = try UnusedTests.write(
      """
      User;Dernière connexion
      cdurand;05/01/2026 08:00
      mpetit;2026-11-18T07:45:00+01:00
      sroux;2026-09-01
      mpetit;2026-11-17 10:00:00

      """, named: "older.csv", in: files)
    let head = try ledger.head()
    let result = ledger.run("import", "accounts", older, "--profile", "last-login", "--system", "geonature")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Imported 1 accounts from older.csv: 0 added, 1 changed, 2 unchanged (commit "))
    #expect(result.output.contains("  set accounts/2024-02-01-fuh58\n      last_seen: \"2026-11-16\" -> \"2026-11-18\"\n"))
    let seen = UnusedTests.lastSeen(ledger)
    #expect(
      seen.contains("\ncdurand,2026-11-17\n") && seen.contains("\nmpetit,2026-11-18\n") && seen.contains("\nsroux,2026-10-02\n"))
    #expect(try ledger.head() != head)
    // A file older on every row changes nothing and commits nothing.
    let oldest = try UnusedTests.write("login,date\ncdurand,2025-01-02\nmpetit,2025-01-02\n", named: "oldest.csv", in: files)
    let after = try ledger.head()
    let none = ledger.run("import", "accounts", oldest, "--profile", "last-login", "--system", "geonature")
    #expect(none.status == 0, "\(none)")
    #expect(none.output.hasPrefix("Nothing to change: oldest.csv"))
    #expect(try ledger.head() == after)
  }

  @Test func unknownLoginsAreNotedAndSkipped() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run(
      "import", "accounts", try ImportExportTests.formatFile(UnusedTests.example), "--profile", "last-login", "--system",
      "geonature")
    #expect(result.status == 0)
    #expect(
      result.error.contains(
        #"geonature-last-logins.csv:2: note[match]: "admin" is not an account of geonature in the ledger; it is left out (column "identifiant")"#
      ))
    #expect(
      result.error.contains(
        #"geonature-last-logins.csv:17: note[import]: "oclement" has no date (never logged in); accounts/2025-11-01-1bx4u is left as it is (column "derniere_connexion")"#
      ))
    // A login the person holds on another system is not an account of this one.
    let files = try TemporaryDirectory()
    let other = try UnusedTests.write(
      "username,last_login\nbperrin-ns,2026-11-10\ntblanc,2026-11-18\n", named: "other.csv", in: files)
    let second = ledger.run("import", "accounts", other, "--profile", "last-login", "--system", "geonature")
    #expect(second.status == 0, "\(second)")
    #expect(
      second.error.contains(
        #"other.csv:2: note[match]: "bperrin-ns" is not an account of geonature in the ledger; it is left out (column "username")"#
      ))
    #expect(second.output.hasPrefix("Imported 1 accounts from other.csv: 0 added, 1 changed, 0 unchanged"))
  }

  @Test func theImportAsksForTheSystemAndRefusesUnreadableDates() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let head = try ledger.head()
    let file = try ImportExportTests.formatFile(UnusedTests.example)
    let noSystem = ledger.run("import", "accounts", file, "--profile", "last-login")
    #expect(noSystem.status == 1)
    #expect(
      noSystem.error.contains(
        "error[import]: a last-login file does not say which system it comes from (column \"--system\")\nhint: pass --system SYSTEM"
      ))
    let unknown = ledger.run("import", "accounts", file, "--profile", "last-login", "--system", "nowhere")
    #expect(unknown.status == 1)
    #expect(unknown.error.contains(#"error[ref-exists]: no system "nowhere" in the ledger"#))
    let files = try TemporaryDirectory()
    let bad = try UnusedTests.write("login,last_seen\ncdurand,last tuesday\nmpetit,2027-01-01\n", named: "bad.csv", in: files)
    let refused = ledger.run("import", "accounts", bad, "--profile", "last-login", "--system", "geonature")
    #expect(refused.status == 1)
    #expect(refused.error.contains(#"bad.csv:2: error[date]: "last tuesday" is not a date (column "last_seen")"#))
    #expect(refused.error.contains(#"bad.csv:3: error[date]: "2027-01-01" is after today (2026-11-18) (column "last_seen")"#))
    let columns = try UnusedTests.write("who,when\ncdurand,2026-11-01\n", named: "columns.csv", in: files)
    let noColumns = ledger.run("import", "accounts", columns, "--profile", "last-login", "--system", "geonature")
    #expect(noColumns.status == 1)
    #expect(noColumns.error.contains("error[import]: no login column: expected one named login, identifiant, username"))
    let mapped = ledger.run(
      "import", "accounts", columns, "--profile", "last-login", "--system", "geonature", "--map", "who=login", "--map",
      "when=last_seen")
    #expect(mapped.status == 0, "\(mapped)")
    #expect(mapped.output.hasPrefix("Imported 1 accounts from columns.csv"))
    #expect(try ledger.head() != head)
  }

  // MARK: - Report

  @Test func reportUnusedListsTheRightsNotSeenForNinetyDaysTemporaryFirst() throws {
    let ledger = try UnusedTests.importedSample()
    let result = ledger.run("report", "unused", "--since", "90d")
    #expect(result.status == 0, "\(result)")
    // mgirard, last seen 2026-08-20, exactly 90 days ago, is not listed; rmercier, absent from
    // the export, and oclement, never logged in, are "never recorded"; other systems have no
    // last-login data yet.
    #expect(
      result.output == """
        Unused rights

        ## Active rights whose account was not seen since 20 August 2026 (90 days before 18 November 2026): 21
        system          validated_by_organization  validated_by  right             person     login        role              temporary  last_seen       days_since
        cloud-vm        (not validated)                          2024-01-20-f5kfe  cdurand    cdurand      operator          false      never recorded
        cloud-vm        (not validated)                          2024-01-20-v2qpa  mpetit     mpetit       root              false      never recorded
        geonature       cbn-med                    jmartin       2026-09-01-8osa6  rmercier   rmercier     sensitive-reader  true       never recorded
        geonature       cbn-med                    jmartin       2025-11-01-gylno  oclement   oclement     reader            false      never recorded
        geonature       cbn-med                    jmartin       2025-09-01-py7ff  hgarnier   hgarnier     contributor       false      2025-12-02      351
        geonature       lpo-paca                   afaure        2026-08-01-ep9rw  cmorel     cmorel       sensitive-reader  true       2026-08-03      107
        geonature       lpo-paca                   afaure        2025-05-12-py6m4  lmartin    lmartin      contributor       false      2026-03-18      245
        geonature       lpo-paca                   afaure        2026-04-02-tewdl  avincent   avincent     contributor       false      2026-04-30      202
        geonature       lpo-paca                   afaure        2025-10-03-50tok  crousseau  crousseau    contributor       false      2026-07-30      111
        geonature       (not validated)                          2024-02-01-te8t3  ybenali    ybenali      validator         false      2026-06-11      160
        github-tracker  (not validated)                          2025-03-01-vswka  bperrin    bperrin-ns   write             false      never recorded
        github-tracker  (not validated)                          2023-06-01-71bl6  cdurand    cdurand-bds  admin             false      never recorded
        github-tracker  (not validated)                          2023-06-01-cjijf  mpetit     mpetit-bds   write             false      never recorded
        matomo          (not validated)                          2024-03-01-rgox2  cdurand    cdurand      view              false      never recorded
        matomo          (not validated)                          2024-03-01-63ffj  mpetit     mpetit       admin             false      never recorded
        usershub        (not validated)                          2024-02-01-tyib5  mpetit     mpetit       admin             false      never recorded
        usershub        (not validated)                          2024-02-01-kxj32  sroux      sroux        user-admin        false      never recorded
        wiki            (not validated)                          2024-04-01-1r114  cdurand    cdurand      editor            false      never recorded
        wiki            (not validated)                          2024-04-01-4c3an  mpetit     mpetit       editor            false      never recorded
        wiki            (not validated)                          2024-04-01-b6hdf  sroux      sroux        editor            false      never recorded
        wiki            (not validated)                          2024-04-01-jfhha  ybenali    ybenali      editor            false      never recorded

        """)
  }

  @Test func reportUnusedPrintsCSVForASpreadsheet() throws {
    let ledger = try UnusedTests.importedSample()
    let result = ledger.run("report", "unused", "--since", "90d", "--system", "geonature", "--format", "csv")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output == """
        system,validated_by_organization,validated_by,right,person,login,role,temporary,last_seen,days_since
        geonature,cbn-med,jmartin,2026-09-01-8osa6,rmercier,rmercier,sensitive-reader,true,never recorded,
        geonature,cbn-med,jmartin,2025-11-01-gylno,oclement,oclement,reader,false,never recorded,
        geonature,cbn-med,jmartin,2025-09-01-py7ff,hgarnier,hgarnier,contributor,false,2025-12-02,351
        geonature,lpo-paca,afaure,2026-08-01-ep9rw,cmorel,cmorel,sensitive-reader,true,2026-08-03,107
        geonature,lpo-paca,afaure,2025-05-12-py6m4,lmartin,lmartin,contributor,false,2026-03-18,245
        geonature,lpo-paca,afaure,2026-04-02-tewdl,avincent,avincent,contributor,false,2026-04-30,202
        geonature,lpo-paca,afaure,2025-10-03-50tok,crousseau,crousseau,contributor,false,2026-07-30,111
        geonature,(not validated),,2024-02-01-te8t3,ybenali,ybenali,validator,false,2026-06-11,160

        """)
    // A longer period leaves out more; a shorter one brings in mgirard (90 days) and more.
    let year = ledger.run("report", "unused", "--since", "1y", "--system", "geonature", "--format", "csv")
    #expect(
      year.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] } == [
        "rmercier", "oclement",
      ])
    let month = ledger.run("report", "unused", "--since", "30d", "--system", "geonature", "--format", "csv")
    #expect(month.output.contains(",mgirard,mgirard,contributor,false,2026-08-20,90\n"))
    #expect(ledger.run("report", "unused", "--system", "nowhere").status != 0)
    #expect(ledger.run("report", "unused", "--since", "soon").status == 2)
  }
}
