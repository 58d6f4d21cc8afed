import Foundation
import LedgerGit

// The work tree and the index beside the branch: what a person changed there by hand, and
// bringing them along when the branch moves.
extension GitRecordStore {
  /// The repository's work tree; nil in a shared (bare) repository.
  var workTree: URL? { repository.workingDirectory }

  /// Uncommitted changes to the files in the ledger's folder (ledger paths), whatever the files.
  func uncommittedChanges() throws(StoreError) -> [HandEdit] {
    let changes: [PathStatus]
    do {
      changes = try repository.uncommittedChanges(under: prefix)
    } catch {
      throw .git(.readStatus, error)
    }
    return changes.map { status in
      let change: HandEdit.Change =
        switch status.change {
        case .added: .added
        case .modified: .modified
        case .deleted: .deleted
        case .conflicted: .conflicted
        }
      return HandEdit(path: ledgerPath(status.path), change: change)
    }
  }

  /// Refuses the merge when a file it would write holds an uncommitted hand edit: `expected`
  /// maps each file it writes to its blob on this clone's side (nil: absent there).
  func refuseEditsInTheWay(_ expected: [String: ObjectID?]) throws(StoreError) {
    guard let workdir = repository.workingDirectory else { return }
    let edited = try WorkingTree(repository: repository, root: workdir).editedPaths(expected)
    guard edited.isEmpty else { throw StoreError.editsInTheWay(paths: edited.map(ledgerPath)) }
  }

  /// Moves the branch and brings the work tree and the index along, or changes nothing: if the
  /// files cannot follow, the branch and the files written so far go back, so no half-moved
  /// clone (a branch ahead of its index, whose next plain `git commit` would undo the merge)
  /// is ever left.
  /// A crash between the two is finished by the next command (see `PendingUpdate`).
  func moveBranchAndFiles(_ branch: String, from old: ObjectID?, to new: ObjectID, changes: [TreeChange]) throws {
    try requireNoGitLocks(on: branch)
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

  /// Brings the work tree and the index to the new side of `changes`.
  func updateWorkTree(_ changes: [TreeChange]) throws {
    guard let workdir = repository.workingDirectory, !changes.isEmpty else { return }
    var files: [WorkingFile] = []
    for change in changes {
      files.append(WorkingFile(path: change.path, content: try change.new.map(repository.blob), kind: change.kind))
    }
    try WorkingTree(repository: repository, root: workdir).apply(files)
  }

  /// Writes `files` into the work tree and stages them, their content stored in the
  /// repository first: the index may only name objects the repository holds.
  func writeAndStage(_ files: [WorkingFile]) throws {
    guard let workdir = repository.workingDirectory else { return }
    for file in files { if let content = file.content { _ = try repository.writeBlob(content) } }
    try WorkingTree(repository: repository, root: workdir).apply(files)
  }
}
