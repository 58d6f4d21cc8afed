import Foundation
import LedgerGit
import LedgerJSON

// Ending a merge in progress: committing it once everything is settled, or going back.
extension Ledger {
  /// Commits the merge in progress: its files as the work tree holds them (each made
  /// canonical), once no conflict is open and the merged ledger breaks no rule.
  ///
  /// - Returns: the merge commit, and the remote the stopped sync was to push to.
  /// - Throws: `.unresolvedConflicts` while a conflict is open; `.invalid` with the findings.
  public func continueMerge(by author: Author, at date: Date) throws(StoreError) -> (commit: String, remote: String?) {
    guard let merge = try store.mergeInProgress() else { throw .noMergeInProgress }
    let lock = try store.lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    let state = store.mergeState(of: merge)
    return try StoreError.wrapping(.commitMerge) {
      // In a merge the git program started, a file git marks conflicted is settled when its
      // field-level merge has nothing open and it holds no line-merge markers: `git checkout
      // -m FILE` redone through the driver. In a merge this tool stopped, `resolve` clears the
      // mark once it has written the file: a mark left means a resolution not yet written (a
      // resolve killed between saving it and writing the file), to be done again.
      let startedByGit = state.originalHead == nil
      let rules = try MergeRules(try store.gitSnapshot(at: nil))
      let open = try store.conflictedPaths().filter { (path) throws in
        guard startedByGit else { return true }
        return try !openConflicts(path, merge, state, rules).isEmpty || !lineMergedFiles([path]).isEmpty
      }
      guard open.isEmpty else { throw StoreError.unresolvedConflicts(paths: open.map { store.ledgerPath($0) }) }
      let pending = try store.pendingPaths(state)
      try stageCanonical(pending)
      let tree = try store.stagedTree()
      let findings = try store.mergeFindings(
        try store.changedFiles(from: merge.head, toTree: tree), in: try store.gitSnapshot(at: nil))
      guard findings.isEmpty else { throw StoreError.invalid(DiagnosticList(findings)) }
      let (branch, _) = try store.currentBranch()
      let incomingChanges = try store.changedFiles(from: merge.base, to: merge.incoming)
      let records = incomingChanges.compactMap { store.isInside($0.path) ? RecordKey(path: store.ledgerPath($0.path)) : nil }
      let message = Ledger.mergeMessage(
        source: state.source ?? "commit \(merge.incoming.short)", into: Ledger.shortBranchName(branch), records: records,
        resolutions: (state.resolutions + (try handResolutions(pending, merge, state, tree))).map(\.trailer))
      let commit = try store.createCommit(
        tree: tree, parents: [merge.head, merge.incoming], by: author, at: date, message: message.text)
      try store.moveBranch(branch, from: merge.head, to: commit)
      CrashPoint.reach("conclude.branch-moved")
      try store.endMerge()
      return (commit.description, state.remote)
    }
  }

  /// Puts every ledger file of the merge into canonical form and stages what the work tree
  /// holds, so a hand edit made while the merge was stopped is part of it.
  private func stageCanonical(_ paths: [String]) throws {
    guard let workdir = store.workTree else { return }
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
    // The canonical form of a hand edit is a blob no `git add` wrote.
    try store.writeAndStage(files)
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
      let committed = try store.bytes(at: path, in: tree).map { (bytes) throws in try JSONParser.parse(bytes) }
      for conflict in open {
        let held = committed.flatMap(conflict.pointer.resolve)
        let choice: MergeState.Resolution.Choice =
          held == conflict.ours ? .ours : held == conflict.theirs ? .theirs : .set
        found.append(MergeState.Resolution(path: store.ledgerPath(path), field: conflict.pointer, choice: choice))
      }
    }
    return found
  }

  /// Abandons the merge in progress and restores the branch, the work tree and the index as
  /// they were before the sync began.
  public func abortMerge() throws(StoreError) {
    guard let merge = try store.mergeInProgress() else { throw .noMergeInProgress }
    let lock = try store.lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    try store.undoMerge(merge)
  }
}
