/// What a commit's signature proves about its author: the judgement `ssh-keygen -Y verify`
/// makes with an allowed-signers file holding the author's keys and their days
/// (`valid-after`, `valid-before`), namespace `git`, on the commit's day.
public enum SignatureVerdict: Equatable, Sendable {
  /// Signed by a key of the author's, valid on the day.
  case good(SSHPublicKey)
  case unsigned
  /// A signature that does not verify: altered, or for another namespace, or no SSH signature.
  case bad(SSHPublicKey?, namespace: String?)
  /// A valid signature by a key that is not one of the author's.
  case wrongKey(SSHPublicKey)
  /// A valid signature by a key of the author's that is not valid on the day.
  case outOfDates(SigningKey)

  /// Judges `signature` for an author who lists `authorKeys`, on `day` (`YYYY-MM-DD`).
  public static func judge(_ signature: CommitSignature, authorKeys: [SigningKey], on day: String) -> SignatureVerdict {
    switch signature {
    case .unsigned:
      return .unsigned
    case .unreadable:
      return .bad(nil, namespace: nil)
    case .ssh(let signature, let verifies):
      guard verifies, signature.namespace == "git" else { return .bad(signature.key, namespace: signature.namespace) }
      let listed = authorKeys.filter { $0.key == signature.key }
      if listed.contains(where: { $0.isValid(on: day) }) { return .good(signature.key) }
      if let first = listed.first { return .outOfDates(first) }
      return .wrongKey(signature.key)
    }
  }

  public var isGood: Bool {
    if case .good = self { return true }
    return false
  }
}
