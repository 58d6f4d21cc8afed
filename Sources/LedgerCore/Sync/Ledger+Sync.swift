import Foundation
import LedgerGit

/// What one `sync` did.
public struct SyncReport: Sendable {
  /// The remote's name and URL.
  public let remote: String
  public let url: String
  /// The local branch and the remote's branch it syncs with.
  public let branch: String
  public let remoteBranch: String
  /// What bringing in the remote's commits did.
  public var integration: Integration = .upToDate
  /// Whether the push moved the remote's branch (false: nothing to push, or --no-push).
  public var pushed = false
  /// Fetch-merge-push rounds: more than one when the remote moved during the sync.
  public var rounds = 0
  /// What the shared repository's hooks said of the push that landed (git shows these to a
  /// pusher as `remote:` lines): `adminledger: main: 1 commit audited, no findings`.
  public var remoteMessages: [String] = []
  /// What the sync did about an erasure: pushed this clone's over the remote's former
  /// branch, or followed the remote's.
  public var erasure: ErasureSync?
  /// The former history's objects dropped from this clone after an erasure.
  public var dropped: DroppedObjects?
}

// `sync`: fetch, merge, push, and again when the remote moved meanwhile.
extension Ledger {
  /// How many fetch-merge-push rounds a sync makes before giving up on a remote that keeps moving.
  static let syncRounds = 5

  /// Syncs the ledger's branch with `remote` (nil: the branch's upstream, else `origin`, else
  /// the only remote).
  ///
  /// - Throws: `.mergeInProgress` while a merge is stopped; `.remote` when the remote cannot
  ///   be reached; `.remoteKeptMoving` after `syncRounds` refused pushes.
  public func sync(
    remote: String?, push: Bool, access: RemoteAccess, by author: Author, at date: Date
  ) throws(StoreError) -> SyncReport {
    guard try store.mergeInProgress() == nil else { throw .mergeInProgress }
    let (branch, head) = try store.currentBranch()
    let upstream = try store.upstream(of: branch, remote: remote)
    var report = SyncReport(
      remote: upstream.remote, url: upstream.url, branch: Ledger.shortBranchName(branch), remoteBranch: upstream.branch)
    let local = GitRecordStore.localPath(of: upstream.url, relativeTo: root)
    if let path = local {
      guard FileManager.default.fileExists(atPath: path.path) else {
        throw .remoteMissing(.fetch(remote: upstream.remote), url: upstream.url, path: path.path)
      }
      if push { try GitRecordStore.requireBare(path, url: upstream.url) }
    }
    // Under the writers' lock: a write of this clone between moving its branch and updating
    // the index would otherwise read as staged work.
    let staged = try withExtendedLifetime(try store.lockForWriting()) { () throws(StoreError) in try store.stagedPaths() }
    guard staged.isEmpty else { throw .stagedChanges(paths: staged) }
    var original = head  // where an aborted merge returns
    var left = original  // where this sync left the branch
    while report.rounds < Ledger.syncRounds {
      report.rounds += 1
      try store.fetch(from: upstream, access: access)
      CrashPoint.reach("sync.fetched")
      let remoteTip = try store.fetchedTip(of: upstream)
      var rewritesRemote = false
      if let remoteTip {
        let name = "\(upstream.remote)/\(upstream.branch)"
        guard try store.holdsLedger(remoteTip, named: name) else { throw .notTheLedgersBranch(name) }
        if let head = left, let erasure = try store.erasure(of: head, over: remoteTip, remoteName: upstream.remote) {
          // This clone forgot someone: its rewrite goes over the remote's former branch.
          report.erasure = .pushed(erasure.key)
          rewritesRemote = true
        } else {
          if let head = left, let followed = try follow(remoteTip, from: head, branch: branch, by: author) {
            report.erasure = followed.sync
            (original, left) = (followed.head, followed.head)
          }
          let outcome = try integrate(
            remoteTip, source: name, originalHead: original, expectedHead: left,
            remote: push ? upstream.remote : nil, by: author, at: date)
          left = try store.currentBranch().commit
          if report.integration == .upToDate || outcome != .upToDate { report.integration = outcome }
          if outcome == .stopped { return try droppingFormerObjects(report) }
        }
      }
      guard push, let head = try store.currentBranch().commit, head != remoteTip else { return try droppingFormerObjects(report) }
      if let messages = try store.push(
        branch, head: head, expecting: remoteTip, to: upstream, at: local, access: access, force: rewritesRemote)
      {
        report.pushed = true
        report.remoteMessages = messages
        return try droppingFormerObjects(report)
      }
    }
    throw .remoteKeptMoving(attempts: Ledger.syncRounds)
  }

  /// Follows an erasure of the remote's branch, under the writers' lock.
  private func follow(_ remote: ObjectID, from head: ObjectID, branch: String, by author: Author) throws(StoreError)
    -> (sync: ErasureSync, head: ObjectID)?
  {
    let lock = try store.lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    return try store.followErasure(at: remote, from: head, branch: branch, by: author)
  }

  /// The report, once the former history's objects are dropped after an erasure was pushed
  /// or followed: only the rewritten history is left in this clone.
  private func droppingFormerObjects(_ report: SyncReport) throws(StoreError) -> SyncReport {
    var report = report
    switch report.erasure {
    case .pushed? where !report.pushed, nil: return report
    default: break
    }
    // A stopped merge keeps its commits until it is concluded; the next sync drops the rest.
    if store.isMerging { return report }
    report.dropped = try store.dropUnreachableObjects()
    return report
  }

  /// A branch's short name: `main` for `refs/heads/main`; other references keep their full name.
  public static func shortBranchName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
  }
}
