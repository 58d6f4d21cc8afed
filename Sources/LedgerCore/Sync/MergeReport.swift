import Foundation
import LedgerGit
import LedgerJSON

/// One unresolved conflict, with the commit on each side that set the value it has there.
public struct ConflictReport: Sendable {
  /// The field in conflict and its three values.
  public let conflict: MergeConflict
  /// The newest commit on this clone's side (since the merge base) that set the value.
  public let oursChange: HistoryEntry?
  /// The same on the incoming side.
  public let theirsChange: HistoryEntry?
}

/// A merge in progress: what it merges, what is still in conflict, and what it would break.
public struct MergeReport: Sendable {
  /// The branch's commit the merge goes into, and the commit merged in (hex ids).
  public let head: String
  public let incoming: String
  /// What was merged (`origin/main`), or the incoming commit for a merge git started.
  public let source: String
  public let conflicts: [ConflictReport]
  /// Errors the merged ledger would have: rules broken by the combination of the two sides.
  public let findings: [Diagnostic]
  /// The resolutions made so far, as their trailers say them.
  public let resolutions: [String]
  /// Conflicted files git merged line by line (its markers are in them, relative to the ledger
  /// root): the merge driver did not run, so choosing a side would drop the other side's changes.
  public let lineMerged: [String]
}

// Reading a merge in progress: conflicts from git's index (ours or the git program's), less
// the fields already resolved; findings from validating what the merge would commit.
extension Ledger {
  /// The merge in progress, or nil when there is none.
  public func mergeReport() throws(StoreError) -> MergeReport? {
    guard let merge = try store.mergeInProgress() else { return nil }
    let state = store.mergeState(of: merge)
    return try StoreError.wrapping(.readMerge) {
      let rules = try MergeRules(try store.gitSnapshot(at: nil))
      var conflicts: [(path: String, conflict: MergeConflict)] = []
      let conflictedPaths = try store.conflictedPaths()
      for conflicted in try store.conflictedPaths() {
        for conflict in try openConflicts(conflicted, merge, state, rules) { conflicts.append((conflicted, conflict)) }
      }
      // Who made each side: credited on the history, for the files inside the ledger.
      func place(_ item: (path: String, conflict: MergeConflict)) -> FieldPlace? {
        store.isInside(item.path) ? FieldPlace(path: store.ledgerPath(item.path), pointer: item.conflict.pointer) : nil
      }
      let places = conflicts.compactMap(place)
      let ours = try history.lastChanges(of: places, from: merge.head.description, since: merge.base.description)
      let theirs = try history.lastChanges(of: places, from: merge.incoming.description, since: merge.base.description)
      if !places.isEmpty { history.finishRead() }
      let reports = conflicts.map { item in
        let place = place(item)
        return ConflictReport(
          conflict: item.conflict, oursChange: place.flatMap { ours[$0] }, theirsChange: place.flatMap { theirs[$0] })
      }
      return MergeReport(
        head: merge.head.description, incoming: merge.incoming.description,
        source: state.source ?? "commit \(merge.incoming.short)", conflicts: reports,
        findings: try pendingFindings(state), resolutions: state.resolutions.map(\.trailer),
        lineMerged: lineMergedFiles(conflictedPaths))
    }
  }

  /// The conflicts of one file that no resolution covers yet.
  func openConflicts(
    _ path: String, _ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID), _ state: MergeState,
    _ rules: MergeRules
  ) throws(GitError) -> [MergeConflict] {
    let input = try store.mergeInput(path, merge)
    let sets = store.isInside(path) ? rules.sets(forLedgerPath: input.path) : nil
    let resolved = state.resolutions.filter { $0.path == input.path }
    return FileMerger.merge(input, sets: sets).conflicts.filter { conflict in
      !resolved.contains { conflict.pointer.tokens.starts(with: $0.field.tokens) }
    }
  }

  /// The errors the ledger would have if the merge were committed with the files as they are.
  func pendingFindings(_ state: MergeState) throws -> [Diagnostic] {
    guard let workdir = store.workTree else { return [] }
    var files: [ChangeSet.FileChange] = []
    for path in try store.pendingPaths(state) where store.isInside(path) {
      let ledgerPath = store.ledgerPath(path)
      guard Ledger.isLedgerFile(ledgerPath) else { continue }
      let content = FileManager.default.contents(atPath: workdir.appendingPathComponent(path).path).map(Array.init)
      files.append(.init(path: ledgerPath, content: content))
    }
    guard !files.isEmpty else { return [] }
    let snapshot = try store.gitSnapshot(at: nil)
    return try LedgerValidator(snapshot, changes: files).validateChanges(files).filter { $0.severity == .error }
  }
}
