import Foundation
import LedgerTestSupport
import Testing

/// The reports on the sample ledgers, their content checked.
@Suite struct ReportCommandTests {
  @Test func expiringListsOverdueAndDueItemsSoonestFirst() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let result = ledger.run("report", "expiring", "--within", "60d", "--format", "csv")
    #expect(result.status == 0)
    let rows = result.output.split(separator: "\n").map(String.init)
    #expect(rows.first == "date,days,state,record,what,field,about")
    // Soonest first: an approved payment due on 2026-10-10 and not paid, then the right.
    #expect(
      rows.dropFirst().first
        == #"2026-10-10,-48,overdue,payments/2026-09-10-p6kyq,payment due,due,"NS-2026-311 (natural-solutions, €4,800.00)""#)
    #expect(
      rows.contains(
        "2026-11-10,-17,overdue,rights/2026-08-01-ep9rw,temporary right,end,sensitive-reader on geonature for Camille Morel"))
    #expect(
      rows.contains(
        "2026-12-15,18,due,rights/2026-09-01-8osa6,temporary right,end,sensitive-reader on geonature for Raphaël Mercier"))
    #expect(
      rows.contains(
        "2026-12-31,34,due,contracts/2025-03-01-kszpr,contract renewal,renewal,GeoNature maintenance and evolutions (natural-solutions)"
      ))
    // The hosting contract renews on 2027-01-15: within 60 days, beyond 30; its notice day,
    // 30 days before, is within 30.
    #expect(rows.contains { $0.contains("contracts/2024-01-15-cqt8j,contract renewal") })
    let month = ledger.run("report", "expiring", "--within", "30d", "--format", "csv").output
    #expect(!month.contains("contracts/2024-01-15-cqt8j,contract renewal"))
    #expect(month.contains("2026-12-16,19,due,contracts/2024-01-15-cqt8j,contract notice,notice_days,"))
    // A revoked right never shows.
    #expect(!result.output.contains("revoked"))
  }

  @Test func accessListsWhoHoldsWhatOnASystem() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("report", "access", "dolibarr", "--format", "csv")
    let rows = result.output.split(separator: "\n").map(String.init)
    #expect(rows.first == "person,name,login,account_status,role,status,until,validated_by,validated_on,right")
    #expect(rows.contains { $0.hasPrefix("rbernard,Romain Bernard,cf2d-support,active,administrator,active,2026-12-31,") })
    #expect(!rows.contains { $0.hasPrefix("asdubois,") })  // revoked: only with --all
    #expect(ledger.run("report", "access", "dolibarr", "--all").output.contains("asdubois"))
    #expect(ledger.run("report", "access", "nothing").status == 2)
  }

  @Test func personGathersEverything() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let json = ledger.run("report", "person", "tblanc", "--format", "json").output
    #expect(json.contains(#""format": "adminledger-person-export""#))
    let text = ledger.run("report", "person", "tblanc").output
    #expect(text.hasPrefix("Everything about Théo Blanc (people/tblanc)\n"))
    #expect(
      text.contains(
        "## Accounts\naccount           system     login   status  opened      closed\n2026-02-10-gky8d  geonature  tblanc  active  2026-02-10\n"
      ))
    #expect(
      text.contains(
        "## Rights\nright             system     role         status  until  validated_by\n2026-02-10-514io  geonature  contributor  active         jmartin\n"
      ))
    #expect(
      text.contains(
        "## Trainings\ntraining          date        topic                    as\n2026-05-12-mlne9  2026-05-12  Data entry in GeoNature  attendee\n"
      ))
    #expect(text.contains("## Contact of\norganization  name\npnr-queyras   Parc naturel régional du Queyras\n"))
    #expect(ledger.run("report", "person", "nobody").status == 2)
  }

  @Test func annualCountsTheYear() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let text = ledger.run("report", "annual", "--year", "2026").output
    #expect(
      text.contains(
        """
        ## Data requests opened, by type and status
        type         status       count
        data-return  closed       1
        exchange     closed       1
        extraction   closed       1
        extraction   in-progress  1
        metadata     closed       1
        publication  closed       1
        """))
    #expect(
      text.contains(
        """
        ## People trained, by organisation
        organization  people  sessions
        cbn-med       2       1
        cen-paca      3       1
        lpo-paca      3       1
        pnr-queyras   3       1
        """))
    #expect(
      text.contains(
        """
        ## Payments made, by provider
        provider           payments  amount
        github             1         €480.00
        natural-solutions  1         €4,800.00
        scaleway           1         €1,860.00
        total              3         €7,140.00
        """))
    #expect(
      text.contains("## Rights granted, revoked and expired (from history)\nevent    system     rights\ngranted  geonature  6\n"))
  }

  @Test func annualSeesRevocationsInTheHistory() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-20T10:00:00Z"))
    #expect(ledger.run("set", "rights/2026-08-01-ep9rw", "--set", "status=revoked").status == 0)
    #expect(ledger.run("set", "rights/2026-09-01-8osa6", "--set", "status=expired").status == 0)
    let csv = ledger.run("report", "annual", "--year", "2026", "--format", "csv").output
    #expect(csv.contains("event,system,rights\ngranted,geonature,6\nrevoked,geonature,1\nexpired,geonature,1\n"))
    #expect(ledger.run("report", "annual", "--year", "2019").status == 2)
  }

  @Test func consistencyFindsWhatTheOrganisationChecks() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("report", "consistency", "--format", "csv")
    #expect(result.status == 1)
    #expect(result.output.contains("Editors of the public site are active members,rights/2024-03-01-rrjyz,"))
    #expect(
      result.output.contains(
        #"Every active delegate has a mailbox,people/lsimon,"has no accounts with system=mail, status=active linked through person""#
      ))
    #expect(!result.output.contains("people/hlefevre"))
    let platform = try ValidationCommandTests.sample("platform")
    let findings = platform.run("report", "consistency", "--format", "json")
    #expect(findings.output.contains(#""record": "organizations/cen-paca""#))
    #expect(findings.output.contains(#""record": "organizations/univ-amu""#))
  }
}
