import Foundation

// The audit of a clone: the history's audit, with the trust this clone pinned and the mark of
// the last audit of its branch, kept in `.git/adminledger/`.
extension GitRecordStore {
  /// Audits `range` as `LedgerHistory.audit` does, under this clone's trust pin. An audit of
  /// the branch's history (`range` nil) records HEAD's commit as passed in
  /// `.git/adminledger/audit-last`; with `sinceLast` it audits only the commits after the one
  /// recorded. With `receivedAt` (the shared repository's hook), roles and keys are judged no
  /// earlier than that time less the offline grace. `progress` is told, before each commit is
  /// judged, how many were judged and how many there are.
  public func audit(
    range: String?, sinceLast: Bool = false, receivedAt: Date? = nil,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(StoreError) -> AuditResult {
    var context = history.auditContext(receivedAt: receivedAt)
    context.progress = progress
    let mark = AuditMark(gitDirectory: repository.gitDirectory)
    var tip: String?
    if range == nil {
      let head = try readHead()
      tip = head.commit?.description
      switch head {
      case .branch(let name, _), .unborn(let name): context.branch = Ledger.shortBranchName(name)
      case .detached: context.branch = "HEAD"
      }
      if sinceLast { context.lastPassed = mark.read() }
    }
    let result = try history.audit(range: range, context: context, verifier: GitErasureVerifier(store: self))
    guard range == nil, let tip else { return result }
    // The audit stands even when it cannot be recorded (a clone read from a read-only disk).
    do {
      try mark.write(tip)
      return result.recorded(passed: tip, unrecorded: nil)
    } catch {
      return result.recorded(passed: nil, unrecorded: (error.path, error.reason))
    }
  }
}
