import Foundation
import LedgerGit
import LedgerJSON

/// One commit of the ledger's history, as readers need it.
public struct HistoryEntry: Sendable {
  public let commit: String
  public let parents: [String]
  public let authorName: String
  public let authorEmail: String
  public let date: Date
  public let message: String
}

/// A record as it was before and after one commit; nil on a side where it did not exist.
public struct RecordChange: Sendable {
  public let key: RecordKey
  public let old: Record?
  public let new: Record?
}

// Walking the history of the ledger's branch.
extension GitRecordStore {
  /// The commits on the first-parent line from `revision` back, newest first, stopping
  /// before the first commit made before `since`.
  public func firstParentHistory(from revision: String?, since: Date?) throws(StoreError) -> [HistoryEntry] {
    var next = try gitSnapshot(at: revision).commitID
    var entries: [HistoryEntry] = []
    do {
      while let id = next {
        let commit = try repository.commit(id)
        if let since, commit.committer.date < since { break }
        entries.append(HistoryEntry(
          commit: id.description, parents: commit.parents.map(\.description), authorName: commit.author.name,
          authorEmail: commit.author.email, date: commit.author.date, message: commit.message))
        next = commit.parents.first
      }
    } catch {
      throw .git(action: "read history", error)
    }
    return entries
  }

  /// The records of `kind` that differ between two commits (`from` nil: the empty ledger),
  /// found by comparing blob ids, so unchanged records are never parsed.
  public func changes(of kind: RecordKind, from: String?, to: String) throws(StoreError) -> [RecordChange] {
    let before = try from.map { (revision) throws(StoreError) in try historySnapshot(revision) }
    let after = try historySnapshot(to)
    let oldEntries = try blobIDs(kind, in: before)
    let newEntries = try blobIDs(kind, in: after)
    var result: [RecordChange] = []
    for name in Set(oldEntries.keys).union(newEntries.keys).sorted() where oldEntries[name] != newEntries[name] {
      guard let key = RecordKey(path: kind.folder + "/" + name) else { continue }
      let old = try? before?.record(key)
      let new = try? after.record(key)
      result.append(RecordChange(key: key, old: old ?? nil, new: new ?? nil))
    }
    return result
  }

  private func blobIDs(_ kind: RecordKind, in snapshot: GitSnapshot?) throws(StoreError) -> [String: ObjectID] {
    guard let snapshot, let tree = snapshot.tree else { return [:] }
    do {
      let entries = try repository.treeEntries(in: tree, at: snapshot.repositoryPath(kind.folder)) ?? []
      return Dictionary(uniqueKeysWithValues: entries.filter { $0.kind == .blob }.map { ($0.name, $0.id) })
    } catch {
      throw .git(action: "read \(kind.folder)", error)
    }
  }
}
