import Foundation
import LedgerJSON

/// Every record's history and blame, from one walk of the whole history: what a reader of the
/// whole ledger (the review site) shows for each record, at the cost of one `log`, where
/// `blame` per record would walk the history once per record.
///
/// The steps are those of `log` through merges, newest first: a change made on another clone
/// is credited to the commit that made it, a merge only with what it decided itself. A field's
/// blame is the newest step that gave it its value (for a set, that added the element), or a
/// merge that decided it (its `Ledger-Resolved` trailer names how): the same answer as
/// `blame`, except where one value reached a merge by two routes (both sides made the same
/// change, or an earlier merge chose the value one side already had), where either commit may
/// be named, and where a whole-record resolution dropped a clean change of this clone's side
/// (the merge, here; the other side's commit, in `blame`).
public struct LedgerChronicle: Sendable {
  /// One commit's change to one record.
  public struct Step: Sendable {
    public let entry: HistoryEntry
    /// `add`, `set` or `rm`, as the commit trailers say.
    public let action: String
    public let fields: [FieldChange]
  }

  /// Every commit walked, newest first.
  public let entries: [HistoryEntry]
  /// Each commit's place in `entries` (0 for the newest): the order of history.
  public let positions: [String: Int]
  /// Each record's steps, newest first.
  public let steps: [RecordKey: [Step]]
  /// The merges whose trailers settled fields, newest first, by the record they name, with
  /// the fields and the choices.
  private let resolutions: [RecordKey: [(entry: HistoryEntry, settled: [(field: String, choice: String)])]]
  private let sets: [RecordKind: SetArrays]

  init(log: [HistoryStep], sets: [RecordKind: SetArrays]) {
    var steps: [RecordKey: [Step]] = [:]
    var resolutions: [RecordKey: [(entry: HistoryEntry, settled: [(field: String, choice: String)])]] = [:]
    for step in log {
      for change in step.changes {
        steps[change.key, default: []].append(Step(entry: step.entry, action: change.action, fields: change.fields))
      }
      guard step.entry.parents.count > 1 else { continue }
      for (key, settled) in Dictionary(grouping: Self.resolved(in: step.entry.message), by: \.key) {
        resolutions[key, default: []].append((step.entry, settled.map { ($0.field, $0.choice) }))
      }
    }
    self.entries = log.map(\.entry)
    self.positions = Dictionary(log.enumerated().map { ($1.entry.commit, $0) }) { first, _ in first }
    self.steps = steps
    self.resolutions = resolutions
    self.sets = sets
  }

  /// For every field of `record` (every element of a set), the commit that gave it its value,
  /// sorted by field then value; a field no step explains (history rewritten) is left out.
  public func blame(_ record: Record) -> [FieldBlame] {
    let leaves = BlameLeaf.leaves(of: record.fields, sets: sets[record.key.kind] ?? .empty)
    let history = steps[record.key] ?? []
    let merges = resolutions[record.key] ?? []
    var result: [FieldBlame] = []
    for leaf in leaves {
      // The newest step that gave the value: a merge is a step only with what it decided (a
      // conflict it settled away from its first parent, a value no side had), as in `log`.
      guard let step = history.firstIndex(where: { Self.gave(leaf, in: $0) }) else { continue }
      let entry = history[step].entry
      let resolution =
        entry.parents.count > 1
        ? (merges.first { $0.entry.commit == entry.commit }.flatMap { Self.choice($0.settled, field: leaf.field) } ?? "merge")
        : nil
      result.append(FieldBlame(field: leaf.field, value: leaf.value, entry: entry, resolution: resolution))
    }
    return result.sorted { ($0.field, $0.value.compactText) < ($1.field, $1.value.compactText) }
  }

  /// Whether the step gave the leaf its value: changed that field to it, or added the element.
  private static func gave(_ leaf: BlameLeaf, in step: Step) -> Bool {
    for change in step.fields where change.path == leaf.field || leaf.field.hasPrefix(change.path + ".") {
      let tokens = leaf.field.split(separator: ".").dropFirst(change.path.split(separator: ".").count).map(String.init)
      let new = change.new.flatMap { JSONPointer(tokens: tokens).resolve(in: $0) }
      let old = change.old.flatMap { JSONPointer(tokens: tokens).resolve(in: $0) }
      guard leaf.isElement else { return new == leaf.value }
      return new?.arrayValue?.contains(leaf.value) == true && old?.arrayValue?.contains(leaf.value) != true
    }
    return false
  }

  /// The records and fields a merge's trailers settled, with the choice.
  static func resolved(in message: String) -> [(key: RecordKey, field: String, choice: String)] {
    message.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("Ledger-Resolved: ") else { return nil }
      let words = line.dropFirst(17).split(separator: " ").map(String.init)
      guard words.count == 3, let key = RecordKey(path: words[0] + ".json") else { return nil }
      return (key, words[1], words[2])
    }
  }

  /// The choice of the trailer of `message` that settled `field` of `key`, if any.
  static func choice(in message: String, key: RecordKey, field: String) -> String? {
    choice(resolved(in: message).filter { $0.key == key }.map { ($0.field, $0.choice) }, field: field)
  }

  /// The choice that settled `field` (or the object holding it, or the whole record: `*`).
  private static func choice(_ settled: [(field: String, choice: String)], field: String) -> String? {
    settled.first { $0.field == field || $0.field == "*" || field.hasPrefix($0.field + ".") }?.choice
  }
}

extension LedgerHistory {
  /// Every record's history and blame as of `revision`, from one walk of its history.
  public func chronicle(at revision: String?) throws(StoreError) -> LedgerChronicle {
    let log = try log(from: revision, filter: LogFilter())
    let rules = try MergeRules(snapshot(revision))
    var sets: [RecordKind: SetArrays] = [:]
    for kind in RecordKind.allCases { sets[kind] = rules.sets(forLedgerPath: kind.folder + "/x.json") ?? .empty }
    return LedgerChronicle(log: log, sets: sets)
  }
}
