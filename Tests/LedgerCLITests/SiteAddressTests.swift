import Foundation
import LedgerTestSupport
import Testing

/// A kind page opened at any address: a `%` that starts no escape is a word like any other, the
/// sort still works after it, and the record count follows the filter.
@Suite(.serialized) struct SiteAddressTests {
  @Test func aPercentInTheFilterAddressKeepsSortingWorkingAndTheCountFollowsTheFilter() throws {
    let site = try SiteBrowserTests.Site.platform()
    let people = try Site.sampleFiles(of: "people").count
    // Sorted by the first column, descending, after a filter no row matches and that
    // decodeURIComponent throws on, as on `50%`: Foundation's URL escapes a lone `%` (to
    // `%25`) but keeps `%C3`, an escape that is no UTF-8.
    let page = try #require(URL(string: site.page("people.html").absoluteString + "#filter=50%C3&sort=-0"))
    #expect(page.absoluteString.hasSuffix("#filter=50%C3&sort=-0"), "\(page.absoluteString)")
    let document = try site.browser.dom(of: page)
    let rows = try Site.rows(of: "records", in: document)
    #expect(rows.count == people)
    #expect(rows.allSatisfy { $0.attribute("hidden") != nil })
    let ids = rows.map { Site.cells($0).first ?? "" }
    #expect(ids == ids.sorted(by: >), "\(ids)")
    let header = try #require(document.element(id: "records")?.elements(named: "th").first)
    #expect(header.attribute("aria-sort") == "descending")
    #expect(Self.count(in: document) == "0 of \(people) records match the filter.")

    let filtered = try #require(URL(string: site.page("people.html").absoluteString + "#filter=queyras%20contact&sort=0"))
    let matching = try site.browser.dom(of: filtered)
    let visible = try Site.rows(of: "records", in: matching).filter { $0.attribute("hidden") == nil }
    #expect(visible.map { Site.cells($0).first ?? "" } == ["mgirard", "tblanc"])
    #expect(Self.count(in: matching) == "2 of \(people) records match the filter.")

    // Without a filter the count says every record, as the page was written.
    let plain = try site.browser.dom(of: site.page("people.html"))
    #expect(Self.count(in: plain) == "\(people) records.")
    // Every page starts with a link to its content.
    let skip = try #require(plain.elements(named: "a").first)
    #expect(skip.attribute("href") == "#content" && skip.normalizedText == "Skip to content")
    #expect(plain.element(id: "content")?.name == "main")
  }

  private typealias Site = SiteBrowserTests.Site

  private static func count(in document: HTMLDocument) -> String? {
    document.elements(named: "p").first { $0.attribute("data-count") == "records" }?.normalizedText
  }
}
