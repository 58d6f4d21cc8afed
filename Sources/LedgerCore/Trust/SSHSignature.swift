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
      reader.string() != nil, reader.isAtEnd
    else { return nil }
    self.key = key
    self.namespace = String(decoding: namespace, as: UTF8.self)
    self.hashAlgorithm = String(decoding: hash, as: UTF8.self)
  }
}
