import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerCore

/// The arithmetic under native signature verification, on published test vectors; its
/// agreement with ssh-keygen on real signatures is SignatureAgreementTests'.
@Suite struct Ed25519Tests {
  static func bytes(_ hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return result
  }

  @Test func sha512OfAbcIsFIPSs() {
    let expected =
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    #expect(SHA512.digest(Array("abc".utf8)) == Ed25519Tests.bytes(expected))
    // Two blocks: the padding's length lands in the second.
    let long = SHA512.digest(Array(repeating: UInt8(ascii: "a"), count: 200))
    #expect(long.count == 64 && long != SHA512.digest(Array(repeating: UInt8(ascii: "a"), count: 199)))
  }

  struct Vector: CustomTestStringConvertible, Sendable {
    let name: String, publicKey: String, message: String, signature: String
    var testDescription: String { name }
  }

  /// RFC 8032, section 7.1, tests 1 and 2.
  static let vectors = [
    Vector(
      name: "RFC 8032 test 1 (empty message)", publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
      message: "",
      signature:
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    ),
    Vector(
      name: "RFC 8032 test 2 (one byte)", publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
      message: "72",
      signature:
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
    ),
  ]

  @Test(arguments: vectors)
  func aPublishedSignatureVerifiesAndAnyChangeBreaksIt(_ vector: Vector) {
    let key = Ed25519Tests.bytes(vector.publicKey)
    let message = Ed25519Tests.bytes(vector.message)
    let signature = Ed25519Tests.bytes(vector.signature)
    #expect(Ed25519.verify(signature: signature, message: message, publicKey: key))
    #expect(!Ed25519.verify(signature: signature, message: message + [0], publicKey: key))
    for index in [0, 31, 32, 62] {
      var altered = signature
      altered[index] ^= 0x01
      #expect(!Ed25519.verify(signature: altered, message: message, publicKey: key), "byte \(index)")
    }
    var otherKey = key
    otherKey[0] ^= 0x01
    #expect(!Ed25519.verify(signature: signature, message: message, publicKey: otherKey))
  }

  @Test func aSignatureWithTheTopBitsOfSSetIsRefused() throws {
    let vector = try #require(Ed25519Tests.vectors.first)
    var signature = Ed25519Tests.bytes(vector.signature)
    signature[63] |= 0x80
    #expect(!Ed25519.verify(signature: signature, message: [], publicKey: Ed25519Tests.bytes(vector.publicKey)))
  }

  @Test func scalarsReduceModuloTheGroupOrder() {
    // L itself reduces to zero, and L + 5 to 5.
    let order = Ed25519Tests.bytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
    #expect(Scalar.reduce(order) == [UInt8](repeating: 0, count: 32))
    var plusFive = order
    plusFive[0] &+= 5
    #expect(Scalar.reduce(plusFive) == [5] + [UInt8](repeating: 0, count: 31))
  }
}

/// Native verification and `ssh-keygen -Y verify` give the same verdict on real signatures
/// altered byte by byte, in the armor's signature and in the signed data.
@Suite struct NativeVerificationTests {
  @Test func nativeAndSSHKeygenAgreeOnEveryAlteration() throws {
    let sandbox = try TemporaryDirectory()
    let pair = try SSHKeyPair(name: "author", in: sandbox.url)
    let key = try #require(SSHPublicKey(text: pair.publicKey))
    let data = Array("tree 4b825dc6\nauthor A <a@example.org> 1795000000 +0000\n\nA change\n".utf8)
    let armored = try pair.sign(data, in: sandbox.url)
    let program = SSHKeygen()
    var generator = SystemRandomNumberGenerator()
    var agreed = 0
    for round in 0..<24 {
      var payload = data
      var signature = armored
      if round % 2 == 0 {
        payload[Int.random(in: 0..<payload.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
      } else if round > 1 {
        signature = try NativeVerificationTests.alterSignatureBlob(armored, using: &generator)
      }
      guard let parsed = SSHSignature(armored: signature) else { continue }
      let native = try #require(parsed.verifiesNatively(payload))
      #expect(native == (try program.verifiesWithProgram(signature, of: payload, by: key)), "round \(round)")
      agreed += 1
    }
    #expect(agreed >= 12)
  }

  /// The armor with one byte of its last 64 (the Ed25519 signature) changed.
  static func alterSignatureBlob(_ armored: String, using generator: inout SystemRandomNumberGenerator) throws -> String {
    let body = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    var bytes = Array(try #require(Data(base64Encoded: body)))
    bytes[bytes.count - Int.random(in: 1...64, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
    let encoded = Data(bytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
    return "-----BEGIN SSH SIGNATURE-----\n\(encoded)\n-----END SSH SIGNATURE-----\n"
  }
}
