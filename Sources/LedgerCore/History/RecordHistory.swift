import Foundation
import LedgerJSON

/// One commit that changed records, with each record's field changes.
public struct HistoryStep: Sendable {
  public let entry: HistoryEntry
  public let changes: [(key: RecordKey, fields: [FieldChange], action: String)]
}

/// Who last set a field, and when.
public struct FieldBlame: Sendable {
  public let field: String
  public let value: JSONValue
  public let entry: HistoryEntry
}

// The history of records: log, diff and blame, read on the first-parent line.
extension GitRecordStore {
  /// The commits from `revision` back (newest first) that changed the ledger's records, or
  /// only `key` when given, each with its field-level changes.
  public func log(_ key: RecordKey?, from revision: String?, limit: Int?) throws(StoreError) -> [HistoryStep] {
    var steps: [HistoryStep] = []
    for entry in try firstParentHistory(from: revision, since: nil) {
      if let limit, steps.count >= limit { break }
      let changes = try recordChanges(from: entry.parents.first, to: entry.commit, only: key)
      if changes.isEmpty, key != nil { continue }
      steps.append(HistoryStep(entry: entry, changes: changes))
    }
    return steps
  }

  /// The records added, removed and changed between two revisions, with their field changes.
  public func diff(from: String, to: String) throws(StoreError) -> [(key: RecordKey, fields: [FieldChange], action: String)] {
    let start = try gitSnapshot(at: from).revision
    let end = try gitSnapshot(at: to).revision ?? to
    return try recordChanges(from: start, to: end, only: nil)
  }

  /// For every field of `key` as it is at `revision`, the commit that last gave it its value.
  public func blame(_ key: RecordKey, at revision: String?) throws(StoreError) -> [FieldBlame] {
    guard let current = try gitSnapshot(at: revision).record(key) else { throw .recordNotFound(key) }
    var pending = Dictionary(uniqueKeysWithValues: FieldChange.leaves(of: current.fields).map { ($0.path, $0.value) })
    var result: [FieldBlame] = []
    for entry in try firstParentHistory(from: revision, since: nil) where !pending.isEmpty {
      let before = try entry.parents.first.map { (parent) throws(StoreError) in try historySnapshot(parent).record(key) } ?? nil
      let earlier = Dictionary(uniqueKeysWithValues: FieldChange.leaves(of: before?.fields ?? JSONObject()).map { ($0.path, $0.value) })
      for (field, value) in pending where earlier[field] != value {
        result.append(FieldBlame(field: field, value: value, entry: entry))
        pending[field] = nil
      }
    }
    return result.sorted { $0.field < $1.field }
  }

  private func recordChanges(from: String?, to: String, only key: RecordKey?) throws(StoreError)
    -> [(key: RecordKey, fields: [FieldChange], action: String)]
  {
    var result: [(key: RecordKey, fields: [FieldChange], action: String)] = []
    for kind in key.map({ [$0.kind] }) ?? RecordKind.allCases {
      for change in try changes(of: kind, from: from, to: to) where key == nil || change.key == key {
        let action = change.old == nil ? "add" : (change.new == nil ? "rm" : "set")
        result.append((change.key, FieldChange.between(change.old?.fields, change.new?.fields), action))
      }
    }
    return result
  }
}
