import Foundation
import LedgerGit

// What a process killed in the middle of an update left behind, put right by the next command
// before it reads or writes anything (see `PendingUpdate`).
extension Ledger {
  /// Finishes a branch move whose files had not all followed, or undoes a merge stop that did
  /// not end; does nothing (one file check) when no update was interrupted.
  ///
  /// Waits for the write lock, so an update still running in another process is left to end.
  func recoverInterruptedUpdate() throws(StoreError) {
    let gitDirectory = repository.gitDirectory
    guard FileManager.default.fileExists(atPath: PendingUpdate.file(in: gitDirectory).path) else { return }
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    guard let pending = PendingUpdate.load(from: gitDirectory) else { return }  // it ended meanwhile
    switch pending.operation {
    case .move: try StoreError.wrapping("finish the interrupted update") { try finishMove(pending) }
    case .stop: try undoStop()
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
  /// neither the old nor the new version was edited since: it stays, and reads as a hand edit.
  private func finishMove(_ pending: PendingUpdate) throws {
    // Not moved (killed before), or moved on by another program since: no file is behind.
    guard try repository.referenceTarget(pending.branch) == pending.to,
      let workdir = repository.workingDirectory
    else { return }
    let oldTree = try pending.from.map { (commit) throws(GitError) in try repository.commit(commit).tree }
    let changes = try repository.changedFiles(from: oldTree, to: try repository.commit(pending.to).tree)
    let onDisk = try repository.workTreeBlobs(at: changes.map(\.path))
    var files: [WorkingFile] = []
    for change in changes {
      let found = onDisk[change.path] ?? nil
      guard found == change.old || found == change.new else { continue }
      files.append(WorkingFile(path: change.path, content: try change.new.map(repository.blob), kind: change.kind))
    }
    try WorkingTree(repository: repository, root: workdir).apply(files)
  }

  /// Goes back to before the sync, as `sync --abort` does: a merge stop is only usable whole.
  /// Killed before MERGE_HEAD was written, only the merge's state is there to remove.
  private func undoStop() throws(StoreError) {
    if let merge = try mergeInProgress() {
      try undoMerge(merge)
    } else {
      MergeState.clear(in: repository.gitDirectory)
    }
  }
}
