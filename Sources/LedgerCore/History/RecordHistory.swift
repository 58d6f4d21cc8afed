import Foundation
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

  func admits(_ commit: HistoryEntry) -> Bool {
    if let since, commit.date < since { return false }
    if let until, commit.date >= until { return false }
    guard !authorEmails.isEmpty || authorName != nil else { return true }
    return authorEmails.contains(commit.authorEmail.lowercased())
      || authorName.map { $0.lowercased() == commit.authorName.lowercased() } == true
  }
}

// The history of records: log and diff, through merges. A commit on a side branch is shown as
// the commit that made its changes; a merge shows only what it decided itself (what differs
// from every parent: a resolution, or a change it invented), as `git log` does for a path.
extension LedgerHistory {
  /// The commits from `revision` back, newest first (each after the commits built on it), that
  /// pass `filter` and changed records, each with its field-level changes.
  public func log(from revision: String?, filter: LogFilter) throws(StoreError) -> [HistoryStep] {
    guard let tip = try commit(revision) else { return [] }
    var steps: [HistoryStep] = []
    let narrowed = filter.record != nil || filter.kind != nil
    for id in try walk(from: tip, firstParentOnly: filter.firstParent) {
      if let limit = filter.limit, steps.count >= limit { break }
      // The history knows what the commit changed: the commit itself is read only when shown,
      // or first when the filter asks about its author or date (reading it costs less than
      // reading the records it changed).
      var early: HistoryEntry?
      if filter.readsCommits {
        let read = try entry(id)
        guard filter.admits(read) else { continue }
        early = read
      }
      let changes = try changesOf(id, filter: filter)
      if changes.isEmpty, narrowed { continue }
      let commit: HistoryEntry
      if let early { commit = early } else { commit = try entry(id) }
      guard filter.admits(commit) else { continue }
      steps.append(HistoryStep(entry: commit, changes: changes))
    }
    finishRead()
    return steps
  }

  /// The records added, removed and changed between two revisions, with their field changes.
  public func diff(from: String, to: String) throws(StoreError) -> [(key: RecordKey, fields: [FieldChange], action: String)] {
    let start = try commit(from)
    guard let end = try commit(to) else { throw .revisionNotFound(to) }
    let found = try changes(of: nil, from: start, to: end)
    finishRead()
    return found.map(\.described)
  }

  /// What one commit changed in the records `filter` asks about: against its parent, or for a
  /// merge outside `--first-parent`, only what differs from every parent.
  private func changesOf(_ id: String, filter: LogFilter) throws(StoreError)
    -> [(key: RecordKey, fields: [FieldChange], action: String)]
  {
    var changes: [FileDifference]
    let parents: [String]
    if let record = filter.record {
      // One record: shown where its file differs from every parent's.
      let known = try self.changes(of: record.path, in: id)
      parents = filter.firstParent ? Array(known.parents.prefix(1)) : known.parents
      if parents.isEmpty {
        guard let mine = try content(record.path, at: id) else { return [] }
        changes = [FileDifference(path: record.path, old: nil, new: mine)]
      } else {
        // Or, in a merge whose trailers settled the record, where it differs from any parent's:
        // a resolution that kept one side's file whole still decided (the other side's clean
        // changes dropped, or its conflicting values taken).
        let found = Array(known.differences.prefix(parents.count))
        guard let changed = found.compactMap({ $0 }).first else { return [] }
        if found.contains(where: { $0 == nil }) {
          guard parents.count > 1, try settled(by: id, parents: parents).contains(record) else { return [] }
        }
        changes = [changed]
      }
    } else {
      let known = try self.changes(id)
      parents = filter.firstParent ? Array(known.parents.prefix(1)) : known.parents
      changes = try recordsChanged(id, known, parents: parents)
    }
    guard parents.count == 2, !changes.isEmpty else {
      return try records(in: changes, kind: filter.kind).map(\.described)
    }
    return try decidedByMerge(id, parents: parents, changes, kind: filter.kind)
  }

  /// The files a commit changed that `log` shows: against its parent, or for a merge only
  /// the files that differ from every parent's, and those of the records its trailers settled
  /// that differ from any parent's.
  private func recordsChanged(_ id: String, _ known: CommitChanges, parents: [String]) throws(StoreError)
    -> [FileDifference]
  {
    guard !parents.isEmpty else { return try differences(from: nil, to: id) }
    let settled = try settled(by: id, parents: parents)
    let lists = Array(known.differences.prefix(parents.count))
    let paths = lists.map { Set($0.map(\.path)) }
    var seen: Set<String> = []
    var changes: [FileDifference] = []
    for list in lists {
      for change in list where seen.insert(change.path).inserted {
        if paths.allSatisfy({ $0.contains(change.path) })
          || (change.isInsideLedger && RecordKey(path: change.path).map(settled.contains) == true)
        {
          changes.append(change)
        }
      }
    }
    return changes
  }
  /// The records a merge's `Ledger-Resolved` trailers name (none for another commit).
  private func settled(by id: String, parents: [String]) throws(StoreError) -> Set<RecordKey> {
    guard parents.count > 1 else { return [] }
    return Set(LedgerChronicle.resolved(in: try entry(id).message).map(\.key))
  }

  /// What a merge decided itself in files that differ from both parents (or that its trailers
  /// settled): the fields where it holds something else than the field-level merge of its
  /// parents would (a resolution, or a value no side had), each shown from that expected
  /// value to the committed one.
  private func decidedByMerge(_ merge: String, parents: [String], _ changes: [FileDifference], kind: RecordKind?)
    throws(StoreError) -> [(key: RecordKey, fields: [FieldChange], action: String)]
  {
    let base = try mergeBase(parents[0], parents[1])
    let rules = try? MergeRules(walkReader().snapshot(parents[0]))
    var result: [(key: RecordKey, fields: [FieldChange], action: String)] = []
    for change in changes where change.isInsideLedger {
      guard let key = RecordKey(path: change.path), kind == nil || key.kind == kind else { continue }
      let input = MergeInput(
        path: key.path, base: try fileBytes(key.path, at: base), ours: try fileBytes(key.path, at: parents[0]),
        theirs: try fileBytes(key.path, at: parents[1]))
      let expected = FileMerger.merge(input, sets: rules?.sets(forLedgerPath: key.path) ?? .empty).bytes
      let committed = try change.new.map(bytes)
      func fields(_ bytes: [UInt8]?) -> JSONObject? { bytes.flatMap { (try? JSONParser.parse($0))?.objectValue } }
      let fieldChanges = FieldChange.between(fields(expected), fields(committed))
      guard !fieldChanges.isEmpty else { continue }
      let action = expected == nil ? "add" : (committed == nil ? "rm" : "set")
      result.append((key, fieldChanges, action))
    }
    return result.sorted { $0.key < $1.key }
  }
}

extension RecordChange {
  /// The change as `log` and `diff` show it: the action and the field changes.
  var described: (key: RecordKey, fields: [FieldChange], action: String) {
    let action = old == nil ? "add" : (new == nil ? "rm" : "set")
    return (key, FieldChange.between(old?.fields, new?.fields), action)
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
