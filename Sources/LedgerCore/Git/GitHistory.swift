import Foundation
import LedgerGit

/// The ledger's history in its git repository: the history index says what each commit
/// changed, libgit2 walks and reads the rest.
public final class GitHistory: LedgerHistory {
  /// Held strongly: a history read outlives nothing it needs (the store does not hold it).
  let store: GitRecordStore
  private var repository: Repository { store.repository }
  private var index: HistoryIndex { store.historyIndex }

  /// The last commits' changes asked for, newest first.
  private var recentChanges: [(commit: String, changes: CommitChanges)] = []

  init(store: GitRecordStore) { self.store = store }

  public func commit(_ revision: String?) throws(StoreError) -> String? {
    try store.gitSnapshot(at: revision).commitID?.description
  }

  public func entry(_ commit: String) throws(StoreError) -> HistoryEntry {
    let id = try objectID(commit)
    return try reading { () throws(GitError) in HistoryEntry(try repository.commit(id)) }
  }

  public func parents(_ commit: String) throws(StoreError) -> [String] {
    let id = try objectID(commit)
    return try reading { () throws(GitError) in try index.entry(id).parents.map(\.description) }
  }

  public func changes(_ commit: String) throws(StoreError) -> CommitChanges {
    // The audit asks for one commit's changes several times in a row (its records, its files,
    // its people): the last few answers are kept.
    if let known = recentChanges.first(where: { $0.commit == commit }) { return known.changes }
    let id = try objectID(commit)
    let entry = try reading { () throws(GitError) in try index.entry(id) }
    let changes = CommitChanges(
      parents: entry.parents.map(\.description), differences: entry.changes.map { $0.map(difference) })
    recentChanges = [(commit, changes)] + recentChanges.prefix(3)
    return changes
  }

  public func changes(_ commit: String, in folder: String) throws(StoreError) -> CommitChanges {
    let id = try objectID(commit)
    let entry = try reading { () throws(GitError) in try index.entry(id) }
    let prefix = store.repositoryPath(folder) + "/"
    return CommitChanges(
      parents: entry.parents.map(\.description),
      differences: entry.changes.map { list in list.filter { $0.path.hasPrefix(prefix) }.map(difference) })
  }

  public func changes(of path: String, in commit: String) throws(StoreError)
    -> (parents: [String], differences: [FileDifference?])
  {
    let id = try objectID(commit)
    let entry = try reading { () throws(GitError) in try index.entry(id) }
    let wanted = store.repositoryPath(path)
    return (
      entry.parents.map(\.description),
      entry.changes.map { list in list.first { $0.path == wanted }.map(difference) }
    )
  }

  public func topologicalOrder(from tip: String) throws(StoreError) -> [String] {
    let id = try objectID(tip)
    return try reading { () throws(GitError) in try index.topologicalOrder(from: id).map(\.description) }
  }

  public func differences(from: String?, to: String) throws(StoreError) -> [FileDifference] {
    let new = try objectID(to)
    let old = try from.map(objectID)
    return try reading { () throws(GitError) in
      let oldTree = try old.map { (commit) throws(GitError) in try index.tree(of: commit) }
      return try repository.changedFiles(from: oldTree, to: try index.tree(of: new)).map(difference)
    }
  }

  public func content(_ path: String, at commit: String) throws(StoreError) -> ContentID? {
    let id = try objectID(commit)
    return try reading { () throws(GitError) in
      guard let entry = try repository.entry(in: try index.tree(of: id), at: store.repositoryPath(path)),
        entry.kind == .blob
      else { return nil }
      return ContentID(entry.id)
    }
  }

  public func bytes(_ content: ContentID) throws(StoreError) -> [UInt8] {
    try reading { () throws(GitError) in try repository.blob(ObjectID(content)) }
  }

  public func snapshot(_ revision: String?) throws(StoreError) -> any LedgerSnapshot {
    try store.gitSnapshot(at: revision)
  }

  public func mergeBase(_ one: String, _ two: String) throws(StoreError) -> String? {
    let (first, second) = (try objectID(one), try objectID(two))
    return try reading { () throws(GitError) in try repository.mergeBase(first, second)?.description }
  }

  public func isDescendant(_ commit: String, of ancestor: String) throws(StoreError) -> Bool {
    let (id, older) = (try objectID(commit), try objectID(ancestor))
    return try reading { () throws(GitError) in try repository.isDescendant(id, of: older) }
  }

  public func walk(from tip: String, firstParentOnly: Bool) throws(StoreError) -> [String] {
    let id = try objectID(tip)
    return try reading { () throws(GitError) in
      try repository.walk(from: id, firstParentOnly: firstParentOnly).map(\.description)
    }
  }

  public func commits(from tip: String, excluding excluded: String?) throws(StoreError) -> Set<String> {
    let id = try objectID(tip)
    let hidden = try excluded.map(objectID)
    return try reading { () throws(GitError) in
      Set(try repository.commits(from: id, excluding: hidden).map(\.description))
    }
  }

  public func signatures(of commits: [String]) throws(StoreError) -> [String: CommitSignature] {
    var ids: [ObjectID] = []
    for commit in commits { ids.append(try objectID(commit)) }
    let found = try VerifiedSignatures(gitDirectory: repository.gitDirectory).signatures(of: ids, in: repository)
    return Dictionary(uniqueKeysWithValues: found.map { ($0.key.description, $0.value) })
  }

  public func walkReader() -> any HistoryWalkReader { GitWalkReader(store: store) }

  /// What an audit of this clone's history starts from: the trust pinned when the clone or
  /// the shared repository was set up.
  public func auditContext(receivedAt: Date? = nil) -> AuditContext {
    AuditContext(pin: store.trustPin, receivedAt: receivedAt)
  }

  public func finishRead() {
    index.save()
    CrashPoint.reach("history.read")
  }

  /// A tree change as the history interface tells it: ledger paths, content ids.
  private func difference(_ change: TreeChange) -> FileDifference {
    let inside = store.isInside(change.path)
    return FileDifference(
      path: inside ? store.ledgerPath(change.path) : change.path, old: change.old.map(ContentID.init),
      new: change.new.map(ContentID.init), kind: FileDifference.Kind(change.kind), isInsideLedger: inside)
  }

  private func objectID(_ commit: String) throws(StoreError) -> ObjectID {
    guard let id = ObjectID(hex: commit) else { throw .revisionNotFound(commit) }
    return id
  }

  private func reading<T>(_ body: () throws(GitError) -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch  where error.code == .notFound {
      throw .objectMissing(error.message)
    } catch {
      throw .git(.readHistory, error)
    }
  }
}

/// The snapshots of an audit's walk: one history memo shared by all, which follows each
/// commit's changes from its parent's folders instead of reading them again.
final class GitWalkReader: HistoryWalkReader {
  private let store: GitRecordStore
  private let memo = HistoryMemo()

  init(store: GitRecordStore) { self.store = store }

  func snapshot(_ commit: String) throws(StoreError) -> any LedgerSnapshot {
    try store.historySnapshot(commit, memo: memo)
  }

  func advance(from parent: String, to commit: String) throws(StoreError) {
    guard let parentID = ObjectID(hex: parent), let id = ObjectID(hex: commit) else { return }
    let index = store.historyIndex
    do {
      let entry = try index.entry(id)
      guard let position = entry.parents.firstIndex(of: parentID) else { return }
      try memo.learn(
        from: try index.tree(of: parentID), to: entry.tree, changes: entry.changes[position],
        folders: RecordKind.allCases.map { store.repositoryPath($0.folder) }, in: store.repository)
    } catch {
      throw .git(.readHistory, error)
    }
  }
}

extension FileDifference.Kind {
  init(_ kind: FileKind) {
    switch kind {
    case .regular: self = .file
    case .executable: self = .executable
    case .symlink: self = .link
    }
  }
}

extension FileKind {
  init(_ kind: FileDifference.Kind) {
    switch kind {
    case .file: self = .regular
    case .executable: self = .executable
    case .link: self = .symlink
    }
  }
}

extension ContentID {
  init(_ id: ObjectID) {
    let (high, middle, low) = id.words
    self.init(high: high, middle: middle, low: low)
  }
}

extension ObjectID {
  init(_ content: ContentID) { self.init(words: (content.high, content.middle, content.low)) }
}

extension HistoryEntry {
  /// The entry of a commit read from the repository.
  init(_ commit: Commit) {
    self.init(
      commit: commit.id.description, parents: commit.parents.map(\.description), authorName: commit.author.name,
      authorEmail: commit.author.email, date: commit.author.date, committed: commit.committer.date,
      message: commit.message)
  }
}
