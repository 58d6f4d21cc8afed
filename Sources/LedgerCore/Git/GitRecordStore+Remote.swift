import Foundation
import LedgerGit

/// The remote a branch syncs with, and the remote's branch.
struct Upstream {
  let remote: String
  let url: String
  /// The branch's short name on the remote (`main`).
  let branch: String

  /// Where this clone keeps the remote's branch as last fetched: `refs/remotes/origin/main`.
  var trackingBranch: String { "refs/remotes/\(remote)/\(branch)" }
}

// Which remote and branch a sync uses, read from the repository's git configuration, so that
// `git remote add` and `git branch --set-upstream-to` are honoured; and fetching from it.
extension GitRecordStore {
  /// The upstream of `branch`: the remote given, else `branch.NAME.remote`, else `origin`, else
  /// the only remote; its branch is `branch.NAME.merge` or the same name as the local branch.
  func upstream(of branch: String, remote given: String?) throws(StoreError) -> Upstream {
    let name = Ledger.shortBranchName(branch)
    return try performing(.readRemotes) { () throws(GitError) -> Result<Upstream, StoreError> in
      let known = try repository.remoteNames()
      let configured = try repository.configValue("branch.\(name).remote")
      let remote: String
      if let given {
        guard known.contains(given) else { return .failure(.unknownRemote(given, known: known)) }
        remote = given
      } else if let configured, known.contains(configured) {
        remote = configured
      } else if known.contains("origin") {
        remote = "origin"
      } else if known.count == 1, let only = known.first {
        remote = only
      } else {
        return .failure(.noRemote(known: known))
      }
      var remoteBranch = name
      if configured == remote, let merge = try repository.configValue("branch.\(name).merge"),
        merge.hasPrefix("refs/heads/")
      {
        remoteBranch = String(merge.dropFirst(11))
      }
      return .success(Upstream(remote: remote, url: try repository.remoteURL(remote) ?? "", branch: remoteBranch))
    }.get()
  }

  /// The folder a remote URL names when it is on this machine (a path or `file://`), made
  /// absolute against `base`; nil for a network URL (`ssh://`, `https://`, `host:path`).
  static func localPath(of url: String, relativeTo base: URL) -> URL? {
    Repository.localPath(of: url).map { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL }
  }

  /// Refuses to push into the repository at `path` (the remote `url` names) when it has a work
  /// tree; one that cannot be opened is left for the fetch to report.
  static func requireBare(_ path: URL, url: String) throws(StoreError) {
    guard let shared = try? Repository.open(at: path) else { return }  // the fetch will say why
    guard shared.isBare else { throw .remoteNotBare(url: url) }
  }

  /// Fetches the remote's branches into this clone's tracking branches.
  func fetch(from upstream: Upstream, access: RemoteAccess) throws(StoreError) {
    try reaching(.fetch(remote: upstream.remote), url: upstream.url) { () throws(GitError) in
      try repository.fetch(remote: upstream.remote, options: access.transferOptions)
    }
  }

  /// The remote's branch as last fetched; nil when the remote has no such branch.
  func fetchedTip(of upstream: Upstream) throws(StoreError) -> ObjectID? {
    let tracking = upstream.trackingBranch
    return try performing(.readBranch(tracking)) { () throws(GitError) in try repository.referenceTarget(tracking) }
  }

  /// Runs one step of reaching the remote at `url`; a libgit2 failure stops it as `.remote`.
  func reaching<Result>(
    _ operation: RemoteOperation, url: String, _ body: () throws(GitError) -> Result
  ) throws(StoreError) -> Result {
    do {
      return try body()
    } catch {
      throw .remote(operation, url: url, error)
    }
  }
}

extension RemoteAccess {
  /// The options libgit2 transfers with: these credentials, this limit, this progress.
  var transferOptions: TransferOptions {
    var options = TransferOptions()
    options.useSSHAgent = useSSHAgent
    options.sshKeyFiles = sshKeyFiles
    options.sshPassphrase = sshPassphrase
    options.httpsToken = httpsToken
    options.httpsUsername = httpsUsername
    options.certificateAuthorities = certificateAuthorities
    options.maximumReceivedBytes = maximumFetchBytes
    if let progress { options.progress = { progress($0.receivedObjects, $0.totalObjects) } }
    return options
  }
}
