import Foundation

/// The history a ledger lives in: commits with their parents, authors, dates, messages and
/// signatures; what each commit changed; a file's content and a snapshot at any commit.
///
/// Log, blame, the chronicle, the audit, merge planning and the history reports run on this
/// interface only. The git store implements it (with its history index, pack reader and
/// value indexes); `MemoryHistory` implements it from plain values, so that logic is tested
/// without a repository. Commits are named by their 40-digit hex ids.
public protocol LedgerHistory: AnyObject {
  /// The commit `revision` names: an id, a branch, `HEAD~2`, or a day (`2026-11-30`, the last
  /// commit of that day on the first-parent line); HEAD's when nil. Nil on an empty history.
  ///
  /// - Throws: `.revisionNotFound` when it names no commit.
  func commit(_ revision: String?) throws(StoreError) -> String?
  /// A commit's parents, author, dates and message.
  func entry(_ commit: String) throws(StoreError) -> HistoryEntry
  /// A commit's parents, first parent first, without reading the rest of the commit.
  func parents(_ commit: String) throws(StoreError) -> [String]
  /// What `commit` changed against each of its parents.
  func changes(_ commit: String) throws(StoreError) -> CommitChanges
  /// What `commit` changed in the ledger folder `folder` (a kind's) against each parent: the
  /// question of a report about one kind, which a history may answer without listing the rest.
  func changes(_ commit: String, in folder: String) throws(StoreError) -> CommitChanges
  /// What `commit` did to the ledger file `path`: its parents and, against each, the file's
  /// difference (nil where the file is the parent's). The one-file question of `log` and
  /// `blame`, which a history may answer without listing the rest.
  func changes(of path: String, in commit: String) throws(StoreError) -> (parents: [String], differences: [FileDifference?])
  /// Every commit reachable from `tip`, each after all of its children (an order for walks
  /// that only need children first, such as blame's; `walk` keeps git's order by date).
  func topologicalOrder(from tip: String) throws(StoreError) -> [String]
  /// The files that differ between two commits (`from` nil: the empty ledger).
  func differences(from: String?, to: String) throws(StoreError) -> [FileDifference]
  /// The content of the ledger file `path` at `commit`; nil when absent or not a file.
  func content(_ path: String, at commit: String) throws(StoreError) -> ContentID?
  func bytes(_ content: ContentID) throws(StoreError) -> [UInt8]
  /// The ledger at `revision` (as `commit(_:)` reads it).
  func snapshot(_ revision: String?) throws(StoreError) -> any LedgerSnapshot
  /// The best common ancestor of two commits; nil when they share none.
  func mergeBase(_ one: String, _ two: String) throws(StoreError) -> String?
  /// Whether `commit` has `ancestor` in its history (a commit does not descend from itself).
  func isDescendant(_ commit: String, of ancestor: String) throws(StoreError) -> Bool
  /// Every commit reachable from `tip`, each before its parents, the newest first among
  /// unrelated ones (by committer date); only the first-parent line when `firstParentOnly`.
  func walk(from tip: String, firstParentOnly: Bool) throws(StoreError) -> [String]
  /// The commits reachable from `tip` and not from `excluded` (`git rev-list tip ^excluded`).
  func commits(from tip: String, excluding excluded: String?) throws(StoreError) -> Set<String>
  /// Each commit's signature, verified.
  func signatures(of commits: [String]) throws(StoreError) -> [String: CommitSignature]
  /// A reader for a walk through consecutive commits (the audit's): its snapshots share what
  /// each read with the next, so a walk pays for each commit's changes, not for the ledger.
  func walkReader() -> any HistoryWalkReader
  /// Ends a read of history: what the read learnt (the git store's history index) is kept now,
  /// before the command prints.
  func finishRead()
}

/// Snapshots for a walk through many commits, each read once.
public protocol HistoryWalkReader: AnyObject {
  /// The ledger at `commit` (an id the history gave).
  func snapshot(_ commit: String) throws(StoreError) -> any LedgerSnapshot
  /// Tells the reader that the walk goes from `parent` to `commit`: what it keeps of the
  /// parent's state follows the commit's changes, without reading either whole.
  func advance(from parent: String, to commit: String) throws(StoreError)
}

// What every history answers the same way, from the primitives above.
extension LedgerHistory {
  /// The commits on the first-parent line from `revision` back, newest first, stopping
  /// before the first commit made (by its committer) before `since`.
  public func firstParentHistory(from revision: String?, since: Date?) throws(StoreError) -> [HistoryEntry] {
    var next = try commit(revision)
    var entries: [HistoryEntry] = []
    while let id = next {
      let entry = try entry(id)
      if let since, entry.committed < since { break }
      entries.append(entry)
      next = entry.parents.first
    }
    return entries
  }

  /// The records of `kind` (every kind when nil) that differ between two commits (`from` nil:
  /// the empty ledger): for a commit against one of its parents from what the history knows
  /// the commit changed, so the cost follows the changes.
  public func changes(of kind: RecordKind?, from: String?, to: String) throws(StoreError) -> [RecordChange] {
    if let from {
      let known: CommitChanges
      if let kind { known = try changes(to, in: kind.folder) } else { known = try changes(to) }
      if let position = known.parents.firstIndex(of: from) {
        return try records(in: known.differences[position], kind: kind)
      }
    }
    return try records(in: differences(from: from, to: to), kind: kind)
  }

  /// The records among `differences` (of one kind when given), each read on both sides.
  func records(in differences: [FileDifference], kind: RecordKind?) throws(StoreError) -> [RecordChange] {
    var result: [RecordChange] = []
    for difference in differences where difference.isInsideLedger {
      guard let key = RecordKey(path: difference.path), kind == nil || key.kind == kind else { continue }
      func record(_ content: ContentID?) throws(StoreError) -> Record? {
        guard let content else { return nil }
        return try? RecordDecoder.decode(try bytes(content), key: key, file: key.path)
      }
      result.append(RecordChange(key: key, old: try record(difference.old), new: try record(difference.new)))
    }
    return result.sorted { $0.key < $1.key }
  }

  public func changes(_ commit: String, in folder: String) throws(StoreError) -> CommitChanges {
    let known = try changes(commit)
    let prefix = folder + "/"
    return CommitChanges(
      parents: known.parents,
      differences: known.differences.map { list in list.filter { $0.isInsideLedger && $0.path.hasPrefix(prefix) } })
  }

  public func changes(of path: String, in commit: String) throws(StoreError)
    -> (parents: [String], differences: [FileDifference?])
  {
    let known = try changes(commit)
    return (known.parents, known.differences.map { list in list.first { $0.isInsideLedger && $0.path == path } })
  }

  /// The children-first order, from each commit's parents.
  public func topologicalOrder(from tip: String) throws(StoreError) -> [String] {
    var children: [String: Int] = [tip: 0]
    var stack = [tip]
    while let id = stack.popLast() {
      for parent in try parents(id) {
        if let count = children[parent] {
          children[parent] = count + 1
        } else {
          children[parent] = 1
          stack.append(parent)
        }
      }
    }
    var order: [String] = []
    order.reserveCapacity(children.count)
    var ready = [tip]
    while let id = ready.popLast() {
      order.append(id)
      for parent in try parents(id).reversed() {
        guard let count = children[parent] else { continue }
        children[parent] = count - 1
        if count == 1 { ready.append(parent) }
      }
    }
    return order
  }

  /// The bytes of the ledger file `path` at `commit`, nil when absent.
  func fileBytes(_ path: String, at commit: String?) throws(StoreError) -> [UInt8]? {
    guard let commit, let content = try content(path, at: commit) else { return nil }
    return try bytes(content)
  }
}
