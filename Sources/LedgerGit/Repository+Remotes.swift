internal import CLibGit2
import Foundation

// Remotes: cloning, fetching and pushing, through libgit2's transports (local, ssh, https).
extension Repository {
  /// Clones `url` (a path, `file://`, `ssh://`, `user@host:path`, `https://`) into `folder`,
  /// which must not exist or be empty, with a work tree on the remote's default branch.
  /// An empty remote gives an unborn branch.
  ///
  /// - Throws: `GitError` `.exists` when `folder` holds files, `.auth` when no credential
  ///   was accepted (the message lists what was tried), `.notFound` for a missing local path.
  public static func clone(from url: String, into folder: URL, options: TransferOptions)
    throws(GitError) -> Repository
  {
    LibGit2.ensureInitialized()
    // libgit2 takes a missing path for a URL and says "unsupported URL protocol".
    if let path = localPath(of: url), !FileManager.default.fileExists(atPath: path) {
      throw GitError(code: .notFound, operation: "git_clone", message: "no repository at '\(path)'")
    }
    var options = options
    if options.certificateAuthorities == nil {
      options.certificateAuthorities = userConfigValue("http.sslCAInfo").map(expandingHome)
    }
    try TransferSession.perform(options) { (_, callbacks) throws(GitError) in
      var cloneOptions = git_clone_options()
      try git("git_clone_options_init") {
        git_clone_options_init(&cloneOptions, UInt32(GIT_CLONE_OPTIONS_VERSION))
      }
      cloneOptions.fetch_opts.callbacks = callbacks
      var out: OpaquePointer?
      try git("git_clone") { git_clone(&out, url, folder.path, &cloneOptions) }
      // The handle is not kept: a repository is only made through the factories, so the
      // clone is opened afresh below.
      git_repository_free(out)
    }
    return try discover(from: folder)
  }

  /// The names of the configured remotes, sorted.
  public func remoteNames() throws(GitError) -> [String] {
    var names = git_strarray()
    try git("git_remote_list") { git_remote_list(&names, handle) }
    defer { git_strarray_dispose(&names) }
    guard let strings = names.strings else { return [] }
    return (0..<names.count).compactMap { strings[$0].map { String(cString: $0) } }.sorted()
  }

  /// The URL of remote `name`, or nil when there is no such remote.
  public func remoteURL(_ name: String) throws(GitError) -> String? {
    var remote: OpaquePointer?
    let status = git_remote_lookup(&remote, handle, name)
    if status == GIT_ENOTFOUND.rawValue { return nil }
    guard status >= 0 else { throw GitError(status: status, operation: "git_remote_lookup") }
    guard let remote else { throw .nilHandle("git_remote_lookup") }
    defer { git_remote_free(remote) }
    return git_remote_url(remote).map { String(cString: $0) }
  }

  /// Adds a remote with the default fetch refspec (`+refs/heads/*:refs/remotes/NAME/*`).
  ///
  /// - Throws: `GitError` `.exists` when a remote of that name exists.
  public func addRemote(_ name: String, url: String) throws(GitError) {
    var remote: OpaquePointer?
    try git("git_remote_create") { git_remote_create(&remote, handle, name, url) }
    git_remote_free(remote)
  }

  /// Fetches remote `name` with its configured refspecs, updating `refs/remotes/NAME/*`.
  /// Prunes nothing, whatever the configuration says.
  ///
  /// - Throws: `GitError` `.notFound` when there is no such remote.
  public func fetch(remote name: String, options: TransferOptions) throws(GitError) {
    let options = try withConfiguredAuthorities(options)
    try withRemote(name) { (remote) throws(GitError) in
      try TransferSession.perform(options) { (_, callbacks) throws(GitError) in
        var fetchOptions = git_fetch_options()
        try git("git_fetch_options_init") {
          git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION))
        }
        fetchOptions.callbacks = callbacks
        fetchOptions.prune = GIT_FETCH_NO_PRUNE
        try git("git_remote_fetch") { git_remote_fetch(remote, nil, &fetchOptions, nil) }
      }
    }
  }

  /// Pushes `localRef` to `remoteRef` on remote `name`, never forcing. On success the
  /// remote-tracking ref (`refs/remotes/NAME/...`) moves too.
  ///
  /// - Throws: `GitError` `.nonFastForward` when the remote has commits `localRef` lacks, or
  ///   when the remote refused the update (its reason is in the message); `.declined` when
  ///   the remote's hook refused it (what the hook printed goes to
  ///   `options.remoteMessage`). The remote's ref is then unchanged. libgit2 refuses to push to a non-bare repository given by path.
  /// With `force`, the remote's branch moves even when the push does not descend from it (a
  /// rewritten history; the remote's own hook still judges it).
  public func push(
    remote name: String, localRef: String, remoteRef: String, options: TransferOptions, force: Bool = false
  ) throws(GitError) {
    // A leading "+" would force the update; a ":" would make another refspec.
    guard !localRef.hasPrefix("+"), !localRef.contains(":"), !remoteRef.contains(":") else {
      throw GitError(
        code: .other(GIT_EINVALIDSPEC.rawValue), operation: "git_remote_push",
        message: "invalid ref names to push: '\(localRef)' to '\(remoteRef)'")
    }
    let options = try withConfiguredAuthorities(options)
    try withRemote(name) { (remote) throws(GitError) in
      try TransferSession.perform(options) { (session, callbacks) throws(GitError) in
        var pushOptions = git_push_options()
        try git("git_push_options_init") {
          git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION))
        }
        pushOptions.callbacks = callbacks
        pushOptions.callbacks.sideband_progress = transferSideband
        defer { session.receiveRemoteText("", flush: true) }
        try pushRefspec("\(force ? "+" : "")\(localRef):\(remoteRef)", remote: remote, options: &pushOptions)
        // Over ssh/https the server refuses a ref through the status callback while the call
        // itself succeeds; such a refusal must not pass for success. A hook's refusal is
        // final; any other (the branch moved meanwhile) is worth a new fetch and merge.
        if let refused = session.refusedUpdates.first {
          throw GitError(
            code: refused.contains("hook declined") ? .declined : .nonFastForward, operation: "git_remote_push",
            message: "the remote refused \(refused)")
        }
      }
    }
  }

  private func pushRefspec(
    _ refspec: String, remote: OpaquePointer, options: inout git_push_options
  ) throws(GitError) {
    guard let spec = strdup(refspec) else { throw .nilHandle("strdup") }
    defer { free(spec) }
    var strings: [UnsafeMutablePointer<CChar>?] = [spec]
    try git("git_remote_push") {
      strings.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return git_remote_push(remote, &array, &options)
      }
    }
  }

  /// The path `url` names when it is local: `file://...`, or git's rule for a path (no `://`,
  /// and no `:` before the first `/`, which would make it `host:path`).
  public static func localPath(of url: String) -> String? {
    if url.lowercased().hasPrefix("file://") { return URL(string: url)?.path }
    guard !url.contains("://") else { return nil }
    guard let colon = url.firstIndex(of: ":") else { return url }
    guard let slash = url.firstIndex(of: "/"), slash < colon else { return nil }
    return url
  }

  /// `options`, trusting the authorities git's `http.sslCAInfo` names (in this repository's
  /// configuration or the user's) unless the options name some already.
  private func withConfiguredAuthorities(_ options: TransferOptions) throws(GitError) -> TransferOptions {
    guard options.certificateAuthorities == nil else { return options }
    var configured = options
    configured.certificateAuthorities = try configValue("http.sslCAInfo").map(Repository.expandingHome)
    return configured
  }

  /// A value of the user's git configuration (global and system), outside any repository.
  private static func userConfigValue(_ name: String) -> String? {
    var config: OpaquePointer?
    guard git_config_open_default(&config) >= 0, let config else { return nil }
    defer { git_config_free(config) }
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    guard git_config_get_string_buf(&buffer, config, name) >= 0, let pointer = buffer.ptr else { return nil }
    return String(cString: pointer)
  }

  /// A path from git's configuration with a leading `~/` read as the home folder, as
  /// `git config --type=path` reads it.
  private static func expandingHome(_ path: String) -> String {
    guard path.hasPrefix("~/") else { return path }
    return NSHomeDirectory() + String(path.dropFirst(1))
  }

  /// Calls `body` with remote `name`, freed afterwards.
  private func withRemote<Result>(
    _ name: String, _ body: (OpaquePointer) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    var remote: OpaquePointer?
    try git("git_remote_lookup") { git_remote_lookup(&remote, handle, name) }
    guard let remote else { throw .nilHandle("git_remote_lookup") }
    defer { git_remote_free(remote) }
    return try body(remote)
  }
}
