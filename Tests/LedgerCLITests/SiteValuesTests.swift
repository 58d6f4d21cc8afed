import Foundation
import LedgerTestSupport
import Testing

/// Values on record pages as people read them: objects and lists of objects as small tables,
/// web addresses and emails as links of an allowed scheme only, new values not underlined.
@Suite struct SiteValuesTests {
  @Test func objectsAreTablesAndAddressesAreLinks() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    try SiteRedactionTests.edit(ledger, "tickets/2026-03-10-haz6g.json") {
      $0["resolution"] = "see https://example.org/a?b=1&c=2, write to mailto:help@example.org or javascript:alert(1)"
    }
    #expect(ledger.run("commit", "-m", "Resolution with addresses").status == 0)
    let site = try SiteTests.Site(ledger)
    let person = try #require(site.pages["people/agauthier.html"])
    let fields = try #require(person.element(id: "fields"))
    // `ledger_roles` is a table with a `role` column, not `{"role": ...}`.
    let inner = fields.elements(named: "table").filter { $0.attribute("class") == "value-table" }
    #expect(inner.contains { table in table.elements(named: "th").contains { $0.normalizedText == "role" } })
    #expect(!fields.normalizedText.contains("{\""), "\(fields.normalizedText)")
    // Emails are mailto links.
    #expect(fields.elements(named: "a").contains { $0.attribute("href")?.hasPrefix("mailto:") == true })
    let ticket = try #require(site.pages["tickets/2026-03-10-haz6g.html"])
    let links = try #require(ticket.element(id: "fields")).elements(named: "a").compactMap { $0.attribute("href") }
    #expect(links.contains("https://example.org/a?b=1&c=2"))
    #expect(links.contains("https://github.com/biodiv-sud/geonature-config/issues/87"))
    #expect(links.contains("mailto:help@example.org"))
    #expect(!links.contains { $0.lowercased().hasPrefix("javascript") })
    #expect(ticket.normalizedTextContains("javascript:alert(1)"))
    // A new value in the history is not underlined as `ins` is.
    for document in site.pages.values { #expect(document.elements(named: "ins").isEmpty) }
  }

  @Test func aPublicSiteLinksNoHiddenEmail() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let site = try SiteTests.Site(ledger, "--public")
    for (path, document) in site.pages {
      for link in document.elements(named: "a") where link.attribute("href")?.hasPrefix("mailto:") == true {
        Issue.record("\(path) links \(link.attribute("href") ?? "")")
      }
    }
  }
}

extension HTMLDocument {
  fileprivate func normalizedTextContains(_ text: String) -> Bool {
    root.normalizedText.contains(text)
  }
}
