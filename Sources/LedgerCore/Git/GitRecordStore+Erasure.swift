import Foundation
import LedgerGit

/// The audit's check of an erasure record in a git repository: while the former history is
/// still at hand, forgetting the record's person is repeated on it, and must give exactly the
/// commits the record lists, with the erasure committed on the last of them.
struct GitErasureVerifier: ErasureVerifier {
  let store: GitRecordStore

  func verify(_ record: ErasureRecord, committedIn commit: String) throws(StoreError) -> ErasureForgery? {
    guard let last = record.commits.last else { return nil }
    guard let formerTip = ObjectID(hex: last.former), let rewrittenTip = ObjectID(hex: last.now),
      let erasure = ObjectID(hex: commit)
    else { return .notOnRewrittenHistory }
    // Once the former objects are dropped (the commit that wrote the record too, when a later
    // erasure rewrote it), the signed record is what is left to trust.
    guard let written = try? store.repository.commit(erasure) else { return nil }
    guard written.parents.first == rewrittenTip else { return .notOnRewrittenHistory }
    guard (try? store.repository.commit(formerTip)) != nil else { return nil }
    return try store.checkErasure(record, formerTip: formerTip)
  }
}

extension GitRecordStore {
  /// Repeats the erasure `record` describes on the former history that ends at `formerTip`,
  /// and says where it departs from the record.
  func checkErasure(_ record: ErasureRecord, formerTip: ObjectID) throws(StoreError) -> ErasureForgery? {
    let commits = try performing(.eraseHistory) { () throws(GitError) in
      Array(try historyIndex.topologicalOrder(from: formerTip).reversed())
    }
    guard let scrub = try scrub(for: record, in: commits, at: formerTip) else { return .personNotFound }
    var expected: [ObjectID: ObjectID] = [:]
    for rename in record.commits {
      guard let former = ObjectID(hex: rename.former), let now = ObjectID(hex: rename.now) else {
        return .differs(former: rename.former)
      }
      expected[former] = now
    }
    let formers = Set(commits)
    if let stray = expected.keys.first(where: { !formers.contains($0) }) { return .differs(former: stray.description) }
    let eraser = try HistoryEraser(store: self, scrub: scrub)
    if let differing = try eraser.rewrite(commits, .verify(expected)) { return .differs(former: differing.description) }
    return nil
  }

  /// The scrub `record` describes, on a former history (`commits`, parents first, ending at
  /// `tip`); nil when no person there has the former id its digest names.
  func scrub(for record: ErasureRecord, in commits: [ObjectID], at tip: ObjectID) throws(StoreError) -> PersonalScrub? {
    let names = try gitSnapshot(of: tip).fileNames(in: RecordKind.people.folder)
    let ids = names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
    guard let former = ids.first(where: record.erased) else { return nil }
    let person = RecordKey(kind: .people, id: RecordID(generated: former))
    return PersonalScrub(
      formerID: former, neutralID: record.person, versions: try versions(of: person, in: commits),
      fields: record.fields.map { String($0.dropFirst()) }, keptFields: record.authorshipKept ? ["git_identities"] : [],
      prefix: prefix, erasesAuthorship: !record.authorshipKept)
  }
}
