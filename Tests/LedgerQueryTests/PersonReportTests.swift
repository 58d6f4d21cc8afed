import Foundation
import LedgerCore
import LedgerJSON
import LedgerQuery
import Testing

/// The person export on an in-memory history: which records name the person (found from the
/// schemas' `x-ref` paths, at any depth), the values their record had, and their commits.
@Suite struct PersonReportTests {
  static let claire = Author(name: "Claire Durand", email: "claire@example.org")
  static let hugoAtWork = Author(name: "H. Lefèvre", email: "hugo@cen.example.org")
  static let hugoAtHome = Author(name: "H. Lefèvre", email: "hugo@home.example.net")

  static func json(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }
  static func day(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "T10:00:00Z") ?? .distantPast }

  struct Fixture {
    let history = MemoryHistory()
    var created = "", changed = "", atWork = "", atHome = "", byOther = ""
  }

  /// Hugo is named by his account, a right he validated, a training he attended and a duty
  /// in which he is an actor (inside a list of objects); the right on his account names the
  /// account only. He commits at work, his email changes, he commits from home.
  static func fixture() -> Fixture {
    var made = Fixture()
    let history = made.history
    let settings = #"{"currency": "EUR", "language": "en", "name": "Test", "timezone": "Europe/Paris"}"#
    made.created = history.commit(
      [
        "ledger.json": json(settings),
        "people/cdurand.json": json(#"{"git_identities": ["claire@example.org"], "name": "Claire Durand"}"#),
        "people/hugo.json": json(#"{"emails": ["hugo@cen.example.org"], "name": "Hugo Lefèvre"}"#),
        "people/ana.json": json(#"{"name": "Ana"}"#),
        "systems/geonature.json": json(#"{"name": "GeoNature"}"#),
        "accounts/hugo-gn.json": json(#"{"login": "hugo", "person": "hugo", "system": "geonature"}"#),
        "accounts/ana-gn.json": json(#"{"login": "ana", "person": "ana", "system": "geonature"}"#),
        "rights/hugo-editor.json": json(#"{"account": "hugo-gn", "requested_by": "cdurand", "role": "editor"}"#),
        "rights/ana-reader.json": json(#"{"account": "ana-gn", "role": "reader", "validated_by": "hugo"}"#),
        "trainings/t1.json": json(#"{"attendees": ["ana", "hugo"], "date": "2025-01-05", "topic": "Data entry"}"#),
        "duties/rights.json": json(
          #"{"actors": [{"organization": "cen", "role": "validate"}, {"person": "hugo", "role": "test"}], "mission": "Rights", "responsible": ["cdurand"]}"#
        ),
        "tickets/x1.json": json(#"{"title": "About hugo", "reporter": "ana"}"#),
      ], author: claire, at: day("2025-01-10"), message: "Create ledger")
    made.atWork = history.commit(
      ["tickets/x1.json": json(#"{"title": "About hugo", "reporter": "ana", "status": "open"}"#)], author: hugoAtWork,
      at: day("2025-02-01"), message: "Set tickets/x1: status")
    made.changed = history.commit(
      ["people/hugo.json": json(#"{"emails": ["hugo@home.example.net"], "name": "Hugo Lefèvre"}"#)], author: claire,
      at: day("2025-03-01"), message: "Set people/hugo: emails")
    made.atHome = history.commit(
      ["tickets/x1.json": json(#"{"title": "About hugo", "reporter": "ana", "status": "closed"}"#)], author: hugoAtHome,
      at: day("2025-04-01"), message: "Set tickets/x1: status")
    made.byOther = history.commit(
      ["tickets/x1.json": json(#"{"title": "About hugo", "reporter": "ana", "status": "open"}"#)],
      author: Author(name: "Ana", email: "ana@example.org"), at: day("2025-05-01"), message: "Set tickets/x1: status")
    return made
  }

  static func export(_ fixture: Fixture, at revision: String? = nil) throws -> PersonExport {
    let view = try LedgerView(fixture.history.snapshot(revision))
    let hugo = try #require(try view.record(.people, "hugo"))
    return try PersonExport.make(view, history: fixture.history, person: hugo)
  }

  @Test func everyRecordNamingThePersonIsFoundWithThePlaces() throws {
    let export = try Self.export(Self.fixture())
    #expect(
      export.mentions.map(\.record.key.description) == ["accounts/hugo-gn", "duties/rights", "rights/ana-reader", "trainings/t1"])
    #expect(
      export.mentions.map { $0.fields.map(\.description) } == [
        ["/person"], ["/actors/1/person"], ["/validated_by"], ["/attendees/1"],
      ])
    // A title mentioning "hugo" is no reference; the right on his account is held, not a mention.
    #expect(export.rightsHeld.map(\.key.description) == ["rights/hugo-editor"])
  }

  @Test func theRecordsValuesComeWithTheCommitsThatSetThem() throws {
    let fixture = Self.fixture()
    let export = try Self.export(fixture)
    let emails = export.history.filter { $0.field == "emails" }
    #expect(emails.map(\.value) == [.array(["hugo@cen.example.org"]), .array(["hugo@home.example.net"])])
    #expect(emails.map(\.entry.commit) == [fixture.created, fixture.changed])
    #expect(export.history.filter { $0.field == "name" }.map(\.entry.commit) == [fixture.created])
    // Before the change, only the first value is known.
    let before = try Self.export(fixture, at: fixture.atWork)
    #expect(before.history.filter { $0.field == "emails" }.count == 1)
    #expect(before.revision == fixture.atWork)
  }

  @Test func commitsUnderEveryAddressTheRecordHeldAreTheirs() throws {
    let fixture = Self.fixture()
    #expect(try Self.export(fixture).commits.map(\.commit) == [fixture.atHome, fixture.atWork])
    #expect(try Self.export(fixture, at: fixture.atWork).commits.map(\.commit) == [fixture.atWork])
  }

  @Test func theReportShowsTheSameAsTheExport() throws {
    let fixture = Self.fixture()
    let report = PersonReport.make(try Self.export(fixture), timeZone: .gmt)
    func rows(_ title: String) throws -> [[String]] {
      try #require(report.sections.first { $0.title == title }).rows.map { $0.map(\.compactText) }
    }
    #expect(report.title == "Everything about Hugo Lefèvre (people/hugo)")
    #expect(try rows("Named in").map { $0[1] } == [#""person""#, #""actors.person""#, #""validated_by""#, #""attendees""#])
    #expect(try rows("Duties") == [[#""rights""#, #""Rights""#, #""test""#]])
    #expect(try rows("Rights").map(\.first) == [#""hugo-editor""#])
    #expect(try rows("Commits authored").map(\.last) == [#""Set tickets/x1: status""#, #""Set tickets/x1: status""#])
    #expect(try rows("Values over time").count == 3)
  }

  @Test func theExportsShapeIsStable() throws {
    let fixture = Self.fixture()
    let value = try Self.export(fixture).json(ledgerName: "Test", exportedAt: Self.day("2025-06-01"))
    let object = try #require(value.objectValue)
    #expect(
      object.sortedMembers.map(\.key) == [
        "commits", "exported_at", "format", "history", "ledger", "mentions", "person", "revision", "rights_held", "version",
      ])
    #expect(object["format"] == .string("adminledger-person-export"))
    #expect(object["exported_at"] == .string("2025-06-01T10:00:00Z"))
    let mention = try #require(object["mentions"]?.arrayValue?.first?.objectValue)
    #expect(mention.sortedMembers.map(\.key) == ["content", "fields", "id", "kind", "record"])
    let step = try #require(object["history"]?.arrayValue?.first?.objectValue)
    #expect(step.sortedMembers.map(\.key) == ["author", "commit", "date", "email", "field", "removed", "value"])
    let commit = try #require(object["commits"]?.arrayValue?.first?.objectValue)
    #expect(commit.sortedMembers.map(\.key) == ["author", "commit", "date", "email", "parents", "subject"])
  }
}
