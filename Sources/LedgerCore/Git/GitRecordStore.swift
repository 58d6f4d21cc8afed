import Foundation
import LedgerGit

/// A ledger stored in a git repository, written through libgit2.
///
/// A write reads HEAD, builds the new tree from HEAD's tree (never from the index, so a
/// person's staged work stays out of it), writes the commit, then moves the branch with a
/// compare-and-swap on the commit it read. If the branch moved meanwhile the plan runs again
/// on the new state. Only after the branch moved are the work-tree files and the index
/// brought in line, each file replaced whole.
public final class GitRecordStore: RecordStore {
  let repository: Repository
  /// The ledger's folder inside the repository, `""` at its root.
  let prefix: String
  private let maximumAttempts = 50
  /// What each commit changed, read from disk once per command and kept up to date.
  lazy var historyIndex = HistoryIndex(repository: repository)
  /// The history of the ledger's branch, through the history interface: a reader that holds
  /// the store (whose history index all readers share), so it outlives the `Ledger` it came from.
  public var history: GitHistory { GitHistory(store: self) }

  init(repository: Repository, prefix: String) {
    self.repository = repository
    self.prefix = prefix
  }

  public func snapshot(at revision: String?) throws(StoreError) -> any LedgerSnapshot {
    try gitSnapshot(at: revision)
  }

  func gitSnapshot(at revision: String?) throws(StoreError) -> GitSnapshot {
    guard let revision else {
      return try GitSnapshot(repository: repository, commit: try readHead().commit, prefix: prefix)
    }
    if LedgerDate.isDay(revision) {
      return try GitSnapshot(repository: repository, commit: try lastCommit(onOrBefore: revision), prefix: prefix)
    }
    do {
      let commit = try repository.resolveCommit(revision)
      return try GitSnapshot(repository: repository, commit: commit, prefix: prefix)
    } catch {
      throw .revisionNotFound(revision)
    }
  }

  /// The snapshot of one commit of the history (a hex id), read without the index cache.
  func historySnapshot(_ commit: String, memo: HistoryMemo? = nil) throws(StoreError) -> GitSnapshot {
    guard let id = ObjectID(hex: commit) else { return try gitSnapshot(at: commit) }
    return try GitSnapshot(repository: repository, commit: id, prefix: prefix, usesCache: false, memo: memo)
  }

  /// The last commit of `day` (in the ledger's time zone) on HEAD's first-parent line: the
  /// ledger as it stood at the end of that day.
  func lastCommit(onOrBefore day: String) throws(StoreError) -> ObjectID {
    let head = try gitSnapshot(at: nil)
    let timeZone = (try? head.settings().timeZone) ?? .gmt
    guard let end = LedgerDate.start(ofDayAfter: day, in: timeZone) else { throw .revisionNotFound(day) }
    var next = head.commitID
    do {
      while let id = next {
        let commit = try repository.commit(id)
        if commit.committer.date < end { return id }
        next = commit.parents.first
      }
    } catch {
      throw .git(.readHistory, error)
    }
    throw .revisionNotFound(day)
  }

  public func write(
    by author: Author, at date: Date,
    _ plan: (any LedgerSnapshot) throws(StoreError) -> ChangeSet?
  ) throws(StoreError) -> WriteResult? {
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    // A stopped merge owns the work tree and the index until it is continued or aborted.
    if isMerging { throw .mergeInProgress }
    for attempt in 1...maximumAttempts {
      let head = try readHead()
      let branch: String
      switch head {
      case .branch(let name, _), .unborn(let name): branch = name
      case .detached: throw .detachedHead
      }
      try requireNoGitLocks(on: branch)
      let snapshot = try GitSnapshot(repository: repository, commit: head.commit, prefix: prefix)
      guard let changes = try plan(snapshot), !changes.files.isEmpty else { return nil }
      let files = changes.files.map { WorkingFile(path: snapshot.repositoryPath($0.path), content: $0.content) }
      try guardHandEdits(changes, in: snapshot)
      guard let commit = try makeCommit(changes, on: snapshot, by: author, at: date)
      else { return nil }
      CrashPoint.reach("write.objects-written")
      let pending = PendingUpdate(operation: .move, branch: branch, from: head.commit, to: commit)
      try pending.record(in: repository.gitDirectory)
      CrashPoint.reach("update.journal-written")
      do {
        try repository.moveReference(
          branch, to: commit, expecting: head.commit,
          reflogMessage: "adminledger: \(changes.message.subject)")
      } catch  where [.modified, .exists, .locked].contains(error.code) {
        PendingUpdate.clear(in: repository.gitDirectory)
        usleep(UInt32(min(attempt, 20)) * 5_000)  // another writer won the race: re-read, retry
        continue
      } catch {
        PendingUpdate.clear(in: repository.gitDirectory)
        throw .git(.moveBranch(branch), error)
      }
      CrashPoint.reach("update.branch-moved")
      if let root = repository.workingDirectory {
        try WorkingTree(repository: repository, root: root).apply(files)
      }
      CrashPoint.reach("update.worktree-done")
      PendingUpdate.clear(in: repository.gitDirectory)
      return WriteResult(commit: commit.description, changes: changes)
    }
    throw .contention(attempts: maximumAttempts)
  }

  /// The lock every writer of this clone takes (see `WriteLock`).
  func lockForWriting() throws(StoreError) -> WriteLock {
    try WriteLock(at: repository.gitDirectory.appendingPathComponent("adminledger.lock"))
  }

  /// Refuses to start while a git program holds the index or the branch (an editor's `git
  /// status`, a `git commit` waiting for its message), or left its lock behind when killed:
  /// started anyway, the write would commit and then fail to update the index.
  func requireNoGitLocks(on branch: String?) throws(StoreError) {
    let locks =
      [repository.indexFile.path + ".lock"]
      + (branch.map { [repository.gitDirectory.appendingPathComponent($0).path + ".lock"] } ?? [])
    for lock in locks where FileManager.default.fileExists(atPath: lock) { throw .lockedByGit(path: lock) }
  }

  /// Refuses the write when a file it replaces holds an uncommitted hand edit.
  private func guardHandEdits(_ changes: ChangeSet, in snapshot: GitSnapshot) throws(StoreError) {
    guard let root = repository.workingDirectory else { return }
    var expected: [String: ObjectID?] = [:]
    do {
      for file in changes.files where !file.adoptsWorkingFile {
        expected[snapshot.repositoryPath(file.path)] = try snapshot.blobID(file.path)
      }
    } catch {
      throw .git(.readHead, error)
    }
    let edited = try WorkingTree(repository: repository, root: root).editedPaths(expected)
    guard edited.isEmpty else {
      throw .uncommittedEdits(paths: edited.map { ledgerPath($0) })
    }
  }

  /// Writes blobs, tree and commit; nil when the tree would not change.
  ///
  /// A change of many files (an import) stores its objects as one pack: loose, each would be
  /// a file flushed to disk with its folder, thousands of flushes for one commit.
  private func makeCommit(
    _ changes: ChangeSet, on snapshot: GitSnapshot, by author: Author, at date: Date
  ) throws(StoreError) -> ObjectID? {
    let tree: ObjectID
    do {
      let batch = changes.files.count > 64 ? try ObjectBatch(for: repository) : nil
      var updates: [TreeUpdate] = []
      for file in changes.files {
        let path = snapshot.repositoryPath(file.path)
        if let content = file.content {
          let blob = if let batch { try batch.writeBlob(content) } else { try repository.writeBlob(content) }
          updates.append(.upsert(path: path, blob: blob))
        } else if let base = snapshot.tree, try repository.entry(in: base, at: path) != nil {
          // Whatever the entry is: removing a link or a folder planted where a record belongs
          // mends the ledger.
          updates.append(.remove(path: path))
        }
      }
      tree =
        if let batch { try batch.updatedTree(snapshot.tree, applying: updates) } else {
          try repository.updatedTree(snapshot.tree, applying: updates)
        }
      guard tree != snapshot.tree else { return nil }
      try batch?.flush()
    } catch {
      throw .git(.writeCommit, error)
    }
    return try createCommit(
      tree: tree, parents: snapshot.commitID.map { [$0] } ?? [], by: author, at: date, message: changes.message.text)
  }

  func readHead() throws(StoreError) -> HeadState {
    do {
      return try repository.head()
    } catch {
      throw .git(.readHead, error)
    }
  }

  /// Runs one step of git work; a libgit2 failure stops it as `.git(operation)`.
  func performing<Result>(_ operation: StoreOperation, _ body: () throws(GitError) -> Result) throws(StoreError) -> Result {
    do {
      return try body()
    } catch {
      throw .git(operation, error)
    }
  }

  /// A ledger path made relative to the repository's root.
  func repositoryPath(_ ledgerPath: String) -> String {
    prefix.isEmpty ? ledgerPath : prefix + "/" + ledgerPath
  }

  /// A repository path made relative to the ledger root.
  func ledgerPath(_ repositoryPath: String) -> String {
    prefix.isEmpty ? repositoryPath : String(repositoryPath.dropFirst(prefix.count + 1))
  }
}
