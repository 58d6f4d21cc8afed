import Foundation

/// Who makes a write: the administrator named by `--author`, `ADMINLEDGER_AUTHOR`, or git.
public struct Author: Equatable, Sendable, CustomStringConvertible {
  public let name: String
  public let email: String
  /// Signs this author's commits, when git's configuration names a key (`user.signingkey`).
  public var signer: CommitSigner?
  /// The ledger's `signed_commits_from` when its commits must be signed now: a commit by an
  /// author with no signer is then refused when it is about to be made (a sync that only
  /// fast-forwards makes none, and passes).
  public var signaturesRequiredFrom: String?

  public init(name: String, email: String, signer: CommitSigner? = nil) {
    self.name = name
    self.email = email
    self.signer = signer
  }

  /// Reads `Name <email>`; nil when either part is missing.
  public init?(parsing text: String) {
    guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
    let name = text[..<open].trimmingCharacters(in: " ")
    let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    guard !name.isEmpty, email.contains("@"), !email.contains(" ") else { return nil }
    self.init(name: name, email: email)
  }

  public var description: String { "\(name) <\(email)>" }
}

extension Substring {
  func trimmingCharacters(in set: Character) -> String {
    String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
  }
}
