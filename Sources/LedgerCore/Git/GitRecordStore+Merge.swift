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

// Writing a merge the history planned: its blobs and tree, in one pack.
extension GitRecordStore {
  /// Merges commit `theirs` into `ours`: planned on the history, then its new files and tree
  /// written (nothing is written to the branch, the work tree or the index yet).
  ///
  /// - Throws: `.unrelatedHistories` when the two share no commit.
  func planMerge(ours: ObjectID, theirs: ObjectID) throws(StoreError) -> MergePlan {
    let outcome = try history.planMerge(ours: ours.description, theirs: theirs.description)
    return try StoreError.wrapping(.mergeCommits(theirs.description, into: ours.description)) {
      let oursTree = try repository.commit(ours).tree
      let batch = try ObjectBatch(for: repository)
      var updates: [TreeUpdate] = []
      for update in outcome.updates {
        let path = update.isInsideLedger ? repositoryPath(update.path) : update.path
        switch update.result {
        case .merged(let bytes):
          updates.append(.upsert(path: path, blob: try batch.writeBlob(bytes), kind: FileKind(update.kind)))
        case .taken(let content):
          updates.append(.upsert(path: path, blob: ObjectID(content), kind: FileKind(update.kind)))
        case .removed:
          updates.append(.remove(path: path))
        }
      }
      let tree = try batch.updatedTree(oursTree, applying: updates)
      try batch.flush()
      let conflictedBlobs = outcome.conflicted.map { file in
        IndexConflict(
          path: file.isInsideLedger ? repositoryPath(file.path) : file.path, base: file.base.map(ObjectID.init),
          ours: file.ours.map(ObjectID.init), theirs: file.theirs.map(ObjectID.init))
      }
      return MergePlan(
        ours: ours, theirs: theirs, tree: tree, changes: try repository.changedFiles(from: oursTree, to: tree),
        conflictedBlobs: conflictedBlobs, conflicts: outcome.conflicts, findings: outcome.findings,
        records: outcome.records)
    }
  }

  /// The errors the ledger has, once `changes` are laid over `snapshot`, in what they can affect.
  func mergeFindings(_ changes: [TreeChange], in snapshot: any LedgerSnapshot) throws(StoreError) -> [Diagnostic] {
    var files: [ChangeSet.FileChange] = []
    do {
      for change in changes where isInside(change.path) {
        let path = ledgerPath(change.path)
        guard Ledger.isLedgerFile(path) else { continue }
        files.append(.init(path: path, content: try change.new.map(repository.blob)))
      }
    } catch {
      throw .git(.readMergedFiles, error)
    }
    return try Ledger.mergeFindings(files, in: snapshot)
  }

  /// Whether a repository path lies inside the ledger's folder.
  func isInside(_ repositoryPath: String) -> Bool {
    prefix.isEmpty || repositoryPath.hasPrefix(prefix + "/")
  }
}
