import Foundation
import LedgerCore
import LedgerSite
import LedgerTestSupport
import Testing

/// Every change reachable: a page per commit, every commit id a link to it, and the change
/// views by month and for the last days, followed link by link as a reviewer would.
@Suite struct SiteChangesTests {
  typealias Fixture = SiteOnMemoryHistoryTests

  /// The page a link on `page` leads to, relative to the site's folder (`people/x.html`).
  static func target(of href: String, from page: String) -> String {
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in href.split(separator: "/") {
      if part == ".." { parts = parts.dropLast() } else { parts.append(String(part)) }
    }
    return parts.joined(separator: "/")
  }

  /// The pages the links of `page` lead to, whose text satisfies `label`.
  static func links(
    in folder: TemporaryDirectory, _ page: String, where label: (HTMLNode) -> Bool = { _ in true }
  ) throws -> [String] {
    // In-page anchors (the skip link to #content) lead nowhere else; addresses in values
    // (`mailto:`, `https:`) lead out of the site.
    try Fixture.page(folder, page).elements(named: "a").filter(label).compactMap { link in
      link.attribute("href").flatMap { $0.hasPrefix("#") || $0.contains(":") ? nil : target(of: $0, from: page) }
    }
  }

  @Test func aReviewerReachesTheCommitThatLastChangedAFieldInTwoClicks() throws {
    let (history, commits) = try Fixture.history()
    let (folder, _) = try Fixture.write(history)
    // Home → record → blame's commit link.
    let record = try #require(try Self.links(in: folder, "index.html").first { $0 == "people/hlefevre.html" })
    let blame = try #require(try Fixture.page(folder, record).element(id: "blame"))
    let phone = try #require(blame.elements(named: "tr").first { $0.normalizedText.hasPrefix("phone") })
    let link = try #require(phone.elements(named: "a").compactMap { $0.attribute("href") }.first { $0.contains("commits/") })
    #expect(Self.target(of: link, from: record) == "commits/\(commits[2]).html")
    // Home → the recent change's commit link.
    let recent = try #require(try Fixture.page(folder, "index.html").element(id: "changes"))
    let first = try #require(recent.elements(named: "a").compactMap { $0.attribute("href") }.first { $0.contains("commits/") })
    #expect(Self.target(of: first, from: "index.html") == "commits/\(commits[2]).html")
    // The commit's page: author, the field changed, the audit's finding, its parent.
    let page = try Fixture.page(folder, "commits/\(commits[2]).html")
    #expect(page.validationProblems().isEmpty)
    let text = page.root.normalizedText
    #expect(text.contains("Marc Petit"))
    #expect(text.contains("phone: +33612345678 → +33699999999"))
    #expect(text.contains("unknown-author"))
    let parents = try Self.links(in: folder, "commits/\(commits[2]).html").filter { $0.hasPrefix("commits/") }
    #expect(parents == ["commits/\(commits[1]).html"])
    let children = try Self.links(in: folder, "commits/\(commits[1]).html").filter { $0.hasPrefix("commits/") }
    #expect(Set(children) == ["commits/\(commits[0]).html", "commits/\(commits[2]).html"])
  }

  @Test func theMonthPageAndTheLastDaysListEveryChangeByRecordAndField() throws {
    let (history, commits) = try Fixture.history()
    let (folder, _) = try Fixture.write(history)
    let month = "2026-11"  // the fixture's commits are of 18 November 2026
    let home = try Self.links(in: folder, "index.html")
    #expect(home.contains("changes/\(month).html"))
    #expect(home.contains("changes/last-7-days.html"))
    #expect(home.contains("changes/last-30-days.html"))
    for page in ["changes/\(month).html", "changes/last-7-days.html"] {
      let document = try Fixture.page(folder, page)
      #expect(document.validationProblems().isEmpty)
      let rows = try #require(document.element(id: "changes")).elements(named: "tr").map(\.normalizedText)
      let phone = try #require(rows.first { $0.contains("+33699999999") }, "\(page)")
      #expect(phone.contains("phone: +33612345678 → +33699999999"))
      #expect(phone.contains(String(commits[2].prefix(7))))
      #expect(rows.contains { $0.contains("Record created.") && $0.contains(String(commits[1].prefix(7))) })
    }
  }

  @Test(arguments: [false, true])
  func everyCommitLinkLeadsToAPage(isPublic: Bool) throws {
    let (history, commits) = try Fixture.history()
    let folder = try TemporaryDirectory()
    let options = SiteOptions(isPublic: isPublic)
    _ = try ReviewSite.write(
      history, trust: AuditContext(), location: "memory", options: options, to: folder.path("site"),
      now: Fixture.start + 86_400)
    let root = folder.path("site")
    let pages = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".html") }
    var followed = 0
    for page in pages {
      for link in try Self.links(in: folder, page) where link.contains("commits/") {
        followed += 1
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(link).path), "\(page) → \(link)")
      }
    }
    #expect(followed > 0)
    for commit in commits { #expect(pages.contains("commits/\(commit).html")) }
    // A public site's commit page shows only what the record pages show.
    let text = try Fixture.page(folder, "commits/\(commits[2]).html").root.normalizedText
    #expect(text.contains("+33699999999") == !isPublic)
  }
}

/// `site --since`: what changed after a previous review, marked on the home page and listed on
/// its own page.
@Suite struct SiteSinceTests {
  typealias Fixture = SiteOnMemoryHistoryTests

  @Test func recordsChangedSinceTheLastReviewAreMarkedAndListed() throws {
    let (history, commits) = try Fixture.history()
    let folder = try TemporaryDirectory()
    var options = SiteOptions()
    options.since = commits[1]
    _ = try ReviewSite.write(
      history, trust: AuditContext(), location: "memory", options: options, to: folder.path("site"),
      now: Fixture.start + 86_400)
    let home = try Fixture.page(folder, "index.html")
    let marked = try #require(home.elements(named: "ul").first { $0.attribute("class") == "since" })
    #expect(marked.normalizedText.contains("Hugo Lefèvre"))
    #expect(!marked.normalizedText.contains("Claire Durand"))
    #expect(try SiteChangesTests.links(in: folder, "index.html").contains("changes/since.html"))
    let since = try Fixture.page(folder, "changes/since.html")
    #expect(since.validationProblems().isEmpty)
    let rows = try #require(since.element(id: "changes")).elements(named: "tr").dropFirst().map(\.normalizedText)
    #expect(rows.count == 1)
    #expect(rows.first?.contains("phone: +33612345678 → +33699999999") == true)
  }

  @Test func withoutSinceThereIsNoSincePage() throws {
    let (history, _) = try Fixture.history()
    let (folder, _) = try Fixture.write(history)
    #expect(!FileManager.default.fileExists(atPath: folder.path("site/changes/since.html").path))
  }
}
