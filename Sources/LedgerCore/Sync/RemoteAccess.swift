import Foundation

/// How this clone reaches a remote: the credentials it may offer and where progress goes.
///
/// The command line fills it in from the environment; the library reads no variable itself.
public struct RemoteAccess {
  /// ssh: ask the ssh agent first.
  public var useSSHAgent = true
  /// ssh: private keys to try after the agent, in order (`~/.ssh/id_ed25519`, `~/.ssh/id_rsa`).
  public var sshKeyFiles: [URL] = []
  public var sshPassphrase: String?
  /// https: a token sent as the password, and the user name to send with it.
  public var httpsToken: String?
  public var httpsUsername: String?
  /// https: a PEM file of the certificate authorities to trust instead of the system's; nil
  /// uses git's `http.sslCAInfo` (the clone's configuration, else the user's) when it is set.
  public var certificateAuthorities: String?
  /// Called while objects are received or sent: (objects done, objects in all).
  public var progress: ((Int, Int) -> Void)?
  /// The most bytes one fetch or clone may receive; nil for no limit (see `InputLimits`).
  public var maximumFetchBytes: Int? = InputLimits.fetchBytes

  /// The environment of the shared repository's pre-receive hook when sync pushes to a
  /// repository reached by path (libgit2 then runs no hook: sync runs it, as git's
  /// receive-pack would). The command line passes its own environment; `GIT_` variables are
  /// left out (sync sets `GIT_DIR`), so a sync run inside a git hook cannot misdirect it.
  public var hookEnvironment: [String: String] = [:]

  public init() {}
}
