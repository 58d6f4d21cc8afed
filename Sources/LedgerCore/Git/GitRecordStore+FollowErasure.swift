import Foundation
import LedgerGit

/// What a sync did about an erasure.
public enum ErasureSync: Equatable, Sendable {
  /// This clone's erasure rewrote the remote's branch: the rewrite was pushed over it.
  case pushed(RecordKey)
  /// The remote's branch was rewritten by an erasure: this clone followed it, its unpublished
  /// commits moved onto the rewritten history (and erased from too).
  case followed(RecordKey, moved: Int)
}

// A sync and an erasure: the clone that forgot pushes its rewrite over the remote's former
// branch; every other clone follows the rewrite the remote received.
extension GitRecordStore {
  /// The erasure of this clone's branch (at `head`) that rewrote `remote`, the remote's tip:
  /// the sync then pushes over it.
  ///
  /// - Throws: `.erasure(.remoteMovedSinceErasure)` when the remote received commits after
  ///   the history the erasure rewrote: pushing would drop them.
  func erasure(of head: ObjectID, over remote: ObjectID, remoteName: String) throws(StoreError) -> ErasureRecord? {
    let map = try ErasureMap(snapshot: gitSnapshot(of: head))
    for record in map.records where record.commits.contains(where: { $0.former == remote.description }) {
      return record
    }
    for record in map.records {
      guard let last = record.commits.last, let formerTip = ObjectID(hex: last.former), map.current(last.former) != last.former
      else { continue }
      // A former tip this clone dropped is one the fetched remote does not hold either (the
      // fetch would have brought it back).
      if (try? repository.isDescendant(remote, of: formerTip)) == true {
        throw .erasure(.remoteMovedSinceErasure(remote: remoteName, erasure: record.key))
      }
    }
    return nil
  }

  /// Follows an erasure the remote's branch (at `remote`) holds and this clone's branch (at
  /// `head`) does not: the commits of this clone the remote lacks are rewritten through the
  /// same erasure on top of what their parents became, signed again by this clone's key, and
  /// the branch and the files move there.
  ///
  /// - Returns: what was followed, or nil when no erasure of the remote covers this clone's
  ///   commits.
  func followErasure(at remote: ObjectID, from head: ObjectID, branch: String, by author: Author) throws(StoreError)
    -> (sync: ErasureSync, head: ObjectID)?
  {
    let local = try ErasureMap(snapshot: gitSnapshot(of: head))
    let known = Set(local.records.map(\.key))
    for record in try ErasureMap(snapshot: gitSnapshot(of: remote)).records where !known.contains(record.key) {
      guard let (moved, newHead) = try follow(record, remote: remote, head: head, branch: branch, by: author) else { continue }
      return (.followed(record.key, moved: moved), newHead)
    }
    return nil
  }

  private func follow(_ record: ErasureRecord, remote: ObjectID, head: ObjectID, branch: String, by author: Author)
    throws(StoreError) -> (moved: Int, head: ObjectID)?
  {
    var renames: [ObjectID: ObjectID] = [:]
    for rename in record.commits {
      if let former = ObjectID(hex: rename.former), let now = ObjectID(hex: rename.now) { renames[former] = now }
    }
    guard let unpublished = try unpublishedCommits(from: head, remote: remote, formers: renames) else { return nil }
    let order = try performing(.eraseHistory) { () throws(GitError) in
      Array(try historyIndex.topologicalOrder(from: head).reversed())
    }
    let tip = try personTip(record, head: head)
    guard let scrub = try scrub(for: record, in: order, at: tip) else {
      throw .erasure(.erasedPersonUnknown(erasure: record.key))
    }
    let eraser = try HistoryEraser(store: self, scrub: scrub)
    eraser.assume(renames)
    try eraser.rewrite(order.filter(unpublished.contains))
    let newHead = try signedAgain(eraser, head: head, by: author)
    try moveToRewritten(branch, from: head, to: newHead)
    return (unpublished.count, newHead)
  }

  /// The commits of `head` the remote lacks: reached from `head` without passing a commit the
  /// erasure rewrote or one the remote holds unchanged. Nil when the walk meets no rewritten
  /// commit: the erasure is not about this clone's history.
  private func unpublishedCommits(from head: ObjectID, remote: ObjectID, formers: [ObjectID: ObjectID]) throws(StoreError)
    -> Set<ObjectID>?
  {
    try performing(.eraseHistory) { () throws(GitError) -> Set<ObjectID>? in
      var unpublished: Set<ObjectID> = []
      var seen: Set<ObjectID> = []
      var stack = [head]
      var meetsErasure = false
      while let commit = stack.popLast() {
        guard seen.insert(commit).inserted else { continue }
        if formers[commit] != nil {
          meetsErasure = true
          continue
        }
        if commit == remote { continue }
        if try repository.isDescendant(remote, of: commit) { continue }
        unpublished.insert(commit)
        stack += try historyIndex.entry(commit).parents
      }
      return meetsErasure ? unpublished : nil
    }
  }

  /// A commit of this clone's history holding the person's former file: the branch's tip, or
  /// the former tip the record names when the clone's own commits removed the person.
  private func personTip(_ record: ErasureRecord, head: ObjectID) throws(StoreError) -> ObjectID {
    let ids = try gitSnapshot(of: head).fileNames(in: RecordKind.people.folder).map { String($0.dropLast(5)) }
    if ids.contains(where: record.erased) { return head }
    return record.commits.last.flatMap { ObjectID(hex: $0.former) } ?? head
  }

  /// The rewritten commits of this clone, signed again with its key when it has one (their
  /// signatures did not survive the rewrite, and no erasure record vouches for them); returns
  /// what `head` became.
  private func signedAgain(_ eraser: HistoryEraser, head: ObjectID, by author: Author) throws(StoreError) -> ObjectID {
    guard author.signer != nil else { return eraser.current(head) }
    var signed: [ObjectID: ObjectID] = [:]
    for (_, now) in eraser.renames {
      let commit = try performing(.readCommit(now.description)) { () throws(GitError) in try repository.commit(now) }
      let signer = Author(name: commit.author.name, email: commit.author.email, signer: author.signer)
      signed[now] = try createCommit(
        tree: commit.tree, parents: commit.parents.map { signed[$0] ?? $0 }, by: signer, at: commit.author.date,
        message: commit.message)
    }
    let rewritten = eraser.current(head)
    return signed[rewritten] ?? rewritten
  }
}
