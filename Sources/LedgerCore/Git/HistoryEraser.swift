import Foundation
import LedgerGit

/// Rewrites commits through a `PersonalScrub`, parents before children: each commit's tree is
/// its rewritten first parent's tree with the commit's own changes scrubbed (the history index
/// already holds them), so the cost follows the changes, not commits x records. A commit whose
/// tree, message, author and parents come out the same keeps its id; the others are new,
/// unsigned commits with the same dates (a signature cannot survive a rewrite: the erasure
/// record, signed, vouches for them).
///
/// The same function runs in `forget`, in a clone following an erasure, and in the audit and
/// the hook that verify one: given the same former commits and terms, it gives the same ids.
final class HistoryEraser {
  let store: GitRecordStore
  let scrub: PersonalScrub
  let batch: ObjectBatch
  /// Former id -> new id, for the commits renamed so far.
  private(set) var renamed: [ObjectID: ObjectID] = [:]
  /// The renames in the order they were made (parents first).
  private(set) var renames: [(former: ObjectID, now: ObjectID)] = []
  /// Each blob read, and what it became (itself when it holds nothing of the person); the
  /// person's own file is scrubbed differently, so its blobs are kept apart.
  private var blobs: [ObjectID: ObjectID] = [:]
  private var personBlobs: [ObjectID: ObjectID] = [:]

  init(store: GitRecordStore, scrub: PersonalScrub) throws(StoreError) {
    self.store = store
    self.scrub = scrub
    batch = try store.performing(.eraseHistory) { () throws(GitError) in try ObjectBatch(for: store.repository) }
  }

  /// What `commit` became (itself when it was not renamed).
  func current(_ commit: ObjectID) -> ObjectID { renamed[commit] ?? commit }

  /// What becomes of the objects a rewrite writes.
  enum Storing {
    /// Stored in the repository.
    case store
    /// Nothing written: only which commits the rewrite would rename (a dry run; each keeps its
    /// former id in `renamed`).
    case count
    /// Compared with the renames an erasure record lists, then thrown away.
    case verify([ObjectID: ObjectID])
  }

  /// Rewrites `commits`, each after its parents.
  ///
  /// - Returns: with `.verify`, the first commit that does not come out as the record says (nil
  ///   when all do); else nil.
  @discardableResult
  func rewrite(_ commits: [ObjectID], _ storing: Storing = .store, flushEvery: Int = 2_000) throws(StoreError) -> ObjectID? {
    try store.performing(.eraseHistory) { () throws(GitError) -> ObjectID? in
      defer { if case .store = storing {} else { try? batch.discard() } }
      for commit in commits {
        if case .count = storing {
          try count(commit)
          continue
        }
        let now = try rewrite(commit)
        switch storing {
        case .verify(let expected):
          if (expected[commit] ?? commit) != now { return commit }
          // What matched is stored already: memory can be given back at any time.
          if batch.pending > flushEvery { try batch.discard() }
        case .store:
          if batch.pending > flushEvery { try batch.flush() }
        case .count:
          break
        }
      }
      if case .store = storing { try batch.flush() }
      return nil
    }
  }

  /// Adds renames made elsewhere (an erasure record's), so commits on top of them follow.
  func assume(_ renames: [ObjectID: ObjectID]) {
    for (former, now) in renames {
      renamed[former] = now
    }
  }

  /// Whether `id` would be renamed: a parent was, or its own changes, message or author hold
  /// something of the person. No tree or commit is written (a dry run stays light on a long
  /// history).
  private func count(_ id: ObjectID) throws(GitError) {
    let commit = try batch.repository.commit(id)
    let renamedParent = commit.parents.contains { renamed[$0] != nil }
    let author = scrub.author(name: commit.author.name, email: commit.author.email)
    var changed = renamedParent || scrub.text(commit.message) != commit.message
    changed = changed || author != (commit.author.name, commit.author.email)
    if !changed { changed = try scrubbedChanges(of: commit).changed }
    guard changed else { return }
    renamed[id] = id
    renames.append((id, id))
    if batch.pending > 1_000 { try batch.discard() }  // only scrubbed blobs: none is read again
  }

  private func rewrite(_ id: ObjectID) throws(GitError) -> ObjectID {
    let commit = try batch.repository.commit(id)
    let parents = commit.parents.map(current)
    let updates = try scrubbedChanges(of: commit)
    let firstParent = commit.parents.first
    // A renamed parent may hold another tree (the person's file renamed, a value erased).
    let baseChanged = firstParent.map { renamed[$0] != nil } ?? false
    var tree = commit.tree
    if baseChanged || updates.changed {
      let base = try firstParent.map { (parent) throws(GitError) in try batch.repository.commit(current(parent)).tree }
      tree = try batch.updatedTree(base, applying: updates.all)
    }
    let message = scrub.text(commit.message)
    let author = scrub.author(name: commit.author.name, email: commit.author.email)
    let committer = scrub.author(name: commit.committer.name, email: commit.committer.email)
    let sameSignatures =
      author == (commit.author.name, commit.author.email) && committer == (commit.committer.name, commit.committer.email)
    if parents == commit.parents, tree == commit.tree, message == commit.message, sameSignatures { return id }
    var newAuthor = commit.author
    (newAuthor.name, newAuthor.email) = author
    var newCommitter = commit.committer
    (newCommitter.name, newCommitter.email) = committer
    let now = try batch.writeCommit(tree: tree, parents: parents, author: newAuthor, committer: newCommitter, message: message)
    renamed[id] = now
    renames.append((id, now))
    return now
  }

  /// The commit's changes against its first parent (every file for a first commit), scrubbed;
  /// `changed` tells whether the scrub changed any.
  private func scrubbedChanges(of commit: Commit) throws(GitError) -> (all: [TreeUpdate], changed: Bool) {
    let changes: [TreeChange]
    if commit.parents.isEmpty {
      changes = try store.repository.changedFiles(from: nil, to: commit.tree)
    } else if let indexed = try? store.historyIndex.entry(commit.id), let first = indexed.changes.first {
      changes = first
    } else {
      let base = try batch.repository.commit(commit.parents[0]).tree
      changes = try batch.repository.changedFiles(from: base, to: commit.tree)
    }
    var updates: [TreeUpdate] = []
    var changed = false
    for change in changes {
      let path = scrub.path(change.path)
      guard let blob = change.new else {
        updates.append(.remove(path: path))
        changed = changed || path != change.path
        continue
      }
      let scrubbed = try scrubbedBlob(blob, at: change.path)
      changed = changed || path != change.path || scrubbed != blob
      updates.append(.upsert(path: path, blob: scrubbed, kind: change.kind))
    }
    return (updates, changed)
  }

  private func scrubbedBlob(_ blob: ObjectID, at path: String) throws(GitError) -> ObjectID {
    let isPerson = scrub.isPersonFile(path)
    if let known = isPerson ? personBlobs[blob] : blobs[blob] { return known }
    let bytes = try batch.repository.blob(blob)
    let result = try scrub.content(bytes, at: path).map { (new) throws(GitError) in try batch.writeBlob(new) } ?? blob
    if isPerson { personBlobs[blob] = result } else { blobs[blob] = result }
    return result
  }
}
