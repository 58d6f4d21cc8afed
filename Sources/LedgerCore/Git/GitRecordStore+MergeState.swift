import Foundation
import LedgerGit

// Reading the merge in progress, ours or the git program's: MERGE_HEAD, git's index, and what
// a stopped merge remembers besides (`MergeState`).
extension GitRecordStore {
  /// Whether MERGE_HEAD is there: a merge, ours or the git program's, owns the work tree.
  var isMerging: Bool { (try? repository.mergeHead()) != nil }

  /// The merge in progress, ours or the git program's: nil when there is none.
  func mergeInProgress() throws(StoreError) -> (head: ObjectID, incoming: ObjectID, base: ObjectID)? {
    return try StoreError.wrapping(.readMerge) {
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

  /// What the merge of `merge.incoming` into `merge.head` remembers (see `MergeState.load`).
  func mergeState(of merge: (head: ObjectID, incoming: ObjectID, base: ObjectID)) -> MergeState {
    MergeState.load(from: repository.gitDirectory, head: merge.head, incoming: merge.incoming)
  }

  /// Records `state` for the merge in progress, whole and durably.
  func save(_ state: MergeState) throws(StoreError) {
    try state.save(in: repository.gitDirectory)
  }

  /// Ends the merge in progress in git's eyes (MERGE_HEAD and git's merge files go) and
  /// removes what it remembered.
  func endMerge() throws(GitError) {
    try repository.endMerge()
    MergeState.clear(in: repository.gitDirectory)
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
    let shown = isInside(path) ? ledgerPath(path) : path
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

  /// The bytes of the entry at `path` (a repository path) in `tree`; nil when there is none.
  func bytes(at path: String, in tree: ObjectID) throws(GitError) -> [UInt8]? {
    try repository.entry(in: tree, at: path).map { (entry) throws(GitError) in try repository.blob(entry.id) }
  }
}
