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
