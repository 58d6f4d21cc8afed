import Foundation
import LedgerJSON

/// Who last set a field, and when: the commit that gave it the value it has.
public struct FieldBlame: Sendable {
  /// The field, dotted for nested objects (`credentials.channel`).
  public let field: String
  /// The value; for an array the schema marks as a set, one element (each is blamed alone).
  public let value: JSONValue
  public let entry: HistoryEntry
  /// When the commit is a merge that chose the value itself: how, from its `Ledger-Resolved`
  /// trailer (`ours`, `theirs`, `set`), or `merge` when no trailer says.
  public let resolution: String?
}

// Blame through merges: credit follows the value. Each field (and each element of a set) is
// followed from the commit shown back through history: a commit that holds the same value as
// one of its parents (the first such parent, first parent first) passes it on to that parent,
// so a change made on a side branch is credited to the commit that made it, never to the merge
// that brought it. A merge is named only for what it decided: a value no parent had, or a
// field that was in conflict there, that its `Ledger-Resolved` trailer settled, and whose value
// is not the one its first parent already had (keeping this clone's side changes nothing). A
// whole-record trailer (`*`) covers only the fields that were in conflict, not the clean
// changes the merge took with them. The walk visits each commit once, children first,
// compares one file's blob id with its parents', parses the record only where it changed, and
// stops when every field is explained.
extension LedgerHistory {
  /// For every field of `key` as it is at `revision`, the commit that gave it its value.
  public func blame(_ key: RecordKey, at revision: String?) throws(StoreError) -> [FieldBlame] {
    let snapshot = try snapshot(revision)
    guard let current = try snapshot.record(key), let tip = snapshot.revision else { throw .recordNotFound(key) }
    let sets = try MergeRules(snapshot).sets(forLedgerPath: key.path) ?? .empty
    let result = try credit(BlameLeaf.leaves(of: current.fields, sets: sets), of: key, from: tip, sets: sets)
    finishRead()
    return result.sorted { ($0.field, $0.value.compactText) < ($1.field, $1.value.compactText) }
  }

  /// For each leaf of `key` as it is at `tip`, the commit that gave it that value (a leaf no
  /// commit explains, the history being cut short, is left out).
  func credit(_ leaves: [BlameLeaf], of key: RecordKey, from tip: String, sets: SetArrays) throws(StoreError)
    -> [FieldBlame]
  {
    var pending: [String: [BlameLeaf]] = [tip: leaves]
    var result: [FieldBlame] = []
    for id in try topologicalOrder(from: tip) {
      guard let leaves = pending.removeValue(forKey: id), !leaves.isEmpty else { continue }
      let known = try changes(of: key.path, in: id)
      // Each parent's version of the record: the same file (it holds every leaf), or its fields.
      var versions: [(id: String, same: Bool, fields: JSONObject?)] = []
      for (parent, change) in zip(known.parents, known.differences) {
        guard let change else {
          versions.append((parent, true, nil))
          continue
        }
        versions.append((parent, false, try change.old.flatMap(fields(of:))))
      }
      func held(_ leaf: BlameLeaf, _ version: (id: String, same: Bool, fields: JSONObject?)) -> Bool {
        version.same || (version.fields.map(leaf.holds) ?? false)
      }
      var commit: HistoryEntry?
      func read() throws(StoreError) -> HistoryEntry {
        if let commit { return commit }
        let found = try entry(id)
        commit = found
        return found
      }
      var decisions: MergeDecisions?
      for leaf in leaves {
        if known.parents.count > 1, let first = versions.first, !held(leaf, first) {
          if decisions == nil { decisions = try mergeDecisions(try read(), key: key, sets: sets) }
          if let how = decisions?.choice(for: leaf.field) {
            result.append(FieldBlame(field: leaf.field, value: leaf.value, entry: try read(), resolution: how))
            continue
          }
        }
        if let holder = versions.first(where: { held(leaf, $0) }) {
          pending[holder.id, default: []].append(leaf)
          continue
        }
        let made = try read()
        let resolution =
          made.parents.count > 1 ? (LedgerChronicle.choice(in: made.message, key: key, field: leaf.field) ?? "merge") : nil
        result.append(FieldBlame(field: leaf.field, value: leaf.value, entry: made, resolution: resolution))
      }
      if pending.values.allSatisfy(\.isEmpty) { break }
    }
    return result
  }

  /// What a merge's trailers settled in `key` among what was in conflict there.
  private func mergeDecisions(_ merge: HistoryEntry, key: RecordKey, sets: SetArrays) throws(StoreError)
    -> MergeDecisions
  {
    let settled = LedgerChronicle.resolved(in: merge.message).filter { $0.key == key }
    let parents = merge.parents
    guard !settled.isEmpty, parents.count == 2 else { return MergeDecisions(settled: [], conflicts: []) }
    let base = try mergeBase(parents[0], parents[1])
    let input = MergeInput(
      path: key.path, base: try fileBytes(key.path, at: base), ours: try fileBytes(key.path, at: parents[0]),
      theirs: try fileBytes(key.path, at: parents[1]))
    let conflicts = FileMerger.merge(input, sets: sets).conflicts.map(\.pointer.tokens)
    return MergeDecisions(settled: settled.map { ($0.field, $0.choice) }, conflicts: conflicts)
  }

  private func fields(of content: ContentID) throws(StoreError) -> JSONObject? {
    (try? JSONParser.parse(try bytes(content)))?.objectValue
  }
}

/// What one merge decided in one record: the fields its trailers settled (`*` for the whole
/// record) and the fields in conflict between its parents.
struct MergeDecisions {
  let settled: [(field: String, choice: String)]
  let conflicts: [[String]]

  /// How the merge settled `field`, when the field was in conflict and a trailer covers it.
  func choice(for field: String) -> String? {
    let tokens = field.split(separator: ".").map(String.init)
    guard conflicts.contains(where: { tokens.starts(with: $0) || $0.starts(with: tokens) }) else { return nil }
    return settled.first { $0.field == field || $0.field == "*" || field.hasPrefix($0.field + ".") }?.choice
  }
}

/// One thing blame explains: a field's value, or one element of a set.
struct BlameLeaf {
  let field: String
  let value: JSONValue
  /// True for one element of a set array: a parent holds it when its array contains it.
  let isElement: Bool

  /// Every leaf of a record: nested objects field by field, sets element by element.
  static func leaves(of fields: JSONObject, sets: SetArrays) -> [BlameLeaf] {
    FieldChange.leaves(of: fields).flatMap { leaf -> [BlameLeaf] in
      let steps = leaf.path.split(separator: ".").map(String.init)
      if case .array(let items) = leaf.value, !items.isEmpty, sets.isSet(steps) {
        return items.map { BlameLeaf(field: leaf.path, value: $0, isElement: true) }
      }
      return [BlameLeaf(field: leaf.path, value: leaf.value, isElement: false)]
    }
  }

  /// Whether a version of the record already has this value (or this element).
  func holds(_ fields: JSONObject) -> Bool {
    let found = JSONPointer(tokens: field.split(separator: ".").map(String.init)).resolve(in: .object(fields))
    guard isElement else { return found == value }
    return found?.arrayValue?.contains(value) ?? false
  }
}
