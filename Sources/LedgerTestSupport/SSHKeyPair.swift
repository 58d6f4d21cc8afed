import Foundation

/// A key pair made by the real `ssh-keygen`, with no passphrase, for tests that sign commits
/// and check signatures as git and the forges do.
public struct SSHKeyPair: Sendable {
  /// The private key file; its public half is `privateKey.path + ".pub"`.
  public let privateKey: URL
  /// `TYPE BASE64` (the comment left out), as a person's `signing_keys` holds it.
  public let publicKey: String

  /// Makes a key of `type` (`ed25519`, `rsa`, `ecdsa`) named `name` in `folder`.
  public init(_ type: String = "ed25519", name: String, in folder: URL) throws {
    privateKey = folder.appendingPathComponent(name)
    var arguments = ["-q", "-t", type, "-N", "", "-C", name, "-f", privateKey.path]
    if type == "rsa" { arguments += ["-b", "2048"] }
    let made = try ExternalProgram.run(SSHKeyPair.program, arguments, in: folder)
    guard made.status == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "ssh-keygen failed: \(made.error)"])
    }
    let text = try String(contentsOf: privateKey.appendingPathExtension("pub"), encoding: .utf8)
    publicKey = text.split(separator: " ").prefix(2).joined(separator: " ")
  }

  /// Signs `data` with `ssh-keygen -Y sign -n NAMESPACE`, returning the armored signature.
  public func sign(_ data: [UInt8], namespace: String = "git", in folder: URL) throws -> String {
    let file = folder.appendingPathComponent("payload-\(UUID().uuidString)")
    try Data(data).write(to: file)
    defer {
      try? FileManager.default.removeItem(at: file)
      try? FileManager.default.removeItem(at: file.appendingPathExtension("sig"))
    }
    let signed = try ExternalProgram.run(
      SSHKeyPair.program, ["-Y", "sign", "-n", namespace, "-f", privateKey.path, file.path], in: folder)
    guard signed.status == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "ssh-keygen -Y sign failed: \(signed.error)"])
    }
    return try String(contentsOf: file.appendingPathExtension("sig"), encoding: .utf8)
  }

  static let program = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
}
