import Foundation
import LedgerGit
import LedgerJSON

/// One commit that changed records, with each record's field changes.
public struct HistoryStep: Sendable {
  public let entry: HistoryEntry
  public let changes: [(key: RecordKey, fields: [FieldChange], action: String)]
}

/// Which commits `log` shows.
public struct LogFilter: Sendable {
  /// Only this record, or only records of this kind.
  public var record: RecordKey?
  public var kind: RecordKind?
  /// Only commits authored on or after `since` and before `until`.
  public var since: Date?
  public var until: Date?
  /// Only commits whose author's email is one of these (lowercased) or whose name is `name`.
  public var authorEmails: Set<String> = []
  public var authorName: String?
  /// Only the first-parent line of the branch: merges shown with everything they brought.
  public var firstParent = false
  public var limit: Int?

  public init() {}

  /// Whether the filter looks at a commit's author or date.
  var readsCommits: Bool { since != nil || until != nil || !authorEmails.isEmpty || authorName != nil }

  func admits(_ commit: Commit) -> Bool {
    if let since, commit.author.date < since { return false }
    if let until, commit.author.date >= until { return false }
    guard !authorEmails.isEmpty || authorName != nil else { return true }
    return authorEmails.contains(commit.author.email.lowercased())
      || authorName.map { $0.lowercased() == commit.author.name.lowercased() } == true
  }
}

// The history of records: log and diff, through merges. A commit on a side branch is shown as
// the commit that made its changes; a merge shows only what it decided itself (what differs
// from every parent: a resolution, or a change it invented), as `git log` does for a path.
extension GitRecordStore {
  /// The commits from `revision` back, newest first (each after the commits built on it), that
  /// pass `filter` and changed records, each with its field-level changes.
  public func log(from revision: String?, filter: LogFilter) throws(StoreError) -> [HistoryStep] {
    guard let tip = try gitSnapshot(at: revision).commitID else { return [] }
    var steps: [HistoryStep] = []
    let index = historyIndex
    let narrowed = filter.record != nil || filter.kind != nil
    do {
      for id in try repository.walk(from: tip, firstParentOnly: filter.firstParent) {
        if let limit = filter.limit, steps.count >= limit { break }
        // The index says what the commit changed: the commit itself is read only when shown,
        // or first when the filter asks about its author or date (reading it costs less than
        // reading the records it changed).
        var early: Commit?
        if filter.readsCommits {
          let read = try repository.commit(id)
          guard filter.admits(read) else { continue }
          early = read
        }
        let changes = try changesOf(id, index.entry(id), filter: filter)
        if changes.isEmpty, narrowed { continue }
        let commit: Commit
        if let early { commit = early } else { commit = try repository.commit(id) }
        guard filter.admits(commit) else { continue }
        steps.append(HistoryStep(entry: HistoryEntry(commit), changes: changes))
      }
    } catch {
      throw .git(action: "read history", error)
    }
    historyRead()
    return steps
  }

  /// The records added, removed and changed between two revisions, with their field changes.
  public func diff(from: String, to: String) throws(StoreError) -> [(key: RecordKey, fields: [FieldChange], action: String)] {
    let start = try gitSnapshot(at: from).revision
    let end = try gitSnapshot(at: to).revision ?? to
    let found = try changes(of: nil, from: start, to: end)
    historyRead()
    return found.map(GitRecordStore.described)
  }

  /// What one commit changed in the records `filter` asks about: against its parent, or for a
  /// merge outside `--first-parent`, only what differs from every parent.
  private func changesOf(_ id: ObjectID, _ entry: HistoryIndex.Entry, filter: LogFilter) throws(GitError)
    -> [(key: RecordKey, fields: [FieldChange], action: String)]
  {
    let parents = filter.firstParent ? Array(entry.parents.prefix(1)) : entry.parents
    var changes: [TreeChange]
    if let record = filter.record {
      // One record: shown where its file differs from every parent's.
      let path = repositoryPath(record.path)
      if parents.isEmpty {
        guard let mine = try repository.entry(in: entry.tree, at: path)?.id else { return [] }
        changes = [TreeChange(path: path, old: nil, new: mine)]
      } else {
        // Or, in a merge whose trailers settled the record, where it differs from any parent's:
        // a resolution that kept one side's file whole still decided (the other side's clean
        // changes dropped, or its conflicting values taken).
        let found = parents.indices.map { position in entry.changes[position].first { $0.path == path } }
        guard let changed = found.compactMap({ $0 }).first else { return [] }
        if found.contains(where: { $0 == nil }) {
          guard parents.count > 1, try settled(by: id, parents: parents).contains(record) else { return [] }
        }
        changes = [changed]
      }
    } else if parents.isEmpty {
      changes = try repository.changedFiles(from: nil, to: entry.tree)
    } else {
      // The files that differ from every parent's, and those of the records the merge's
      // trailers settled that differ from any parent's.
      let settled = try settled(by: id, parents: parents)
      let lists = Array(entry.changes.prefix(parents.count))
      let paths = lists.map { Set($0.map(\.path)) }
      var seen: Set<String> = []
      changes = []
      for list in lists {
        for change in list where seen.insert(change.path).inserted {
          if paths.allSatisfy({ $0.contains(change.path) })
            || RecordKey(path: ledgerPath(change.path)).map(settled.contains) == true
          {
            changes.append(change)
          }
        }
      }
    }
    guard parents.count == 2, !changes.isEmpty else {
      return try recordChanges(changes, kind: filter.kind).map(GitRecordStore.described)
    }
    return try decidedByMerge(try repository.commit(id), changes, kind: filter.kind)
  }

  /// The records a merge's `Ledger-Resolved` trailers name (none for another commit).
  private func settled(by id: ObjectID, parents: [ObjectID]) throws(GitError) -> Set<RecordKey> {
    guard parents.count > 1 else { return [] }
    return Set(LedgerChronicle.resolved(in: try repository.commit(id).message).map(\.key))
  }

  /// What a merge decided itself in files that differ from both parents (or that its trailers
  /// settled): the fields where it
  /// holds something else than the field-level merge of its parents would (a resolution, or a
  /// value no side had), each shown from that expected value to the committed one.
  private func decidedByMerge(_ merge: Commit, _ changes: [TreeChange], kind: RecordKind?) throws(GitError)
    -> [(key: RecordKey, fields: [FieldChange], action: String)]
  {
    let parentTrees = [try repository.commit(merge.parents[0]).tree, try repository.commit(merge.parents[1]).tree]
    let baseTree = try repository.mergeBase(merge.parents[0], merge.parents[1]).map { (base) throws(GitError) in
      try repository.commit(base).tree
    }
    let rules = try? MergeRules(GitSnapshot(repository: repository, commit: merge.parents[0], prefix: prefix, usesCache: false))
    var result: [(key: RecordKey, fields: [FieldChange], action: String)] = []
    for change in changes where isInside(change.path) {
      guard let key = RecordKey(path: ledgerPath(change.path)), kind == nil || key.kind == kind else { continue }
      func bytes(_ tree: ObjectID?) throws(GitError) -> [UInt8]? {
        guard let tree, let entry = try repository.entry(in: tree, at: change.path) else { return nil }
        return try repository.blob(entry.id)
      }
      let input = MergeInput(
        path: key.path, base: try bytes(baseTree), ours: try bytes(parentTrees[0]), theirs: try bytes(parentTrees[1]))
      let expected = FileMerger.merge(input, sets: rules?.sets(forLedgerPath: key.path) ?? .empty).bytes
      let committed = try change.new.map(repository.blob)
      func fields(_ bytes: [UInt8]?) -> JSONObject? { bytes.flatMap { (try? JSONParser.parse($0))?.objectValue } }
      let fieldChanges = FieldChange.between(fields(expected), fields(committed))
      guard !fieldChanges.isEmpty else { continue }
      let action = expected == nil ? "add" : (committed == nil ? "rm" : "set")
      result.append((key, fieldChanges, action))
    }
    return result.sorted { $0.key < $1.key }
  }

  static func described(_ change: RecordChange) -> (key: RecordKey, fields: [FieldChange], action: String) {
    let action = change.old == nil ? "add" : (change.new == nil ? "rm" : "set")
    return (change.key, FieldChange.between(change.old?.fields, change.new?.fields), action)
  }
}

extension HistoryEntry {
  init(_ commit: Commit) {
    self.init(
      commit: commit.id.description, parents: commit.parents.map(\.description), authorName: commit.author.name,
      authorEmail: commit.author.email, date: commit.author.date, message: commit.message)
  }
}

extension LogFilter {
  /// Restricts the log to one author: WHO is a person's id (their `git_identities` and emails,
  /// as the ledger at `snapshot` lists them), an email, or a name.
  public mutating func author(_ who: String, in snapshot: any LedgerSnapshot) throws(StoreError) {
    if let id = RecordID(who), let person = try? snapshot.record(RecordKey(kind: .people, id: id)) {
      let listed = (person.fields["git_identities"]?.arrayValue ?? []) + (person.fields["emails"]?.arrayValue ?? [])
      authorEmails = Set(listed.compactMap { $0.stringValue?.lowercased() })
      authorName = person.fields["name"]?.stringValue
    } else if who.contains("@") {
      authorEmails = [who.lowercased()]
    } else {
      authorName = who
    }
  }
}
