import Foundation
import LedgerGit
import LedgerJSON

/// What a clone or a shared repository trusts without proof, fixed when it is set up (`clone`,
/// `hook install`): the commit the ledger's history starts at, the key that signed it, and
/// from when signatures are required when ledger.json does not say.
///
/// The first commit has no state before it to judge its key by, so its key is trusted on first
/// use, like an SSH host key. Kept in `.git/adminledger/trust.json`:
///
///     {
///       "root": "4b825dc6…",
///       "root_key": "ssh-ed25519 AAAAC3Nza…",
///       "signed_commits_from": "2026-12-01"
///     }
public struct TrustPin: Equatable, Sendable {
  public var root: String
  /// The key that signed the root commit; nil when it is not signed.
  public var rootKey: SSHPublicKey?
  /// From when commits must be signed when ledger.json sets no `signed_commits_from`.
  public var signedCommitsFrom: String?

  public init(root: String, rootKey: SSHPublicKey?, signedCommitsFrom: String?) {
    self.root = root
    self.rootKey = rootKey
    self.signedCommitsFrom = signedCommitsFrom
  }

  static func file(in gitDirectory: URL) -> URL {
    gitDirectory.appendingPathComponent("adminledger/trust.json")
  }

  /// The pin of the repository at `gitDirectory`, or nil when none was set up.
  static func read(in gitDirectory: URL) -> TrustPin? {
    guard let data = FileManager.default.contents(atPath: file(in: gitDirectory).path),
      let object = (try? JSONParser.parse(Array(data)))?.objectValue, let root = object["root"]?.stringValue
    else { return nil }
    return TrustPin(
      root: root, rootKey: object["root_key"]?.stringValue.flatMap(SSHPublicKey.init(text:)),
      signedCommitsFrom: object["signed_commits_from"]?.stringValue)
  }

  func write(in gitDirectory: URL) throws(StoreError) {
    var members: [(String, JSONValue)] = [("root", .string(root))]
    if let rootKey { members.append(("root_key", .string(rootKey.openSSHText))) }
    if let signedCommitsFrom { members.append(("signed_commits_from", .string(signedCommitsFrom))) }
    let target = TrustPin.file(in: gitDirectory)
    do {
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(CanonicalWriter.write(.object(JSONObject(members))).utf8).write(to: target, options: .atomic)
    } catch {
      throw .io(path: target.path, reason: error.localizedDescription)
    }
  }
}

extension Ledger {
  /// The trust pin set up for this clone or shared repository, if any.
  public var trustPin: TrustPin? { store.trustPin }

  /// Pins the root of the ledger's branch and its key, and `signedFrom` (when ledger.json
  /// requires no signatures), keeping a pin made before: trust is set once, on first use.
  ///
  /// - Returns: the pin in force.
  /// - Parameter tip: the commit the ledger's branch is at (nil: HEAD's).
  @discardableResult
  public func pinTrust(signedFrom: String?, tip: ObjectID? = nil) throws(StoreError) -> TrustPin? {
    if var existing = trustPin {
      if let signedFrom, existing.signedCommitsFrom != signedFrom {
        existing.signedCommitsFrom = signedFrom
        try store.record(existing)
      }
      return existing
    }
    let head: ObjectID
    if let tip {
      head = tip
    } else if let commit = try store.readHead().commit {
      head = commit
    } else {
      return nil
    }
    let (root, signature) = try store.firstCommit(of: head)
    let pin = TrustPin(
      root: root.description, rootKey: signature.flatMap { SSHSignature(armored: $0)?.key },
      signedCommitsFrom: signedFrom)
    try store.record(pin)
    return pin
  }
}
