import Foundation
import LedgerGit

/// Signs the commits a writer makes, as `git commit -S` does with `gpg.format ssh`: the
/// commit's text goes to `ssh-keygen -Y sign -n git`, and the signature into its `gpgsig`
/// header.
public struct CommitSigner: Equatable, Sendable {
  public let key: SigningKeyReference
  public let program: SSHKeygen

  public init(key: SigningKeyReference, program: SSHKeygen = SSHKeygen()) {
    self.key = key
    self.program = program
  }

  /// Writes the commit, signed.
  func createCommit(
    in repository: Repository, tree: ObjectID, parents: [ObjectID], author: Signature, message: String
  ) throws(StoreError) -> ObjectID {
    let content: String
    do {
      content = try repository.commitContent(tree: tree, parents: parents, author: author, committer: author, message: message)
    } catch {
      throw .git(action: "write the commit", error)
    }
    let signature: String
    do {
      signature = try program.sign(content, with: key)
    } catch {
      throw .signing(error)
    }
    do {
      return try repository.createSignedCommit(content: content, signature: signature)
    } catch {
      throw .git(action: "write the signed commit", error)
    }
  }
}

extension Repository {
  /// The signer git's configuration names (`gpg.format ssh` with `user.signingkey`, and
  /// `gpg.ssh.program`), or nil when it names none.
  func configuredSigner(home: String) -> CommitSigner? {
    guard (try? configValue("gpg.format")) == "ssh", let setting = try? configValue("user.signingkey"),
      !setting.isEmpty
    else { return nil }
    let program = (try? configValue("gpg.ssh.program")).flatMap { $0 } ?? "ssh-keygen"
    return CommitSigner(key: SigningKeyReference(setting: setting, home: home), program: SSHKeygen(program: program))
  }
}

extension Ledger {
  /// The signer git's configuration names for this clone (`gpg.format ssh` and
  /// `user.signingkey`, `~/` read against `home`), or nil.
  public func configuredSigner(home: String) -> CommitSigner? {
    repository.configuredSigner(home: home)
  }

  /// The ledger's `signed_commits_from` when its commits must be signed from now on (the day
  /// has come, or the commit is in the branch's history), else nil.
  public func signaturesRequired(on date: Date) throws(StoreError) -> String? {
    let snapshot = try store.snapshot(at: nil)
    guard let settings = try? snapshot.settings(), let from = Policy(settings).signedCommitsFrom else { return nil }
    if let commit = ObjectID(hex: from) {
      guard let head = try store.readHead().commit else { return nil }
      let inHistory = (try? head == commit || repository.isDescendant(head, of: commit)) ?? false
      return inHistory ? from : nil
    }
    return LedgerDate.day(of: date, in: settings.timeZone) >= from ? from : nil
  }
}
