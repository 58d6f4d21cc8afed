import Foundation

/// An armored SSH signature as `ssh-keygen -Y sign` writes it and git stores it in a
/// commit's `gpgsig` header (OpenSSH's PROTOCOL.sshsig):
///
///     -----BEGIN SSH SIGNATURE-----
///     U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAg…
///     -----END SSH SIGNATURE-----
///
/// The base64 holds `"SSHSIG"`, version 1, then as SSH strings: the public key, the
/// namespace (`git` for commits), a reserved string, the hash (`sha512` or `sha256`), and the
/// signature itself. Reading it tells which key signed and for what; whether the signature
/// is right is `ssh-keygen -Y verify`'s to say.
public struct SSHSignature: Equatable, Sendable {
  public let key: SSHPublicKey
  public let namespace: String
  public let hashAlgorithm: String
  /// The signature itself, in SSH's encoding: `string(TYPE) string(BYTES)`.
  let signatureBlob: [UInt8]

  static let begin = "-----BEGIN SSH SIGNATURE-----"
  static let end = "-----END SSH SIGNATURE-----"

  /// Reads an armored signature; nil when it is not one (a GPG or X.509 signature, say).
  public init?(armored: String) {
    let lines = armored.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    guard let first = lines.firstIndex(of: SSHSignature.begin), let last = lines.firstIndex(of: SSHSignature.end),
      first < last, let data = Data(base64Encoded: lines[(first + 1)..<last].joined())
    else { return nil }
    var reader = SSHWireReader(Array(data))
    guard reader.take(6) == Array("SSHSIG".utf8), reader.uint32() == 1,
      let keyBlob = reader.string(), let key = SSHPublicKey(blob: keyBlob),
      let namespace = reader.string(), reader.string() != nil, let hash = reader.string(),
      let signatureBlob = reader.string(), reader.isAtEnd
    else { return nil }
    self.key = key
    self.namespace = String(decoding: namespace, as: UTF8.self)
    self.hashAlgorithm = String(decoding: hash, as: UTF8.self)
    self.signatureBlob = signatureBlob
  }

  /// Whether this is a valid `namespace` signature of `data`, verified here for an Ed25519
  /// key exactly as `ssh-keygen -Y verify` does (OpenSSH's sshsig.c): the key signs
  /// `"SSHSIG" string(NAMESPACE) string("") string(HASH) string(HASH(data))`. Nil for the
  /// key types verified by `ssh-keygen` itself (RSA, ECDSA, security keys).
  func verifiesNatively(_ data: [UInt8], namespace expected: String = "git") -> Bool? {
    guard key.type == "ssh-ed25519" else { return nil }
    guard namespace == expected else { return false }
    let digest: [UInt8]
    switch hashAlgorithm {
    case "sha512": digest = SHA512.digest(data)
    case "sha256": digest = SHA256.digest(data)
    default: return false
    }
    var keyReader = SSHWireReader(key.blob)
    var signatureReader = SSHWireReader(signatureBlob)
    guard keyReader.string() == Array("ssh-ed25519".utf8), let publicKey = keyReader.string(), keyReader.isAtEnd,
      signatureReader.string() == Array("ssh-ed25519".utf8), let signature = signatureReader.string(),
      signatureReader.isAtEnd
    else { return false }
    func string(_ bytes: [UInt8]) -> [UInt8] {
      let count = UInt32(bytes.count)
      return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: count >> $0) } + bytes
    }
    let message =
      Array("SSHSIG".utf8) + string(Array(expected.utf8)) + string([]) + string(Array(hashAlgorithm.utf8))
      + string(digest)
    return Ed25519.verify(signature: signature, message: message, publicKey: publicKey)
  }
}
