import Foundation
import LedgerGit

// Signing and trust in this repository: the signing key git's configuration names, the
// allowed-signers file it checks signatures with, and the trust pinned in `.git/adminledger/`.
extension GitRecordStore {
  /// The signer git's configuration names (`gpg.format ssh` with `user.signingkey`, and
  /// `gpg.ssh.program`), or nil when it names none.
  func configuredSigner(home: String) -> CommitSigner? {
    guard (try? repository.configValue("gpg.format")) == "ssh", let setting = try? repository.configValue("user.signingkey"),
      !setting.isEmpty
    else { return nil }
    let program = (try? repository.configValue("gpg.ssh.program")).flatMap { $0 } ?? "ssh-keygen"
    return CommitSigner(key: SigningKeyReference(setting: setting, home: home), program: SSHKeygen(program: program))
  }

  /// `user.signingkey` as git's configuration holds it, if set.
  var signingKeySetting: String? { (try? repository.configValue("user.signingkey")).flatMap { $0 } }

  /// Makes this clone sign with `key` (nil: the key the configuration already names), in the
  /// tool and in `git commit` (`gpg.format ssh`, `commit.gpgsign true`) when a key is named
  /// and the repository has a work tree.
  func configureSigning(key: String?) throws(StoreError) {
    try performing(.configureSigning) { () throws(GitError) in
      if let key { try repository.setConfig("user.signingkey", key) }
      if !repository.isBare, let key = try repository.configValue("user.signingkey"), !key.isEmpty {
        try repository.setConfig("gpg.format", "ssh")
        try repository.setConfig("commit.gpgsign", "true")
      }
    }
  }

  /// Where the people's keys are written for the git program: `.git/adminledger/allowed_signers`.
  var allowedSignersFile: URL { repository.gitDirectory.appendingPathComponent("adminledger/allowed_signers") }

  /// Points git's `gpg.ssh.allowedSignersFile` at `file`.
  func useAllowedSigners(_ file: URL) throws(StoreError) {
    try performing(.configureSigning) { () throws(GitError) in
      try repository.setConfig("gpg.ssh.allowedSignersFile", file.path)
    }
  }

  /// Whether git's `gpg.ssh.allowedSignersFile` names `file`.
  func usesAllowedSigners(_ file: URL) -> Bool {
    (try? repository.configValue("gpg.ssh.allowedSignersFile")) == file.path
  }

  /// The trust pin set up for this repository, if any.
  var trustPin: TrustPin? { TrustPin.read(in: repository.gitDirectory) }

  /// Where the trust pin is kept: `.git/adminledger/trust.json`.
  var trustPinFile: URL { TrustPin.file(in: repository.gitDirectory) }

  /// Keeps `pin` as this repository's trust pin.
  func record(_ pin: TrustPin) throws(StoreError) {
    try pin.write(in: repository.gitDirectory)
  }

  /// The first commit of `head`'s first-parent line (the ledger's first commit), and its
  /// signature when it is signed.
  func firstCommit(of head: ObjectID) throws(StoreError) -> (commit: ObjectID, signature: String?) {
    try performing(.findFirstCommit) { () throws(GitError) in
      let root = try repository.firstParentRoot(of: head)
      return (root, try repository.commitSignature(root)?.signature)
    }
  }
}
