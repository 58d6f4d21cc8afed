import Foundation
import LedgerTestSupport
import Testing

/// The review site, checked by parsing every page it writes: links, record pages, escaping,
/// and what a public or a partner's site must never show.
@Suite struct SiteTests {
  /// A site written into a folder of its own, with every page parsed.
  struct Site {
    let folder: TemporaryDirectory
    var pages: [String: HTMLDocument] = [:]

    init(_ ledger: LedgerSandbox, _ options: String...) throws {
      folder = try TemporaryDirectory()
      let out = folder.path("site").path
      let result = ledger.cli.run(["site", out] + options)
      try #require(result.status == 0, "\(result)")
      // The command speaks the site's language: `--lang fr` says "Ouvrez".
      #expect(result.output.contains(options.contains("fr") ? "Ouvrez file://" : "Open file://"))
      let root = folder.path("site")
      let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "html" else { continue }
        let relative = String(url.path.dropFirst(root.path.count + 1))
        let text = try String(contentsOf: url, encoding: .utf8)
        do {
          pages[relative] = try HTMLDocument.parse(text)
        } catch {
          Issue.record("\(relative): \(error)")
        }
      }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: folder.path("site/" + relative).path) }

    /// Every text a reader or a script could get from a page: text, attribute values, and
    /// the content of script elements (the search data).
    static func strings(of document: HTMLDocument) -> [String] {
      var result: [String] = []
      for node in [document.root] + document.root.descendants {
        result += node.attributes.map(\.value)
        if node.kind != .element { result.append(node.value) }
      }
      return result
    }
  }

  static func records(_ ledger: LedgerSandbox, _ kind: String) throws -> [[String: Any]] {
    let output = ledger.run("list", kind, "--format", "json").output
    return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
  }

  static let kinds = [
    "people", "organizations", "systems", "accounts", "rights", "tickets", "payments", "contracts", "trainings", "duties",
  ]

  @Test(arguments: ["platform", "association"])
  func everyLinkResolvesAndEveryRecordHasItsPage(_ sample: String) throws {
    let ledger = try ValidationCommandTests.sample(sample)
    let site = try Site(ledger)
    #expect(site.pages.count > 50)
    for (path, document) in site.pages.sorted(by: { $0.key < $1.key }) {
      #expect(document.validationProblems().isEmpty, "\(path): \(document.validationProblems())")
      #expect(document.root.attribute("lang") == "en", "\(path)")
      let folder = (path as NSString).deletingLastPathComponent
      for node in document.root.descendants where ["a", "link"].contains(node.name) {
        guard let href = node.attribute("href") else { continue }
        // A web address or email in a value is a link out, marked so, of an allowed scheme.
        if node.attribute("rel")?.contains("external") == true {
          #expect(["https://", "http://", "mailto:"].contains { href.hasPrefix($0) }, "\(path): \(href)")
          continue
        }
        #expect(!href.contains("://"), "\(path) links outside the site: \(href)")
        let target = String(href.split(separator: "#", omittingEmptySubsequences: false)[0])
        let resolved = ((folder as NSString).appendingPathComponent(target) as NSString).standardizingPath
        #expect(site.exists(resolved), "\(path) links to \(href), which was not written")
      }
      #expect(document.elements(named: "script").allSatisfy { $0.attribute("src") == nil }, "\(path) loads a script")
    }
    for kind in Self.kinds {
      for record in try Self.records(ledger, kind) {
        let id = try #require(record["id"] as? String)
        #expect(site.pages["\(kind)/\(id).html"] != nil, "no page for \(kind)/\(id)")
      }
    }
    let home = try #require(site.pages["index.html"])
    let counts = home.elements(named: "li").map(\.normalizedText)
    #expect(counts.contains("\(try Self.records(ledger, "people").count) people"))
  }

  @Test func aValueHoldingMarkupIsShownAsText() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let hostile = #"<script>alert("x")</script> & <b>bold</b>"#
    #expect(ledger.run("set", "people/tblanc", "--set", "name=\(hostile)").status == 0)
    let site = try Site(ledger)
    let page = try #require(site.pages["people/tblanc.html"])
    #expect(page.elements(named: "script").isEmpty)
    #expect(page.elements(named: "b").isEmpty)
    #expect(page.first(named: "h1")?.normalizedText == hostile)
    let cells = try #require(page.element(id: "fields")).elements(named: "td").map(\.normalizedText)
    #expect(cells.contains(hostile))
    // The people's table and the search data carry it as text too.
    let table = try #require(site.pages["people.html"])
    #expect(table.elements(named: "script").count == 1)
    #expect(table.elements(named: "b").isEmpty)
    let search = try #require(site.pages["search.html"])
    let data = try #require(search.element(id: "search-data")).children.map(\.value).joined()
    #expect(!data.contains("</script"))
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [[String]])
    #expect(entries.contains { $0[1] == hostile })
  }

  @Test(arguments: ["platform", "association"])
  func aPublicSiteHoldsNoEmailOrPhoneOfAnyPerson(_ sample: String) throws {
    let ledger = try ValidationCommandTests.sample(sample)
    var personal: Set<String> = []
    for person in try Self.records(ledger, "people") {
      for field in ["emails", "git_identities"] { personal.formUnion((person[field] as? [String]) ?? []) }
      if let phone = person["phone"] as? String { personal.insert(phone) }
      if let notes = person["notes"] as? String { personal.insert(notes) }
    }
    for account in try Self.records(ledger, "accounts") {
      if let mailbox = account["mailbox"] as? [String: Any] {
        if let address = mailbox["address"] as? String { personal.insert(address) }
        personal.formUnion((mailbox["redirect_to"] as? [String]) ?? [])
      }
    }
    try #require(personal.count > 5)
    let site = try Site(ledger, "--public")
    for (path, document) in site.pages {
      let notice = document.elements(named: "p").first { $0.attribute("role") == "note" }
      #expect(notice?.normalizedText.contains("personal data") == true, "\(path) does not say it is public")
      for text in Site.strings(of: document) {
        let lowered = text.lowercased()
        for value in personal where lowered.contains(value.lowercased()) {
          Issue.record("\(path) shows \(value)")
        }
        #expect(!text.contains("@") || !text.contains(where: \.isLetter) || !Self.looksLikeEmail(text), "\(path): \(text)")
      }
    }
    // Names stay: a funder reads who was trained.
    #expect(
      site.pages["people.html"].map { Site.strings(of: $0).contains { $0.contains("Blanc") || $0.contains("Dupont") } } == true)
  }

  static func looksLikeEmail(_ text: String) -> Bool {
    text.split(whereSeparator: { $0.isWhitespace || "<>()\"',;".contains($0) }).contains { word in
      let parts = word.split(separator: "@")
      return parts.count == 2 && parts[1].contains(".") && !parts[0].isEmpty
    }
  }

  @Test func aPartnersSiteNamesNobodyOfAnotherOrganisation() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let people = try Self.records(ledger, "people")
    let own = people.filter { $0["organization"] as? String == "pnr-queyras" }
    let others = people.filter { $0["organization"] as? String != "pnr-queyras" }
    try #require(own.count >= 2 && others.count >= 5)
    let site = try Site(ledger, "--for", "pnr-queyras")
    for person in own {
      #expect(site.pages["people/\(person["id"] as? String ?? "").html"] != nil)
    }
    var forbidden: [String] = []
    for person in others {
      let id = try #require(person["id"] as? String)
      #expect(site.pages["people/\(id).html"] == nil, "a page for people/\(id)")
      forbidden.append(id)
      if let name = person["name"] as? String { forbidden.append(name) }
      forbidden += (person["emails"] as? [String]) ?? []
    }
    for (path, document) in site.pages {
      let words = Site.strings(of: document).flatMap { text in
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "@.-_".contains($0)) }).map { String($0).lowercased() }
      }
      let wordSet = Set(words)
      let joined = " " + words.joined(separator: " ") + " "
      for value in forbidden {
        let lowered = value.lowercased()
        if lowered.contains(" ") ? joined.contains(" " + lowered + " ") : wordSet.contains(lowered) {
          Issue.record("\(path) names \(value)")
        }
      }
      let ownPages = Set(own.map { "people/\($0["id"] as? String ?? "").html" })
      for link in document.root.descendants.compactMap({ $0.attribute("href") }) where link.contains("people/") {
        #expect(ownPages.contains(link.replacingOccurrences(of: "../", with: "")), "\(path) links to \(link)")
      }
    }
    // The whole-ledger figures count everyone: not on a partner's site.
    #expect(site.pages["audit.html"] == nil)
    #expect(!site.pages.keys.contains { $0.hasPrefix("reports/annual-") })
    #expect(ledger.run("site", site.folder.path("other").path, "--for", "nobody").status != 0)
  }

  @Test func aFolderTheSiteDidNotWriteIsNeverReplaced() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let folder = try TemporaryDirectory()
    try folder.write("mine/notes.txt", "keep me")
    let refused = ledger.run("site", folder.path("mine").path)
    #expect(refused.status == 2, "\(refused)")
    #expect(refused.error.contains("holds files that no site wrote"))
    #expect(folder.read("mine/notes.txt") == "keep me")
    // A site written before is replaced whole.
    #expect(ledger.run("site", folder.path("site").path).status == 0)
    try folder.write("site/stale.html", "old")
    #expect(ledger.run("site", folder.path("site").path).status == 0)
    #expect(folder.read("site/stale.html") == nil)
    #expect(folder.read("site/index.html") != nil)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func aSiteAtAPastRevisionShowsTheLedgerThen() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let before = try ledger.head().trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(ledger.run("set", "systems/geonature", "--set", "name=GeoNature 2").status == 0)
    let site = try Site(ledger, "--at", before)
    let system = try #require(site.pages["systems/geonature.html"])
    #expect(system.first(named: "h1")?.normalizedText == "GeoNature data portal")
    #expect(site.pages["index.html"]?.first(named: "footer")?.normalizedText.contains(before) == true)
  }

  /// The site's blame comes from one walk of the history; it must say what `blame` says.
  @Test func theSitesBlameIsTheBlameCommands() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(
      ledger.run("set", "trainings/2026-10-03-8rla1", "--set", #"attendees=["afaure","hgarnier","zlambert","lfaure"]"#).status
        == 0)
    #expect(ledger.run("set", "trainings/2026-10-03-8rla1", "--set", "duration_hours=6").status == 0)
    #expect(ledger.run("set", "systems/geonature", "--set", "name=GeoNature 2").status == 0)
    let site = try Site(ledger)
    for key in ["trainings/2026-10-03-8rla1", "systems/geonature", "people/tblanc"] {
      let output = ledger.run("blame", key, "--format", "json").output
      let lines = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
      let table = try #require(site.pages[key + ".html"]?.element(id: "blame"))
      let rows = table.elements(named: "tr").dropFirst().map { $0.elements(named: "td").map(\.normalizedText) }
      #expect(rows.count == lines.count, "\(key)")
      for (row, line) in zip(rows, lines) {
        #expect(row[0] == line["field"] as? String)
        #expect(row[4] == String((line["commit"] as? String ?? "").prefix(7)), "\(key) \(row[0])")
      }
    }
  }
}
