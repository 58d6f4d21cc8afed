import Foundation
import LedgerTestSupport
import Testing

/// `report person`: everything about one person, and its JSON form, the export handed over for
/// an access or portability request. Its list of records is checked against a plain scan of
/// the sample ledgers' files, independent of the schemas and of the tool's own parser.
@Suite struct PersonReportTests {
  /// The export of `id`, parsed.
  static func export(_ ledger: LedgerSandbox, _ id: String, _ extra: String...) throws -> [String: Any] {
    let result = ledger.cli.run(["report", "person", id, "--format", "json"] + extra)
    try #require(result.status == 0, "\(result)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
  }

  static func list(_ object: [String: Any], _ key: String) throws -> [[String: Any]] {
    try #require(object[key] as? [[String: Any]], "no list \(key)")
  }

  /// The commit HEAD points at.
  static func head(_ ledger: LedgerSandbox) throws -> String {
    try ledger.head().trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Every string anywhere inside a JSON value.
  static func strings(in value: Any) -> [String] {
    switch value {
    case let text as String: [text]
    case let array as [Any]: array.flatMap(strings(in:))
    case let object as [String: Any]: object.values.flatMap(strings(in:))
    default: []
    }
  }

  /// For each string value found in the ledger's JSON files, the files (`KIND/ID`, or the
  /// path of a file that is no record) holding it: a scan that knows nothing of schemas.
  static func scan(_ ledger: LedgerSandbox) throws -> [String: Set<String>] {
    let root = ledger.directory.url
    var found: [String: Set<String>] = [:]
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      let relative = String(url.path.dropFirst(root.path.count + 1))
      guard url.pathExtension == "json", !relative.hasPrefix(".git") else { continue }
      let value = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
      let name = relative.split(separator: "/").count == 2 ? String(relative.dropLast(5)) : relative
      for text in strings(in: value) { found[text, default: []].insert(name) }
    }
    return found
  }

  @Test(arguments: ["platform", "association"])
  func theExportListsExactlyTheRecordsThatNameThePerson(_ sample: String) throws {
    let ledger = try ValidationCommandTests.sample(sample)
    let scanned = try Self.scan(ledger)
    let people = try FileManager.default.contentsOfDirectory(atPath: ledger.directory.path("people").path)
      .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    try #require(people.count > 10)
    for id in people {
      // Every file naming the person is a record (not ledger.json), and the person's own is left out.
      let naming = scanned[id, default: []].subtracting(["people/\(id)"])
      #expect(naming.allSatisfy { !$0.hasSuffix(".json") }, "\(id): \(naming)")
      let export = try Self.export(ledger, id)
      let listed = try Self.list(export, "mentions").compactMap { $0["record"] as? String }
      #expect(Set(listed) == naming, "\(sample) \(id)")
      #expect(listed.count == Set(listed).count && listed == listed.sorted { $0 < $1 }, "\(id): one entry per record, sorted")
      let person = try #require(export["person"] as? [String: Any])
      #expect(person["record"] as? String == "people/\(id)")
    }
  }

  @Test func jmartinsExportNamesTheRightsHeValidatedAndWhere() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let export = try Self.export(ledger, "jmartin")
    #expect(export["format"] as? String == "adminledger-person-export")
    #expect(export["version"] as? Int == 1)
    #expect(export["ledger"] as? String == "Biodiv'Sud data platform")
    #expect(export["revision"] as? String == (try Self.head(ledger)))
    #expect(export["exported_at"] as? String == "2026-11-18T11:06:40Z")
    let mentions = try Self.list(export, "mentions")
    let validated = mentions.filter { ($0["fields"] as? [String]) == ["/validated_by"] }
    #expect(validated.count == 7)
    #expect(validated.allSatisfy { $0["kind"] as? String == "rights" })
    let training = try #require(mentions.first { $0["kind"] as? String == "trainings" })
    #expect((training["content"] as? [String: Any])?["topic"] as? String == "Validating observations")
    // The right on his own account names the account, not him: it is held, not a mention.
    let held = try Self.list(export, "rights_held")
    #expect(held.map { $0["record"] as? String } == ["rights/2024-05-01-sue2i"])
    #expect(held.first?["account"] as? String == "2024-05-01-ji6lh")
    let text = ledger.run("report", "person", "jmartin").output
    #expect(text.contains("\n## Named in\nrecord                      field         about\n"))
    #expect(text.contains("\nrights/2025-09-01-mvcgr     validated_by  contributor\n"))
  }

  @Test func aNestedReferenceIsFoundFromTheSchemas() throws {
    // requested_by on a right and an actor's person inside a duty's list of objects.
    let ledger = try ValidationCommandTests.sample("association")
    let scanned = try Self.scan(ledger)
    let duty = try #require(scanned["slefort"]?.first { $0.hasPrefix("duties/") })
    let export = try Self.export(ledger, "slefort")
    let mention = try #require(try Self.list(export, "mentions").first { $0["record"] as? String == duty })
    #expect((mention["fields"] as? [String])?.allSatisfy { $0.hasPrefix("/actors/") && $0.hasSuffix("/person") } == true)
    #expect(
      ledger.run("report", "person", "slefort", "--format", "csv").output.contains(
        "\nevolutions,Evolutions of the back office and the site,validate\n"))
  }

  @Test func theExportListsEveryValueOfTheRecordWithTheCommitThatSetIt() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let imported = try Self.head(ledger)
    let set = ledger.run("set", "people/jmartin", "--set", #"emails=["julien.martin@cbn-med.example.org"]"#)
    try #require(set.status == 0, "\(set)")
    let changed = try Self.head(ledger)
    let export = try Self.export(ledger, "jmartin")
    let emails = try Self.list(export, "history").filter { $0["field"] as? String == "emails" }
    #expect(emails.map { $0["value"] as? [String] } == [["jmartin@cbn-med.example.org"], ["julien.martin@cbn-med.example.org"]])
    #expect(emails.map { $0["commit"] as? String } == [imported, changed])
    #expect(emails.allSatisfy { $0["author"] as? String == "Claire Durand" && $0["removed"] as? Bool == false })
    #expect(emails.last?["email"] as? String == "claire.durand@example.org")
    let text = ledger.run("report", "person", "jmartin").output
    #expect(
      text.contains(
        "\nemails        julien.martin@cbn-med.example.org  set     2026-11-18  \(changed.prefix(7))  Claire Durand\n"))
    // A field removed is a value too.
    #expect(ledger.run("set", "people/jmartin", "--unset", "functions").status == 0)
    let removed = try Self.list(try Self.export(ledger, "jmartin"), "history").last
    #expect(removed?["field"] as? String == "functions" && removed?["removed"] as? Bool == true)
    #expect(removed?["value"] is NSNull)
    // --at reads the ledger and its history as they were.
    let before = try Self.export(ledger, "jmartin", "--at", imported)
    #expect(before["revision"] as? String == imported)
    #expect(try Self.list(before, "history").allSatisfy { $0["commit"] as? String == imported })
  }

  @Test func theExportListsTheCommitsThePersonAuthored() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    let imported = try Self.head(ledger)
    // Julien commits under his address; Claire's commits are not his.
    ledger.cli.author = "Julien Martin <jmartin@cbn-med.example.org>"
    #expect(ledger.run("set", "tickets/2025-11-15-efy7p", "--set", "priority=high").status == 0)
    let his = try Self.head(ledger)
    ledger.cli.author = "Claire Durand <claire.durand@example.org>"
    #expect(ledger.run("set", "people/jmartin", "--set", #"emails=["julien.martin@cbn-med.example.org"]"#).status == 0)
    // Under his new address, and under his name alone with another address.
    ledger.cli.author = "Julien Martin <julien.martin@cbn-med.example.org>"
    #expect(ledger.run("set", "tickets/2025-11-15-efy7p", "--set", "priority=low").status == 0)
    let later = try Self.head(ledger)
    ledger.cli.author = "julien martin <jm@home.example.net>"
    #expect(ledger.run("set", "tickets/2025-11-15-efy7p", "--set", "priority=normal").status == 0)
    let byName = try Self.head(ledger)
    let commits = try Self.list(try Self.export(ledger, "jmartin"), "commits")
    // Newest first; the commit under the address he has since replaced is still his.
    #expect(commits.map { $0["commit"] as? String } == [byName, later, his])
    #expect(commits.last?["subject"] as? String == "Set tickets/2025-11-15-efy7p: priority")
    #expect(commits.last?["parents"] as? [String] == [imported])
    // Claire's: the ledger's creation, the sample's import and the change of address.
    #expect(try Self.list(try Self.export(ledger, "cdurand"), "commits").count == 3)
    #expect(ledger.run("report", "person", "jmartin").output.contains("## Commits authored\ncommit   date        subject\n"))
  }

  @Test func anUnknownPersonIsAUsageError() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("report", "person", "nobody", "--format", "json")
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
  }
}
