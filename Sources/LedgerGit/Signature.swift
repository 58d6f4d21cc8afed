internal import CLibGit2
import Foundation

/// Who made a commit and when: name, email, instant, and the UTC offset it was made in.
public struct Signature: Equatable, Sendable {
  public var name: String
  public var email: String
  public var date: Date
  /// Minutes east of UTC.
  public var offsetMinutes: Int

  public init(name: String, email: String, date: Date, offsetMinutes: Int = 0) {
    self.name = name
    self.email = email
    self.date = date
    self.offsetMinutes = offsetMinutes
  }

  init(copying signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    name = value.name.map { String(cString: $0) } ?? ""
    email = value.email.map { String(cString: $0) } ?? ""
    date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
    offsetMinutes = Int(value.when.offset)
  }

  /// Calls `body` with a libgit2 signature that lives for the call.
  func withGitSignature<Result>(
    _ body: (UnsafeMutablePointer<git_signature>) throws(GitError) -> Result
  ) throws(GitError) -> Result {
    var raw: UnsafeMutablePointer<git_signature>?
    try git("git_signature_new") {
      git_signature_new(
        &raw, name, email, git_time_t(date.timeIntervalSince1970.rounded(.down)),
        Int32(offsetMinutes))
    }
    guard let raw else { throw .nilHandle("git_signature_new") }
    defer { git_signature_free(raw) }
    return try body(raw)
  }
}
