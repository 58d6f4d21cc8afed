import Foundation
import LedgerGit

/// What signs the commits a writer makes, as `git commit -S` does with `gpg.format ssh`: the
/// commit's text goes to `ssh-keygen -Y sign -n git`, and the signature into its `gpgsig`
/// header (`GitRecordStore.createCommit`).
public struct CommitSigner: Equatable, Sendable {
  public let key: SigningKeyReference
  public let program: SSHKeygen

  public init(key: SigningKeyReference, program: SSHKeygen = SSHKeygen()) {
    self.key = key
    self.program = program
  }
}

extension Ledger {
  /// The signer git's configuration names for this clone (`gpg.format ssh` and
  /// `user.signingkey`, `~/` read against `home`), or nil.
  public func configuredSigner(home: String) -> CommitSigner? {
    store.configuredSigner(home: home)
  }

  /// The ledger's `signed_commits_from` when its commits must be signed from now on (the day
  /// has come, or the commit is in the branch's history), else nil.
  public func signaturesRequired(on date: Date) throws(StoreError) -> String? {
    let snapshot = try store.snapshot(at: nil)
    guard let settings = try? snapshot.settings(), let from = Policy(settings).signedCommitsFrom else { return nil }
    if let commit = ObjectID(hex: from) {
      guard let head = try store.readHead().commit else { return nil }
      let inHistory = (try? head == commit || history.isDescendant(head.description, of: commit.description)) ?? false
      return inHistory ? from : nil
    }
    return LedgerDate.day(of: date, in: settings.timeZone) >= from ? from : nil
  }
}
