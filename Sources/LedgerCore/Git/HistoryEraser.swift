import Foundation
import LedgerGit

/// Rewrites commits through a `PersonalScrub`, parents before children: each commit's tree is
/// its former tree with the folders the erasure touched put back (see `differences`), their
/// changes read from the history index, so the cost follows the changes, not commits x
/// records. A commit whose tree, message, author and parents come out the same keeps its id;
/// the others are new,
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
    if !changed { changed = try erasesChanges(of: commit) }
    guard changed else { return }
    renamed[id] = id
    renames.append((id, id))
    if batch.pending > 1_000 { try batch.discard() }  // only scrubbed blobs: none is read again
  }

  /// What differs, in each rewritten commit (by its former id), from the commit as it was: the
  /// new tree of each folder that changed (the person's kind folder once their file was
  /// renamed, a folder where a value was erased), and the new blob of each file at the top
  /// that changed. A commit's tree is its former tree with these put back: only the folders
  /// the erasure touched are written again, never the dozens of others of a large ledger.
  private var differences: [ObjectID: (folders: [String: ObjectID], files: [String: (ObjectID, FileKind)])] = [:]

  private func rewrite(_ id: ObjectID) throws(GitError) -> ObjectID {
    let commit = try batch.repository.commit(id)
    let parents = commit.parents.map(current)
    var (folders, files) = try commit.parents.first.map(difference(of:)) ?? ([:], [:])
    var updates: [String: [TreeUpdate]] = [:]  // by folder, with paths inside it
    var erasedIn: Set<String> = []  // folders where the erasure changed a file of this commit
    for change in try changes(of: commit) {
      let path = scrub.path(change.path)
      let (folder, name) = HistoryEraser.split(path)
      var erased = path != change.path
      if let blob = change.new {
        let scrubbed = try scrubbedBlob(blob, at: change.path)
        erased = erased || scrubbed != blob
        if folder.isEmpty {
          files[name] = erased ? (scrubbed, change.kind) : nil
          continue
        }
        updates[folder, default: []].append(.upsert(path: name, blob: scrubbed, kind: change.kind))
      } else if folder.isEmpty {
        files[name] = nil
        continue
      } else {
        updates[folder, default: []].append(.remove(path: name))
      }
      if erased {
        erasedIn.insert(folder)
        // Spliced into the former folder, a renamed file's former name must go.
        if path != change.path, folders[folder] == nil {
          updates[folder, default: []].append(.remove(path: HistoryEraser.split(change.path).name))
        }
      }
    }
    for (folder, changes) in updates {
      if let base = folders[folder] {
        folders[folder] = try batch.updatedTree(base, applying: changes)
      } else if erasedIn.contains(folder) {
        // The former folder holds this commit's changes already; put again, the unchanged ones
        // change nothing, and the erased ones replace theirs.
        let former = try batch.repository.entry(in: commit.tree, at: folder)?.id
        folders[folder] = try batch.updatedTree(former, applying: changes)
      }
    }
    differences[id] = (folders, files)
    let rootUpdates =
      folders.map { TreeUpdate.subtree(path: $0.key, tree: $0.value) }
      + files.map { TreeUpdate.upsert(path: $0.key, blob: $0.value.0, kind: $0.value.1) }
    let tree = rootUpdates.isEmpty ? commit.tree : try batch.updatedTree(commit.tree, applying: rootUpdates)
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

  /// What differs in `commit`'s rewrite from `commit`: known for the commits rewritten here,
  /// read from the trees for a rename made elsewhere (an erasure's, assumed).
  private func difference(of commit: ObjectID) throws(GitError)
    -> (folders: [String: ObjectID], files: [String: (ObjectID, FileKind)])
  {
    if let known = differences[commit] { return known }
    guard let now = renamed[commit], now != commit else { return ([:], [:]) }
    let formerTree = try batch.repository.commit(commit).tree
    let nowTree = try batch.repository.commit(now).tree
    var result: (folders: [String: ObjectID], files: [String: (ObjectID, FileKind)]) = ([:], [:])
    for change in try batch.repository.changedFiles(from: formerTree, to: nowTree) {
      let (folder, name) = HistoryEraser.split(change.path)
      if folder.isEmpty {
        if let blob = change.new { result.files[name] = (blob, change.kind) }
      } else if let tree = try batch.repository.entry(in: nowTree, at: folder)?.id {
        result.folders[folder] = tree
      }
    }
    differences[commit] = result
    return result
  }

  /// A path's folder and name: `people` and `hlefevre.json`; `""` for a file at the top.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
  }

  /// The commit's changes against its first parent (every file for a first commit).
  private func changes(of commit: Commit) throws(GitError) -> [TreeChange] {
    if commit.parents.isEmpty { return try store.repository.changedFiles(from: nil, to: commit.tree) }
    if let indexed = try? store.historyIndex.entry(commit.id), let first = indexed.changes.first { return first }
    let base = try batch.repository.commit(commit.parents[0]).tree
    return try batch.repository.changedFiles(from: base, to: commit.tree)
  }

  /// Whether the erasure changes anything of the commit's own changes (a dry run's question).
  private func erasesChanges(of commit: Commit) throws(GitError) -> Bool {
    for change in try changes(of: commit) {
      if scrub.path(change.path) != change.path { return true }
      if let blob = change.new, try scrubbedBlob(blob, at: change.path) != blob { return true }
    }
    return false
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
