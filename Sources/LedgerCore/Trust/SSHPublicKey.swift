import Foundation

/// An SSH public key as `~/.ssh/id_ed25519.pub` and `authorized_keys` write it:
/// `ssh-ed25519 AAAAC3Nza… comment`. The key is its wire blob (RFC 4253 §6.6), whose first
/// field repeats the type; the comment is only a label.
public struct SSHPublicKey: Hashable, Sendable, CustomStringConvertible {
  /// The key types `ssh-keygen -Y verify` accepts for signatures (RSA signs with SHA-2).
  public static let acceptedTypes: Set<String> = [
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
  ]

  public let type: String
  public let blob: [UInt8]

  /// Reads `TYPE BASE64 [COMMENT]`; nil when it is not an SSH public key of an accepted type
  /// whose blob names the same type.
  public init?(text: String) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard words.count >= 2, SSHPublicKey.acceptedTypes.contains(words[0]),
      let data = Data(base64Encoded: words[1])
    else { return nil }
    self.init(blob: Array(data))
    guard type == words[0] else { return nil }
  }

  /// Reads a key's wire blob; nil when its type field is unreadable or not accepted.
  public init?(blob: [UInt8]) {
    var reader = SSHWireReader(blob)
    guard let type = reader.string().map({ String(decoding: $0, as: UTF8.self) }),
      SSHPublicKey.acceptedTypes.contains(type), !reader.isAtEnd
    else { return nil }
    self.type = type
    self.blob = blob
  }

  /// `TYPE BASE64`, the form an allowed-signers file and a person's record hold.
  public var openSSHText: String { type + " " + Data(blob).base64EncodedString() }

  /// `SHA256:…`, as `ssh-keygen -l` and the forges print a key.
  public var fingerprint: String {
    var text = Data(SHA256.digest(blob)).base64EncodedString()
    while text.hasSuffix("=") { text.removeLast() }
    return "SHA256:" + text
  }

  public var description: String { fingerprint }
}

/// Reads SSH's wire encoding: big-endian 32-bit lengths before each string (RFC 4251 §5).
struct SSHWireReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { position >= bytes.count }

  /// The next `count` raw bytes.
  mutating func take(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= bytes.count - position else { return nil }
    defer { position += count }
    return Array(bytes[position..<position + count])
  }

  mutating func uint32() -> UInt32? {
    guard let raw = take(4) else { return nil }
    return raw.reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// A length-prefixed string.
  mutating func string() -> [UInt8]? {
    guard let length = uint32(), length <= UInt32(Int32.max) else { return nil }
    return take(Int(length))
  }
}
