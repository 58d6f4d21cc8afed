import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

/// The verdict the audit gives a commit's signature agrees with `ssh-keygen -Y verify` run as
/// git runs it (namespace `git`, an allowed-signers file with the author's keys and their
/// days, `-Overify-time` the commit's day), on a corpus made with real keys.
@Suite struct SignatureAgreementTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let type: String
    var testDescription: String { "\(type): \(name)" }
  }

  static let variants = [
    "valid", "payload altered", "signature altered", "wrong namespace", "other key", "key before its days", "key after its days",
  ]
  static let cases = ["ed25519", "rsa", "ecdsa"].flatMap { type in variants.map { Case(name: $0, type: type) } }

  static let payload = Array(
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.org> 1795000000 +0000\n\nSet people/anne phone\n".utf8)
  static let day = "2026-06-15"

  @Test(arguments: cases)
  func theAuditsVerdictIsSSHKeygens(_ example: Case) throws {
    let sandbox = try TemporaryDirectory()
    let author = try SSHKeyPair(example.type, name: "author", in: sandbox.url)
    let other = try SSHKeyPair(example.type, name: "other", in: sandbox.url)
    var data = SignatureAgreementTests.payload
    var signer = author
    var namespace = "git"
    var from: String?
    var until: String?
    switch example.name {
    case "other key": signer = other
    case "wrong namespace": namespace = "file"
    case "key before its days": from = "2026-07-01"
    case "key after its days": until = "2026-05-31"
    default: break
    }
    var armored = try signer.sign(data, namespace: namespace, in: sandbox.url)
    if example.name == "payload altered" { data[data.count - 2] ^= 0x01 }
    if example.name == "signature altered" { armored = try SignatureAgreementTests.flipLastSignatureByte(armored) }

    let keys = [SigningKey(key: try #require(SSHPublicKey(text: author.publicKey)), from: from, until: until)]
    let verdict = SignatureVerdict.judge(
      try CommitSignature.verifying(armored, of: data), authorKeys: keys, on: SignatureAgreementTests.day)
    let sshKeygen = try SignatureAgreementTests.sshKeygenAccepts(
      armored, data, author: author, from: from, until: until, in: sandbox.url)
    #expect(verdict.isGood == sshKeygen, "\(verdict)")
    #expect(verdict.isGood == (example.name == "valid"), "\(verdict)")
  }

  @Test func anUnsignedCommitAndAGPGSignatureAreNotGood() throws {
    #expect(SignatureVerdict.judge(try CommitSignature.verifying(nil, of: []), authorKeys: [], on: "2026-01-01") == .unsigned)
    let gpg = "-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEE\n-----END PGP SIGNATURE-----\n"
    #expect(
      SignatureVerdict.judge(try CommitSignature.verifying(gpg, of: []), authorKeys: [], on: "2026-01-01")
        == .bad(nil, namespace: nil))
  }

  /// `ssh-keygen -Y verify` with the author's key and days, as git calls it.
  static func sshKeygenAccepts(
    _ armored: String, _ data: [UInt8], author: SSHKeyPair, from: String?, until: String?, in folder: URL
  ) throws -> Bool {
    var options = ["namespaces=\"git\""]
    if let from { options.append("valid-after=\"\(from.replacingOccurrences(of: "-", with: ""))\"") }
    if until != nil { options.append("valid-before=\"20260601\"") }  // the day after 2026-05-31
    let allowed = folder.appendingPathComponent("allowed_signers")
    try Data("author@example.org \(options.joined(separator: ",")) \(author.publicKey)\n".utf8).write(to: allowed)
    let signature = folder.appendingPathComponent("check.sig")
    try Data(armored.utf8).write(to: signature)
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/ssh-keygen"),
      [
        "-Y", "verify", "-f", allowed.path, "-I", "author@example.org", "-n", "git", "-s", signature.path,
        "-Overify-time=\(day.replacingOccurrences(of: "-", with: ""))",
      ],
      in: folder, input: String(decoding: data, as: UTF8.self))
    return outcome.status == 0
  }

  /// The same armor with the last byte of the signature blob changed.
  static func flipLastSignatureByte(_ armored: String) throws -> String {
    let lines = armored.split(separator: "\n").map(String.init)
    let body = lines.filter { !$0.hasPrefix("-----") }.joined()
    var bytes = Array(try #require(Data(base64Encoded: body)))
    bytes[bytes.count - 1] ^= 0x01
    let encoded = Data(bytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
    return "-----BEGIN SSH SIGNATURE-----\n\(encoded)\n-----END SSH SIGNATURE-----\n"
  }
}
