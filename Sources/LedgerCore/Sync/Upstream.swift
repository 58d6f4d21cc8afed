import Foundation
import LedgerGit

/// The remote a branch syncs with, and the remote's branch.
struct Upstream {
  let remote: String
  let url: String
  /// The branch's short name on the remote (`main`).
  let branch: String
}

// Which remote and branch a sync uses, read from the repository's git configuration, so that
// `git remote add` and `git branch --set-upstream-to` are honoured.
extension Ledger {
  /// The upstream of `branch`: the remote given, else `branch.NAME.remote`, else `origin`, else
  /// the only remote; its branch is `branch.NAME.merge` or the same name as the local branch.
  func upstream(of branch: String, remote given: String?) throws(StoreError) -> Upstream {
    let name = Ledger.shortBranchName(branch)
    return try gitCall("read the remotes") { () throws(GitError) -> Result<Upstream, StoreError> in
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
}
