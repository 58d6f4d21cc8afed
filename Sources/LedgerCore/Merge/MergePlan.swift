import LedgerGit

/// A merge of two commits, computed in memory: nothing is written to the branch, the work tree
/// or the index yet.
struct MergePlan {
  let ours: ObjectID
  let theirs: ObjectID
  /// The merged tree; where the sides conflict it holds ours.
  let tree: ObjectID
  /// Files that differ between ours and the merged tree (repository paths): what the work tree
  /// must receive.
  let changes: [TreeChange]
  /// The three blobs of every conflicted file, for the index.
  let conflictedBlobs: [IndexConflict]
  let conflicts: [MergeConflict]
  /// Errors the merged ledger has in what the merge changed: a rule broken by the combination.
  let findings: [Diagnostic]
  /// The records the incoming side changed.
  let records: [RecordKey]

  /// Every file the merge writes or marks conflicted, with its blob on our side (nil: absent).
  var oursBlobs: [String: ObjectID?] {
    var blobs: [String: ObjectID?] = [:]
    for change in changes { blobs[change.path] = change.old }
    for conflict in conflictedBlobs { blobs[conflict.path] = conflict.ours }
    return blobs
  }

  /// Whether the merge can be committed as it is.
  var isClean: Bool { conflicts.isEmpty && findings.isEmpty }
}

// Planning a merge: three-way, against the merge base, file by file for what both sides
// changed. The cost follows the changes on each side, never the size of the ledger.
extension GitRecordStore {
  /// Merges commit `theirs` into `ours` in memory.
  ///
  /// - Throws: `.unrelatedHistories` when the two share no commit.
  func planMerge(ours: ObjectID, theirs: ObjectID) throws(StoreError) -> MergePlan {
    return try StoreError.wrapping("merge \(theirs.short) into \(ours.short)") {
      guard let base = try repository.mergeBase(ours, theirs) else { throw StoreError.unrelatedHistories }
      let trees = (
        base: try repository.commit(base).tree, ours: try repository.commit(ours).tree,
        theirs: try repository.commit(theirs).tree)
      let ourChanges = Dictionary(
        try repository.changedFiles(from: trees.base, to: trees.ours).map { ($0.path, $0) }) { first, _ in first }
      let oursSnapshot = try GitSnapshot(repository: repository, commit: ours, prefix: prefix)
      let rules = try MergeRules(oursSnapshot)
      let batch = try ObjectBatch(for: repository)
      var updates: [TreeUpdate] = []
      var merged: [FileMergeResult] = []
      var conflictedBlobs: [IndexConflict] = []
      var records: [RecordKey] = []
      for change in try repository.changedFiles(from: trees.base, to: trees.theirs) {
        let path = ledgerPath(change.path)
        if let key = isInside(change.path) ? RecordKey(path: path) : nil { records.append(key) }
        guard let mine = ourChanges[change.path] else {
          updates.append(change.new.map { .upsert(path: change.path, blob: $0, kind: change.kind) } ?? .remove(path: change.path))
          continue
        }
        guard mine.new != change.new else { continue }
        let input = MergeInput(
          path: isInside(change.path) ? path : change.path, base: try change.old.map(repository.blob),
          ours: try mine.new.map(repository.blob), theirs: try change.new.map(repository.blob))
        let result = FileMerger.merge(input, sets: isInside(change.path) ? rules.sets(forLedgerPath: path) : nil)
        merged.append(result)
        if !result.conflicts.isEmpty {
          conflictedBlobs.append(IndexConflict(path: change.path, base: change.old, ours: mine.new, theirs: change.new))
        }
        if let bytes = result.bytes {
          let blob = try batch.writeBlob(bytes)
          if blob != mine.new { updates.append(.upsert(path: change.path, blob: blob, kind: mine.new == nil ? change.kind : mine.kind)) }
        } else if mine.new != nil {
          updates.append(.remove(path: change.path))
        }
      }
      let tree = try batch.updatedTree(trees.ours, applying: updates)
      try batch.flush()
      let changes = try repository.changedFiles(from: trees.ours, to: tree)
      let findings = try mergeFindings(changes, in: oursSnapshot)
      return MergePlan(
        ours: ours, theirs: theirs, tree: tree, changes: changes,
        conflictedBlobs: conflictedBlobs, conflicts: merged.flatMap(\.conflicts), findings: findings,
        records: records)
    }
  }

  /// The errors the ledger has, once `changes` are laid over `snapshot`, in what they can affect.
  func mergeFindings(_ changes: [TreeChange], in snapshot: GitSnapshot) throws(StoreError) -> [Diagnostic] {
    var files: [ChangeSet.FileChange] = []
    do {
      for change in changes where isInside(change.path) {
        let path = ledgerPath(change.path)
        guard Ledger.isLedgerFile(path) else { continue }
        files.append(.init(path: path, content: try change.new.map(repository.blob)))
      }
    } catch {
      throw .git(action: "read the merged files", error)
    }
    guard !files.isEmpty else { return [] }
    return try LedgerValidator(snapshot, changes: files).validateChanges(files).filter { $0.severity == .error }
  }

  /// Whether a repository path lies inside the ledger's folder.
  func isInside(_ repositoryPath: String) -> Bool {
    prefix.isEmpty || repositoryPath.hasPrefix(prefix + "/")
  }
}
