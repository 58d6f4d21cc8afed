import Foundation
import LedgerGit

/// What `dropUnreachableObjects` removed: the repository's stored objects and their bytes
/// before and after, the reflogs emptied and the caches removed.
public struct DroppedObjects: Equatable, Sendable {
  /// Objects stored in the repository's own folder (a loose file or a pack's entry each).
  public let objectsBefore: Int
  public let objectsAfter: Int
  /// The bytes of the object files.
  public let bytesBefore: Int
  public let bytesAfter: Int
  /// How many reflogs held entries that are gone now.
  public let reflogsEmptied: Int
  /// The caches under `.git/adminledger/` removed (`history.idx`, `index`), sorted.
  public let cachesRemoved: [String]
}

// After a rewritten history (`forget`, and every clone and shared repository that follows it),
// nothing of the old history may stay on the disk: not an object, and not a cache built from
// it.
extension GitRecordStore {
  /// The caches under `.git/adminledger/` that hold values, paths or commit ids read from the
  /// history, each rebuilt by the next command that needs it: the folder, value and
  /// checked-file caches (`index/`), what each commit changed (`history.idx`), the verdicts on
  /// signatures (`signatures`) and the last audited commit (`audit-last`, so the next `audit
  /// --since-last` audits the whole rewritten history). Kept: the trust pin (`trust.json`),
  /// a stopped merge (`merge/`), an interrupted update (`pending.json`) and the allowed
  /// signers written for git (`allowed_signers`), which are state, not caches.
  static let historyCaches = ["audit-last", "history.idx", "index", "signatures"]

  /// Removes every object the branches, tags and other references, HEAD and the index no
  /// longer reach, with the reflogs and the caches built from the old history (see
  /// `Repository.dropUnreachableObjects` and `historyCaches`).
  ///
  /// Runs under the writers' lock, after finishing any update a killed process left.
  ///
  /// - Throws: `StoreError.mergeInProgress` while a merge is stopped (its commits would go);
  ///   `.git(.dropUnreachableObjects, _)` when git cannot (a rebase in progress, a missing
  ///   object: then nothing was removed); `.fileSystem(.removeHistoryCaches, _)` when a cache
  ///   cannot be removed (the objects are gone by then: running again finishes).
  public func dropUnreachableObjects() throws(StoreError) -> DroppedObjects {
    try recoverInterruptedUpdate()
    let lock = try lockForWriting()
    return try dropUnreachableObjects(holding: lock)
  }

  /// `dropUnreachableObjects()` for a caller that already holds the writers' lock (a sync
  /// that has just followed a rewritten history): taking it again would wait forever, as the
  /// lock is per open file, not per process.
  func dropUnreachableObjects(holding lock: WriteLock) throws(StoreError) -> DroppedObjects {
    defer { withExtendedLifetime(lock) {} }
    if isMerging { throw .mergeInProgress }
    // What this process learnt of the old history is written now, so that no later save
    // writes it back after the file is removed.
    historyIndex.save()
    let purge = try performing(.dropUnreachableObjects) { () throws(GitError) in try repository.dropUnreachableObjects() }
    let removed = try removeHistoryCaches()
    historyIndex = HistoryIndex(repository: repository)
    return DroppedObjects(
      objectsBefore: purge.objectsBefore, objectsAfter: purge.objectsAfter, bytesBefore: purge.bytesBefore,
      bytesAfter: purge.bytesAfter, reflogsEmptied: purge.reflogsEmptied, cachesRemoved: removed)
  }

  /// Removes the caches of `historyCaches` there are; returns their names.
  private func removeHistoryCaches() throws(StoreError) -> [String] {
    let folder = repository.gitDirectory.appendingPathComponent("adminledger", isDirectory: true)
    var removed: [String] = []
    for name in Self.historyCaches {
      let cache = folder.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: cache.path) else { continue }
      try StoreError.wrapping(.removeHistoryCaches) { try FileManager.default.removeItem(at: cache) }
      removed.append(name)
    }
    return removed
  }
}
