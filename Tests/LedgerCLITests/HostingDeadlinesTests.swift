import Foundation
import LedgerTestSupport
import Testing

/// Hosting's deadlines on the association sample: a system's TLS certificate, its domain's
/// renewal and its backup's next check are in `report expiring`, and `import systems FILE
/// --profile certificates` sets the certificates' ends from crt.sh's log or an inventory. The
/// sample holds: the site's certificate ending 2026-12-29 and its domain renewing 2027-01-09,
/// the back office's certificate ending 2026-11-14 (renewed since: the log says so), and
/// backups last checked on 2026-06-12 (shared host, every 6m), 2026-10-02 (VPS, every 6m) and
/// 2026-11-03 (back office database, every 3m).
@Suite struct HostingDeadlinesTests {
  static let example = "certificates-crtsh-export.csv"

  /// The association sample with the in-process clock at 09:00 UTC on `day`.
  static func association(on day: String) throws -> LedgerSandbox {
    var ledger = try ValidationCommandTests.sample("association")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "\(day)T09:00:00Z"))
    return ledger
  }

  /// The systems' hosts and certificate ends, by id.
  static func certificateEnds(_ ledger: LedgerSandbox) -> String {
    ledger.run(
      "list", "systems", "--where", "url~naturalistes", "--sort", "id", "--fields", "id,url,certificate_end", "--format", "csv"
    ).output
  }

  // MARK: - report expiring

  @Test func aCertificateEndingWithinTheWindowIsListed() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    let result = ledger.run("report", "expiring", "--within", "60d", "--format", "csv")
    #expect(result.status == 0, "\(result)")
    let rows = result.output.split(separator: "\n").map(String.init)
    #expect(
      rows.contains("2026-12-29,32,due,systems/website,TLS certificate,certificate_end,Public site (WordPress)"),
      "\(result.output)")
    // A certificate past its end stays listed, overdue, until the ledger learns of its renewal.
    #expect(
      rows.contains(#"2026-11-14,-13,overdue,systems/dolibarr,TLS certificate,certificate_end,"Back office (Dolibarr, MySQL)""#))
    #expect(rows.contains("2027-01-09,43,due,systems/website,domain renewal,domain_renewal,Public site (WordPress)"))
    // The shared host's backup was last checked on 2026-06-12, to be checked every 6 months.
    #expect(
      rows.contains("2026-12-12,15,due,systems/ph-host,backup check,backup.last_checked,PlanetHoster shared hosting (cPanel)"))
    // The VPS's (2027-04-02) and the database's (2027-02-03) checks lie beyond 60 days.
    #expect(!result.output.contains("systems/ovh-vps"))
    #expect(!result.output.contains("2027-02-03"))
    // Within 30 days (to 2026-12-27), the site's certificate is not listed yet.
    let month = ledger.run("report", "expiring", "--within", "30d", "--format", "csv").output
    #expect(!month.contains("systems/website"))
    #expect(month.contains("systems/ph-host,backup check"))
  }

  @Test func recordingABackupCheckMovesItsNextCheck() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    #expect(ledger.run("set", "systems/ph-host", "--set", "backup.last_checked=2026-11-26").status == 0)
    let year = ledger.run("report", "expiring", "--within", "1y", "--format", "csv").output
    #expect(!year.contains("2026-12-12"))
    #expect(
      year.contains("2027-05-26,180,due,systems/ph-host,backup check,backup.last_checked,PlanetHoster shared hosting (cPanel)\n"))
    #expect(year.contains("2027-02-03,68,due,systems/dolibarr,backup check,backup.last_checked,"))
    // A check with no interval would never come due: the schema asks for one.
    let refused = ledger.run("set", "systems/ovh-vps", "--unset", "backup.check_interval")
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.error.contains("check_interval"), "\(refused.error)")
  }

  // MARK: - import systems --profile certificates

  @Test func theCrtShExportSetsTheCertificateEndsOfTheMatchingSystems() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    let file = try ImportExportTests.formatFile(HostingDeadlinesTests.example)
    let result = ledger.run("import", "systems", file, "--profile", "certificates")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasPrefix("Imported 2 systems from certificates-crtsh-export.csv: 0 added, 2 changed, 1 unchanged (commit "))
    // The log lists three certificates of the back office: the latest end is kept.
    #expect(result.output.contains("  set systems/dolibarr\n      certificate_end: \"2026-11-14\" -> \"2027-01-13\"\n"))
    // cPanel's certificate names www and webmail: the mail system takes its end too.
    #expect(result.output.hasSuffix("  set systems/mail\n      + certificate_end: \"2026-12-29\"\n"))
    // A host of the log that no system's url names is noted, once, at its first line.
    #expect(
      result.error.contains(
        #"certificates-crtsh-export.csv:2: note[match]: "preprod.naturalistes.example.org" is the host of no system's url (1 certificate); left out (column "common_name")"#
      ))
    #expect(
      HostingDeadlinesTests.certificateEnds(ledger) == """
        id,url,certificate_end
        dolibarr,https://gestion.naturalistes.example.org,2027-01-13
        mail,https://webmail.naturalistes.example.org,2026-12-29
        website,https://www.naturalistes.example.org,2026-12-29

        """)
    let expiring = ledger.run("report", "expiring", "--format", "csv").output
    #expect(!expiring.contains("2026-11-14"))
    #expect(
      expiring.contains(#"2027-01-13,47,due,systems/dolibarr,TLS certificate,certificate_end,"Back office (Dolibarr, MySQL)""#))
    #expect(ledger.run("validate").status == 0)
  }

  @Test func importingTheExportAgainMakesNoCommit() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    let file = try ImportExportTests.formatFile(HostingDeadlinesTests.example)
    #expect(ledger.run("import", "systems", file, "--profile", "certificates").status == 0)
    let head = try ledger.head()
    let again = ledger.run("import", "systems", file, "--profile", "certificates")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output.hasPrefix(
        "Nothing to change: certificates-crtsh-export.csv brings nothing the ledger does not hold (0 added, 0 changed, 3 unchanged); no commit."
      ))
    #expect(try ledger.head() == head)
  }

  @Test func anInventoryReadsDayFirstDatesURLsAndWildcards() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    let folder = try TemporaryDirectory()
    // A wildcard serves one label below it: www, gestion and webmail, not the bare domain. The
    // latest end wins: webmail's own certificate (as openssl prints its end) ends later.
    try folder.write(
      "inventory.csv",
      """
      Host;Expires
      *.naturalistes.example.org;15/03/2027
      https://www.naturalistes.example.org/;01/02/2027
      naturalistes.example.org;01/04/2027
      webmail.naturalistes.example.org;Apr  2 10:15:00 2027 GMT

      """)
    let result = ledger.run("import", "systems", folder.path("inventory.csv").path, "--profile", "certificates")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.error.contains(
        #"inventory.csv:4: note[match]: "naturalistes.example.org" is the host of no system's url (1 certificate); left out (column "Host")"#
      ))
    #expect(
      HostingDeadlinesTests.certificateEnds(ledger) == """
        id,url,certificate_end
        dolibarr,https://gestion.naturalistes.example.org,2027-03-15
        mail,https://webmail.naturalistes.example.org,2027-04-02
        website,https://www.naturalistes.example.org,2027-03-15

        """)
  }

  @Test func aBadDateRefusesTheFileWithItsLineAndColumn() throws {
    let ledger = try HostingDeadlinesTests.association(on: "2026-11-27")
    let head = try ledger.head()
    let folder = try TemporaryDirectory()
    try folder.write(
      "inventory.csv",
      """
      host,certificate_end
      www.naturalistes.example.org,2027-02-28
      gestion.naturalistes.example.org,2027-02-30

      """)
    let result = ledger.run("import", "systems", folder.path("inventory.csv").path, "--profile", "certificates")
    #expect(result.status == 1, "\(result)")
    #expect(
      result.error.contains(#"inventory.csv:3: error[date]: "2027-02-30" is not a date (column "certificate_end")"#),
      "\(result.error)")
    #expect(result.error.contains("nothing was imported"))
    #expect(try ledger.head() == head)
  }
}
