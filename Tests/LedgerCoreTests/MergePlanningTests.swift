import Foundation
import LedgerJSON
import Testing

@testable import LedgerCore

/// Merge planning on the in-memory history: the same three-way, field-level planning `sync`
/// does on git, checked without a repository.
@Suite struct MergePlanningTests {
  /// A history whose first commit holds the settings and `people/hugo`, then one commit on
  /// each side of a fork.
  struct Fork {
    let history = MemoryHistory()
    let base: String
    var ours = ""
    var theirs = ""

    init(_ people: [String: [String: JSONValue]] = ["hugo": ["name": "Hugo", "phone": "+33612345678"]]) {
      var files: [String: [UInt8]?] = [LedgerSettings.fileName: CanonicalSettings.bytes(settings)]
      for (id, fields) in people { files["people/\(id).json"] = Fork.bytes(fields) }
      base = history.commit(files, author: claire, at: fixedDate, message: "Create ledger")
    }

    static func bytes(_ fields: [String: JSONValue]) -> [UInt8] {
      CanonicalWriter.bytes(.object(JSONObject(fields.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 })))
    }

    mutating func sides(ours mine: [String: [UInt8]?], theirs other: [String: [UInt8]?]) {
      ours = history.commit(mine, parents: [base], author: claire, at: fixedDate + 60, message: "ours")
      theirs = history.commit(other, parents: [base], author: marc, at: fixedDate + 120, message: "theirs")
    }

    func plan() throws -> MergeOutcome { try history.planMerge(ours: ours, theirs: theirs) }
  }

  @Test func changesToDifferentFieldsOfOneRecordMerge() throws {
    var fork = Fork()
    fork.sides(
      ours: ["people/hugo.json": Fork.bytes(["name": "Hugo Lefèvre", "phone": "+33612345678"])],
      theirs: ["people/hugo.json": Fork.bytes(["name": "Hugo", "phone": "+33699999999"])])
    let outcome = try fork.plan()
    #expect(outcome.isClean)
    #expect(outcome.base == fork.base)
    #expect(outcome.records.map(\.description) == ["people/hugo"])
    let update = try #require(outcome.updates.first)
    #expect(outcome.updates.count == 1 && update.path == "people/hugo.json")
    guard case .merged(let bytes) = update.result else { Issue.record("expected merged bytes"); return }
    let merged = try #require(try JSONParser.parse(bytes).objectValue)
    #expect(merged["name"] == "Hugo Lefèvre")
    #expect(merged["phone"] == "+33699999999")
  }

  @Test func bothSidesSettingOneFieldIsAConflictThatKeepsOurs() throws {
    var fork = Fork()
    fork.sides(
      ours: ["people/hugo.json": Fork.bytes(["name": "Hugo", "phone": "+33611111111"])],
      theirs: ["people/hugo.json": Fork.bytes(["name": "Hugo", "phone": "+33622222222"])])
    let outcome = try fork.plan()
    #expect(outcome.conflicts.map(\.pointer.description) == ["/phone"])
    #expect(outcome.conflicted.map(\.path) == ["people/hugo.json"])
    let conflicted = try #require(outcome.conflicted.first)
    #expect(conflicted.ours != conflicted.theirs && conflicted.base != nil)
    // Ours already holds the conflicting field: nothing to write on our side.
    #expect(outcome.updates.isEmpty)
  }

  @Test func aFileOnlyTheyChangedIsTakenWhole() throws {
    var fork = Fork()
    let added = Fork.bytes(["name": "Inès"])
    fork.sides(
      ours: ["people/hugo.json": Fork.bytes(["name": "Hugo L", "phone": "+33612345678"])], theirs: ["people/ines.json": added])
    let outcome = try fork.plan()
    #expect(outcome.isClean)
    #expect(outcome.updates.map(\.path) == ["people/ines.json"])
    #expect(outcome.updates.first?.result == .taken(ContentID(hashing: added)))
    #expect(try fork.history.bytes(ContentID(hashing: added)) == added)
  }

  @Test func removingARecordTheOtherSideChangedIsAConflict() throws {
    var fork = Fork()
    fork.sides(
      ours: ["people/hugo.json": nil],
      theirs: ["people/hugo.json": Fork.bytes(["name": "Hugo", "phone": "+33699999999"])])
    let outcome = try fork.plan()
    #expect(!outcome.conflicts.isEmpty)
    #expect(outcome.conflicted.first?.ours == nil)
  }

  @Test func setArraysMergeAsSets() throws {
    var fork = Fork(["hugo": ["name": "Hugo", "emails": ["hugo@example.org"]]])
    fork.sides(
      ours: ["people/hugo.json": Fork.bytes(["name": "Hugo", "emails": ["hugo@example.org", "h1@example.org"]])],
      theirs: ["people/hugo.json": Fork.bytes(["name": "Hugo", "emails": ["hugo@example.org", "h2@example.org"]])])
    let outcome = try fork.plan()
    #expect(outcome.isClean)
    guard case .merged(let bytes)? = outcome.updates.first?.result else { Issue.record("expected merged bytes"); return }
    let emails = try #require(try JSONParser.parse(bytes).objectValue?["emails"]?.arrayValue)
    #expect(Set(emails.compactMap(\.stringValue)) == ["hugo@example.org", "h1@example.org", "h2@example.org"])
  }

  @Test func aRuleBrokenOnlyByTheCombinationIsAFinding() throws {
    var fork = Fork()
    // Each side adds a different person with the same email: each side is valid alone.
    fork.sides(
      ours: ["people/ana.json": Fork.bytes(["name": "Ana", "emails": ["shared@example.org"]])],
      theirs: ["people/bea.json": Fork.bytes(["name": "Bea", "emails": ["shared@example.org"]])])
    let outcome = try fork.plan()
    #expect(outcome.conflicts.isEmpty)
    #expect(outcome.findings.contains { $0.rule == "x-unique" || $0.message.contains("shared@example.org") })
  }

  @Test func historiesThatShareNoCommitAreRefused() throws {
    let history = MemoryHistory()
    let one = history.commit(
      [LedgerSettings.fileName: CanonicalSettings.bytes(settings)], parents: [], author: claire, at: fixedDate,
      message: "one")
    let two = history.commit(
      [LedgerSettings.fileName: CanonicalSettings.bytes(settings)], parents: [], author: marc, at: fixedDate + 1,
      message: "two")
    #expect(throws: StoreError.unrelatedHistories) { try history.planMerge(ours: one, theirs: two) }
  }
}
