import Foundation

/// Where a ledger's commits live: a git repository, or memory for fast tests.
public protocol RecordStore: AnyObject {
  /// The ledger at `revision` (a commit, a branch, `HEAD~2`), or at the current commit when nil.
  func snapshot(at revision: String?) throws(StoreError) -> any LedgerSnapshot

  /// Makes one commit from what `plan` returns, atomically.
  ///
  /// `plan` reads the current snapshot and returns the changes, or nil when there is nothing
  /// to do. If another writer commits meanwhile, `plan` runs again on the new state, so its
  /// checks always hold for the commit that lands.
  ///
  /// - Returns: the commit made, or nil when `plan` had nothing to do.
  func write(
    by author: Author, at date: Date,
    _ plan: (any LedgerSnapshot) throws(StoreError) -> ChangeSet?
  ) throws(StoreError) -> WriteResult?
}

/// A commit a write made.
public struct WriteResult: Equatable, Sendable {
  /// The new commit's id.
  public let commit: String
  public let changes: ChangeSet
}
