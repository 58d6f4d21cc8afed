import Foundation
import LedgerGit

// A merge that stopped on conflicts or findings: written the way git writes its own (MERGE_HEAD,
// conflicted paths in the index), so `git status` and `git commit` see it too, with valid JSON
// in every file (this clone's side where the two sides conflict).
extension Ledger {
  /// Writes a stopped merge: saves the index (so --abort restores it byte for byte), writes the
  /// merged files, marks the conflicted ones in the index, and records MERGE_HEAD and the state.
  func stop(_ plan: MergePlan, source: String, originalHead: ObjectID, remote: String?) throws {
    let gitDirectory = repository.gitDirectory
    let folder = MergeState.folder(in: gitDirectory)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let saved = folder.appendingPathComponent("index")
    try? FileManager.default.removeItem(at: saved)
    if FileManager.default.fileExists(atPath: repository.indexFile.path) {
      try FileManager.default.copyItem(at: repository.indexFile, to: saved)
    }
    var state = MergeState()
    state.incoming = plan.theirs
    state.head = plan.ours
    state.originalHead = originalHead
    state.paths = Array(Set(plan.changes.map(\.path) + plan.conflictedBlobs.map(\.path))).sorted()
    state.remote = remote
    state.source = source
    try store.requireNoGitLocks(on: nil)
    try state.save(in: gitDirectory)
    let (branch, _) = try currentBranch()
    let message = Ledger.mergeMessage(source: source, into: Ledger.shortBranchName(branch), records: plan.records, resolutions: [])
    // Usable only whole: killed before its end, the next command undoes it (`PendingUpdate`).
    try PendingUpdate(operation: .stop, branch: branch, from: plan.ours, to: plan.theirs).record(in: gitDirectory)
    CrashPoint.reach("stop.journal-written")
    // MERGE_HEAD first: from then on every command sees the merge, and --abort can undo it.
    try repository.beginMerge(of: plan.theirs, onto: plan.ours, message: message.text)
    CrashPoint.reach("stop.merge-head-written")
    do {
      try updateWorkTree(plan.changes)
      CrashPoint.reach("stop.files-written")
      try repository.markConflicts(plan.conflictedBlobs)
      PendingUpdate.clear(in: gitDirectory)
    } catch {
      // Back to this clone's side: the files written so far, the index, and no merge.
      if let back = try? repository.changedFiles(from: plan.tree, to: try repository.commit(plan.ours).tree) {
        try? updateWorkTree(back)
      }
      if FileManager.default.fileExists(atPath: saved.path) { try? Ledger.replaceFile(repository.indexFile, with: saved) }
      try? repository.endMerge()
      MergeState.clear(in: gitDirectory)
      PendingUpdate.clear(in: gitDirectory)
      throw error
    }
  }

  /// The merge in progress, ours or the git program's: nil when there is none.
  func mergeInProgress() throws(StoreError) -> (head: ObjectID, incoming: ObjectID, base: ObjectID)? {
    return try StoreError.wrapping("read the merge in progress") {
      guard let incoming = try repository.mergeHead() else {
        // A merge ended by the git program (commit, `merge --abort`) leaves our state behind.
        MergeState.clear(in: repository.gitDirectory)
        return nil
      }
      guard let head = try currentBranch().commit else { return nil }
      // A merge commit made but not yet recorded as ended (a crash right after `--continue`
      // moved the branch): what MERGE_HEAD names is already in, the merge is over.
      if try head == incoming || repository.isDescendant(head, of: incoming) {
        try repository.endMerge()
        MergeState.clear(in: repository.gitDirectory)
        return nil
      }
      guard let base = try repository.mergeBase(head, incoming) else { throw StoreError.unrelatedHistories }
      return (head, incoming, base)
    }
  }

  /// The three versions of one repository path in the merge in progress.
  func mergeInput(
    _ path: String, _ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID)
  ) throws(GitError) -> MergeInput {
    func bytes(_ commit: ObjectID) throws(GitError) -> [UInt8]? {
      let tree = try repository.commit(commit).tree
      guard let entry = try repository.entry(in: tree, at: path), entry.kind == .blob else { return nil }
      return try repository.blob(entry.id)
    }
    let shown = store.isInside(path) ? store.ledgerPath(path) : path
    return MergeInput(path: shown, base: try bytes(merge.base), ours: try bytes(merge.head), theirs: try bytes(merge.incoming))
  }

  /// Every path the merge in progress may commit: what it wrote, what is conflicted, and what
  /// the index holds that HEAD does not (a merge the git program started).
  func pendingPaths(_ state: MergeState) throws(GitError) -> [String] {
    var paths = Set(state.paths)
    for conflict in try repository.indexConflicts() { paths.insert(conflict.path) }
    for staged in try repository.stagedChanges(under: "") { paths.insert(staged.path) }
    return paths.sorted()
  }
}
