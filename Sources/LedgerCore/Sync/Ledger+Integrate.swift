import Foundation
import LedgerGit

/// What bringing a commit into the ledger's branch did.
public enum Integration: Equatable, Sendable {
  /// The branch already held it.
  case upToDate
  /// The branch moved forward to it: no merge commit.
  case fastForward(to: String)
  /// A merge commit joins both sides.
  case merged(commit: String, records: [RecordKey])
  /// The merge stopped on conflicts or findings; nothing was committed.
  case stopped
}

// Bringing an incoming commit into the ledger's branch: up to date, fast-forward, a merge
// commit, or a stopped merge. Each moves the branch by compare-and-swap, so a write made
// meanwhile by another process is never lost: the integration runs again on top of it.
extension Ledger {
  /// Brings commit `incoming` (named `source` in messages) into the branch.
  ///
  /// A stopped merge's `--abort` returns to `originalHead`, the branch before the sync, only
  /// while the branch is still where the sync left it (`expectedHead`): a commit another
  /// process wrote meanwhile is never undone.
  func integrate(
    _ incoming: ObjectID, source: String, originalHead: ObjectID?, expectedHead: ObjectID?, remote: String?,
    by author: Author, at date: Date
  ) throws(StoreError) -> Integration {
    let lock = try store.lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    // Another sync of this clone may have stopped a merge while this one waited for the lock.
    if store.isMerging { throw .mergeInProgress }
    for _ in 1...10 {
      let (branch, head) = try store.currentBranch()
      do {
        guard let ours = head else {
          try fastForward(branch, from: nil, to: incoming)
          return .fastForward(to: incoming.description)
        }
        if try ours == incoming || store.descends(ours, from: incoming) { return .upToDate }
        if try store.descends(incoming, from: ours) {
          try fastForward(branch, from: ours, to: incoming)
          return .fastForward(to: incoming.description)
        }
        let plan = try store.planMerge(ours: ours, theirs: incoming)
        try store.refuseEditsInTheWay(plan.oursBlobs)
        guard plan.isClean else {
          let back = ours == expectedHead ? originalHead ?? ours : ours
          try store.stop(plan, source: source, originalHead: back, remote: remote)
          return .stopped
        }
        let message = Ledger.mergeMessage(
          source: source, into: Ledger.shortBranchName(branch), records: plan.records, resolutions: [])
        let commit = try store.createCommit(
          tree: plan.tree, parents: [ours, incoming], by: author, at: date, message: message.text)
        try store.moveBranchAndFiles(branch, from: ours, to: commit, changes: plan.changes)
        return .merged(commit: commit.description, records: plan.records)
      } catch let error as GitError where [.modified, .exists, .locked].contains(error.code) {
        continue  // the branch moved under us: integrate again on top of the new commit
      } catch let error as StoreError {
        throw error
      } catch let error as GitError {
        throw .git(.merge(source), error)
      } catch {
        // The steps above fail in the store's terms or libgit2's; anything else is the system's.
        throw .fileSystem(.merge(source), reason: error.localizedDescription)
      }
    }
    throw .contention(attempts: 10)
  }

  private func fastForward(_ branch: String, from ours: ObjectID?, to incoming: ObjectID) throws {
    let changes = try store.changedFiles(from: ours, to: incoming)
    try refuseIncomingSecrets(changes, incoming: incoming)  // a fast-forward validates nothing else
    try store.refuseEditsInTheWay(Dictionary(changes.map { ($0.path, $0.old) }) { first, _ in first })
    try store.moveBranchAndFiles(branch, from: ours, to: incoming, changes: changes)
  }

  /// The message of a merge commit: what was merged, the records it brought, the resolutions.
  static func mergeMessage(
    source: String, into name: String, records: [RecordKey], resolutions: [String]
  ) -> CommitMessage {
    let count = records.count == 1 ? "1 record" : "\(records.count) records"
    var body = records.sorted().prefix(50).map(\.description)
    if records.count > 50 { body.append("and \(records.count - 50) more") }
    return CommitMessage(
      subject: "Merge \(source) into \(name): \(count)", body: body, actions: [.merge], records: records,
      resolutions: resolutions)
  }
}
