import Foundation
import LedgerJSON
import LedgerTestSupport
import Testing

/// The site's activity page: the twelve months up to the site's day, with charts, linked from
/// the reports page, in the ledger's language.
@Suite(.serialized) struct ActivityPageTests {
  /// The association's tickets opened from `from` to `to`, read from the sample's files.
  static func ticketsOpened(from: String, to: String) throws -> Int {
    let folder = FrenchSiteTests.samples.appendingPathComponent("association/tickets")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
      let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(name)))
      let opened = try JSONParser.parse(bytes).objectValue?["opened"]?.stringValue ?? ""
      return opened >= from && opened <= to
    }.count
  }

  @Test func theActivityPageChartsTheLastTwelveMonths() throws {
    let (directory, cli) = try FrenchSiteTests.sample(language: nil)
    let written = cli.run("site", "site")
    try #require(written.status == 0, "\(written)")
    let pages = try FrenchSiteTests.pages(directory)
    let reports = try #require(pages["reports.html"])
    #expect(reports.elements(named: "a").contains { $0.attribute("href") == "reports/activity.html" })
    let page = try #require(pages["reports/activity.html"])
    // The site's day is the runner's, 18 November 2026: from 1 December 2025.
    #expect(page.first(named: "h1")?.normalizedText == "Activity from 1 December 2025 to 18 November 2026")
    let charts = page.elements(named: "svg")
    #expect(charts.count >= 4, "\(charts.count) charts")
    #expect(page.elements(named: "title").map(\.normalizedText).contains("Tickets opened, by month and type"))
    // The overview's tickets_opened column adds up to the sample's tickets opened in the range.
    let table = try #require(page.element(id: "activity-1"))
    let heads = table.elements(named: "th").map(\.normalizedText)
    let column = try #require(heads.firstIndex(of: "tickets_opened"))
    let rows = table.elements(named: "tr").dropFirst()
    #expect(rows.count == 12)
    let total = rows.compactMap { row in Int(row.elements(named: "td")[column].normalizedText) }.reduce(0, +)
    #expect(total == (try Self.ticketsOpened(from: "2025-12-01", to: "2026-11-18")))
    // A ticket's contract is a reference: its page links to the contract's.
    let ticket = try #require(pages["tickets/2026-09-15-zjwrh.html"])
    #expect(ticket.elements(named: "a").contains { $0.attribute("href") == "../contracts/2024-04-01-jfhha.html" })
  }

  @Test func inFrenchThePageSpeaksFrench() throws {
    let (directory, cli) = try FrenchSiteTests.sample(language: "fr")
    let written = cli.run("site", "site")
    try #require(written.status == 0, "\(written)")
    let page = try #require(try FrenchSiteTests.pages(directory)["reports/activity.html"])
    #expect(page.first(named: "h1")?.normalizedText.hasPrefix("Activité du") == true)
    let headings = page.elements(named: "h2").map(\.normalizedText)
    #expect(headings.contains("Activité par mois"))
    #expect(headings.contains("Tickets ouverts et fermés, par type"))
  }
}
