import Foundation
import LedgerCore

// How commands that reach a remote (clone, sync) authenticate and show progress.
extension CommandContext {
  /// Credentials from the environment, never stored anywhere:
  /// - ssh: the ssh agent (`SSH_AUTH_SOCK`), then `~/.ssh/id_ed25519` and `~/.ssh/id_rsa`,
  ///   unlocked by `ADMINLEDGER_SSH_PASSPHRASE` when they have a passphrase;
  /// - https: `ADMINLEDGER_GIT_TOKEN` as the password, with `ADMINLEDGER_GIT_USERNAME`; the
  ///   server's certificate is checked against `GIT_SSL_CAINFO` when set (git's own variable,
  ///   which wins over git's `http.sslCAInfo`, as it does for git), else the system's authorities.
  ///
  /// Progress goes to standard error, and only when it is a terminal.
  func remoteAccess() -> RemoteAccess {
    let variables = environment.variables
    var access = RemoteAccess()
    access.useSSHAgent = !(variables["SSH_AUTH_SOCK"] ?? "").isEmpty
    if let home = variables["HOME"], !home.isEmpty {
      let keys = URL(fileURLWithPath: home).appendingPathComponent(".ssh")
      access.sshKeyFiles = ["id_ed25519", "id_rsa"].map { keys.appendingPathComponent($0) }
    }
    access.sshPassphrase = variables["ADMINLEDGER_SSH_PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
    access.httpsToken = variables["ADMINLEDGER_GIT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    access.httpsUsername = variables["ADMINLEDGER_GIT_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
    access.certificateAuthorities = variables["GIT_SSL_CAINFO"].flatMap { $0.isEmpty ? nil : $0 }
    if let mebibytes = variables["ADMINLEDGER_MAX_FETCH_MIB"].flatMap({ Int($0) }), mebibytes >= 0 {
      access.maximumFetchBytes = mebibytes == 0 ? nil : mebibytes << 20  // 0: no limit
    }
    access.hookEnvironment = variables
    if err.isTerminal {
      let sink = err
      access.progress = { done, total in
        guard total > 0 else { return }
        sink.write(SyncRenderer.receiving(done, of: total))
      }
    }
    return access
  }
}
