import Foundation
import LedgerGit

// The branches: which one HEAD is on, where each points, how two commits are related (descent,
// the files that differ), and moving one by compare-and-swap.
extension GitRecordStore {
  /// The branch HEAD is on and its commit (nil on a branch with no commit yet).
  ///
  /// - Throws: `.detachedHead` when HEAD is on no branch.
  func currentBranch() throws(StoreError) -> (name: String, commit: ObjectID?) {
    switch try readHead() {
    case .branch(let name, let commit): (name, commit)
    case .unborn(let name): (name, nil)
    case .detached: throw .detachedHead
    }
  }

  /// The full names of the repository's branches, sorted.
  func branchNames() throws(StoreError) -> [String] {
    try performing(.listBranches) { () throws(GitError) in try repository.branchNames() }
  }

  /// The commit `branch` (a full name) points at; nil when it does not exist.
  func branchTip(_ branch: String) throws(StoreError) -> ObjectID? {
    try performing(.readBranch(branch)) { () throws(GitError) in try repository.referenceTarget(branch) }
  }

  /// Whether `commit` has `ancestor` in its history (a commit does not descend from itself).
  func descends(_ commit: ObjectID, from ancestor: ObjectID) throws(GitError) -> Bool {
    try repository.isDescendant(commit, of: ancestor)
  }

  /// The files that differ between two commits (`old` nil: the empty tree), repository paths.
  func changedFiles(from old: ObjectID?, to new: ObjectID) throws(GitError) -> [TreeChange] {
    let oldTree = try old.map { (commit) throws(GitError) in try repository.commit(commit).tree }
    return try repository.changedFiles(from: oldTree, to: try repository.commit(new).tree)
  }

  /// The files that differ between commit `old` and the tree `tree`, repository paths.
  func changedFiles(from old: ObjectID, toTree tree: ObjectID) throws(GitError) -> [TreeChange] {
    try repository.changedFiles(from: try repository.commit(old).tree, to: tree)
  }

  /// Moves `branch` from `old` to `new` by compare-and-swap, as a sync does.
  ///
  /// - Throws: a `GitError` coded `.modified`, `.exists` or `.locked` when the branch is no
  ///   longer at `old` (another writer moved it).
  func moveBranch(_ branch: String, from old: ObjectID?, to new: ObjectID) throws(GitError) {
    try repository.moveReference(branch, to: new, expecting: old, reflogMessage: "adminledger: sync to \(new.short)")
  }

  /// Whether `commit` holds `ledger.json` where this ledger keeps it; `name` names the commit
  /// in the message if it cannot be read.
  func holdsLedger(_ commit: ObjectID, named name: String) throws(StoreError) -> Bool {
    try performing(.readBranch(name)) { () throws(GitError) -> Bool in
      let tree = try repository.commit(commit).tree
      return try repository.entry(in: tree, at: repositoryPath(LedgerSettings.fileName)) != nil
    }
  }
}
