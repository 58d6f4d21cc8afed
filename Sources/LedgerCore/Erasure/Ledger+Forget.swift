import Foundation

// Forgetting a person (the right to erasure): the history rewritten without them.
extension Ledger {
  /// Forgets `person`: every commit of the branch is rewritten without the person's personal
  /// values (their personal fields and name removed from their record, which takes a neutral
  /// id; their id, names, emails and phones replaced wherever they were written, commit
  /// messages included), and an erasure record, signed as any commit, is committed on top. What
  /// is not personal stays, and so does the authorship of commits unless the policy's
  /// `erase_authorship` says otherwise.
  ///
  /// The branch must be where its upstream was last fetched: sync first. The former history's
  /// objects stay in this repository while the remote-tracking branch holds them: the next
  /// `sync` pushes the rewrite, then drops them.
  ///
  /// - Throws: `.recordNotFound` for an unknown person; `.erasure(...)` without a reason, out
  ///   of step with the remote, or when the author is no person of the ledger; `.invalid` when
  ///   the rewritten ledger would not validate (nothing is changed then).
  public func forget(
    _ person: RecordKey, reason: String, by author: Author, at date: Date, dryRun: Bool = false
  ) throws(StoreError) -> ForgetResult {
    try store.forget(person, reason: reason, by: author, at: date, dryRun: dryRun)
  }
}
