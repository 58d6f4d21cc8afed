import Foundation
import LedgerGit

/// What bringing a commit into the ledger's branch did.
public enum Integration: Equatable, Sendable {
  /// The branch already held it.
  case upToDate
  /// The branch moved forward to it: no merge commit.
  case fastForward(to: String)
  /// A merge commit joins both sides.
  case merged(commit: String, records: [RecordKey])
  /// The merge stopped on conflicts or findings; nothing was committed.
  case stopped
}

// Bringing an incoming commit into the ledger's branch: up to date, fast-forward, a merge
// commit, or a stopped merge. Each moves the branch by compare-and-swap, so a write made
// meanwhile by another process is never lost: the integration runs again on top of it.
extension Ledger {
  /// Brings commit `incoming` (named `source` in messages) into the branch.
  ///
  /// A stopped merge's `--abort` returns to `originalHead`, the branch before the sync, only
  /// while the branch is still where the sync left it (`expectedHead`): a commit another
  /// process wrote meanwhile is never undone.
  func integrate(
    _ incoming: ObjectID, source: String, originalHead: ObjectID?, expectedHead: ObjectID?, remote: String?,
    by author: Author, at date: Date
  ) throws(StoreError) -> Integration {
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    // Another sync of this clone may have stopped a merge while this one waited for the lock.
    if (try? repository.mergeHead()) != nil { throw .mergeInProgress }
    for _ in 1...10 {
      let (branch, head) = try currentBranch()
      do {
        guard let ours = head else {
          try fastForward(branch, from: nil, to: incoming)
          return .fastForward(to: incoming.description)
        }
        if try ours == incoming || repository.isDescendant(ours, of: incoming) { return .upToDate }
        if try repository.isDescendant(incoming, of: ours) {
          try fastForward(branch, from: ours, to: incoming)
          return .fastForward(to: incoming.description)
        }
        let plan = try store.planMerge(ours: ours, theirs: incoming)
        try guardEdits(plan.oursBlobs)
        guard plan.isClean else {
          let back = ours == expectedHead ? originalHead ?? ours : ours
          try stop(plan, source: source, originalHead: back, remote: remote)
          return .stopped
        }
        let message = Ledger.mergeMessage(source: source, into: Ledger.shortBranchName(branch), records: plan.records, resolutions: [])
        let commit = try commitMerge(plan.tree, parents: [ours, incoming], message: message, by: author, at: date)
        try moveBranchAndFiles(branch, from: ours, to: commit, changes: plan.changes)
        return .merged(commit: commit.description, records: plan.records)
      } catch let error as GitError where [.modified, .exists, .locked].contains(error.code) {
        continue  // the branch moved under us: integrate again on top of the new commit
      } catch let error as StoreError {
        throw error
      } catch let error as GitError {
        throw .git(action: "merge \(source)", error)
      } catch {
        throw .io(path: root.path, reason: "\(error)")
      }
    }
    throw .contention(attempts: 10)
  }

  /// The branch HEAD is on and its commit (nil on a branch with no commit yet).
  func currentBranch() throws(StoreError) -> (name: String, commit: ObjectID?) {
    switch try store.readHead() {
    case .branch(let name, let commit): (name, commit)
    case .unborn(let name): (name, nil)
    case .detached: throw .detachedHead
    }
  }

  private func fastForward(_ branch: String, from ours: ObjectID?, to incoming: ObjectID) throws {
    let oldTree = try ours.map { (commit) throws(GitError) in try repository.commit(commit).tree }
    let changes = try repository.changedFiles(from: oldTree, to: try repository.commit(incoming).tree)
    try refuseIncomingSecrets(changes, incoming: incoming)  // a fast-forward validates nothing else
    try guardEdits(Dictionary(changes.map { ($0.path, $0.old) }) { first, _ in first })
    try moveBranchAndFiles(branch, from: ours, to: incoming, changes: changes)
  }

  /// Moves the branch and brings the work tree and the index along, or changes nothing: if the
  /// files cannot follow, the branch and the files written so far go back, so no half-moved
  /// clone (a branch ahead of its index, whose next plain `git commit` would undo the merge)
  /// is ever left.
  /// A crash between the two is finished by the next command (see `PendingUpdate`).
  func moveBranchAndFiles(_ branch: String, from old: ObjectID?, to new: ObjectID, changes: [TreeChange]) throws {
    try store.requireNoGitLocks(on: branch)
    try PendingUpdate(operation: .move, branch: branch, from: old, to: new).record(in: repository.gitDirectory)
    CrashPoint.reach("update.journal-written")
    do {
      try moveBranch(branch, from: old, to: new)
    } catch {
      PendingUpdate.clear(in: repository.gitDirectory)
      throw error
    }
    CrashPoint.reach("update.branch-moved")
    do {
      try updateWorkTree(changes)
      CrashPoint.reach("update.worktree-done")
      PendingUpdate.clear(in: repository.gitDirectory)
    } catch {
      let oldTree = try? old.map { (commit) throws(GitError) in try repository.commit(commit).tree }
      if let newTree = try? repository.commit(new).tree,
        let back = try? repository.changedFiles(from: newTree, to: oldTree ?? nil)
      {
        try? updateWorkTree(back)
      }
      // Moved back, the update never happened; otherwise the record stays, and the next
      // command brings the files forward to the branch.
      if let old, (try? moveBranch(branch, from: new, to: old)) != nil {
        PendingUpdate.clear(in: repository.gitDirectory)
      }
      throw error
    }
  }


  /// Refuses the merge when a file it would write holds an uncommitted hand edit: `expected`
  /// maps each file it writes to its blob on this clone's side (nil: absent there).
  func guardEdits(_ expected: [String: ObjectID?]) throws {
    guard let workdir = repository.workingDirectory else { return }
    let edited = try WorkingTree(repository: repository, root: workdir).editedPaths(expected)
    guard edited.isEmpty else { throw StoreError.editsInTheWay(paths: edited.map(store.ledgerPath)) }
  }

  func commitMerge(
    _ tree: ObjectID, parents: [ObjectID], message: CommitMessage, by author: Author, at date: Date
  ) throws(StoreError) -> ObjectID {
    try author.createCommit(in: repository, tree: tree, parents: parents, at: date, message: message.text)
  }

  func moveBranch(_ branch: String, from old: ObjectID?, to new: ObjectID) throws(GitError) {
    try repository.moveReference(branch, to: new, expecting: old, reflogMessage: "adminledger: sync to \(new.short)")
  }

  /// Brings the work tree and the index to the new side of `changes`.
  func updateWorkTree(_ changes: [TreeChange]) throws {
    guard let workdir = repository.workingDirectory, !changes.isEmpty else { return }
    var files: [WorkingFile] = []
    for change in changes {
      files.append(WorkingFile(path: change.path, content: try change.new.map(repository.blob), kind: change.kind))
    }
    try WorkingTree(repository: repository, root: workdir).apply(files)
  }

  /// The message of a merge commit: what was merged, the records it brought, the resolutions.
  static func mergeMessage(
    source: String, into name: String, records: [RecordKey], resolutions: [String]
  ) -> CommitMessage {
    let count = records.count == 1 ? "1 record" : "\(records.count) records"
    var body = records.sorted().prefix(50).map(\.description)
    if records.count > 50 { body.append("and \(records.count - 50) more") }
    return CommitMessage(
      subject: "Merge \(source) into \(name): \(count)", body: body, actions: [.merge], records: records,
      resolutions: resolutions)
  }
}
