/// A merge of two commits worked out on their history, before anything is written: what
/// changes on our side, what is in conflict, and what the combination breaks.
///
/// Three-way, against the merge base, file by file for what both sides changed: the cost
/// follows the changes on each side, never the size of the ledger.
struct MergeOutcome {
  /// What the merge leaves in one file that differs from ours.
  enum Result: Equatable {
    /// Merged bytes (where the sides conflict, ours).
    case merged([UInt8])
    /// Their side's file, taken whole: only they changed it.
    case taken(ContentID)
    case removed
  }

  /// One file whose merged version differs from ours.
  struct Update {
    /// As the history names it: relative to the ledger, or to the repository when outside it.
    let path: String
    let isInsideLedger: Bool
    let result: Result
    /// The file's mode: ours when we have the file, else theirs.
    let kind: FileDifference.Kind
  }

  /// A file in conflict, with its three versions, for git's index.
  struct ConflictedFile {
    let path: String
    let isInsideLedger: Bool
    let base: ContentID?
    let ours: ContentID?
    let theirs: ContentID?
  }

  let base: String
  let updates: [Update]
  let conflicted: [ConflictedFile]
  let conflicts: [MergeConflict]
  /// Errors the merged ledger has in what the merge changed: a rule broken by the combination.
  let findings: [Diagnostic]
  /// The records the incoming side changed.
  let records: [RecordKey]

  var isClean: Bool { conflicts.isEmpty && findings.isEmpty }
}

extension LedgerHistory {
  /// Merges commit `theirs` into `ours`, in memory.
  ///
  /// - Throws: `.unrelatedHistories` when the two share no commit.
  func planMerge(ours: String, theirs: String) throws(StoreError) -> MergeOutcome {
    guard let base = try mergeBase(ours, theirs) else { throw .unrelatedHistories }
    var ourChanges: [String: FileDifference] = [:]
    for change in try differences(from: base, to: ours) where ourChanges[change.path] == nil {
      ourChanges[change.path] = change
    }
    let oursSnapshot = try snapshot(ours)
    let rules = try MergeRules(oursSnapshot)
    var updates: [MergeOutcome.Update] = []
    var conflicted: [MergeOutcome.ConflictedFile] = []
    var conflicts: [MergeConflict] = []
    var records: [RecordKey] = []
    for change in try differences(from: base, to: theirs) {
      if change.isInsideLedger, let key = RecordKey(path: change.path) { records.append(key) }
      guard let mine = ourChanges[change.path] else {
        let result: MergeOutcome.Result = change.new.map { .taken($0) } ?? .removed
        updates.append(.init(path: change.path, isInsideLedger: change.isInsideLedger, result: result, kind: change.kind))
        continue
      }
      guard mine.new != change.new else { continue }
      let oursBytes = try mine.new.map(bytes)
      let input = MergeInput(
        path: change.path, base: try change.old.map(bytes), ours: oursBytes, theirs: try change.new.map(bytes))
      let result = FileMerger.merge(input, sets: change.isInsideLedger ? rules.sets(forLedgerPath: change.path) : nil)
      conflicts += result.conflicts
      if !result.conflicts.isEmpty {
        conflicted.append(
          .init(path: change.path, isInsideLedger: change.isInsideLedger, base: change.old, ours: mine.new, theirs: change.new))
      }
      let kind = mine.new == nil ? change.kind : mine.kind
      if let merged = result.bytes {
        if merged != oursBytes {
          updates.append(.init(path: change.path, isInsideLedger: change.isInsideLedger, result: .merged(merged), kind: kind))
        }
      } else if mine.new != nil {
        updates.append(.init(path: change.path, isInsideLedger: change.isInsideLedger, result: .removed, kind: kind))
      }
    }
    let findings = try mergeFindings(updates, in: oursSnapshot)
    return MergeOutcome(
      base: base, updates: updates, conflicted: conflicted, conflicts: conflicts, findings: findings, records: records)
  }

  /// The errors the ledger has once `updates` are laid over `snapshot`, in what they can affect.
  private func mergeFindings(_ updates: [MergeOutcome.Update], in snapshot: any LedgerSnapshot) throws(StoreError)
    -> [Diagnostic]
  {
    var files: [ChangeSet.FileChange] = []
    for update in updates where update.isInsideLedger && Ledger.isLedgerFile(update.path) {
      switch update.result {
      case .merged(let bytes): files.append(.init(path: update.path, content: bytes))
      case .taken(let content): files.append(.init(path: update.path, content: try bytes(content)))
      case .removed: files.append(.init(path: update.path, content: nil))
      }
    }
    return try Ledger.mergeFindings(files, in: snapshot)
  }
}

extension Ledger {
  /// The errors a ledger has once `files` are laid over `snapshot`, in what they can affect.
  static func mergeFindings(_ files: [ChangeSet.FileChange], in snapshot: any LedgerSnapshot) throws(StoreError)
    -> [Diagnostic]
  {
    guard !files.isEmpty else { return [] }
    return try LedgerValidator(snapshot, changes: files).validateChanges(files).filter { $0.severity == .error }
  }
}
