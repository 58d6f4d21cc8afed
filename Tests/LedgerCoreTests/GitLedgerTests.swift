import Foundation
import LedgerCore
import LedgerJSON
import LedgerTestSupport
import Testing

/// What only the git store does: the work tree, hand edits, and a ledger in a subfolder.
@Suite struct GitLedgerTests {
  @Test func writeUpdatesTheWorkTreeAndLeavesOtherHandEditsAlone() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    _ = try ledger.store.add(.people, id: RecordID("a"), fields: object(["name": "A"]), by: claire, at: fixedDate)
    try sandbox.write("people/a.json", "{\n  \"name\": \"A edited by hand\"\n}\n")
    _ = try ledger.store.add(.people, id: RecordID("b"), fields: object(["name": "B"]), by: claire, at: fixedDate)
    #expect(sandbox.read("people/b.json") == "{\n  \"name\": \"B\"\n}\n")
    #expect(sandbox.read("people/a.json") == "{\n  \"name\": \"A edited by hand\"\n}\n")
    #expect(try ledger.handEdits() == [HandEdit(path: "people/a.json", change: .modified)])
  }

  @Test func writeRefusesToReplaceAHandEditedRecord() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    let person = try key("people/a")
    _ = try ledger.store.add(.people, id: person.id, fields: object(["name": "A"]), by: claire, at: fixedDate)
    let before = try ledger.store.snapshot(at: nil).revision
    try sandbox.write("people/a.json", "{\"name\": \"mine\"}")
    #expect(throws: StoreError.uncommittedEdits(paths: ["people/a.json"])) {
      try ledger.store.update(
        person, setting: [(try #require(FieldPath("phone")), "+33612345678")], unsetting: [], by: claire, at: fixedDate)
    }
    #expect(try ledger.store.snapshot(at: nil).revision == before)
    #expect(sandbox.read("people/a.json") == "{\"name\": \"mine\"}")
  }

  @Test func handEditsCommitInCanonicalFormWithTrailers() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    try sandbox.write("people/hugo.json", #"{"name":"Hugo","emails":["h@x.org"]}"#)
    let result = try #require(try ledger.commitHandEdits(message: "Add Hugo by hand", by: marc, at: fixedDate))
    #expect(result.changes.message.text.hasPrefix("Add Hugo by hand\n\nLedger-Action: add\nLedger-Record: people/hugo\n"))
    #expect(sandbox.read("people/hugo.json") == "{\n  \"emails\": [\n    \"h@x.org\"\n  ],\n  \"name\": \"Hugo\"\n}\n")
    #expect(try ledger.handEdits().isEmpty)
    #expect(try ledger.commitHandEdits(message: "again", by: marc, at: fixedDate) == nil)
  }

  @Test func brokenHandEditsCommitNothing() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    let before = try ledger.store.snapshot(at: nil).revision
    try sandbox.write("people/good.json", #"{"name": "Good"}"#)
    try sandbox.write("people/bad.json", "{\n  \"name\": \"Bad\",\n}\n")
    try sandbox.write("people/Bad Name.json", "{}")
    do {
      _ = try ledger.commitHandEdits(message: "x", by: claire, at: fixedDate)
      Issue.record("the commit should have been refused")
    } catch {
      guard case .invalid(let list) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(list.diagnostics.map(\.file) == ["people/Bad Name.json", "people/bad.json"])
      #expect(list.diagnostics.map(\.rule) == ["id", "json"])
      #expect(list.diagnostics[1].line == 3)
      #expect(list.diagnostics[1].column == 1)
    }
    #expect(try ledger.store.snapshot(at: nil).revision == before)
  }

  @Test func aLedgerCanSitInASubfolderOfARepository() throws {
    let sandbox = try TemporaryDirectory()
    let outer = try Ledger.create(at: sandbox.path("admin/ledger"), settings: settings, by: claire, at: fixedDate)
    _ = try outer.store.add(.people, id: RecordID("a"), fields: object(["name": "A"]), by: claire, at: fixedDate)
    #expect(sandbox.read("admin/ledger/people/a.json") != nil)
    let reopened = try Ledger.open(from: sandbox.path("admin/ledger/people"))
    #expect(reopened.root.path == sandbox.path("admin/ledger").path)
    #expect(try reopened.store.snapshot(at: nil).record(try key("people/a"))?.fields == object(["name": "A"]))
    // A second ledger in another subfolder of the same repository.
    let second = try Ledger.create(at: sandbox.path("other"), settings: settings, by: claire, at: fixedDate)
    #expect(try second.store.snapshot(at: nil).records(of: .people).records.isEmpty)
  }

  @Test func aHistoryTakenFromALedgerOutlivesIt() throws {
    let sandbox = try TemporaryDirectory()
    _ = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    // Nothing else holds the ledger or its store: the history must keep what it reads.
    let history = try Ledger.open(from: sandbox.url).history
    let tip = try #require(try history.commit(nil))
    #expect(try history.entry(tip).authorEmail == claire.email)
    #expect(try history.log(from: nil, filter: LogFilter()).count == 1)
  }

  @Test func openingOutsideALedgerSaysWhy() throws {
    let sandbox = try TemporaryDirectory()
    #expect(throws: StoreError.notARepository(path: sandbox.url.path)) { try Ledger.open(from: sandbox.url) }
    _ = try Ledger.create(at: sandbox.path("l"), settings: settings, by: claire, at: fixedDate)
    #expect(throws: StoreError.alreadyALedger(path: sandbox.path("l").path)) {
      try Ledger.create(at: sandbox.path("l"), settings: settings, by: claire, at: fixedDate)
    }
    // A repository whose folder holds no ledger.json is not a ledger.
    try FileManager.default.removeItem(at: sandbox.path("l/ledger.json"))
    #expect(throws: StoreError.notALedger(searched: sandbox.path("l").path)) {
      try Ledger.open(from: sandbox.path("l"))
    }
  }

  @Test func concurrentWritersInOneProcessAllLand() async throws {
    let sandbox = try TemporaryDirectory()
    _ = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    let root = sandbox.url
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<8 {
        group.addTask {
          // Each writer opens its own repository handle, as separate commands would.
          let ledger = try Ledger.open(from: root)
          _ = try ledger.store.add(
            .organizations, id: RecordID("org\(index)"), fields: object(["name": "x", "type": "member"]), by: claire,
            at: fixedDate)
        }
      }
      try await group.waitForAll()
    }
    let ledger = try Ledger.open(from: root)
    #expect(try ledger.store.snapshot(at: nil).records(of: .organizations).records.count == 8)
    #expect(try ledger.handEdits().isEmpty)
  }
}
