import Foundation
import LedgerTestSupport
import Testing

/// The review site as a browser shows it: the platform sample's site opened from `file://` in
/// headless Chromium, with the DOM read back after the scripts ran, and screenshots taken.
///
/// Serialized because each Chromium start is heavy; every test still writes its own ledger and
/// site in its own temporary folders. Chromium is a test dependency (`make test-deps`): when it
/// is missing, the tests fail and say so rather than skip.
@Suite(.serialized) struct SiteBrowserTests {
  // MARK: - Home

  @Test func homePageShowsTheCountsTheExpiringItemsAndTheLastChanges() throws {
    let site = try Site.platform()
    let home = try site.browser.dom(of: site.page("index.html"))
    let counts = try #require(home.elements(named: "ul").first { $0.hasClass("counts") })
    let expected = try Site.sampleCounts()
    #expect(counts.elements(named: "li").map(\.normalizedText) == expected)
    let expiring = try Site.rows(of: "expiring", in: home)
    #expect(!expiring.isEmpty)
    for row in expiring {
      #expect(row.childElements.count == 7, "\(row.normalizedText)")
      #expect(
        row.childElements.at(3)?.first(named: "a") != nil, "no record link in \(row.normalizedText)"
      )
    }
    let changes = try Site.rows(of: "changes", in: home).map(Site.cells)
    #expect(changes.first?.at(2) == "Claire Durand")
    #expect(changes.first?.at(3) == "Import the sample")
    #expect(site.brokenLinks(in: home, of: "index.html") == [])
  }

  // MARK: - A record

  @Test func recordPageShowsFieldsReferencesHistoryAndWhoSetEachField() throws {
    let site = try Site.platform { ledger in
      let changed = ledger.run("set", "people/tblanc", "--set", #"functions=["contact"]"#)
      try #require(changed.status == 0, "\(changed)")
    }
    let record = try site.browser.dom(of: site.page("people/tblanc.html"))
    #expect(record.first(named: "h1")?.normalizedText == "Théo Blanc")
    let fields = Dictionary(
      try Site.rows(of: "fields", in: record).map(Site.cells).map {
        ($0.first ?? "", $0.at(1) ?? "")
      },
      uniquingKeysWith: { first, _ in first })
    #expect(fields["name"] == "Théo Blanc")
    #expect(fields["functions"] == "contact")
    #expect(fields["organization"] == "Parc naturel régional du Queyras")
    let refersTo = try Site.rows(of: "refers-to", in: record).map(Site.cells)
    #expect(refersTo.contains { $0.first == "organization" })
    let referredBy = try Site.rows(of: "referred-by", in: record).map(Site.cells)
    #expect(referredBy.contains { $0.at(1) == "accounts" && $0.at(2) == "person" })
    // Newest first: the `set` above, then the import.
    let history = try Site.rows(of: "history", in: record).map(Site.cells)
    #expect(history.count == 2)
    #expect(history.last?.at(3) == "Import the sample")
    let blame = try Site.rows(of: "blame", in: record).map(Site.cells)
    #expect(blame.contains { $0.first == "name" && $0.at(1) == "Théo Blanc" })
    #expect(blame.allSatisfy { $0.at(3) == "Claire Durand" })
    #expect(site.brokenLinks(in: record, of: "people/tblanc.html") == [])
  }

  // MARK: - The annual report

  @Test func annualReportDrawsBarChartsAndFillsItsTables() throws {
    let site = try Site.platform()
    let reports = try site.browser.dom(of: site.page("reports.html"))
    let annual = reports.elements(named: "a").compactMap { $0.attribute("href") }
      .filter { $0.hasPrefix("reports/annual-") }
    #expect(annual == ["reports/annual-2026.html"])
    let report = try site.browser.dom(of: site.page("reports/annual-2026.html"))
    let charts = report.elements(named: "figure").filter { $0.hasClass("chart") }
    #expect(charts.count >= 3)
    for chart in charts {
      let svg = try #require(chart.first(named: "svg"))
      let title = svg.childElements.first { $0.name == "title" }?.normalizedText ?? ""
      #expect(svg.attribute("role") == "img")
      #expect(!title.isEmpty)
      #expect(chart.first(named: "figcaption")?.normalizedText == title)
      let bars = svg.elements(named: "rect").filter {
        ($0.attribute("width").flatMap(Double.init) ?? 0) > 0
      }
      #expect(!bars.isEmpty, "no bar in \(title)")
    }
    // The first chart draws the first table: one bar label per type of data request.
    let requests = try Site.rows(of: "annual-1", in: report).map(Site.cells)
    #expect(requests.contains(["extraction", "in-progress", "1"]))
    // The names stand before their bars, under the axis's title.
    let labels = charts.first?.elements(named: "text").filter {
      $0.attribute("text-anchor") == "end" && $0.attribute("class") != "axis-title"
    }
    let types = requests.compactMap(\.first).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    #expect(labels?.map(\.normalizedText) == types)
    let trainings = try Site.rows(of: "annual-2", in: report).map(Site.cells)
    #expect(trainings.contains { $0.prefix(2) == ["2026-05-12", "Data entry in GeoNature"] })
    #expect(site.brokenLinks(in: report, of: "reports/annual-2026.html") == [])
  }

  // MARK: - Filtering

  /// A `#filter=` address for the people page, and the ids that stay visible.
  struct FilterCase: CustomTestStringConvertible, Sendable {
    let fragment: String
    let visible: [String]
    var testDescription: String { "#filter=\(fragment) shows \(visible)" }

    static let all = [
      FilterCase(fragment: "blanc", visible: ["tblanc"]),
      FilterCase(fragment: "BLANC", visible: ["tblanc"]),
      FilterCase(fragment: "queyras%20contact", visible: ["mgirard", "tblanc"]),
      FilterCase(fragment: "nobody", visible: []),
    ]
  }

  @Test(arguments: FilterCase.all)
  func filterInTheAddressLeavesOnlyTheMatchingRowsVisible(_ example: FilterCase) throws {
    let site = try Site.platform()
    let page = try #require(
      URL(string: site.page("people.html").absoluteString + "#filter=" + example.fragment))
    let people = try site.browser.dom(of: page)
    #expect(people.elements(named: "input").contains { $0.attribute("data-filter") == "records" })
    let rows = try Site.rows(of: "records", in: people)
    #expect(rows.count == (try Site.sampleFiles(of: "people")).count)
    let visible = rows.filter { $0.attribute("hidden") == nil }
    #expect(visible.map { Site.cells($0).first ?? "" } == example.visible)
  }

  // MARK: - Screenshots

  @Test func screenshotsOfTheThreePagesArePNGImages() throws {
    let site = try Site.platform()
    for page in ["index.html", "people/tblanc.html", "reports/annual-2026.html"] {
      let file = site.folder.path(page.replacingOccurrences(of: "/", with: "-") + ".png")
      try site.browser.screenshot(of: site.page(page), to: file, width: 1280, height: 1600)
      let png = try Data(contentsOf: file)
      #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(page)")
      #expect(png.count > 20_000, "\(page): a \(png.count)-byte screenshot is blank")
      // The IHDR chunk follows the signature: its width is 4 bytes, big-endian, at offset 16.
      let width = png.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
      #expect(width == 1280, "\(page)")
    }
  }

  // MARK: - Amounts and months

  @Test func anAmountIsRightAlignedAndMonthsReadInFrench() throws {
    let folder = try TemporaryDirectory()
    let browser = try HeadlessChromium(profile: folder.path("profile"))
    let ledger = try ValidationCommandTests.sample("association")
    let written = ledger.run("site", folder.path("site").path, "--lang", "fr")
    try #require(written.status == 0, "\(written)")
    let site = Site(ledger: ledger, folder: folder, browser: browser)
    // The payments' page as written, with a probe that says how the browser lays an amount out.
    let page = try String(contentsOf: site.page("payments.html"), encoding: .utf8)
    let probe = """
      <script>(function () {
        var cell = document.querySelector("td.amount"), out = document.createElement("p");
        out.id = "probe"; out.setAttribute("data-align", getComputedStyle(cell).textAlign);
        out.setAttribute("data-wrap", getComputedStyle(cell).whiteSpace); out.textContent = cell.textContent;
        document.body.appendChild(out);
      })();</script>
      """
    try page.replacingOccurrences(of: "</body>", with: probe + "</body>")
      .write(to: site.page("probe-payments.html"), atomically: true, encoding: .utf8)
    let probed = try #require(try browser.dom(of: site.page("probe-payments.html")).element(id: "probe"))
    #expect(probed.attribute("data-align") == "right")
    #expect(probed.attribute("data-wrap") == "nowrap")
    #expect(probed.normalizedText.wholeMatch(of: /\d{1,3}( \d{3})*,\d\d €/) != nil, "\(probed.normalizedText)")
    // The payments chart names its months in French; the home page links the month by name.
    let annual = try browser.dom(of: site.page("reports/annual-2026.html"))
    let chart = try #require(annual.elements(named: "svg").first { $0.element(id: "chart-payments") != nil })
    let labels = chart.elements(named: "text").filter { $0.attribute("text-anchor") == "end" }.map(\.normalizedText)
    #expect(labels.contains("janvier 2026") && labels.contains("décembre 2026"), "\(labels)")
    #expect(labels.contains("mois du paiement"))
    let home = try browser.dom(of: site.page("index.html"))
    let months = try #require(home.elements(named: "ul").first { $0.hasClass("months") })
    #expect(months.elements(named: "a").map(\.normalizedText) == ["novembre 2026"])
  }

  @Test func aMissingChromiumFailsWithTheCommandThatInstallsIt() {
    #expect {
      _ = try HeadlessChromium.locate(searchPath: "/nonexistent")
    } throws: { error in
      "\(error)".contains("make test-deps")
    }
  }
}

// MARK: - The site under test

extension SiteBrowserTests {
  /// The platform sample's site, written in a temporary folder next to a browser.
  struct Site {
    /// The sample ledger, kept alive as long as the site.
    let ledger: LedgerSandbox
    /// Holds `site/`, Chromium's profile and the screenshots.
    let folder: TemporaryDirectory
    let browser: HeadlessChromium
    var root: URL { folder.path("site") }

    /// Copies the platform sample into a new ledger, lets `change` write to it, and runs `site`.
    static func platform(_ change: (LedgerSandbox) throws -> Void = { _ in }) throws -> Site {
      let folder = try TemporaryDirectory()
      let browser = try HeadlessChromium(profile: folder.path("profile"))
      let ledger = try ValidationCommandTests.sample("platform")
      try change(ledger)
      let written = ledger.run("site", folder.path("site").path)
      try #require(written.status == 0, "\(written)")
      return Site(ledger: ledger, folder: folder, browser: browser)
    }

    /// The `file://` address of a page of the site.
    func page(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The relative links of a page that lead to no file of the site.
    func brokenLinks(in document: HTMLDocument, of page: String) -> [String] {
      let base = root.appendingPathComponent(page).deletingLastPathComponent()
      return document.elements(named: "a").compactMap { $0.attribute("href") }
        .filter { !$0.contains(":") && !$0.hasPrefix("#") }
        .filter { href in
          let file = href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? href
          return !FileManager.default.fileExists(
            atPath: base.appendingPathComponent(file).standardized.path)
        }
    }

    /// The rows of the body of the table with an id.
    static func rows(of table: String, in document: HTMLDocument) throws -> [HTMLNode] {
      let element = try #require(document.element(id: table), "no table with id \"\(table)\"")
      return try #require(element.first(named: "tbody"), "table \"\(table)\" has no body")
        .childElements
    }

    /// The text of each cell of a row, whitespace collapsed.
    static func cells(_ row: HTMLNode) -> [String] { row.childElements.map(\.normalizedText) }

    /// The record files of one kind in the sample, sorted.
    static func sampleFiles(of kind: String) throws -> [String] {
      let folder = ValidationCommandTests.samples.appendingPathComponent("platform/\(kind)")
      return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".json")
      }.sorted()
    }

    /// The home page's counts as they read: `26 people`, in the order of the navigation.
    static func sampleCounts() throws -> [String] {
      let kinds = [
        "people", "organizations", "systems", "accounts", "rights", "tickets", "payments",
        "contracts", "trainings", "duties", "groups",
      ]
      return try kinds.map { "\(try sampleFiles(of: $0).count) \($0)" }
    }
  }
}

// MARK: - Chromium

extension SiteBrowserTests {
  /// Debian's `chromium` run headless: the DOM after the page's scripts ran, or a screenshot.
  struct HeadlessChromium {
    /// Why the browser cannot be used.
    struct Missing: Error, CustomStringConvertible {
      let searchPath: String
      var description: String {
        "chromium is not installed (not on PATH \(searchPath)): run 'make test-deps', "
          + "which installs Debian's chromium package; the review site's browser tests need it"
      }
    }

    /// The browser gave no page.
    struct Failed: Error, CustomStringConvertible {
      let page: URL
      let outcome: ExternalProgram.Outcome
      var description: String {
        "chromium failed on \(page) with exit \(outcome.status): \(outcome.error.suffix(2_000))"
      }
    }

    let executable: URL
    /// A fresh profile, so no user's settings or cache play a part.
    let profile: URL

    init(profile: URL) throws {
      executable = try Self.locate(searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "")
      self.profile = profile
    }

    /// The first `chromium` on a search path.
    ///
    /// - Throws: `Missing`, which names `make test-deps`.
    static func locate(searchPath: String) throws(Missing) -> URL {
      for folder in searchPath.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
      throw Missing(searchPath: searchPath)
    }

    /// The page's DOM once its scripts ran, serialised by Chromium and parsed strictly.
    func dom(of page: URL) throws -> HTMLDocument {
      let outcome = try run(["--dump-dom", page.absoluteString], page: page)
      return try HTMLDocument.parse(outcome.output)
    }

    /// Saves a PNG of the top of the page, `width` by `height` pixels.
    func screenshot(of page: URL, to file: URL, width: Int, height: Int) throws {
      try run(
        ["--screenshot=\(file.path)", "--window-size=\(width),\(height)", page.absoluteString],
        page: page)
      try #require(
        FileManager.default.fileExists(atPath: file.path),
        "chromium wrote no \(file.lastPathComponent)")
    }

    /// Runs the browser, stopped after 60 seconds by coreutils' `timeout` so a hung browser
    /// fails the test instead of blocking the run.
    @discardableResult
    private func run(_ arguments: [String], page: URL) throws -> ExternalProgram.Outcome {
      let options = [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--virtual-time-budget=3000",
      ]
      let outcome = try ExternalProgram.run(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["timeout", "60", executable.path] + options + arguments,
        in: profile.deletingLastPathComponent())
      guard outcome.status == 0 else { throw Failed(page: page, outcome: outcome) }
      return outcome
    }
  }
}

extension Array {
  /// The element at `index`, or nil past the end: cells of a row that may be short.
  fileprivate func at(_ index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension HTMLNode {
  /// Whether the element's `class` attribute lists `name`.
  fileprivate func hasClass(_ name: String) -> Bool {
    (attribute("class") ?? "").split(separator: " ").contains { $0 == name }
  }
}
