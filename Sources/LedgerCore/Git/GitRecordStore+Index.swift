import Foundation
import LedgerGit

// The index: what is staged for the next commit, what a merge left conflicted, and the tree
// a merge commit takes from it.
extension GitRecordStore {
  /// The ledger files staged for the next commit (ledger paths; a file's content nil when the
  /// commit removes it), and a finding for each link or submodule staged where a ledger file
  /// belongs, which is never read as one.
  ///
  /// - Parameter indexFile: the index git is about to commit, as it names it to its hooks in
  ///   `GIT_INDEX_FILE` (nil: the repository's own index); a relative path is relative to the
  ///   top of the work tree, where git runs its hooks.
  func stagedFiles(indexFile: String?) throws(StoreError) -> (changes: [ChangeSet.FileChange], irregular: [Diagnostic]) {
    let index = indexFile.flatMap { (path) -> URL? in
      guard !path.isEmpty else { return nil }
      if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
      let top = repository.workingDirectory ?? repository.gitDirectory
      return top.appendingPathComponent(path)
    }
    var changes: [ChangeSet.FileChange] = []
    var irregular: [Diagnostic] = []
    do {
      for staged in try repository.stagedChanges(under: prefix, indexFile: index) {
        let path = ledgerPath(staged.path)
        guard Ledger.isLedgerFile(path) else { continue }
        // A link or a submodule is never read as a ledger file (a submodule has no blob).
        if staged.blob != nil, path.contains("/"), let kind = IrregularEntry.kind(mode: staged.mode) {
          irregular.append(IrregularEntry(path: path, kind: kind).diagnostic())
          continue
        }
        changes.append(.init(path: path, content: try staged.blob.map { (blob) throws(GitError) in try repository.blob(blob) }))
      }
    } catch {
      throw .git(.readStagedChanges(indexFile: index?.path), error)
    }
    return (changes, irregular)
  }

  /// The paths (in the repository) whose index entry differs from HEAD: what `git add` staged.
  func stagedPaths() throws(StoreError) -> [String] {
    try performing(.readIndex) { () throws(GitError) in try repository.stagedChanges(under: "") }.map(\.path)
  }

  /// The paths (in the repository) the index marks conflicted.
  func conflictedPaths() throws(GitError) -> [String] {
    try repository.indexConflicts().map(\.path)
  }

  /// Stages the work tree's files at `paths` (repository paths), which clears their conflict.
  func stageWorkingFiles(_ paths: [String]) throws(GitError) {
    try repository.stageWorkingFiles(paths)
  }

  /// Writes the index as a tree: what a merge commit commits.
  func stagedTree() throws(GitError) -> ObjectID {
    try repository.writeIndexTree()
  }
}
