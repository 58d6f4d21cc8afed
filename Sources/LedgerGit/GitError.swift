internal import CLibGit2

/// A failed libgit2 call: which call, libgit2's class of error, and libgit2's own text.
public struct GitError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Code: Equatable, Sendable {
    case notFound, exists, conflict, locked, modified, unbornBranch, nonFastForward, auth, other(Int32)
    /// The remote's hook refused a pushed reference (`pre-receive hook declined`).
    case declined
  }

  public let code: Code
  /// The libgit2 function that failed, such as `git_commit_lookup`.
  public let operation: String
  /// libgit2's message, read on the failing thread right after the call.
  public let message: String

  public init(code: Code, operation: String, message: String) {
    self.code = code
    self.operation = operation
    self.message = message
  }

  init(status: Int32, operation: String) {
    let last = git_error_last()
    let text = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(status)"
    self.init(code: GitError.code(for: status), operation: operation, message: text)
  }

  /// The call reported success but handed back no object.
  static func nilHandle(_ operation: String) -> GitError {
    GitError(code: .other(-1), operation: operation, message: "no object returned")
  }

  public var description: String { "\(operation): \(message)" }

  private static func code(for status: Int32) -> Code {
    switch status {
    case GIT_ENOTFOUND.rawValue: .notFound
    case GIT_EEXISTS.rawValue: .exists
    case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: .conflict
    case GIT_ELOCKED.rawValue: .locked
    case GIT_EMODIFIED.rawValue: .modified
    case GIT_EUNBORNBRANCH.rawValue: .unbornBranch
    case GIT_ENONFASTFORWARD.rawValue: .nonFastForward
    case GIT_EAUTH.rawValue: .auth
    default: .other(status)
    }
  }
}

/// Runs a libgit2 call and turns a negative status into a `GitError`.
@discardableResult
func git(_ operation: String, _ call: () -> Int32) throws(GitError) -> Int32 {
  let status = call()
  guard status >= 0 else { throw GitError(status: status, operation: operation) }
  return status
}
