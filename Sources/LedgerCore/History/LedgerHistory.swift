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

  /// The message's first line, read without splitting the rest (a ledger's first import
  /// lists every record it added, 100,000 lines on a large ledger).
  public var subject: String { String(message.prefix { $0 != "\n" }) }
}

/// A record as it was before and after one commit; nil on a side where it did not exist.
public struct RecordChange: Sendable {
  public let key: RecordKey
  public let old: Record?
  public let new: Record?
}

// Walking the history of the ledger's branch.
extension GitRecordStore {
  /// Ends a read of history: what the walk added to the history index goes to disk now, before
  /// the command prints anything, so every reader of history builds the index for the next.
  func historyRead() {
    historyIndex.save()
    CrashPoint.reach("history.read")
  }

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

  /// The records of `kind` (every kind when nil) that differ between two commits (`from` nil:
  /// the empty ledger), found by comparing trees, so the cost follows the changes: unchanged
  /// folders are skipped whole and unchanged records are never read.
  public func changes(of kind: RecordKind?, from: String?, to: String) throws(StoreError) -> [RecordChange] {
    do {
      guard let new = ObjectID(hex: to) else { throw StoreError.revisionNotFound(to) }
      let parent = from.flatMap(ObjectID.init(hex:))
      // A commit against one of its parents: the history index knows what changed.
      let entry = try historyIndex.entry(new)
      if let parent, let position = entry.parents.firstIndex(of: parent) {
        return try recordChanges(entry.changes[position], kind: kind)
      }
      let old = try parent.map { (commit) throws(GitError) in try historyIndex.tree(of: commit) }
      return try recordChanges(try repository.changedFiles(from: old, to: entry.tree), kind: kind)
    } catch let error as StoreError {
      throw error
    } catch let error as GitError {
      throw .git(action: "read history", error)
    } catch {
      throw .git(action: "read history", GitError(code: .other(-1), operation: "history", message: "\(error)"))
    }
  }

  /// The records among tree changes (of one kind when given), each read on both sides.
  func recordChanges(_ changes: [TreeChange], kind: RecordKind?) throws(GitError) -> [RecordChange] {
    var result: [RecordChange] = []
    for change in changes where isInside(change.path) {
      guard let key = RecordKey(path: ledgerPath(change.path)), kind == nil || key.kind == kind else { continue }
      func record(_ blob: ObjectID?) throws(GitError) -> Record? {
        guard let blob else { return nil }
        return try? RecordDecoder.decode(try repository.blob(blob), key: key, file: key.path)
      }
      result.append(RecordChange(key: key, old: try record(change.old), new: try record(change.new)))
    }
    return result.sorted { $0.key < $1.key }
  }
}
