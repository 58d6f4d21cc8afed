import Foundation
import LedgerGit
import LedgerJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Ending a merge in progress: committing it once everything is settled, or going back.
extension Ledger {
  /// Commits the merge in progress: its files as the work tree holds them (each made
  /// canonical), once no conflict is open and the merged ledger breaks no rule.
  ///
  /// - Returns: the merge commit, and the remote the stopped sync was to push to.
  /// - Throws: `.unresolvedConflicts` while a conflict is open; `.invalid` with the findings.
  public func continueMerge(by author: Author, at date: Date) throws(StoreError) -> (commit: String, remote: String?) {
    guard let merge = try mergeInProgress() else { throw .noMergeInProgress }
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    let state = MergeState.load(from: repository.gitDirectory, head: merge.head, incoming: merge.incoming)
    return try StoreError.wrapping("commit the merge") {
      // In a merge the git program started, a file git marks conflicted is settled when its
      // field-level merge has nothing open and it holds no line-merge markers: `git checkout
      // -m FILE` redone through the driver. In a merge this tool stopped, `resolve` clears the
      // mark once it has written the file: a mark left means a resolution not yet written (a
      // resolve killed between saving it and writing the file), to be done again.
      let startedByGit = state.originalHead == nil
      let rules = try MergeRules(try store.gitSnapshot(at: nil))
      let open = try repository.indexConflicts().filter { (conflict) throws in
        guard startedByGit else { return true }
        return try !openConflicts(conflict.path, merge, state, rules).isEmpty || !lineMergedFiles([conflict.path]).isEmpty
      }
      guard open.isEmpty else { throw StoreError.unresolvedConflicts(paths: open.map { store.ledgerPath($0.path) }) }
      let pending = try pendingPaths(state)
      try stageCanonical(pending)
      let tree = try repository.writeIndexTree()
      let headTree = try repository.commit(merge.head).tree
      let findings = try store.mergeFindings(try repository.changedFiles(from: headTree, to: tree), in: try store.gitSnapshot(at: nil))
      guard findings.isEmpty else { throw StoreError.invalid(DiagnosticList(findings)) }
      let (branch, _) = try currentBranch()
      let incomingChanges = try repository.changedFiles(
        from: try repository.commit(merge.base).tree, to: try repository.commit(merge.incoming).tree)
      let records = incomingChanges.compactMap { store.isInside($0.path) ? RecordKey(path: store.ledgerPath($0.path)) : nil }
      let message = Ledger.mergeMessage(
        source: state.source ?? "commit \(merge.incoming.short)", into: Ledger.shortBranchName(branch), records: records,
        resolutions: (state.resolutions + (try handResolutions(pending, merge, state, tree))).map(\.trailer))
      let commit = try commitMerge(tree, parents: [merge.head, merge.incoming], message: message, by: author, at: date)
      try moveBranch(branch, from: merge.head, to: commit)
      CrashPoint.reach("conclude.branch-moved")
      try repository.endMerge()
      MergeState.clear(in: repository.gitDirectory)
      return (commit.description, state.remote)
    }
  }

  /// Puts every ledger file of the merge into canonical form and stages what the work tree
  /// holds, so a hand edit made while the merge was stopped is part of it.
  private func stageCanonical(_ paths: [String]) throws {
    guard let workdir = repository.workingDirectory else { return }
    var problems: [Diagnostic] = []
    var files: [WorkingFile] = []
    for path in paths where store.isInside(path) && Ledger.isLedgerFile(store.ledgerPath(path)) {
      guard FileManager.default.fileExists(atPath: workdir.appendingPathComponent(path).path) else {
        files.append(WorkingFile(path: path, content: nil))
        continue
      }
      do throws(DiagnosticList) {
        files.append(WorkingFile(path: path, content: try readCanonical(store.ledgerPath(path))))
      } catch {
        problems += error.diagnostics
      }
    }
    guard problems.isEmpty else { throw StoreError.invalid(DiagnosticList(problems)) }
    // The canonical form of a hand edit is a blob no `git add` wrote: the index may only name
    // objects the repository holds.
    for file in files { if let content = file.content { _ = try repository.writeBlob(content) } }
    try WorkingTree(repository: repository, root: workdir).apply(files)
  }

  /// The conflicts settled by hand (the file edited and staged, `git add`) rather than through
  /// `resolve`: each conflicting field no resolution covers, named by the side whose value the
  /// merge commits there, or `set` for a value of neither side. The trailers then say what the
  /// merge decided, and the audit reads a hand resolution as one.
  private func handResolutions(
    _ paths: [String], _ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID), _ state: MergeState,
    _ tree: ObjectID
  ) throws -> [MergeState.Resolution] {
    let rules = try MergeRules(try store.gitSnapshot(at: nil))
    var found: [MergeState.Resolution] = []
    for path in paths where store.isInside(path) && Ledger.isLedgerFile(store.ledgerPath(path)) {
      let open = try openConflicts(path, merge, state, rules).filter { !$0.isText }
      guard !open.isEmpty else { continue }
      let committed = try repository.entry(in: tree, at: path).map { (entry) throws in
        try JSONParser.parse(try repository.blob(entry.id))
      }
      for conflict in open {
        let held = committed.flatMap(conflict.pointer.resolve)
        let choice: MergeState.Resolution.Choice =
          held == conflict.ours ? .ours : held == conflict.theirs ? .theirs : .set
        found.append(MergeState.Resolution(path: store.ledgerPath(path), field: conflict.pointer, choice: choice))
      }
    }
    return found
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

  /// Abandons the merge in progress and restores the branch, the work tree and the index as
  /// they were before the sync began.
  public func abortMerge() throws(StoreError) {
    guard let merge = try mergeInProgress() else { throw .noMergeInProgress }
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    try undoMerge(merge)
  }

  /// `abortMerge`'s work, for a caller that holds the write lock; the files at `kept` paths are
  /// left as the work tree holds them.
  func undoMerge(_ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID), keeping kept: Set<String> = []) throws(StoreError) {
    let state = MergeState.load(from: repository.gitDirectory, head: merge.head, incoming: merge.incoming)
    let target = state.originalHead ?? merge.head
    return try StoreError.wrapping("abort the merge") {
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
          files.append(WorkingFile(
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
        try Ledger.replaceFile(repository.indexFile, with: saved)
      }
      try repository.endMerge()
      MergeState.clear(in: repository.gitDirectory)
    }
  }
}
