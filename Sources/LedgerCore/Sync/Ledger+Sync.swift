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
    guard try mergeInProgress() == nil else { throw .mergeInProgress }
    let (branch, original) = try currentBranch()
    let upstream = try self.upstream(of: branch, remote: remote)
    var report = SyncReport(remote: upstream.remote, url: upstream.url, branch: Ledger.shortBranchName(branch), remoteBranch: upstream.branch)
    if let path = Ledger.localPath(of: upstream.url, relativeTo: root) {
      guard FileManager.default.fileExists(atPath: path.path) else {
        throw .remote(action: "fetch from \(upstream.remote)", url: upstream.url, GitError(
          code: .notFound, operation: "open", message: "there is no repository at \(path.path)"))
      }
      if push { try requireBare(path, url: upstream.url) }
    }
    // Under the writers' lock: a write of this clone between moving its branch and updating
    // the index would otherwise read as staged work.
    let staged = try withExtendedLifetime(try lockForWriting()) { () throws(StoreError) in
      try gitCall("read the index") { () throws(GitError) in try repository.stagedChanges(under: "") }
    }
    guard staged.isEmpty else { throw .stagedChanges(paths: staged.map(\.path)) }
    let tracking = "refs/remotes/\(upstream.remote)/\(upstream.branch)"
    var left = original  // where this sync left the branch
    while report.rounds < Ledger.syncRounds {
      report.rounds += 1
      try remoteCall("fetch from", upstream) { () throws(GitError) in
        try repository.fetch(remote: upstream.remote, options: access.transferOptions)
      }
      CrashPoint.reach("sync.fetched")
      let remoteTip = try gitCall("read \(tracking)") { () throws(GitError) in try repository.referenceTarget(tracking) }
      if let remoteTip {
        try requireLedger(in: remoteTip, named: "\(upstream.remote)/\(upstream.branch)")
        let outcome = try integrate(
          remoteTip, source: "\(upstream.remote)/\(upstream.branch)", originalHead: original, expectedHead: left,
          remote: push ? upstream.remote : nil, by: author, at: date)
        left = try currentBranch().commit
        if report.integration == .upToDate || outcome != .upToDate { report.integration = outcome }
        if outcome == .stopped { return report }
      }
      guard push, let head = try currentBranch().commit, head != remoteTip else { return report }
      if let messages = try pushBranch(branch, head: head, expecting: remoteTip, to: upstream, access: access) {
        report.pushed = true
        report.remoteMessages = messages
        return report
      }
    }
    throw .remoteKeptMoving(attempts: Ledger.syncRounds)
  }

  /// Pushes `head` to the remote's branch if it still points at `expected`.
  ///
  /// - Returns: what the remote's hooks printed, or nil when the remote moved meanwhile
  ///   (the push was refused, nothing changed).
  /// - Throws: `.pushRefused` when the remote's pre-receive hook refused the push.
  private func pushBranch(
    _ branch: String, head: ObjectID, expecting expected: ObjectID?, to upstream: Upstream, access: RemoteAccess
  ) throws(StoreError) -> [String]? {
    let target = "refs/heads/\(upstream.branch)"
    let messages = MessageLines()
    var options = access.transferOptions
    options.remoteMessage = { messages.lines.append($0) }
    var refusal: String?
    var hookFailure: StoreError?
    let pushed = try remoteCall("push to", upstream) { () throws(GitError) -> Bool in
      guard let path = Ledger.localPath(of: upstream.url, relativeTo: root) else {
        do throws(GitError) {
          try repository.push(remote: upstream.remote, localRef: branch, remoteRef: target, options: options)
          return true
        } catch where error.code == .nonFastForward {
          return false
        } catch where error.code == .declined {
          refusal = "pre-receive hook declined"
          return false
        }
      }
      // libgit2 moves a local remote's branch without checking what it points at, so two
      // clones pushing at once could lose one's commits: send the objects under a reference of
      // our own, then move the branch by compare-and-swap in the remote repository.
      let parking = "refs/adminledger/incoming/" + UUID().uuidString.lowercased()
      let shared = try Repository.open(at: path)
      defer { try? shared.deleteReference(parking) }
      try repository.push(remote: upstream.remote, localRef: branch, remoteRef: parking, options: options)
      // libgit2 runs no hook of a repository it pushes to by path: run its gate here.
      let hook: SharedRepositoryHook.Run
      do throws(StoreError) {
        hook = try SharedRepositoryHook(repository: shared).run(
          old: expected, new: head, reference: target, environment: access.hookEnvironment)
      } catch {
        hookFailure = error
        return false
      }
      messages.lines += hook.lines
      guard hook.accepted else {
        refusal = "pre-receive hook declined"
        return false
      }
      do throws(GitError) {
        try shared.moveReference(target, to: head, expecting: expected, reflogMessage: "push by adminledger")
        Ledger.removeParkedPushes(in: shared, reachableFrom: head)
        // A new shared repository's HEAD may name a branch nobody pushed: name this one, so
        // clones check it out.
        if case .unborn = try shared.head() { try shared.pointHead(at: target) }
        return true
      } catch where [.modified, .exists, .locked].contains(error.code) {
        return false
      }
    }
    if let hookFailure { throw hookFailure }
    if let refusal {
      throw .pushRefused(remote: upstream.remote, url: upstream.url, branch: upstream.branch, reason: refusal, lines: messages.lines)
    }
    guard pushed else { return nil }
    CrashPoint.reach("sync.pushed")
    try gitCall("record the push") { () throws(GitError) in
      let tracking = "refs/remotes/\(upstream.remote)/\(upstream.branch)"
      try repository.moveReference(tracking, to: head, expecting: try repository.referenceTarget(tracking), reflogMessage: "push")
      if try repository.configValue("branch.\(Ledger.shortBranchName(branch)).remote") == nil {
        try repository.setConfig("branch.\(Ledger.shortBranchName(branch)).remote", upstream.remote)
        try repository.setConfig("branch.\(Ledger.shortBranchName(branch)).merge", target)
      }
    }
    return messages.lines
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

  private func requireBare(_ path: URL, url: String) throws(StoreError) {
    guard let shared = try? Repository.open(at: path) else { return }  // the fetch will say why
    guard shared.isBare else { throw .remoteNotBare(url: url) }
  }

  /// Refuses a remote branch whose commit has no `ledger.json` where this ledger keeps it.
  private func requireLedger(in commit: ObjectID, named name: String) throws(StoreError) {
    let found = try gitCall("read \(name)") { () throws(GitError) -> Bool in
      let tree = try repository.commit(commit).tree
      return try repository.entry(in: tree, at: store.repositoryPath(LedgerSettings.fileName)) != nil
    }
    guard found else { throw .notTheLedgersBranch(name) }
  }

  /// A branch's short name: `main` for `refs/heads/main`; other references keep their full name.
  public static func shortBranchName(_ reference: String) -> String {
    reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
  }

  /// The lock every writer of this clone takes (see `WriteLock`).
  func lockForWriting() throws(StoreError) -> WriteLock {
    try WriteLock(at: repository.gitDirectory.appendingPathComponent("adminledger.lock"))
  }

  func gitCall<Result>(_ action: String, _ body: () throws(GitError) -> Result) throws(StoreError) -> Result {
    do {
      return try body()
    } catch {
      throw .git(action: action, error)
    }
  }

  private func remoteCall<Result>(
    _ verb: String, _ upstream: Upstream, _ body: () throws(GitError) -> Result
  ) throws(StoreError) -> Result {
    do {
      return try body()
    } catch {
      throw .remote(action: "\(verb) \(upstream.remote)", url: upstream.url, error)
    }
  }
}

/// The lines a remote's hooks print during one push, gathered by a callback.
private final class MessageLines {
  var lines: [String] = []
}
