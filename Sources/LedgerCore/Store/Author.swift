import Foundation
import LedgerGit

/// Who makes a write: the administrator named by `--author`, `ADMINLEDGER_AUTHOR`, or git.
public struct Author: Equatable, Sendable, CustomStringConvertible {
  public let name: String
  public let email: String

  public init(name: String, email: String) {
    self.name = name
    self.email = email
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

  /// The git signature of a commit made at `date`, in this machine's UTC offset.
  func signature(at date: Date) -> Signature {
    let offset = TimeZone.current.secondsFromGMT(for: date) / 60
    return Signature(name: name, email: email, date: date, offsetMinutes: offset)
  }
}

extension Substring {
  func trimmingCharacters(in set: Character) -> String {
    String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
  }
}
