import Foundation
import LedgerLanguage
import LedgerTestSupport
import Testing

/// The review site in French: written from a copy of the association's sample ledger whose
/// `language` is French (or with `--lang fr`), every page speaks French, with no key missing
/// from the catalogue, days in sentences and amounts written the French way.
@Suite(.serialized) struct FrenchSiteTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ledger")

  /// Headings, labels and words of the English site that a French page must not hold (as a
  /// whole heading, or before a colon, a dash or a space; a record's own title may start
  /// with any word, so the list holds no word a record's title could start with alone).
  static let english = [
    "Home", "Reports", "Search", "Records", "Last changes", "Consistency", "Expiring by", "Fields", "Refers to",
    "Referred to by", "History", "Who set each field", "Annual reports", "Access per system", "Payment approvals",
    "Every commit, year by year", "Findings", "Filter:", "Expiring", "Training sessions", "Payments made, by provider",
    "Rights granted, revoked and expired (from history)", "as of commit", "Written by adminledger site",
  ]

  /// A ledger holding the association's sample, with `language` set to `language` (or left
  /// as the sample has it, English, when nil).
  static func sample(language: String?) throws -> (TemporaryDirectory, CLIRunner) {
    let directory = try TemporaryDirectory()
    let cli = CLIRunner(directory: directory.url)
    let created = cli.run("init", "--name", "Association")
    try #require(created.status == 0, "\(created)")
    let source = samples.appendingPathComponent("association")
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      let target = directory.path(item)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: target)
    }
    if let language {
      let settings = directory.path("ledger.json")
      let text = try String(contentsOf: settings, encoding: .utf8)
      try #require(text.contains(#""language": "en""#))
      try text.replacingOccurrences(of: #""language": "en""#, with: #""language": "\#(language)""#)
        .write(to: settings, atomically: true, encoding: .utf8)
    }
    let committed = cli.run("commit", "-m", "Import the sample")
    try #require(committed.status == 0, "\(committed)")
    return (directory, cli)
  }

  /// Every page of the site written in `directory/site`, by its path in the site.
  static func pages(_ directory: TemporaryDirectory) throws -> [String: HTMLDocument] {
    let root = directory.path("site")
    var pages: [String: HTMLDocument] = [:]
    let walker = try #require(FileManager.default.enumerator(atPath: root.path))
    for case let relative as String in walker where relative.hasSuffix(".html") {
      let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
      pages[relative] = try HTMLDocument.parse(text)
    }
    return pages
  }

  /// The texts a reader sees as headings, labels and table heads on a page.
  static func headings(_ page: HTMLDocument) -> [String] {
    ["title", "h1", "h2", "th", "label", "nav", "figcaption", "footer", "header"].flatMap { name in
      page.elements(named: name).map(\.normalizedText)
    }
  }

  @Test func aLedgerInFrenchHasAFrenchSite() throws {
    let (directory, cli) = try Self.sample(language: "fr-FR")
    Catalogue.resetMissing()
    let written = cli.run("site", "site")
    try #require(written.status == 0, "\(written)")
    #expect(Catalogue.missing.isEmpty, "keys missing from the French catalogue: \(Catalogue.missing)")
    let pages = try Self.pages(directory)
    let home = try #require(pages["index.html"])
    #expect(home.root.attribute("lang") == "fr-FR")
    let titles = home.elements(named: "h2").map(\.normalizedText)
    #expect(titles.contains("Fiches"))
    #expect(titles.contains("Échéances des 60 prochains jours, et retards"))
    #expect(titles.contains("Derniers changements"))
    let navigation = try #require(home.first(named: "nav")).normalizedText
    #expect(navigation.contains("Accueil") && navigation.contains("Rapports") && navigation.contains("Recherche"))
    // The sample's commit is made on 18 November 2026 (the runner's clock).
    #expect(try #require(home.first(named: "footer")).normalizedText.contains("18 novembre 2026"))
    for (path, page) in pages {
      for heading in Self.headings(page) {
        for word in Self.english
        where heading == word || heading.hasPrefix(word + " –") || heading.hasPrefix(word + ":")
          || (word.contains(" ") && heading.hasPrefix(word))
        {
          Issue.record("\(path): English heading '\(heading)'")
        }
      }
    }
  }

  @Test func amountsAndDaysAreWrittenTheFrenchWay() throws {
    let (directory, cli) = try Self.sample(language: "fr")
    let written = cli.run("site", "site")
    try #require(written.status == 0, "\(written)")
    let pages = try Self.pages(directory)
    let annual = try #require(pages["reports/annual-2026.html"])
    #expect(annual.first(named: "h1")?.normalizedText == "Rapport annuel 2026")
    let headings = annual.elements(named: "h2").map(\.normalizedText)
    #expect(headings.contains("Paiements effectués, par prestataire"))
    // Every amount cell of the payments table: `1 234,50 €`, kept on one line.
    let payments = try #require(annual.element(id: "annual-4"))
    let cells = payments.elements(named: "td").filter { $0.normalizedText.hasSuffix("€") }
    #expect(!cells.isEmpty)
    for cell in cells {
      #expect(cell.normalizedText.wholeMatch(of: /-?\d{1,3}( \d{3})*,\d\d €/) != nil, "\(cell.normalizedText)")
      #expect(cell.attribute("class") == "amount")  // right-aligned, kept on one line
      #expect(cell.attribute("data-sort")?.wholeMatch(of: /-?\d+\.\d\d/) != nil)
    }
    // A payment's page shows its amount the same way.
    let payment = try #require(pages["payments/2026-01-05-514io.html"])
    let fields = try #require(payment.element(id: "fields")).normalizedText
    #expect(fields.contains("143,88 €"), "\(fields)")
    // A ticket's cost is an amount too (its schema says so), right-aligned.
    let ticket = try #require(pages["tickets/2026-09-15-zjwrh.html"]?.element(id: "fields"))
    let cost = try #require(ticket.elements(named: "tr").first { $0.childElements.first?.normalizedText == "cost" })
    #expect(cost.childElements.last?.attribute("class") == "amount")
    #expect(cost.childElements.last?.normalizedText == "780,00 €")
    // Months by their French names: the change view's title, the chart's axis and its title.
    #expect(pages["changes/2026-11.html"]?.first(named: "h1")?.normalizedText == "Changements de novembre 2026")
    let texts = annual.elements(named: "text").map(\.normalizedText)
    #expect(texts.contains("janvier 2026") && texts.contains("mois du paiement") && texts.contains("montant payé (EUR)"))
    // Days in sentences are French days; days in table cells stay as the records hold them.
    let home = try #require(pages["index.html"])
    #expect(home.root.descendants.contains { $0.name == "p" && $0.normalizedText.contains("du 18 novembre 2026 par") })
  }

  @Test func theLangOptionOverridesTheLedgersLanguage() throws {
    let (french, frenchCLI) = try Self.sample(language: "fr")
    let english = frenchCLI.run("site", "site", "--lang", "en")
    try #require(english.status == 0, "\(english)")
    let home = try #require(try Self.pages(french)["index.html"])
    #expect(home.root.attribute("lang") == "en")
    #expect(home.elements(named: "h2").map(\.normalizedText).contains("Last changes"))

    let (plain, plainCLI) = try Self.sample(language: nil)
    Catalogue.resetMissing()
    let inFrench = plainCLI.run("site", "site", "--lang", "fr")
    try #require(inFrench.status == 0, "\(inFrench)")
    #expect(Catalogue.missing.isEmpty, "\(Catalogue.missing)")
    let page = try #require(try Self.pages(plain)["index.html"])
    #expect(page.root.attribute("lang") == "fr")
    #expect(page.elements(named: "h2").map(\.normalizedText).contains("Derniers changements"))
  }
}
