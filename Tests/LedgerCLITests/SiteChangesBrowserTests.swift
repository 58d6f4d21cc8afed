import Foundation
import LedgerTestSupport
import Testing

/// Following a change in headless Chromium, as a reviewer would: from the home page to the
/// commit that last changed a field (a single value: a list's items are credited one by one),
/// and to the month that lists it.
@Suite(.serialized) struct SiteChangesBrowserTests {
  typealias Site = SiteBrowserTests.Site

  static func hrefs(_ node: HTMLNode) -> [String] { node.elements(named: "a").compactMap { $0.attribute("href") } }

  static func site() throws -> Site {
    try Site.platform { ledger in
      let changed = ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Roux")
      try #require(changed.status == 0, "\(changed)")
    }
  }

  @Test func aReviewerReachesTheCommitThatLastChangedAFieldInTwoClicks() throws {
    let site = try Self.site()
    let home = try site.browser.dom(of: site.page("index.html"))
    let newest = try #require(try Site.rows(of: "changes", in: home).first)
    // Click 1: the record the newest change names; click 2: the commit its blame gives for the field.
    let recordLink = try #require(Self.hrefs(newest).first { $0 == "people/tblanc.html" })
    let record = try site.browser.dom(of: site.page(recordLink))
    let blame = try Site.rows(of: "blame", in: record)
    let name = try #require(blame.first { $0.childElements.first?.normalizedText == "name" })
    let fromBlame = try #require(Self.hrefs(name).first { $0.contains("commits/") })
    let commitPage = site.page("people/" + fromBlame).standardized
    let commit = try site.browser.dom(of: commitPage)
    let changed = try Site.rows(of: "records", in: commit).map(\.normalizedText)
    #expect(changed.contains { $0.contains("name: Théo Blanc → Théo Blanc-Roux") })
    #expect(site.brokenLinks(in: commit, of: "commits/" + commitPage.lastPathComponent) == [])
    // Or one click: the newest change's commit on the home page.
    let fromHome = try #require(Self.hrefs(newest).first { $0.contains("commits/") })
    #expect(site.page(fromHome).standardized == commitPage)
    #expect(site.brokenLinks(in: home, of: "index.html") == [])
    #expect(site.brokenLinks(in: record, of: "people/tblanc.html") == [])
  }

  @Test func theMonthPageListsAChangeTheTestMade() throws {
    let site = try Self.site()
    let home = try site.browser.dom(of: site.page("index.html"))
    let months = try #require(home.elements(named: "ul").first { $0.attribute("class") == "months" })
    let links = Self.hrefs(months)
    try #require(!links.isEmpty)
    var listed = false
    for link in links {
      let page = try site.browser.dom(of: site.page(link))
      #expect(site.brokenLinks(in: page, of: link) == [], "\(link)")
      let rows = try Site.rows(of: "changes", in: page).map(\.normalizedText)
      listed = listed || rows.contains { $0.contains("name: Théo Blanc → Théo Blanc-Roux") }
    }
    #expect(listed)
    for link in ["changes/last-7-days.html", "changes/last-30-days.html"] { #expect(Self.hrefs(home.root).contains(link)) }
  }
}
