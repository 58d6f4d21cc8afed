import Foundation
import LedgerGit

// Pushing the ledger's branch to the shared repository, only if the remote's branch is still
// where this clone last saw it, so no other clone's commits are ever overwritten.
extension GitRecordStore {
  /// Pushes `head` (the commit of `branch`) to the remote's branch if it still points at
  /// `expected`, then records the push in the tracking branch and, the first time, the
  /// branch's upstream. `local` is the remote's folder when it is on this machine (see
  /// `localPath(of:relativeTo:)`).
  ///
  /// - Returns: what the remote's hooks printed, or nil when the remote moved meanwhile
  ///   (the push was refused, nothing changed).
  /// - Throws: `.pushRefused` when the remote's pre-receive hook refused the push.
  /// With `force` (a history an erasure rewrote), the remote's branch need not be an ancestor.
  func push(
    _ branch: String, head: ObjectID, expecting expected: ObjectID?, to upstream: Upstream, at local: URL?,
    access: RemoteAccess, force: Bool = false
  ) throws(StoreError) -> [String]? {
    let target = "refs/heads/\(upstream.branch)"
    let messages = MessageLines()
    var options = access.transferOptions
    options.remoteMessage = { messages.lines.append($0) }
    var refusal: String?
    var hookFailure: StoreError?
    let pushed = try reaching(.push(remote: upstream.remote), url: upstream.url) { () throws(GitError) -> Bool in
      guard let path = local else {
        do throws(GitError) {
          try repository.push(remote: upstream.remote, localRef: branch, remoteRef: target, options: options, force: force)
          return true
        } catch  where error.code == .nonFastForward {
          return false
        } catch  where error.code == .declined {
          refusal = "pre-receive hook declined"
          return false
        }
      }
      switch try pushLocally(
        branch, head: head, expecting: expected, to: target, at: path, upstream: upstream, options: options,
        access: access, messages: messages)
      {
      case .pushed: return true
      case .remoteMoved: return false
      case .refused:
        refusal = "pre-receive hook declined"
        return false
      case .hookFailed(let error):
        hookFailure = error
        return false
      }
    }
    if let hookFailure { throw hookFailure }
    if let refusal {
      throw .pushRefused(
        remote: upstream.remote, url: upstream.url, branch: upstream.branch, reason: refusal, lines: messages.lines)
    }
    guard pushed else { return nil }
    CrashPoint.reach("sync.pushed")
    try performing(.recordPush) { () throws(GitError) in
      let tracking = upstream.trackingBranch
      try repository.moveReference(tracking, to: head, expecting: try repository.referenceTarget(tracking), reflogMessage: "push")
      if try repository.configValue("branch.\(Ledger.shortBranchName(branch)).remote") == nil {
        try repository.setConfig("branch.\(Ledger.shortBranchName(branch)).remote", upstream.remote)
        try repository.setConfig("branch.\(Ledger.shortBranchName(branch)).merge", target)
      }
    }
    return messages.lines
  }

  /// What a push to a repository on this machine came to.
  private enum LocalPush {
    case pushed, remoteMoved, refused
    case hookFailed(StoreError)
  }

  /// Pushes to a shared repository on this machine. libgit2 moves a local remote's branch
  /// without checking what it points at, so two clones pushing at once could lose one's
  /// commits: the objects go under a reference of our own, the shared repository's gate runs
  /// (libgit2 runs no hook of a repository it pushes to by path), then the branch moves by
  /// compare-and-swap there.
  private func pushLocally(
    _ branch: String, head: ObjectID, expecting expected: ObjectID?, to target: String, at path: URL,
    upstream: Upstream, options: TransferOptions, access: RemoteAccess, messages: MessageLines
  ) throws(GitError) -> LocalPush {
    let parking = "refs/adminledger/incoming/" + UUID().uuidString.lowercased()
    let shared = try Repository.open(at: path)
    defer { try? shared.deleteReference(parking) }
    try repository.push(remote: upstream.remote, localRef: branch, remoteRef: parking, options: options)
    let hook: SharedRepositoryHook.Run
    do throws(StoreError) {
      hook = try SharedRepositoryHook(repository: shared).run(
        old: expected, new: head, reference: target, environment: access.hookEnvironment)
    } catch {
      return .hookFailed(error)
    }
    messages.lines += hook.lines
    guard hook.accepted else { return .refused }
    do throws(GitError) {
      try shared.moveReference(target, to: head, expecting: expected, reflogMessage: "push by adminledger")
      GitRecordStore.removeParkedPushes(in: shared, reachableFrom: head)
      // A new shared repository's HEAD may name a branch nobody pushed: name this one, so
      // clones check it out.
      if case .unborn = try shared.head() { try shared.pointHead(at: target) }
      try? shared.deleteReference(parking)
      // As git's receive-pack does once the branch moved; what it says is only told.
      if let after = try? SharedRepositoryHook(repository: shared).run(
        "post-receive", old: expected, new: head, reference: target, environment: access.hookEnvironment)
      {
        messages.lines += after.lines
      }
      return .pushed
    } catch  where [.modified, .exists, .locked].contains(error.code) {
      return .remoteMoved
    }
  }

  /// Removes the references under which pushes parked their commits and that the branch now
  /// holds: a push killed between parking and moving the branch leaves its reference behind.
  /// A push still in flight parks a commit the branch does not hold yet, and keeps it.
  private static func removeParkedPushes(in shared: Repository, reachableFrom head: ObjectID) {
    for name in (try? shared.referenceNames(matching: "refs/adminledger/incoming/*")) ?? [] {
      guard let parked = try? shared.referenceTarget(name),
        parked == head || (try? shared.isDescendant(head, of: parked)) == true
      else { continue }
      try? shared.deleteReference(name)
    }
  }
}

/// The lines a remote's hooks print during one push, gathered by a callback.
private final class MessageLines {
  var lines: [String] = []
}
