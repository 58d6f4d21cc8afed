import Foundation
import LedgerTestSupport
import Testing

/// `site --since REV`: the command passes the previous review on to the site.
@Suite struct SiteSinceCommandTests {
  @Test func sinceAPreviousCommitListsWhatChangedAfterIt() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Roux").status == 0)
    let folder = try TemporaryDirectory()
    let written = ledger.run("site", folder.path("site").path, "--since", "HEAD~1")
    try #require(written.status == 0, "\(written)")
    let since = try String(contentsOf: folder.path("site/changes/since.html"), encoding: .utf8)
    let text = try HTMLDocument.parse(since).root.normalizedText
    #expect(text.contains("name: Théo Blanc → Théo Blanc-Roux"))
    let home = try String(contentsOf: folder.path("site/index.html"), encoding: .utf8)
    #expect(home.contains("changes/since.html"))
  }

  @Test(arguments: ["en", "fr"])
  func recordAndKindPagesMarkWhatChangedSince(_ language: String) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Roux").status == 0)
    let site = try SiteTests.Site(ledger, "--since", "HEAD~1", "--lang", language)
    let (notice, mark) =
      language == "fr" ? ("Modifiée depuis votre dernière revue", "modifiée") : ("Changed since your last review", "changed")
    // The record's page says it changed, links to what changed, and marks the field.
    let record = try #require(site.pages["people/tblanc.html"])
    let said = try #require(record.elements(named: "p").first { $0.attribute("class") == "since-notice" })
    #expect(said.normalizedText.hasPrefix(notice), "\(said.normalizedText)")
    #expect(said.elements(named: "a").compactMap { $0.attribute("href") } == ["../changes/since.html"])
    let rows = try #require(record.element(id: "fields")?.first(named: "tbody")).childElements
    let marked = rows.filter { $0.attribute("class") == "since" }
    #expect(marked.map { $0.childElements.first?.first(named: "mark")?.normalizedText } == [mark])
    #expect(marked.first?.childElements.first?.normalizedText.hasPrefix("name") == true)
    // A record left alone says nothing.
    let other = try #require(site.pages["people/mgirard.html"])
    #expect(!other.elements(named: "p").contains { $0.attribute("class") == "since-notice" })
    #expect(other.elements(named: "mark").isEmpty)
    // The people's table marks the one row.
    let people = try #require(site.pages["people.html"]?.element(id: "records")?.first(named: "tbody")).childElements
    let changed = people.filter { $0.attribute("class") == "since" }
    #expect(changed.map { $0.childElements.first?.first(named: "a")?.normalizedText } == ["tblanc"])
    #expect(changed.first?.first(named: "mark")?.normalizedText == mark)
    // Without --since, nothing is marked.
    let plain = try SiteTests.Site(ledger)
    #expect(plain.pages["people/tblanc.html"]?.elements(named: "mark").isEmpty == true)
    #expect(plain.pages["people.html"]?.elements(named: "mark").isEmpty == true)
  }
}
