import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery
import LedgerTestSupport
import Testing

/// Reports made in French: titles, sections, headings and the cells a report words itself are
/// French, days in titles are written as French days, and what code reads by name (the English
/// section names and column keys, the JSON) stays the same in every language.
@Suite(.serialized) struct FrenchReportTests {
  static let claire = Author(name: "Claire Durand", email: "claire@example.org")

  static func json(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }

  /// A ledger with a review interval, a right last validated 13 months ago (its access review
  /// overdue), a system whose backup check is due in 20 days, and two paid invoices in 2026.
  static func history() -> MemoryHistory {
    let history = MemoryHistory()
    let settings =
      #"{"currency": "EUR", "language": "fr", "name": "Association", "review_interval": "1y", "timezone": "Europe/Paris"}"#
    history.commit(
      [
        "ledger.json": json(settings),
        "people/hugo.json": json(#"{"name": "Hugo Lefèvre"}"#),
        "organizations/ovh.json": json(#"{"name": "OVH"}"#),
        "systems/geonature.json": json(
          #"{"backup": {"check_interval": "3m", "last_checked": "2026-09-26"}, "name": "GeoNature"}"#),
        "accounts/hugo-gn.json": json(#"{"login": "hugo", "person": "hugo", "status": "active", "system": "geonature"}"#),
        "rights/hugo-editor.json": json(
          #"{"account": "hugo-gn", "role": "editor", "start": "2026-01-15", "status": "active", "validated_on": "2025-11-06"}"#),
        "payments/p1.json": json(#"{"amount": "1234.50", "paid_on": "2026-03-02", "provider": "ovh", "status": "paid"}"#),
        "payments/p2.json": json(#"{"amount": "20.00", "paid_on": "2026-04-02", "provider": "ovh", "status": "paid"}"#),
      ], author: claire, at: Date(timeIntervalSince1970: 1_770_000_000), message: "Create ledger")
    return history
  }

  @Test func theExpiringReportSpeaksFrenchAndKeepsItsKeys() throws {
    let view = try LedgerView(Self.history().snapshot(nil))
    Catalogue.resetMissing()
    let report = try Language.$current.withValue(.french) {
      try ExpiringReport.make(view, today: "2026-12-06", within: 30)
    }
    #expect(report.title == "Échéances")
    let section = try #require(report.sections.first)
    #expect(section.title == "Échéances jusqu'au 5 janvier 2027 (nous sommes le 6 décembre 2026)")
    #expect(section.columns == ["date", "jours", "état", "fiche", "quoi", "champ", "concerne"])
    #expect(section.keys == ["date", "days", "state", "record", "what", "field", "about"])
    let rows = section.rows.map { $0.map { $0.stringValue ?? $0.compactText } }
    #expect(
      rows == [
        [
          "2026-11-06", "-30", "en retard", "rights/hugo-editor", "revue des accès", "validated_on",
          "editor sur geonature pour Hugo Lefèvre",
        ],
        [
          "2026-12-26", "20", "à échéance", "systems/geonature", "vérification des sauvegardes", "backup.last_checked",
          "GeoNature",
        ],
      ])
    // What programs read keeps the English names.
    guard case .object(let object) = report.json, case .array(let sections)? = object["sections"],
      case .object(let first)? = sections.first, case .array(let jsonRows)? = first["rows"],
      case .object(let row)? = jsonRows.first
    else {
      Issue.record("the report's JSON has no row")
      return
    }
    #expect(row["state"] == .string("en retard"))
    #expect(row["record"] == .string("rights/hugo-editor"))
    #expect(Catalogue.missing.isEmpty, "\(Catalogue.missing)")
  }

  @Test func theEnglishExpiringReportWritesItsDaysForPeople() throws {
    let view = try LedgerView(Self.history().snapshot(nil))
    let report = try ExpiringReport.make(view, today: "2026-12-06", within: 30)
    #expect(report.sections.first?.title == "Expiring by 5 January 2027 (today is 6 December 2026)")
    #expect(report.sections.first?.rows.first?[2] == .string("overdue"))
    #expect(report.sections.first?.rows.first?[4] == .string("access review"))
  }

  @Test func theAnnualReportSpeaksFrenchAndKeepsItsAmountsAsData() throws {
    let history = Self.history()
    Catalogue.resetMissing()
    let report = try Language.$current.withValue(.french) { try AnnualReport.make(history, year: 2026) }
    #expect(report.title == "Rapport annuel 2026")
    let payments = try #require(report.sections.first { $0.name == "Payments made, by provider" })
    #expect(payments.title == "Paiements effectués, par prestataire")
    #expect(payments.columns == ["prestataire", "paiements", "montant"])
    #expect(payments.keys == ["provider", "payments", "amount"])
    #expect(
      payments.rows.map { $0.map(\.compactText) } == [[#""ovh""#, "2", #""1254.50""#], [#""total""#, "2", #""1254.50""#]])
    let rights = try #require(report.sections.first { $0.name == "Rights granted, revoked and expired (from history)" })
    #expect(rights.title == "Droits accordés, retirés et expirés (d'après l'historique)")
    #expect(rights.rows.first?.first == .string("accordés"))
    #expect(Catalogue.missing.isEmpty, "\(Catalogue.missing)")
  }
}

/// `report expiring` and `report annual` run with `--lang fr` print French text, while their
/// JSON stays English.
@Suite struct FrenchReportCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ledger")

  /// A ledger holding the association's sample, committed.
  static func sample() throws -> (TemporaryDirectory, CLIRunner) {
    let directory = try TemporaryDirectory()
    let cli = CLIRunner(directory: directory.url)
    try #require(cli.run("init", "--name", "Association").status == 0)
    let source = samples.appendingPathComponent("association")
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      try? FileManager.default.removeItem(at: directory.path(item))
      try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: directory.path(item))
    }
    try #require(cli.run("commit", "-m", "Import the sample").status == 0)
    return (directory, cli)
  }

  @Test func reportsPrintFrenchText() throws {
    let (directory, cli) = try Self.sample()
    _ = directory
    let expiring = cli.run("report", "expiring", "--lang", "fr")
    // The runner's clock says 18 November 2026; the report looks 60 days ahead.
    #expect(expiring.output.hasPrefix("Échéances\n\n## Échéances jusqu'au 17 janvier 2027 (nous sommes le 18 novembre 2026)\n"))
    #expect(expiring.output.contains("date        jours  état"))
    #expect(expiring.output.contains("à échéance"))
    #expect(expiring.output.contains("vérification des sauvegardes"))
    #expect(expiring.output.contains("adhésion"))

    let annual = cli.run("report", "annual", "--year", "2026", "--lang", "fr")
    #expect(annual.status == 0, "\(annual)")
    #expect(annual.output.hasPrefix("Rapport annuel 2026\n"))
    #expect(annual.output.contains("## Paiements effectués, par prestataire\nprestataire   paiements  montant\n"))
    #expect(annual.output.contains("total         5          2 333,76 €\n"), "\(annual.output)")
    #expect(annual.output.contains("## Droits accordés, retirés et expirés (d'après l'historique)\n"))

    let json = cli.run("report", "annual", "--year", "2026", "--lang", "fr", "--format", "json")
    #expect(json.output.contains(#""title": "Annual report 2026""#))
    #expect(json.output.contains(#""amount": "2333.76""#))
  }
}
