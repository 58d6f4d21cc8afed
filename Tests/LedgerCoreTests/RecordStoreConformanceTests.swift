import Foundation
import LedgerCore
import LedgerJSON
import Testing

/// The contract of `RecordStore`, run against the git store and the memory store alike.
@Suite struct RecordStoreConformanceTests {
  @Test(arguments: StoreKind.allCases)
  func addedRecordReadsBack(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let fields = object(["name": "Hugo Lefèvre", "emails": ["hugo@example.org"]])
    let result = try fixture.store.add(
      .people, id: RecordID("hlefevre"), fields: fields, by: claire, at: fixedDate)
    #expect(result.changes.records == [try key("people/hlefevre")])
    let record = try #require(try fixture.store.snapshot(at: nil).record(try key("people/hlefevre")))
    #expect(record.fields == fields)
    #expect(result.changes.message.text.contains("Ledger-Action: add\nLedger-Record: people/hlefevre\n"))
  }

  @Test(arguments: StoreKind.allCases)
  func addingAnExistingIDIsRefused(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    _ = try fixture.store.add(.people, id: RecordID("a"), fields: object(["name": "A"]), by: claire, at: fixedDate)
    #expect(throws: StoreError.recordExists(try key("people/a"))) {
      try fixture.store.add(.people, id: RecordID("a"), fields: object(["name": "B"]), by: claire, at: fixedDate)
    }
  }

  @Test(arguments: StoreKind.allCases)
  func eventKindsGetGeneratedIDsAndNamedKindsNeedOne(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let result = try fixture.store.add(.tickets, id: nil, fields: object(["title": "x"]), by: claire, at: fixedDate)
    let id = try #require(result.changes.records.first).id.value
    // 2026-11-18 in Europe/Paris, then five random characters.
    #expect(id.hasPrefix("2026-11-18-"))
    #expect(id.count == 16)
    #expect(throws: StoreError.idRequired(.people)) {
      try fixture.store.add(.people, id: nil, fields: object(["name": "x"]), by: claire, at: fixedDate)
    }
  }

  @Test(arguments: StoreKind.allCases)
  func updateChangesOnlyTheNamedFields(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let person = try key("people/hlefevre")
    _ = try fixture.store.add(
      .people, id: person.id, fields: object(["name": "Hugo", "phone": "+33", "credentials": ["channel": "phone"]]),
      by: claire, at: fixedDate)
    let name = try #require(FieldPath("name"))
    let channel = try #require(FieldPath("credentials.channel"))
    let result = try #require(
      try fixture.store.update(
        person, setting: [(name, "Hugo Lefèvre")], unsetting: [channel], by: marc, at: fixedDate))
    #expect(result.changes.message.subject == "Set people/hlefevre: credentials, name")
    #expect(result.changes.message.body == [#"- credentials.channel: "phone""#, #"name: "Hugo" -> "Hugo Lefèvre""#])
    let record = try #require(try fixture.store.snapshot(at: nil).record(person))
    #expect(record.fields == object(["name": "Hugo Lefèvre", "phone": "+33"]))
  }

  @Test(arguments: StoreKind.allCases)
  func updateToTheSameValuesMakesNoCommit(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let person = try key("people/a")
    _ = try fixture.store.add(.people, id: person.id, fields: object(["name": "A"]), by: claire, at: fixedDate)
    let before = try fixture.store.snapshot(at: nil).revision
    let result = try fixture.store.update(
      person, setting: [(try #require(FieldPath("name")), "A")], unsetting: [], by: claire, at: fixedDate)
    #expect(result == nil)
    #expect(try fixture.store.snapshot(at: nil).revision == before)
  }

  @Test(arguments: StoreKind.allCases)
  func unsettingAMissingFieldIsRefused(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let person = try key("people/a")
    _ = try fixture.store.add(.people, id: person.id, fields: object(["name": "A"]), by: claire, at: fixedDate)
    #expect(throws: StoreError.fieldNotFound(person, field: "phone")) {
      try fixture.store.update(person, setting: [], unsetting: [try #require(FieldPath("phone"))], by: claire, at: fixedDate)
    }
  }

  @Test(arguments: StoreKind.allCases)
  func removedRecordIsGoneNowAndStaysInThePast(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    let person = try key("people/a")
    let added = try fixture.store.add(.people, id: person.id, fields: object(["name": "A"]), by: claire, at: fixedDate)
    _ = try fixture.store.remove(person, by: claire, at: fixedDate)
    #expect(try fixture.store.snapshot(at: nil).record(person) == nil)
    #expect(try fixture.store.snapshot(at: added.commit).record(person)?.fields == object(["name": "A"]))
    #expect(throws: StoreError.recordNotFound(person)) { try fixture.store.remove(person, by: claire, at: fixedDate) }
  }

  @Test(arguments: StoreKind.allCases)
  func recordsOfAKindAreSortedByID(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    for id in ["c", "a", "b"] {
      _ = try fixture.store.add(
        .organizations, id: RecordID(id), fields: object(["name": .string(id)]), by: claire, at: fixedDate)
    }
    let load = try fixture.store.snapshot(at: nil).records(of: .organizations)
    #expect(load.records.map(\.key.id.value) == ["a", "b", "c"])
    #expect(load.diagnostics.isEmpty)
  }

  @Test(arguments: StoreKind.allCases)
  func aRecordHoldingItsIDIsRefused(_ kind: StoreKind) throws {
    let fixture = try StoreFixture(kind)
    #expect(throws: StoreError.self) {
      try fixture.store.add(.people, id: RecordID("a"), fields: object(["id": "a"]), by: claire, at: fixedDate)
    }
    #expect(try fixture.store.snapshot(at: nil).record(try key("people/a")) == nil)
  }
}
