import Foundation
import LedgerGit

// What a process killed in the middle of an update left behind, put right by the next command
// before it reads or writes anything (see `PendingUpdate`).
extension GitRecordStore {
  /// Whether a killed process left an update for the next command to finish or undo.
  var hasInterruptedUpdate: Bool {
    FileManager.default.fileExists(atPath: PendingUpdate.file(in: repository.gitDirectory).path)
  }

  /// Finishes a branch move whose files had not all followed, or undoes a merge stop that did
  /// not end; does nothing (one file check) when no update was interrupted.
  ///
  /// Waits for the write lock, so an update still running in another process is left to end.
  func recoverInterruptedUpdate() throws(StoreError) {
    let gitDirectory = repository.gitDirectory
    guard FileManager.default.fileExists(atPath: PendingUpdate.file(in: gitDirectory).path) else { return }
    let lock: WriteLock
    do {
      lock = try lockForWriting()
    } catch {
      // A clone this person may only read: readers read commits, not the work tree, and the
      // update is left for someone who may write.
      guard FileManager.default.isWritableFile(atPath: gitDirectory.path) else { return }
      throw error
    }
    defer { withExtendedLifetime(lock) {} }
    guard let pending = PendingUpdate.load(from: gitDirectory) else { return }  // it ended meanwhile
    // HEAD moved to another branch or commit since (a checkout): the files follow that now.
    guard case .branch(let branch, _) = try readHead(), branch == pending.branch else {
      PendingUpdate.clear(in: gitDirectory)
      return
    }
    switch pending.operation {
    case .move: try StoreError.wrapping(.finishInterruptedUpdate) { try finishMove(pending) }
    case .stop: try StoreError.wrapping(.undoInterruptedMerge) { try undoStop(pending) }
    }
    removeLeftovers(pending)
    PendingUpdate.clear(in: gitDirectory)
  }

  /// Removes the new files the killed process had written beside the files it was replacing
  /// (every file that differs between the update's two commits).
  private func removeLeftovers(_ pending: PendingUpdate) {
    guard let workdir = repository.workingDirectory,
      let changes = try? repository.changedFiles(
        from: pending.from.flatMap { try? repository.commit($0).tree }, to: try repository.commit(pending.to).tree)
    else { return }
    AtomicFile.removeLeftovers(besides: changes.map { workdir.appendingPathComponent($0.path) })
  }

  /// Brings the work tree and the index to the commit the branch was moved to. A file that is
  /// neither the old nor the new version was edited since: it stays as it is, and reads as the
  /// hand edit it is; its index entry still follows, so a plain `git commit` never undoes the
  /// update.
  private func finishMove(_ pending: PendingUpdate) throws {
    // Not moved (killed before), or moved on by another program since: no file is behind.
    guard try repository.referenceTarget(pending.branch) == pending.to,
      let workdir = repository.workingDirectory
    else { return }
    let oldTree = try pending.from.map { (commit) throws(GitError) in try repository.commit(commit).tree }
    let changes = try repository.changedFiles(from: oldTree, to: try repository.commit(pending.to).tree)
    let onDisk = try repository.workTreeBlobs(at: changes.map(\.path))
    var files: [WorkingFile] = []
    var edited: [(path: String, blob: ObjectID?, kind: FileKind)] = []
    for change in changes {
      let found = onDisk[change.path] ?? nil
      guard found == change.old || found == change.new else {
        edited.append((change.path, change.new, change.kind))
        continue
      }
      files.append(WorkingFile(path: change.path, content: try change.new.map(repository.blob), kind: change.kind))
    }
    try WorkingTree(repository: repository, root: workdir).apply(files)
    try repository.stage(edited)
  }

  /// Goes back to before the sync, as `sync --abort` does: a merge stop is only usable whole.
  /// Killed before MERGE_HEAD was written, only the merge's state is there to remove. A merge
  /// other than the one that was stopping (the git program's, started since) is left alone,
  /// and so is a file edited since the crash: it is neither this clone's version nor what the
  /// stop wrote, so it stays, and reads as a hand edit.
  private func undoStop(_ pending: PendingUpdate) throws {
    guard let merge = try mergeInProgress() else {
      MergeState.clear(in: repository.gitDirectory)
      return
    }
    guard merge.head == pending.from, merge.incoming == pending.to else { return }
    let plan = try planMerge(ours: merge.head, theirs: merge.incoming)
    let headTree = try repository.commit(merge.head).tree
    let paths = Array(Set(plan.changes.map(\.path) + plan.conflictedBlobs.map(\.path)))
    let onDisk = try repository.workTreeBlobs(at: paths)
    var edited: Set<String> = []
    for path in paths {
      let found = onDisk[path] ?? nil
      let ours = try repository.entry(in: headTree, at: path)?.id
      let written = try repository.entry(in: plan.tree, at: path)?.id
      if found != ours && found != written { edited.insert(path) }
    }
    try undoMerge(merge, keeping: edited)
  }
}
