import Foundation
import LedgerGit
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

// Blame through merges. Each field (and each element of a set) is followed from the commit
// shown back through history: a commit that holds the same value as one of its parents passes
// it on to that parent, so a change made on a side branch is credited to the commit that made
// it, never to the merge that brought it; a merge is named only when it chose a value neither
// parent had. The walk visits each commit once, children first, compares one file's blob id
// with its parents', parses the record only where it changed, and stops when every field is
// explained. A field a merge's `Ledger-Resolved` trailer settled is credited to the merge,
// with the choice, even when the value came from one side: the merge chose it.
extension GitRecordStore {
  /// For every field of `key` as it is at `revision`, the commit that gave it its value.
  public func blame(_ key: RecordKey, at revision: String?) throws(StoreError) -> [FieldBlame] {
    let snapshot = try gitSnapshot(at: revision)
    guard let current = try snapshot.record(key), let tip = snapshot.commitID else { throw .recordNotFound(key) }
    let sets = try MergeRules(snapshot).sets(forLedgerPath: key.path) ?? .empty
    let path = repositoryPath(key.path)
    var pending: [ObjectID: [BlameLeaf]] = [tip: BlameLeaf.leaves(of: current.fields, sets: sets)]
    var result: [FieldBlame] = []
    let index = historyIndex
    do {
      for id in try index.topologicalOrder(from: tip) {
        guard var leaves = pending.removeValue(forKey: id), !leaves.isEmpty else { continue }
        let entry = try index.entry(id)
        if entry.parents.count > 1 {
          // A field the merge's trailers say it settled is the merge's choice, whichever side
          // it took: named with the resolution.
          let commit = try repository.commit(id)
          for leaf in leaves {
            guard let how = resolvedBy(commit.message, key: key, field: leaf.field) else { continue }
            result.append(FieldBlame(field: leaf.field, value: leaf.value, entry: HistoryEntry(commit), resolution: how))
          }
          leaves.removeAll { resolvedBy(commit.message, key: key, field: $0.field) != nil }
          if leaves.isEmpty { continue }
        }
        // The index says against which parents the file changed, with its blob on both sides.
        var parents: [(id: ObjectID, fields: JSONObject?)] = []
        var sameAs: ObjectID?
        for (parent, changes) in zip(entry.parents, entry.changes) {
          guard let change = changes.first(where: { $0.path == path }) else {
            if sameAs == nil { sameAs = parent }
            continue
          }
          parents.append((parent, try change.old.flatMap(fields(of:))))
        }
        if let sameAs {
          pending[sameAs, default: []] += leaves
          continue
        }
        let commit = try repository.commit(id)
        for leaf in leaves {
          if let holder = parents.first(where: { $0.fields.map(leaf.holds) ?? false }) {
            pending[holder.id, default: []].append(leaf)
          } else {
            let resolution = commit.parents.count > 1 ? resolution(in: commit.message, key: key, field: leaf.field) : nil
            result.append(FieldBlame(field: leaf.field, value: leaf.value, entry: HistoryEntry(commit), resolution: resolution))
          }
        }
        if pending.values.allSatisfy(\.isEmpty) { break }
      }
    } catch {
      throw .git(action: "read the history of \(key)", error)
    }
    return result.sorted { ($0.field, $0.value.compactText) < ($1.field, $1.value.compactText) }
  }

  private func fields(of blob: ObjectID) throws(GitError) -> JSONObject? {
    (try? JSONParser.parse(try repository.blob(blob)))?.objectValue
  }

  /// How a merge's trailers say `field` of `key` was settled, or `merge` when they do not.
  private func resolution(in message: String, key: RecordKey, field: String) -> String {
    resolvedBy(message, key: key, field: field) ?? "merge"
  }

  /// The choice (`ours`, `theirs`, `set`) of the trailer that settled `field` of `key`, if any.
  private func resolvedBy(_ message: String, key: RecordKey, field: String) -> String? {
    LedgerChronicle.choice(in: message, key: key, field: field)
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
