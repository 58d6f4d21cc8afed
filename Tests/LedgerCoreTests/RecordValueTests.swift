import Foundation
import LedgerCore
import LedgerJSON
import Testing

@Suite struct RecordValueTests {
  @Test(arguments: [
    ("", RecordID.Problem.empty), ("Hugo", .badFirstCharacter("H")), ("-a", .badFirstCharacter("-")),
    ("a/b", .badCharacter("/")), ("a b", .badCharacter(" ")), ("a..b", .dotDot),
    (String(repeating: "a", count: 65), .tooLong), ("é", .badFirstCharacter("é")),
  ])
  func badIDsAreRefusedWithTheirRule(_ text: String, _ problem: RecordID.Problem) {
    #expect(RecordID.check(text) == problem)
    #expect(RecordID(text) == nil)
  }

  @Test(arguments: ["a", "hlefevre", "cen-paca", "2026-11-27-k3f9q", "a.b_c", String(repeating: "z", count: 64)])
  func goodIDsAreAccepted(_ text: String) {
    #expect(RecordID(text)?.value == text)
  }

  @Test(arguments: ["people/a.json", "tickets/2026-01-01-abcde.json"])
  func recordPathsNameKeys(_ path: String) throws {
    #expect(try #require(RecordKey(path: path)).path == path)
  }

  @Test(arguments: ["people/A.json", "people/a.txt", "nowhere/a.json", "people/x/a.json", "ledger.json", "people/...json"])
  func otherPathsAreNotRecords(_ path: String) {
    #expect(RecordKey(path: path) == nil)
  }

  @Test func fieldPathSetsNestedValuesAndCreatesObjects() throws {
    let path = try #require(FieldPath("credentials.channel"))
    let result = try path.setting("phone", in: object(["name": "A"]))
    #expect(result == object(["name": "A", "credentials": ["channel": "phone"]]))
    #expect(throws: FieldPath.Problem.notAnObject(prefix: "name", found: "string")) {
      try #require(FieldPath("name.first")).setting("x", in: result)
    }
  }

  @Test func fieldPathRemovalPrunesEmptiedObjects() throws {
    let start = object(["a": ["b": 1], "c": ["d": 1, "e": 2]])
    #expect(try #require(FieldPath("a.b")).removing(from: start) == object(["c": ["d": 1, "e": 2]]))
    #expect(try #require(FieldPath("c.d")).removing(from: start) == object(["a": ["b": 1], "c": ["e": 2]]))
    #expect(throws: FieldPath.Problem.missing) { try #require(FieldPath("x")).removing(from: start) }
  }

  @Test(arguments: ["", ".", "a.", ".a", "a..b"])
  func emptyPathComponentsAreRefused(_ text: String) {
    #expect(FieldPath(text) == nil)
  }

  @Test func fieldChangesListAddedRemovedAndChangedLeaves() {
    let changes = FieldChange.between(
      object(["status": "active", "old": 1, "nested": ["x": 1, "y": 2]]),
      object(["status": "revoked", "new": true, "nested": ["x": 1, "y": 3]]))
    #expect(
      changes.map(\.summary) == [
        "nested.y: 2 -> 3", "+ new: true", "- old: 1", #"status: "active" -> "revoked""#,
      ])
  }

  @Test func generatedIDsAreDatedInTheLedgerTimeZoneAndRandom() throws {
    // 23:30 UTC on 2026-11-27 is already the 28th in Paris.
    let lateEvening = try #require(ISO8601DateFormatter().date(from: "2026-11-27T23:30:00Z"))
    let generator = IDGenerator(timeZone: try #require(TimeZone(identifier: "Europe/Paris")))
    let ids = (0..<200).map { _ in generator.makeID(at: lateEvening).value }
    #expect(ids.allSatisfy { $0.hasPrefix("2026-11-28-") && RecordID($0) != nil })
    #expect(Set(ids).count == ids.count)
  }

  @Test func commitMessageCarriesTrailersThatReadBack() throws {
    let message = CommitMessage(
      subject: "Set rights/r1: status", body: [#"status: "active" -> "revoked""#], actions: [.set],
      records: [try key("rights/r1")])
    #expect(
      message.text == """
        Set rights/r1: status

        status: "active" -> "revoked"

        Ledger-Action: set
        Ledger-Record: rights/r1

        """)
    let trailers = CommitMessage.trailers(in: message.text)
    #expect(trailers.actions == [.set])
    #expect(trailers.records == ["rights/r1"])
  }

  @Test(arguments: [
    ("Claire Durand <claire@example.org>", "Claire Durand", "claire@example.org"),
    ("  Élodie  <e@x.fr>", "Élodie", "e@x.fr"),
  ])
  func authorsParseFromNameAndEmail(_ text: String, _ name: String, _ email: String) throws {
    let author = try #require(Author(parsing: text))
    #expect(author.name == name)
    #expect(author.email == email)
  }

  @Test(arguments: ["claire@example.org", "Claire <>", "<c@x.org>", "Claire <not an email>"])
  func malformedAuthorsAreRefused(_ text: String) {
    #expect(Author(parsing: text) == nil)
  }
}
