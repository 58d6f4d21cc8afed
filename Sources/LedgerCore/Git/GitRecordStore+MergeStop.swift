import Foundation
import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// A merge that stopped on conflicts or findings: written the way git writes its own (MERGE_HEAD,
// conflicted paths in the index), so `git status` and `git commit` see it too, with valid JSON
// in every file (this clone's side where the two sides conflict); and undone whole.
extension GitRecordStore {
  /// Writes a stopped merge: saves the index (so --abort restores it byte for byte), writes the
  /// merged files, marks the conflicted ones in the index, and records MERGE_HEAD and the state.
  func stop(_ plan: MergePlan, source: String, originalHead: ObjectID, remote: String?) throws {
    let gitDirectory = repository.gitDirectory
    let folder = MergeState.folder(in: gitDirectory)
    let saved = folder.appendingPathComponent("index")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? FileManager.default.removeItem(at: saved)
      if FileManager.default.fileExists(atPath: repository.indexFile.path) {
        try FileManager.default.copyItem(at: repository.indexFile, to: saved)
      }
    } catch {
      throw StoreError.io(path: saved.path, reason: error.localizedDescription)
    }
    var state = MergeState()
    state.incoming = plan.theirs
    state.head = plan.ours
    state.originalHead = originalHead
    state.paths = Array(Set(plan.changes.map(\.path) + plan.conflictedBlobs.map(\.path))).sorted()
    state.remote = remote
    state.source = source
    try requireNoGitLocks(on: nil)
    try state.save(in: gitDirectory)
    let (branch, _) = try currentBranch()
    let message = Ledger.mergeMessage(
      source: source, into: Ledger.shortBranchName(branch), records: plan.records, resolutions: [])
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
      if FileManager.default.fileExists(atPath: saved.path) { try? GitRecordStore.replaceFile(repository.indexFile, with: saved) }
      try? repository.endMerge()
      MergeState.clear(in: gitDirectory)
      PendingUpdate.clear(in: gitDirectory)
      throw error
    }
  }

  /// Abandons the merge in progress (`merge`, whose write lock the caller holds) and restores
  /// the branch, the work tree and the index as they were before the sync began; the files at
  /// `kept` paths are left as the work tree holds them.
  func undoMerge(_ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID), keeping kept: Set<String> = []) throws(StoreError)
  {
    let state = mergeState(of: merge)
    let target = state.originalHead ?? merge.head
    return try StoreError.wrapping(.abortMerge) {
      let (branch, _) = try currentBranch()
      let targetTree = try repository.commit(target).tree
      var paths = Set(try pendingPaths(state))
      for change in try repository.changedFiles(from: targetTree, to: try repository.commit(merge.head).tree) {
        paths.insert(change.path)
      }
      if let workdir = repository.workingDirectory {
        var files: [WorkingFile] = []
        for path in paths.sorted() where !kept.contains(path) {
          let entry = try repository.entry(in: targetTree, at: path)
          files.append(
            WorkingFile(
              path: path, content: try entry.map { (entry) throws(GitError) in try repository.blob(entry.id) },
              kind: entry?.fileKind ?? .regular))
        }
        try WorkingTree(repository: repository, root: workdir).apply(files)
      }
      if target != merge.head { try moveBranch(branch, from: merge.head, to: target) }
      let saved = MergeState.folder(in: repository.gitDirectory).appendingPathComponent("index")
      // The index saved when the merge stopped is the one from before the sync only when the
      // sync made no merge commit before stopping.
      if target == merge.head, FileManager.default.fileExists(atPath: saved.path) {
        try GitRecordStore.replaceFile(repository.indexFile, with: saved)
      }
      try endMerge()
    }
  }

  /// Puts a copy of `source` in place of `file` in one rename, so `file` is never missing.
  static func replaceFile(_ file: URL, with source: URL) throws {
    let aside = file.deletingLastPathComponent().appendingPathComponent("\(file.lastPathComponent).adminledger-restore")
    try? FileManager.default.removeItem(at: aside)
    try FileManager.default.copyItem(at: source, to: aside)
    guard rename(aside.path, file.path) == 0 else {
      throw StoreError.io(path: file.path, reason: String(cString: strerror(errno)))
    }
  }
}
