import Foundation

/// What a commit's signature is: absent, not an SSH signature, or an SSH signature that
/// `ssh-keygen -Y verify` found valid or not.
public enum CommitSignature: Equatable, Sendable {
  case unsigned
  /// A signature that is no SSH signature (GPG, X.509) or cannot be read.
  case unreadable
  case ssh(SSHSignature, verifies: Bool)
}

extension CommitSignature {
  /// Reads and verifies one signature of `data` (nil: the commit is unsigned), as the audit
  /// does for a commit's `gpgsig` header and the bytes it signs.
  public static func verifying(_ armored: String?, of data: [UInt8], with program: SSHKeygen = SSHKeygen())
    throws(SigningProblem) -> CommitSignature
  {
    guard let armored else { return .unsigned }
    guard let signature = SSHSignature(armored: armored) else { return .unreadable }
    return .ssh(signature, verifies: try program.verifies(signature, armored: armored, of: data))
  }
}
