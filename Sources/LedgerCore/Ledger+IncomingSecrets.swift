import LedgerGit
import LedgerLanguage

// A sync that fast-forwards makes no merge, so nothing validates what it brings. A secret
// pushed by another administrator with the plain git program (no hook, `--no-verify`) would
// then arrive in this clone silently. The rule that no secret is ever stored holds there too:
// the fast-forward is refused, naming the record and the commit, and nothing changes here.
extension Ledger {
  /// Refuses bringing commit `incoming` in when the ledger files it changes (`changes`,
  /// paths in the repository) hold a secret, as the no-secret rule reads them.
  ///
  /// - Throws: `.invalid` with one finding per secret, whose hint names the commit.
  func refuseIncomingSecrets(_ changes: [TreeChange], incoming: ObjectID) throws(StoreError) {
    let snapshot = try store.gitSnapshot(of: incoming)
    var files: [ChangeSet.FileChange] = []
    for change in changes where change.new != nil && change.kind != .symlink {
      guard store.prefix.isEmpty || change.path.hasPrefix(store.prefix + "/") else { continue }
      let path = store.ledgerPath(change.path)
      guard RecordKey(path: path) != nil, let bytes = try snapshot.fileBytes(path) else { continue }
      files.append(.init(path: path, content: bytes))
    }
    guard !files.isEmpty else { return }
    let secrets = try LedgerValidator(snapshot, changes: files).validateChanges(files).filter { $0.rule == SecretRule.name }
    guard !secrets.isEmpty else { return }
    let by: (name: String, email: String)
    do {
      by = try store.author(of: incoming)
    } catch {
      throw .git(.readCommit(incoming.description), error)
    }
    let author = "\(by.name) <\(by.email)>"
    throw .invalid(
      DiagnosticList(
        secrets.map { secret in
          var finding = secret
          finding.message = tr(
            "\(secret.message) (brought by the incoming commit \(incoming.short), by \(author); nothing was merged)")
          finding.hint = tr(
            "ask \(by.name) to remove it in a new commit and to change the secret (it is in the shared history), then sync again")
          return finding
        }))
  }
}
