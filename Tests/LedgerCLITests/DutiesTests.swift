import Foundation
import LedgerTestSupport
import Testing

/// The coordination tables of the two samples (`duties`): `report duties` prints them as the
/// organisations write them, in text, CSV and JSON, whole or narrowed to a person, a system or
/// an organisation; `report person` lists a person's duties; `report consistency` finds a duty
/// whose responsible person or deputy has left.
@Suite struct DutiesTests {
  /// One sample's table in one format, exactly as printed.
  struct Table: CustomTestStringConvertible, Sendable {
    let sample: String
    let format: String
    let expected: String
    var testDescription: String { "\(sample) in \(format)" }
  }

  static let tables = [
    Table(sample: "platform", format: "text", expected: platformText),
    Table(sample: "platform", format: "csv", expected: platformCSV),
    Table(sample: "association", format: "text", expected: associationText),
    Table(sample: "association", format: "csv", expected: associationCSV),
    Table(sample: "association", format: "json", expected: associationJSON),
  ]

  @Test(arguments: tables)
  func theSamplesTablePrintsAsTheOrganisationWritesIt(_ table: Table) throws {
    let ledger = try ValidationCommandTests.sample(table.sample)
    let result = ledger.run("report", "duties", "--format", table.format)
    #expect(result.status == 0, "\(result)")
    #expect(result.output == table.expected)
  }

  @Test func thePlatformsTableInJSONHoldsTheSameRowsInTheSameOrder() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("report", "duties", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(report["title"] as? String == "Duties of Biodiv'Sud data platform")
    let sections = try #require(report["sections"] as? [[String: Any]])
    let rows = try #require(sections.first?["rows"] as? [[String: Any]])
    #expect(rows.compactMap { $0["duty"] as? String } == Self.platformOrder)
    #expect(
      result.output.contains(
        #"""
                  "actors": "cbn-med: transmit; lpo-paca: transmit; ofb: receive",
                  "deputy": "Marc Petit",
                  "duty": "national-inventory",
                  "frequency": "quarterly",
                  "last_done": null,
                  "link": "https://wiki.biodiv-sud.example.org/procedures/national-inventory",
                  "mission": "Exchanges with the national inventory",
                  "next_due": null,
                  "procedure": "Exchanges with the national inventory (SINP)",
                  "responsible": "Yasmine Benali",
                  "systems": "geonature",
                  "theme": "Data"
        """#))
    // A duty without actors has a null cell, not an empty text.
    #expect(result.output.contains(#""actors": null,"# + "\n" + #"          "deputy": "Sophie Roux","#))
  }

  /// The platform's duties, sorted by theme then mission.
  static let platformOrder = [
    "db-maintenance", "evolution-needs", "data-publication", "national-inventory", "extractions",
    "activity-indicators", "data-return-report", "temporary-rights", "trainings", "user-assistance", "user-rights",
  ]

  // MARK: - Filters

  /// A filter and the duties it keeps, in the table's order.
  struct Filtered: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let duties: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let filters = [
    // Responsible, deputy, or both.
    Filtered(arguments: ["--person", "sroux"], duties: ["temporary-rights", "trainings", "user-assistance", "user-rights"]),
    Filtered(arguments: ["--system", "matomo"], duties: ["activity-indicators"]),
    Filtered(arguments: ["--system", "usershub"], duties: ["temporary-rights", "user-assistance", "user-rights"]),
    // An actor.
    Filtered(arguments: ["--organization", "ofb"], duties: ["national-inventory", "data-return-report"]),
    Filtered(
      arguments: ["--organization", "cbn-med"],
      duties: ["evolution-needs", "data-publication", "national-inventory", "extractions", "temporary-rights", "user-rights"]),
    // The organisation of the responsible people and deputies: all of them work at cen-paca.
    Filtered(arguments: ["--organization", "cen-paca"], duties: platformOrder),
    Filtered(arguments: ["--organization", "univ-amu"], duties: []),
    // Every filter given must hold.
    Filtered(
      arguments: ["--person", "ybenali", "--organization", "lpo-paca"],
      duties: ["data-publication", "national-inventory", "extractions"]),
    Filtered(arguments: ["--person", "mpetit", "--system", "cloud-vm"], duties: ["db-maintenance"]),
  ]

  @Test(arguments: filters)
  func aFilterKeepsTheDutiesItNames(_ filtered: Filtered) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.cli.run(["report", "duties", "--format", "csv"] + filtered.arguments)
    #expect(result.status == 0, "\(result)")
    let ids = result.output.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").last ?? "") }
    #expect(ids == filtered.duties)
  }

  @Test func theTitleNamesTheFiltersAndAnEmptyTableSaysSo() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("report", "duties", "--person", "cmorel", "--system", "geonature", "--organization", "univ-amu")
    #expect(result.status == 0)
    #expect(
      result.output == """
        Duties of Biodiv'Sud data platform, for Camille Morel (people/cmorel), using GeoNature data portal (systems/geonature), with Aix-Marseille Université, IMBE (organizations/univ-amu)

        ## Coordination table
        (none)

        """)
  }

  @Test(arguments: [
    (["--person", "nobody"], "no record people/nobody"),
    (["--system", "nothing"], "no record systems/nothing"),
    (["--organization", "nowhere"], "no record organizations/nowhere"),
    (["--person", "Bad"], "invalid id 'Bad'"),
  ])
  func anUnknownIDIsAUsageError(_ arguments: [String], _ message: String) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.cli.run(["report", "duties"] + arguments)
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.contains(message), "\(result)")
  }

  @Test func atAnEarlierCommitTheTableIsAsItWas() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // HEAD~1 is the ledger made by init, before the sample was copied in.
    let before = ledger.run("report", "duties", "--at", "HEAD~1", "--format", "csv")
    #expect(before.status == 0, "\(before)")
    #expect(before.output == "theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty\n")
    #expect(ledger.run("rm", "duties/site").status == 0)
    let now = ledger.run("report", "duties", "--format", "csv").output
    #expect(!now.contains(",site\n"))
    #expect(ledger.run("report", "duties", "--at", "HEAD~1", "--format", "csv").output == Self.associationCSV)
  }

  // MARK: - report person

  @Test func aPersonsReportListsTheirDuties() throws {
    let platform = try ValidationCommandTests.sample("platform")
    let sroux = platform.run("report", "person", "sroux")
    #expect(sroux.status == 0)
    #expect(
      sroux.output.hasSuffix(
        """
        ## Duties
        duty              mission           as
        temporary-rights  Temporary rights  responsible
        trainings         Trainings         deputy
        user-assistance   User assistance   responsible
        user-rights       User rights       responsible

        """))
    // A partner's contact takes part through the organisation, not in person.
    #expect(platform.run("report", "person", "jmartin").output.hasSuffix("## Duties\n(none)\n"))
    let association = try ValidationCommandTests.sample("association")
    // Deputy of two duties and an actor of a third.
    #expect(
      association.run("report", "person", "vleroy", "--format", "csv").output.hasSuffix(
        """
        duty,mission,as
        back-office,Back office: accounts and rights matched to each function,deputy
        consistency,"Consistency between the site, the back office and the mailing lists",review
        hosting,"Hosting: renewals, security and operation alarms",deputy

        """))
    #expect(
      association.run("report", "person", "slefort", "--format", "json").output.contains(
        #"""
              "fields": [
                "/actors/1/person"
              ],
              "id": "evolutions",
              "kind": "duties",
        """#))
  }

  // MARK: - report consistency

  @Test func aResignedPersonStillResponsibleForADutyIsAFinding() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let before = ledger.run("report", "consistency", "--format", "csv").output
    #expect(before.contains("\nPeople responsible for a duty are still here,6,0\n"))
    #expect(ledger.run("set", "people/jrobert", "--set", "member_status=resigned").status == 0)
    let result = ledger.run("report", "consistency", "--format", "csv")
    #expect(result.status == 1)
    #expect(result.output.contains("\nPeople responsible for a duty are still here,6,3\n"))
    #expect(
      Self.dutyFindings(result.output) == [
        "People responsible for a duty are still here,duties/consistency,responsible jrobert (Jeanne Robert) has resigned",
        "People responsible for a duty are still here,duties/mail,deputy jrobert (Jeanne Robert) has resigned",
        "People responsible for a duty are still here,duties/site,deputy jrobert (Jeanne Robert) has resigned",
      ])
    let text = ledger.run("report", "consistency")
    #expect(text.status == 1)
    // The same lines in the text table, whatever the columns' widths.
    let lines = text.output.split(separator: "\n").filter { $0.hasPrefix(Self.checkName) }
    #expect(
      lines.map { $0.split(separator: " ").joined(separator: " ") } == [
        "People responsible for a duty are still here 6 3",
        "People responsible for a duty are still here duties/consistency responsible jrobert (Jeanne Robert) has resigned",
        "People responsible for a duty are still here duties/mail deputy jrobert (Jeanne Robert) has resigned",
        "People responsible for a duty are still here duties/site deputy jrobert (Jeanne Robert) has resigned",
      ])
  }

  @Test func aPersonWhoseAccountsAreAllClosedIsAFinding() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // Valérie Leroy leaves the newsletter team: her right revoked, her one account closed.
    #expect(ledger.run("set", "rights/2024-01-10-oqggu", "--set", "status=revoked").status == 0)
    #expect(ledger.run("set", "accounts/2024-01-10-64sl1", "--set", "status=closed", "--set", "closed=2026-11-18").status == 0)
    let result = ledger.run("report", "consistency", "--format", "csv")
    #expect(result.status == 1)
    // Deputy of back-office and hosting; only an actor of consistency, which is not checked.
    #expect(
      Self.dutyFindings(result.output) == [
        "People responsible for a duty are still here,duties/back-office,deputy vleroy (Valérie Leroy) has left: every account they held is closed",
        "People responsible for a duty are still here,duties/hosting,deputy vleroy (Valérie Leroy) has left: every account they held is closed",
      ])
    // One account open again, even suspended, and she is still here.
    #expect(ledger.run("set", "accounts/2024-01-10-64sl1", "--set", "status=suspended", "--unset", "closed").status == 0)
    #expect(Self.dutyFindings(ledger.run("report", "consistency", "--format", "csv").output).isEmpty)
  }

  @Test func aLedgerWithoutDutiesHasNoDutyCheck() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let result = ledger.run("report", "consistency", "--format", "csv")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("check,records,findings\n"))
    #expect(!result.output.contains(Self.checkName))
    let platform = try ValidationCommandTests.sample("platform")
    #expect(
      platform.run("report", "consistency", "--format", "csv").output.contains(
        "\nPeople responsible for a duty are still here,11,0\n"))
  }

  @Test func theDutyCheckAloneMakesTheReportExitWithOne() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let added = ledger.run(
      "add", "duties", "backups", "--set", "theme=Administration", "--set", "mission=Backups", "--set", #"responsible=["hugo"]"#)
    #expect(added.status == 0, "\(added)")
    // Hugo never had an account: he has not left.
    #expect(ledger.run("report", "consistency").status == 0)
    #expect(ledger.run("set", "people/hugo", "--set", "member_status=resigned").status == 0)
    let result = ledger.run("report", "consistency", "--format", "json")
    #expect(result.status == 1)
    #expect(result.output.contains(#""findings": 1"#), "\(result)")
    #expect(result.output.contains(#""finding": "responsible hugo (Hugo Lefèvre) has resigned""#), "\(result)")
  }

  /// The built-in check on duties, as `report consistency` names it.
  static let checkName = "People responsible for a duty are still here"

  /// The finding lines of the built-in duty check in a CSV consistency report.
  static func dutyFindings(_ csv: String) -> [String] {
    csv.split(separator: "\n").map(String.init).filter { $0.hasPrefix(Self.checkName + ",duties/") }
  }

  // MARK: - The schema

  @Test func aDutyIsValidatedAgainstItsSchemaAndReferences() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let base = ["add", "duties", "backups", "--set", "theme=Administration", "--set", "mission=Backups"]
    let both = ledger.cli.run(
      base + [
        "--set", #"responsible=["hugo"]"#, "--set",
        #"actors=[{"organization": "cen-paca", "person": "hugo", "role": "validate"}]"#,
      ])
    #expect(both.status == 1, "\(both)")
    #expect(both.error.contains("/actors/0"), "\(both)")
    let unknown = ledger.cli.run(base + ["--set", #"responsible=["nobody"]"#])
    #expect(unknown.status == 1)
    #expect(unknown.error.contains("people/nobody, which does not exist"), "\(unknown)")
    let often = ledger.cli.run(base + ["--set", #"responsible=["hugo"]"#, "--set", "frequency=sometimes"])
    #expect(often.status == 1)
    #expect(
      often.error.contains(
        #""frequency" must be one of "continuous", "daily", "weekly", "monthly", "quarterly", "yearly", "on-request""#),
      "\(often)")
    let added = ledger.cli.run(
      base + [
        "--set", #"responsible=["hugo"]"#, "--set", "deputy=hugo", "--set", #"systems=["geonature"]"#, "--set", "frequency=daily",
        "--set", "procedure.title=Backups", "--set", "procedure.url=https://wiki.example.org/backups",
        "--set", #"actors=[{"organization": "cen-paca", "role": "review", "note": "reads the backup log"}]"#,
      ])
    #expect(added.status == 0, "\(added)")
    #expect(
      ledger.run("report", "duties", "--format", "csv").output == """
        theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty
        Administration,Backups,geonature,Backups,https://wiki.example.org/backups,Hugo Lefèvre,Hugo Lefèvre,cen-paca: review,daily,,,backups

        """)
    // A duty is a named thing: adding one needs an id.
    let unnamed = ledger.run("add", "duties", "--set", "theme=Administration")
    #expect(unnamed.status == 2)
    #expect(unnamed.error.contains("a duty's id is a name people choose"), "\(unnamed)")
  }
}

// MARK: - The expected tables

extension DutiesTests {
  static let platformText = #"""
    Duties of Biodiv'Sud data platform

    ## Coordination table
    theme           mission                                systems                              procedure                                          link                                                               responsible              deputy          actors                                                       frequency   last_done   next_due    duty
    Administration  Database maintenance and backups       cloud-vm, geonature                  Backing up and restoring the GeoNature database    https://wiki.biodiv-sud.example.org/procedures/backups             Marc Petit               Claire Durand   scaleway: implement                                          daily                               db-maintenance
    Administration  Evolution needs                        github-tracker, geonature            From the needs list to a release                   https://wiki.biodiv-sud.example.org/procedures/evolutions          Claire Durand            Marc Petit      natural-solutions: implement; cbn-med: test; lpo-paca: test  continuous                          evolution-needs
    Data            Data publication                       geonature                            Publishing a data set                              https://wiki.biodiv-sud.example.org/procedures/publication         Yasmine Benali           Marc Petit      cbn-med: validate; lpo-paca: validate                        quarterly                           data-publication
    Data            Exchanges with the national inventory  geonature                            Exchanges with the national inventory (SINP)       https://wiki.biodiv-sud.example.org/procedures/national-inventory  Yasmine Benali           Marc Petit      cbn-med: transmit; lpo-paca: transmit; ofb: receive          quarterly                           national-inventory
    Data            Extractions                            geonature                            Specific data extractions                          https://wiki.biodiv-sud.example.org/procedures/extractions         Yasmine Benali           Marc Petit      cbn-med: validate; lpo-paca: validate                        on-request                          extractions
    Reporting       Activity indicators                    matomo, goaccess                     Monthly activity indicators                        https://wiki.biodiv-sud.example.org/procedures/indicators          Marc Petit               Claire Durand   region-sud: inform                                           monthly     2026-11-03  2026-12-03  activity-indicators
    Reporting       Annual data-return report              geonature                            The annual data-return report (fiche bilan)        https://wiki.biodiv-sud.example.org/procedures/data-return-report  Yasmine Benali           Claire Durand   region-sud: review; ofb: review                              yearly      2026-03-15  2027-03-15  data-return-report
    Users           Temporary rights                       usershub, geonature                  Temporary access to sensitive data                 https://wiki.biodiv-sud.example.org/procedures/temporary-rights    Sophie Roux              Claire Durand   cbn-med: validate; lpo-paca: validate                        monthly     2026-11-02  2026-12-02  temporary-rights
    Users           Trainings                              geonature, wiki                      Training sessions and their follow-up sheet        https://wiki.biodiv-sud.example.org/procedures/trainings           Yasmine Benali           Sophie Roux                                                                  quarterly                           trainings
    Users           User assistance                        geonature, usershub, github-tracker  Answering a support request, and when to escalate  https://wiki.biodiv-sud.example.org/procedures/support             Sophie Roux, Marc Petit  Yasmine Benali  natural-solutions: implement                                 continuous                          user-assistance
    Users           User rights                            usershub, geonature                  Opening an account and granting a right            https://wiki.biodiv-sud.example.org/procedures/user-rights         Sophie Roux              Marc Petit      cbn-med: validate; lpo-paca: validate                        on-request                          user-rights

    """#

  static let platformCSV = #"""
    theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty
    Administration,Database maintenance and backups,"cloud-vm, geonature",Backing up and restoring the GeoNature database,https://wiki.biodiv-sud.example.org/procedures/backups,Marc Petit,Claire Durand,scaleway: implement,daily,,,db-maintenance
    Administration,Evolution needs,"github-tracker, geonature",From the needs list to a release,https://wiki.biodiv-sud.example.org/procedures/evolutions,Claire Durand,Marc Petit,natural-solutions: implement; cbn-med: test; lpo-paca: test,continuous,,,evolution-needs
    Data,Data publication,geonature,Publishing a data set,https://wiki.biodiv-sud.example.org/procedures/publication,Yasmine Benali,Marc Petit,cbn-med: validate; lpo-paca: validate,quarterly,,,data-publication
    Data,Exchanges with the national inventory,geonature,Exchanges with the national inventory (SINP),https://wiki.biodiv-sud.example.org/procedures/national-inventory,Yasmine Benali,Marc Petit,cbn-med: transmit; lpo-paca: transmit; ofb: receive,quarterly,,,national-inventory
    Data,Extractions,geonature,Specific data extractions,https://wiki.biodiv-sud.example.org/procedures/extractions,Yasmine Benali,Marc Petit,cbn-med: validate; lpo-paca: validate,on-request,,,extractions
    Reporting,Activity indicators,"matomo, goaccess",Monthly activity indicators,https://wiki.biodiv-sud.example.org/procedures/indicators,Marc Petit,Claire Durand,region-sud: inform,monthly,2026-11-03,2026-12-03,activity-indicators
    Reporting,Annual data-return report,geonature,The annual data-return report (fiche bilan),https://wiki.biodiv-sud.example.org/procedures/data-return-report,Yasmine Benali,Claire Durand,region-sud: review; ofb: review,yearly,2026-03-15,2027-03-15,data-return-report
    Users,Temporary rights,"usershub, geonature",Temporary access to sensitive data,https://wiki.biodiv-sud.example.org/procedures/temporary-rights,Sophie Roux,Claire Durand,cbn-med: validate; lpo-paca: validate,monthly,2026-11-02,2026-12-02,temporary-rights
    Users,Trainings,"geonature, wiki",Training sessions and their follow-up sheet,https://wiki.biodiv-sud.example.org/procedures/trainings,Yasmine Benali,Sophie Roux,,quarterly,,,trainings
    Users,User assistance,"geonature, usershub, github-tracker","Answering a support request, and when to escalate",https://wiki.biodiv-sud.example.org/procedures/support,"Sophie Roux, Marc Petit",Yasmine Benali,natural-solutions: implement,continuous,,,user-assistance
    Users,User rights,"usershub, geonature",Opening an account and granting a right,https://wiki.biodiv-sud.example.org/procedures/user-rights,Sophie Roux,Marc Petit,cbn-med: validate; lpo-paca: validate,on-request,,,user-rights

    """#

  static let associationText = #"""
    Duties of Association nationale des naturalistes

    ## Coordination table
    theme        mission                                                              systems                                    procedure                                        link                                                                  responsible                    deputy         actors                                                                 frequency   last_done   next_due    duty
    Back office  Back office: accounts and rights matched to each function            dolibarr, ovh-vps                          Back-office accounts by function                 https://www.naturalistes.example.org/intranet/procedures/back-office  Mathieu Dupont                 Valérie Leroy  cf2d: implement; Pierre Garcia: validate                               on-request                          back-office
    Consistency  Consistency between the site, the back office and the mailing lists  website, dolibarr, brevo-newsletter, mail  The monthly consistency check                    https://www.naturalistes.example.org/intranet/procedures/consistency  Mathieu Dupont, Jeanne Robert                 Valérie Leroy: review                                                  monthly     2026-11-06  2026-12-06  consistency
    Evolutions   Evolutions of the back office and the site                           dolibarr, website                          Evolution requests with the contractor           https://www.naturalistes.example.org/intranet/procedures/evolutions   Mathieu Dupont                 Pierre Garcia  cf2d: implement; Sylvie Lefort: validate; Céline Michel: test          on-request                          evolutions
    Hosting      Hosting: renewals, security and operation alarms                     ph-host, ovh-vps                           Handling a host's alarm                          https://www.naturalistes.example.org/intranet/procedures/alarms       Mathieu Dupont                 Valérie Leroy  planethoster: implement; ovhcloud: implement; Sylvie Lefort: validate  continuous                          hosting
    Mail         Functional mailboxes: creation, redirections, distribution lists     mail, ph-host                              A delegate's mailbox, its redirection and lists  https://www.naturalistes.example.org/intranet/procedures/mailboxes    Mathieu Dupont                 Jeanne Robert  planethoster: implement                                                on-request                          mail
    Public site  Public site: editors, updates and plugins                            website                                    Site editors and updates                         https://www.naturalistes.example.org/intranet/procedures/website      Mathieu Dupont                 Jeanne Robert  cf2d: implement                                                        weekly      2026-11-30  2026-12-07  site

    """#

  static let associationCSV = #"""
    theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty
    Back office,Back office: accounts and rights matched to each function,"dolibarr, ovh-vps",Back-office accounts by function,https://www.naturalistes.example.org/intranet/procedures/back-office,Mathieu Dupont,Valérie Leroy,cf2d: implement; Pierre Garcia: validate,on-request,,,back-office
    Consistency,"Consistency between the site, the back office and the mailing lists","website, dolibarr, brevo-newsletter, mail",The monthly consistency check,https://www.naturalistes.example.org/intranet/procedures/consistency,"Mathieu Dupont, Jeanne Robert",,Valérie Leroy: review,monthly,2026-11-06,2026-12-06,consistency
    Evolutions,Evolutions of the back office and the site,"dolibarr, website",Evolution requests with the contractor,https://www.naturalistes.example.org/intranet/procedures/evolutions,Mathieu Dupont,Pierre Garcia,cf2d: implement; Sylvie Lefort: validate; Céline Michel: test,on-request,,,evolutions
    Hosting,"Hosting: renewals, security and operation alarms","ph-host, ovh-vps",Handling a host's alarm,https://www.naturalistes.example.org/intranet/procedures/alarms,Mathieu Dupont,Valérie Leroy,planethoster: implement; ovhcloud: implement; Sylvie Lefort: validate,continuous,,,hosting
    Mail,"Functional mailboxes: creation, redirections, distribution lists","mail, ph-host","A delegate's mailbox, its redirection and lists",https://www.naturalistes.example.org/intranet/procedures/mailboxes,Mathieu Dupont,Jeanne Robert,planethoster: implement,on-request,,,mail
    Public site,"Public site: editors, updates and plugins",website,Site editors and updates,https://www.naturalistes.example.org/intranet/procedures/website,Mathieu Dupont,Jeanne Robert,cf2d: implement,weekly,2026-11-30,2026-12-07,site

    """#

  static let associationJSON = #"""
    {
      "sections": [
        {
          "columns": [
            "theme",
            "mission",
            "systems",
            "procedure",
            "link",
            "responsible",
            "deputy",
            "actors",
            "frequency",
            "last_done",
            "next_due",
            "duty"
          ],
          "rows": [
            {
              "actors": "cf2d: implement; Pierre Garcia: validate",
              "deputy": "Valérie Leroy",
              "duty": "back-office",
              "frequency": "on-request",
              "last_done": null,
              "link": "https://www.naturalistes.example.org/intranet/procedures/back-office",
              "mission": "Back office: accounts and rights matched to each function",
              "next_due": null,
              "procedure": "Back-office accounts by function",
              "responsible": "Mathieu Dupont",
              "systems": "dolibarr, ovh-vps",
              "theme": "Back office"
            },
            {
              "actors": "Valérie Leroy: review",
              "deputy": null,
              "duty": "consistency",
              "frequency": "monthly",
              "last_done": "2026-11-06",
              "link": "https://www.naturalistes.example.org/intranet/procedures/consistency",
              "mission": "Consistency between the site, the back office and the mailing lists",
              "next_due": "2026-12-06",
              "procedure": "The monthly consistency check",
              "responsible": "Mathieu Dupont, Jeanne Robert",
              "systems": "website, dolibarr, brevo-newsletter, mail",
              "theme": "Consistency"
            },
            {
              "actors": "cf2d: implement; Sylvie Lefort: validate; Céline Michel: test",
              "deputy": "Pierre Garcia",
              "duty": "evolutions",
              "frequency": "on-request",
              "last_done": null,
              "link": "https://www.naturalistes.example.org/intranet/procedures/evolutions",
              "mission": "Evolutions of the back office and the site",
              "next_due": null,
              "procedure": "Evolution requests with the contractor",
              "responsible": "Mathieu Dupont",
              "systems": "dolibarr, website",
              "theme": "Evolutions"
            },
            {
              "actors": "planethoster: implement; ovhcloud: implement; Sylvie Lefort: validate",
              "deputy": "Valérie Leroy",
              "duty": "hosting",
              "frequency": "continuous",
              "last_done": null,
              "link": "https://www.naturalistes.example.org/intranet/procedures/alarms",
              "mission": "Hosting: renewals, security and operation alarms",
              "next_due": null,
              "procedure": "Handling a host's alarm",
              "responsible": "Mathieu Dupont",
              "systems": "ph-host, ovh-vps",
              "theme": "Hosting"
            },
            {
              "actors": "planethoster: implement",
              "deputy": "Jeanne Robert",
              "duty": "mail",
              "frequency": "on-request",
              "last_done": null,
              "link": "https://www.naturalistes.example.org/intranet/procedures/mailboxes",
              "mission": "Functional mailboxes: creation, redirections, distribution lists",
              "next_due": null,
              "procedure": "A delegate's mailbox, its redirection and lists",
              "responsible": "Mathieu Dupont",
              "systems": "mail, ph-host",
              "theme": "Mail"
            },
            {
              "actors": "cf2d: implement",
              "deputy": "Jeanne Robert",
              "duty": "site",
              "frequency": "weekly",
              "last_done": "2026-11-30",
              "link": "https://www.naturalistes.example.org/intranet/procedures/website",
              "mission": "Public site: editors, updates and plugins",
              "next_due": "2026-12-07",
              "procedure": "Site editors and updates",
              "responsible": "Mathieu Dupont",
              "systems": "website",
              "theme": "Public site"
            }
          ],
          "title": "Coordination table"
        }
      ],
      "title": "Duties of Association nationale des naturalistes"
    }

    """#
}
