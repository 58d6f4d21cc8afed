internal import CLibGit2
import Foundation

/// How a transfer authenticates and reports progress. The library never reads the
/// environment: the CLI fills this in.
public struct TransferOptions {
  /// ssh: try the ssh agent first (when true), then each key file in `sshKeyFiles`.
  public var useSSHAgent: Bool
  /// ssh: private key files tried in order after the agent; the public key is `PATH.pub`
  /// when that file exists. Files that do not exist are skipped (and named in the error).
  public var sshKeyFiles: [URL]
  /// ssh: the passphrase for the key files, if any.
  public var sshPassphrase: String?
  /// https: the username sent with `httpsToken`; nil uses the URL's username, else
  /// `x-access-token`.
  public var httpsUsername: String?
  /// https: a token sent as the password; nil means no https credentials.
  public var httpsToken: String?
  /// Called with the progress of the object transfer. Must not throw.
  public var progress: ((TransferProgress) -> Void)?
  /// Called, during a push, with each line the remote sends on its side band: what its
  /// hooks print, which git shows a pusher as `remote:` lines. Must not throw.
  public var remoteMessage: ((String) -> Void)?
  /// The most bytes a fetch or clone may receive; nil for no limit. Past it the transfer
  /// stops with an error naming the limit, and libgit2 removes the partial pack, so nothing
  /// of it is kept.
  public var maximumReceivedBytes: Int?
  /// https: a PEM file of the certificate authorities to trust instead of the system's (what
  /// git's `http.sslCAInfo` and `GIT_SSL_CAINFO` name), for a server whose certificate is
  /// self-signed or from a private authority; nil trusts the system's. The remote functions
  /// fill it from git's configuration when it is nil.
  public var certificateAuthorities: String?

  /// Options that try the ssh agent only, have no https credentials and report nothing.
  public init(
    useSSHAgent: Bool = true, sshKeyFiles: [URL] = [], sshPassphrase: String? = nil,
    httpsUsername: String? = nil, httpsToken: String? = nil,
    progress: ((TransferProgress) -> Void)? = nil
  ) {
    self.useSSHAgent = useSSHAgent
    self.sshKeyFiles = sshKeyFiles
    self.sshPassphrase = sshPassphrase
    self.httpsUsername = httpsUsername
    self.httpsToken = httpsToken
    self.progress = progress
  }
}

extension TransferOptions {
  /// A byte count in MiB (or bytes below one MiB), as messages say it.
  public static func describe(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}

/// How far the object transfer of a clone or fetch has come.
public struct TransferProgress: Sendable, Equatable {
  /// Objects downloaded so far.
  public let receivedObjects: Int
  /// Objects in the pack being downloaded.
  public let totalObjects: Int
  /// Downloaded objects that have been indexed.
  public let indexedObjects: Int
  /// Size of the pack received so far.
  public let receivedBytes: Int

  /// A progress report (libgit2 makes these; the CLI's tests may too).
  public init(receivedObjects: Int, totalObjects: Int, indexedObjects: Int, receivedBytes: Int) {
    self.receivedObjects = receivedObjects
    self.totalObjects = totalObjects
    self.indexedObjects = indexedObjects
    self.receivedBytes = receivedBytes
  }
}

/// The credential kinds libgit2 will accept in one request (its `allowed_types`).
struct CredentialKinds: OptionSet {
  let rawValue: UInt32
  static let plaintext = CredentialKinds(rawValue: GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue)
  static let sshKey = CredentialKinds(rawValue: GIT_CREDENTIAL_SSH_KEY.rawValue)
  static let username = CredentialKinds(rawValue: GIT_CREDENTIAL_USERNAME.rawValue)
}

/// The answer to one request for a credential; `refuse` ends the transfer with that message.
enum CredentialStep: Equatable {
  case username(String)
  case sshAgent(user: String)
  case sshKey(user: String, privateKey: String, publicKey: String?)
  case plaintext(user: String, password: String)
  case refuse(String)
}

/// The state of one transfer behind the C callbacks' payload: the options, what was tried,
/// and which ref updates the remote refused. libgit2 asks for a credential again after each
/// failed one, so every answer is given once and the list of tries makes the final error.
final class TransferSession {
  let options: TransferOptions
  private(set) var tried: [String]
  private(set) var lastWasAgent = false
  private(set) var refusedUpdates: [String] = []
  /// Side-band text not yet ended by a newline (a line may come in several packets).
  private var partialRemoteLine = ""
  private var agentTried = false
  private var nextKeyFile = 0
  private var httpsTried = false

  init(options: TransferOptions, alreadyTried: [String] = []) {
    self.options = options
    self.tried = alreadyTried
  }

  /// What to answer when libgit2 asks for a credential for `url`.
  func nextStep(url: String, usernameFromURL: String?, allowed: CredentialKinds) -> CredentialStep {
    lastWasAgent = false
    let host = TransferSession.host(of: url)
    if TransferSession.isHTTP(url) {
      return httpsStep(host: host, usernameFromURL: usernameFromURL, allowed: allowed)
    }
    let user = usernameFromURL ?? "git"
    // Without a user in the URL, libgit2 first asks for the name alone (the ssh user).
    if allowed.contains(.username) { return .username(user) }
    guard allowed.contains(.sshKey) else {
      return .refuse("the ssh server \(host) does not accept key authentication for \(user)")
    }
    if options.useSSHAgent && !agentTried {
      agentTried = true
      lastWasAgent = true
      tried.append("the ssh agent")
      return .sshAgent(user: user)
    }
    while nextKeyFile < options.sshKeyFiles.count {
      let key = options.sshKeyFiles[nextKeyFile].path
      nextKeyFile += 1
      guard FileManager.default.fileExists(atPath: key) else {
        tried.append("\(key) (missing)")
        continue
      }
      tried.append(key)
      let publicKey = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
      return .sshKey(user: user, privateKey: key, publicKey: publicKey)
    }
    let list =
      tried.isEmpty ? "nothing (no ssh agent, no key files)" : tried.joined(separator: ", ")
    return .refuse("ssh authentication failed for \(user)@\(host); tried: \(list)")
  }

  private func httpsStep(host: String, usernameFromURL: String?, allowed: CredentialKinds)
    -> CredentialStep
  {
    guard allowed.contains(.plaintext) else {
      return .refuse("the https server \(host) asks for an authentication other than a token")
    }
    guard let token = options.httpsToken else {
      return .refuse("no token was given for https (\(host))")
    }
    let user = options.httpsUsername ?? usernameFromURL ?? "x-access-token"
    guard !httpsTried else { return .refuse("https authentication failed for \(user) at \(host)") }
    httpsTried = true
    return .plaintext(user: user, password: token)
  }

  /// Passes on the complete lines of a side-band packet; a carriage return (progress
  /// redrawn in place) ends a line too. `flush` passes on what is left.
  func receiveRemoteText(_ text: String, flush: Bool = false) {
    guard let report = options.remoteMessage else { return }
    partialRemoteLine += text
    var lines = partialRemoteLine.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    partialRemoteLine = flush ? "" : String(lines.removeLast())
    for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty { report(String(line)) }
  }

  /// Notes a ref update the remote refused (`status` is the remote's reason).
  func recordRefusal(ref: String, status: String) { refusedUpdates.append("\(ref): \(status)") }

  /// Whether `error` is libgit2 giving up because the ssh agent could not be used at all (not
  /// reachable): libgit2 1.5 then stops without asking for another credential.
  func agentWasUnusable(_ error: GitError) -> Bool {
    lastWasAgent && error.code != .auth && error.message.hasPrefix("error authenticating")
  }

  static func isHTTP(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  /// The host of `ssh://user@host:port/path`, `https://host/path` or `user@host:path`.
  static func host(of url: String) -> String {
    if url.contains("://"), let host = URLComponents(string: url)?.host, !host.isEmpty {
      return host
    }
    let beforeColon = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
    return beforeColon.split(separator: "@").last.map(String.init) ?? beforeColon
  }
}

// The C side: libgit2 calls these with the session as payload.
extension TransferSession {
  /// Runs `body` with callbacks whose payload is this session, which lives until `body` ends.
  func withCallbacks<Result>(
    _ body: (TransferSession, git_remote_callbacks) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    var callbacks = git_remote_callbacks()
    try git("git_remote_init_callbacks") {
      git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
    }
    callbacks.credentials = transferCredentials
    callbacks.certificate_check = nil  // libgit2's own verification (known_hosts, CA store)
    callbacks.transfer_progress = transferProgress
    callbacks.push_update_reference = transferPushUpdate
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    return try withExtendedLifetime(self) { () throws(GitError) -> Result in
      try body(self, callbacks)
    }
  }

  /// Runs a transfer. When the ssh agent was unusable (libgit2 then stops asking), the transfer
  /// runs once more without it, so the key files get their turn and the error lists all tries.
  static func perform<Result>(
    _ options: TransferOptions,
    _ body: (TransferSession, git_remote_callbacks) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    try trustCertificateAuthorities(options.certificateAuthorities)
    let first = TransferSession(options: options)
    do throws(GitError) {
      return try first.withCallbacks(body)
    } catch {
      guard first.agentWasUnusable(error) else { throw error }
      var withoutAgent = options
      withoutAgent.useSSHAgent = false
      let second = TransferSession(
        options: withoutAgent, alreadyTried: ["the ssh agent (\(error.message))"])
      return try second.withCallbacks(body)
    }
  }

  /// Makes https trust the authorities in `file` (nil: no change). libgit2 keeps this for the
  /// whole process, and with its mbedTLS backend the file replaces the system's authorities, as
  /// `http.sslCAInfo` does for git; a command reaches one remote, so that is what it asked for.
  private static func trustCertificateAuthorities(_ file: String?) throws(GitError) {
    guard let file, !file.isEmpty else { return }
    guard FileManager.default.isReadableFile(atPath: file) else {
      throw GitError(
        code: .notFound, operation: "git_libgit2_opts",
        message: "the certificate authorities file \(file) (http.sslCAInfo or GIT_SSL_CAINFO) cannot be read")
    }
    try git("git_libgit2_opts") { ledger_git_set_ssl_cert_file(file) }
  }

  fileprivate func credential(
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, url: String,
    usernameFromURL: String?, allowed: UInt32
  ) -> Int32 {
    let step = nextStep(
      url: url, usernameFromURL: usernameFromURL, allowed: CredentialKinds(rawValue: allowed))
    switch step {
    case .username(let user):
      return git_credential_username_new(out, user)
    case .sshAgent(let user):
      return git_credential_ssh_key_from_agent(out, user)
    case .sshKey(let user, let privateKey, let publicKey):
      return git_credential_ssh_key_new(out, user, publicKey, privateKey, options.sshPassphrase)
    case .plaintext(let user, let password):
      return git_credential_userpass_plaintext_new(out, user, password)
    case .refuse(let message):
      let errorClass = TransferSession.isHTTP(url) ? GIT_ERROR_HTTP : GIT_ERROR_SSH
      _ = git_error_set_str(Int32(errorClass.rawValue), message)
      return GIT_EAUTH.rawValue
    }
  }
}

private func session(_ payload: UnsafeMutableRawPointer) -> TransferSession {
  Unmanaged<TransferSession>.fromOpaque(payload).takeUnretainedValue()
}

private func transferCredentials(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ url: UnsafePointer<CChar>?,
  _ usernameFromURL: UnsafePointer<CChar>?, _ allowed: UInt32, _ payload: UnsafeMutableRawPointer?
) -> Int32 {
  guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
  return session(payload).credential(
    out, url: url.map { String(cString: $0) } ?? "",
    usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
}

private func transferProgress(
  _ stats: UnsafePointer<git_indexer_progress>?, _ payload: UnsafeMutableRawPointer?
) -> Int32 {
  guard let stats, let payload else { return 0 }
  let value = stats.pointee
  let options = session(payload).options
  if let limit = options.maximumReceivedBytes, Int(value.received_bytes) > limit {
    // A message set here is the one libgit2 returns from the fetch (GIT_EUSER).
    _ = git_error_set_str(
      Int32(GIT_ERROR_NET.rawValue),
      "the remote sent more than \(TransferOptions.describe(limit)), the most a fetch receives (a size limit)")
    return GIT_EUSER.rawValue
  }
  guard let report = options.progress else { return 0 }
  report(
    TransferProgress(
      receivedObjects: Int(value.received_objects), totalObjects: Int(value.total_objects),
      indexedObjects: Int(value.indexed_objects), receivedBytes: Int(value.received_bytes)))
  return 0
}

/// A side-band packet from the remote: its hooks' output during a push.
func transferSideband(_ text: UnsafePointer<CChar>?, _ length: Int32, _ payload: UnsafeMutableRawPointer?) -> Int32 {
  guard let text, let payload, length > 0 else { return 0 }
  let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
  session(payload).receiveRemoteText(String(decoding: bytes, as: UTF8.self))
  return 0
}

/// A non-nil `status` means the remote refused that ref. Returning 0 lets libgit2 go on to
/// update the remote-tracking refs of the accepted ones; the caller throws afterwards.
private func transferPushUpdate(
  _ refname: UnsafePointer<CChar>?, _ status: UnsafePointer<CChar>?,
  _ payload: UnsafeMutableRawPointer?
) -> Int32 {
  guard let status, let payload else { return 0 }
  session(payload).recordRefusal(
    ref: refname.map { String(cString: $0) } ?? "?", status: String(cString: status))
  return 0
}
