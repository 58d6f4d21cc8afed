import Foundation
import LedgerGit

// Writing a commit, plain or signed as `git commit -S` signs it with `gpg.format ssh`, and
// reading one back.
extension GitRecordStore {
  /// Writes a commit of `tree` by `author` (moving no branch), signed when the author has a
  /// signer.
  ///
  /// - Throws: `.signing(.noKeyConfigured)` when the ledger requires signed commits and the
  ///   author has no signer.
  func createCommit(
    tree: ObjectID, parents: [ObjectID], by author: Author, at date: Date, message: String
  ) throws(StoreError) -> ObjectID {
    // The commit's time in this machine's UTC offset.
    let offset = TimeZone.current.secondsFromGMT(for: date) / 60
    let signature = Signature(name: author.name, email: author.email, date: date, offsetMinutes: offset)
    if author.signer == nil, let from = author.signaturesRequiredFrom { throw .signing(.noKeyConfigured(requiredFrom: from)) }
    if let signer = author.signer {
      return try createSignedCommit(tree: tree, parents: parents, author: signature, message: message, signer: signer)
    }
    do {
      return try repository.createCommit(tree: tree, parents: parents, author: signature, committer: signature, message: message)
    } catch {
      throw .git(.writeCommit, error)
    }
  }

  /// Writes the commit, its text signed by `signer` (`ssh-keygen -Y sign -n git`) and the
  /// signature put in its `gpgsig` header.
  private func createSignedCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, message: String, signer: CommitSigner
  ) throws(StoreError) -> ObjectID {
    let content: String
    do {
      content = try repository.commitContent(tree: tree, parents: parents, author: author, committer: author, message: message)
    } catch {
      throw .git(.writeCommit, error)
    }
    let signature: String
    do {
      signature = try signer.program.sign(content, with: signer.key)
    } catch {
      throw .signing(error)
    }
    do {
      return try repository.createSignedCommit(content: content, signature: signature)
    } catch {
      throw .git(.writeSignedCommit, error)
    }
  }

  /// The ledger at `commit` (nil: the empty ledger of an unborn branch).
  func gitSnapshot(of commit: ObjectID?) throws(StoreError) -> GitSnapshot {
    try GitSnapshot(repository: repository, commit: commit, prefix: prefix)
  }

  /// Who wrote `commit`.
  func author(of commit: ObjectID) throws(GitError) -> (name: String, email: String) {
    let author = try repository.commit(commit).author
    return (author.name, author.email)
  }
}
