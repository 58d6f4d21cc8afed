internal import CLibGit2
import Foundation

// What git's configuration says.
extension Repository {
  /// `user.name` and `user.email` from git's configuration, or nil when either is unset.
  public func configuredIdentity() -> (name: String, email: String)? {
    var signature: UnsafeMutablePointer<git_signature>?
    guard git_signature_default(&signature, handle) >= 0, let signature else { return nil }
    defer { git_signature_free(signature) }
    let copied = Signature(copying: signature)
    return (copied.name, copied.email)
  }

  /// `user.name` and `user.email` from the user's global git configuration, outside any
  /// repository (for the first commit of a new one).
  public static func globalIdentity() -> (name: String, email: String)? {
    LibGit2.ensureInitialized()
    var config: OpaquePointer?
    guard git_config_open_default(&config) >= 0, let config else { return nil }
    defer { git_config_free(config) }
    func read(_ name: String) -> String? {
      var buffer = git_buf()
      defer { git_buf_dispose(&buffer) }
      guard git_config_get_string_buf(&buffer, config, name) >= 0, let pointer = buffer.ptr else {
        return nil
      }
      return String(cString: pointer)
    }
    guard let name = read("user.name"), let email = read("user.email") else { return nil }
    return (name, email)
  }
}

// Writing the repository's own configuration (`.git/config`), never the user's.
extension Repository {
  /// Sets `name` to `value` in this repository's own configuration file.
  public func setConfig(_ name: String, _ value: String) throws(GitError) {
    try withLocalConfig { (config) throws(GitError) in
      try git("git_config_set_string") { git_config_set_string(config, name, value) }
    }
  }

  /// The value of `name` in the repository's configuration (all levels libgit2 reads), or nil.
  public func configValue(_ name: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    try git("git_repository_config_snapshot") { git_repository_config_snapshot(&config, handle) }
    guard let config else { throw .nilHandle("git_repository_config_snapshot") }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    let status = git_config_get_string(&value, config, name)
    if status == GIT_ENOTFOUND.rawValue { return nil }
    guard status >= 0 else { throw GitError(status: status, operation: "git_config_get_string") }
    return value.map { String(cString: $0) }
  }

  private func withLocalConfig(_ body: (OpaquePointer) throws(GitError) -> Void) throws(GitError) {
    var config: OpaquePointer?
    try git("git_repository_config") { git_repository_config(&config, handle) }
    guard let config else { throw .nilHandle("git_repository_config") }
    defer { git_config_free(config) }
    var local: OpaquePointer?
    try git("git_config_open_level") { git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL) }
    guard let local else { throw .nilHandle("git_config_open_level") }
    defer { git_config_free(local) }
    try body(local)
  }
}
