import Foundation
import LedgerCore
import LedgerJSON
import LedgerTestSupport
import Testing

/// After a rewritten history, `dropUnreachableObjects` leaves neither an object nor a cache
/// holding the old history's values, and the ledger reads on as before: records, log, audit,
/// through the same ledger and through one opened afresh, rebuilding its caches.
@Suite struct PurgeStoreTests {
  static let secret = "Ada SECRET-91c2 Lovelace"
  static let secretID = "ada-91c2"

  @Test func theLedgerReadsOnAndItsCachesRebuildWithoutTheOldHistory() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    let start = try git(["rev-parse", "HEAD"], in: sandbox.url)
    let ada = try key("people/\(Self.secretID)")
    _ = try ledger.store.add(.people, id: ada.id, fields: object(["name": .string(Self.secret)]), by: claire, at: fixedDate)
    try addBob(to: ledger)
    try readEverything(ledger)
    #expect(try cachesHold(Self.secret, in: sandbox.url))

    // The rewrite: the branch back to before ada, and bob again on it.
    _ = try git(["reset", "-q", "--hard", start], in: sandbox.url)
    try addBob(to: ledger)
    let expected = try readEverything(ledger)

    let dropped = try ledger.store.dropUnreachableObjects()

    #expect(dropped.cachesRemoved == ["audit-last", "history.idx", "index"])
    #expect(dropped.objectsAfter < dropped.objectsBefore)
    #expect(dropped.bytesAfter > 0)  // a pack of a few objects can outweigh them loose: its index alone is 1 KiB
    #expect(dropped.reflogsEmptied > 0)
    for text in [Self.secret, Self.secretID] {
      #expect(try !cachesHold(text, in: sandbox.url))
      #expect(try !git(["cat-file", "--batch-all-objects", "--batch"], in: sandbox.url).contains(text))
    }
    #expect(try readEverything(ledger) == expected)
    #expect(try readEverything(try Ledger.open(from: sandbox.url)) == expected)
    for cache in ["audit-last", "history.idx", "index"] {
      #expect(FileManager.default.fileExists(atPath: sandbox.url.appendingPathComponent(".git/adminledger/\(cache)").path))
    }
    #expect(try git(["status", "--porcelain"], in: sandbox.url) == "")
  }

  @Test func aStoppedMergeIsRefused() throws {
    let sandbox = try TemporaryDirectory()
    let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
    let head = try git(["rev-parse", "HEAD"], in: sandbox.url)
    try Data((head + "\n").utf8).write(to: sandbox.url.appendingPathComponent(".git/MERGE_HEAD"))
    #expect(throws: StoreError.mergeInProgress) { try ledger.store.dropUnreachableObjects() }
  }

  private func addBob(to ledger: Ledger) throws {
    _ = try ledger.store.add(.people, id: RecordID("bob"), fields: object(["name": "Bob"]), by: claire, at: fixedDate)
  }

  /// What `list`, `log`, `validate` and `audit` read, in words a test compares; reading it
  /// fills every cache.
  @discardableResult
  private func readEverything(_ ledger: Ledger) throws -> [String] {
    let people = try ledger.store.snapshot(at: nil).records(of: .people).records.map { "\($0.key)" }
    let log = try ledger.history.log(from: nil, filter: LogFilter()).map { "\($0)" }
    let validation = try ledger.validate(at: nil)
    let audit = try ledger.store.audit(range: nil)
    return people + log + ["\(validation.diagnostics.count) \(validation.records)", "\(audit.commits) \(audit.findings.count)"]
  }

  /// Whether a file under `.git/adminledger/` holds `text`.
  private func cachesHold(_ text: String, in root: URL) throws -> Bool {
    let folder = root.appendingPathComponent(".git/adminledger")
    let needle = Data(text.utf8)
    let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    return names.contains { name in
      FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)?.range(of: needle) != nil
    }
  }

  private func git(_ arguments: [String], in root: URL) throws -> String {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"] + arguments,
      in: root)
    try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
