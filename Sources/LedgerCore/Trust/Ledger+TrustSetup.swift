import Foundation
import LedgerGit
import LedgerSchema

/// What setting up a clone's trust did: the pin in force, and how its commits are signed.
public struct TrustSetup: Equatable, Sendable {
  public let pin: TrustPin?
  /// Where the pin is kept (`.git/adminledger/trust.json`).
  public let pinFile: String
  /// The key git's configuration names for signing, now used by the tool and by `git commit`;
  /// nil when none is configured.
  public let signingKey: String?
  /// The ledger's own `signed_commits_from`, if it sets one.
  public let ledgerRequirement: String?
  /// The allowed-signers file written for the git program (`gpg.ssh.allowedSignersFile`).
  public let allowedSignersFile: String
}

// Setting up a clone (or a shared repository) to sign and check commits as the ledger says.
extension Ledger {
  /// Pins the trust on first use (see `pinTrust`), makes this clone sign its commits with
  /// `signingKey` or the key git's configuration already names (`gpg.format ssh`,
  /// `commit.gpgsign true`, so a plain `git commit` is signed too), and writes the people's
  /// keys as an allowed-signers file for `git log --show-signature`.
  ///
  /// - Parameter branch: the ledger's branch (`refs/heads/main`) in a shared repository; nil: HEAD's.
  public func setUpTrust(signingKey: String?, signedFrom: String?, branch: String? = nil) throws(StoreError) -> TrustSetup {
    let revision = try branch.flatMap { (name) throws(StoreError) in try branchTip(name) }
    let tip = revision.flatMap(ObjectID.init(hex:))
    let pin = try pinTrust(signedFrom: signedFrom, tip: tip)
    let allowed = store.allowedSignersFile
    try store.configureSigning(key: signingKey)
    try writeAllowedSigners(to: allowed, at: revision)
    try store.useAllowedSigners(allowed)
    let settings = try? store.snapshot(at: revision).settings()
    return TrustSetup(
      pin: pin, pinFile: store.trustPinFile.path, signingKey: store.signingKeySetting,
      ledgerRequirement: Policy(settings).signedCommitsFrom, allowedSignersFile: allowed.path)
  }

  /// The people's signing keys in OpenSSH's allowed-signers format, principals being their
  /// git identities: `a@x.org,b@x.org namespaces="git",valid-after="20260101" ssh-ed25519 AAAA…`.
  public func allowedSigners(at revision: String? = nil) throws(StoreError) -> String {
    var lines: [String] = []
    // Only the people who list keys: found in the value index, not by reading every person.
    let snapshot = try store.snapshot(at: revision)
    let people: [Record]
    if let holders = try snapshot.indexes?.holders(.people, Ledger.signingKeyPath) {
      people = holders.compactMap { try? snapshot.record($0) }
    } else {
      people = try snapshot.records(of: .people).records
    }
    for person in people {
      let emails = (person.fields["git_identities"]?.arrayValue ?? []).compactMap(\.stringValue)
      guard !emails.isEmpty else { continue }
      for key in SigningKey.keys(of: person) {
        var options = ["namespaces=\"git\""]
        if let from = key.from { options.append("valid-after=\"\(from.replacingOccurrences(of: "-", with: ""))\"") }
        if let until = key.until, let after = LedgerDate.adding(days: 1, to: until) {
          options.append("valid-before=\"\(after.replacingOccurrences(of: "-", with: ""))\"")
        }
        lines.append("\(emails.joined(separator: ",")) \(options.joined(separator: ",")) \(key.key.openSSHText)")
      }
    }
    return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
  }

  /// Where a person's signing keys are, for the value index.
  static let signingKeyPath = KeywordPath(steps: ["signing_keys", "*", "key"], value: .bool(true))

  /// Writes the allowed-signers file again when this clone's git configuration uses it, so
  /// `git log --show-signature` knows the keys a sync brought. A failure leaves the old file:
  /// git then reports the new keys unknown, and the next sync or `hook install` writes it.
  public func refreshAllowedSigners() {
    let allowed = store.allowedSignersFile
    guard store.usesAllowedSigners(allowed) else { return }
    try? writeAllowedSigners(to: allowed, at: nil)
  }

  private func writeAllowedSigners(to file: URL, at revision: String?) throws(StoreError) {
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .io(path: file.path, reason: error.localizedDescription)
    }
    let text = try allowedSigners(at: revision)
    do {
      try Data(text.utf8).write(to: file, options: .atomic)
    } catch {
      throw .io(path: file.path, reason: error.localizedDescription)
    }
  }
}
