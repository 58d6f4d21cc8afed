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

/// Amounts, approvals, the access report, a partner's rights and months as a reviewer reads them.
@Suite struct SitePresentationTests {
  /// The rows of the table with an id, each its cells.
  static func rows(_ document: HTMLDocument, _ table: String) throws -> [[HTMLNode]] {
    let element = try #require(document.element(id: table), "no table \(table)")
    return try #require(element.first(named: "tbody")).childElements.map(\.childElements)
  }

  static func headers(_ document: HTMLDocument, _ table: String) throws -> [String] {
    try #require(document.element(id: table)?.first(named: "thead")).elements(named: "th").map(\.normalizedText)
  }

  @Test func amountsAreRightAlignedInTheLedgersCurrencyEverywhere() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let changed = ledger.run("set", "payments/2026-01-05-514io", "--set", "amount=1234.5")
    try #require(changed.status == 0, "\(changed)")
    let site = try SiteTests.Site(ledger)
    let english = /-?€\d{1,3}(,\d{3})*\.\d\d/
    // A ticket's cost (`x-form: amount`, not named so) on its page: its cell is an amount.
    let ticket = try #require(site.pages["tickets/2026-09-15-zjwrh.html"])
    let cost = try #require(try Self.rows(ticket, "fields").first { $0.first?.normalizedText == "cost" })
    #expect(cost[1].attribute("class") == "amount")
    #expect(cost[1].normalizedText.wholeMatch(of: english) != nil, "\(cost[1].normalizedText)")
    // The payments' table: amounts written for people, right-aligned, sorted by their value.
    let payments = try #require(site.pages["payments.html"])
    let column = try #require(try Self.headers(payments, "records").firstIndex(of: "amount"))
    let cells = try Self.rows(payments, "records").map { $0[column] }.filter { !$0.normalizedText.isEmpty }
    try #require(!cells.isEmpty)
    for cell in cells {
      #expect(cell.attribute("class") == "amount")
      #expect(cell.normalizedText.wholeMatch(of: english) != nil, "\(cell.normalizedText)")
      #expect(cell.attribute("data-sort")?.wholeMatch(of: /-?\d+(\.\d+)?/) != nil)
    }
    #expect(cells.contains { $0.normalizedText == "€1,234.50" && $0.attribute("data-sort") == "1234.5" })
    // The change, on the commit's page and the month's: both values in euros.
    let head = try ledger.head().trimmingCharacters(in: .whitespacesAndNewlines)
    let commit = try #require(site.pages["commits/\(head).html"])
    #expect(commit.root.normalizedText.contains("amount: €143.88 → €1,234.50"), "\(commit.root.normalizedText)")
    let amounts = commit.root.descendants.filter { $0.attribute("class") == "amount" }.map(\.normalizedText)
    #expect(amounts.contains("€1,234.50"))
    // The annual report's amount cells.
    let annual = try #require(site.pages["reports/annual-2026.html"])
    let reported = annual.elements(named: "td").filter { $0.attribute("class") == "amount" }
    #expect(!reported.isEmpty)
    for cell in reported { #expect(cell.normalizedText.wholeMatch(of: english) != nil, "\(cell.normalizedText)") }
  }

  @Test func paymentApprovalsShowTheDayApproved() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let site = try SiteTests.Site(ledger)
    let approvedOn = Dictionary(
      try SiteTests.records(ledger, "payments").compactMap { payment -> (String, String)? in
        guard let id = payment["id"] as? String, let day = payment["approved_on"] as? String else { return nil }
        return ("payments/\(id)", day)
      }, uniquingKeysWith: { first, _ in first })
    let audit = try #require(site.pages["audit.html"])
    #expect(try Self.headers(audit, "approvals").first == "approved on")
    let rows = try Self.rows(audit, "approvals")
    try #require(!rows.isEmpty)
    for row in rows {
      let payment = try #require(row[1].first(named: "a")?.attribute("title"))
      #expect(row[0].normalizedText == approvedOn[payment], "\(payment)")
    }
    // The sample's payments were approved on their own days, not on the day of the import.
    #expect(Set(rows.map { $0[0].normalizedText }).count > 1)
  }

  @Test func theAccessReportNamesThePersonOnceAndLinksTheAccount() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let site = try SiteTests.Site(ledger)
    let page = try #require(site.pages["reports/access-geonature.html"])
    let headers = try Self.headers(page, "report-1")
    #expect(!headers.contains("name"))
    #expect(headers.prefix(3) == ["person", "login", "account_status"])
    let rows = try Self.rows(page, "report-1")
    try #require(!rows.isEmpty)
    let statuses: Set<String> = ["requested", "active", "suspended", "closed"]
    for row in rows {
      let person = try #require(row[0].first(named: "a"), "\(row[0].normalizedText)")
      #expect(person.attribute("href")?.hasPrefix("../people/") == true)
      let login = try #require(row[1].first(named: "a"), "\(row[1].normalizedText)")
      #expect(login.attribute("href")?.hasPrefix("../accounts/") == true)
      #expect(statuses.contains(row[2].normalizedText), "\(row[2].normalizedText)")
      // The person's name appears once in the row.
      let name = person.normalizedText
      #expect(row.filter { $0.normalizedText == name }.count == 1)
    }
  }

  @Test func aPartnerSeesTheSystemOfARightItValidatedNeverAQuestionMark() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let site = try SiteTests.Site(ledger, "--for", "cen-paca")
    var others = 0
    for (path, document) in site.pages {
      let text = document.root.normalizedText
      #expect(!text.contains(" on ?"), "\(path)")
      if text.contains("for someone of another organisation") { others += 1 }
    }
    #expect(others > 0)
    // The rights' table says an account it leaves out is not shown, never an empty cell.
    let rights = try #require(site.pages["rights.html"])
    let column = try #require(try Self.headers(rights, "records").firstIndex(of: "account"))
    let accounts = try Self.rows(rights, "records").map { $0[column].normalizedText }
    #expect(!accounts.contains(""))
    #expect(accounts.contains("not shown"))
  }

  @Test func monthsAreNamedAndChartsHaveAxisTitles() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let site = try SiteTests.Site(ledger)
    // The sample's commit is of November 2026 (the runner's clock).
    let home = try #require(site.pages["index.html"])
    let months = try #require(home.elements(named: "ul").first { $0.attribute("class") == "months" })
    #expect(months.elements(named: "a").map(\.normalizedText) == ["November 2026"])
    #expect(site.pages["changes/2026-11.html"]?.first(named: "h1")?.normalizedText == "Changes of November 2026")
    let annual = try #require(site.pages["reports/annual-2026.html"])
    let payments = try #require(annual.elements(named: "svg").first { $0.element(id: "chart-payments") != nil })
    let labels = payments.elements(named: "text").filter { $0.attribute("text-anchor") == "end" }.map(\.normalizedText)
    #expect(labels.contains("January 2026") && labels.contains("December 2026"), "\(labels)")
    for svg in annual.elements(named: "svg") {
      let titles = svg.elements(named: "text").filter { $0.attribute("class") == "axis-title" }.map(\.normalizedText)
      #expect(titles.count == 2, "\(titles)")
      // Every bar's name whole on hover.
      #expect(!svg.elements(named: "g").isEmpty)
      #expect(svg.elements(named: "g").allSatisfy { $0.first(named: "title") != nil })
    }
    #expect(annual.root.normalizedText.contains("amount paid (EUR)"))
    // The report's month column names the month and sorts by it.
    let monthCells = annual.elements(named: "td").filter { $0.attribute("data-sort")?.wholeMatch(of: /\d{4}-\d\d/) != nil }
    #expect(!monthCells.isEmpty)
    for cell in monthCells { #expect(cell.normalizedText.hasSuffix(" 2026") && cell.normalizedText.first?.isLetter == true) }
  }
}

extension HTMLDocument {
  fileprivate func normalizedTextContains(_ text: String) -> Bool {
    root.normalizedText.contains(text)
  }
}
