import Foundation
import LedgerCore
import LedgerJSON

/// Runs a planned query over a ledger view: filters, sorts, limits, and reads columns.
public struct QueryEvaluator {
  let view: LedgerView
  /// The day the value `today` in a condition stands for (`end<today`).
  let today: String?

  public init(view: LedgerView, today: String? = nil) {
    self.view = view
    self.today = today
  }

  /// The records of the plan's kind that meet every condition, sorted and limited.
  public func run(_ plan: QueryPlan) throws(StoreError) -> [Record] {
    var matching: [Record] = []
    let candidates: [Record]
    if let indexed = try indexedCandidates(plan) { candidates = indexed } else { candidates = try view.records(of: plan.kind) }
    for record in candidates where try meets(record, plan) { matching.append(record) }
    if !plan.sort.isEmpty {
      var keyed: [(Record, [JSONValue?])] = []
      for record in matching {
        var keys: [JSONValue?] = []
        for (_, path) in plan.sort { keys.append(try values(path, in: record).first) }
        keyed.append((record, keys))
      }
      keyed.sort { left, right in
        for (position, (key, _)) in plan.sort.enumerated() {
          switch (left.1[position], right.1[position]) {
          case (nil, nil): continue
          case (nil, _): return false  // missing values last, whatever the direction
          case (_, nil): return true
          case (let a?, let b?):
            let order = ValueComparison.compare(a, b)
            if order == .orderedSame { continue }
            return key.descending ? order == .orderedDescending : order == .orderedAscending
          }
        }
        return left.0.key.id < right.0.key.id
      }
      matching = keyed.map(\.0)
    }
    if let limit = plan.limit { matching = Array(matching.prefix(limit)) }
    return matching
  }

  /// The records that can meet an equality on a field of the kind itself, from the field's
  /// value index: a superset of the answer (every condition is still checked on each), nil
  /// when no condition can use an index. Only texts that equal a value exactly when they are
  /// the same string qualify (not a number, a decimal or a boolean, which compare by meaning;
  /// ASCII only, as Swift compares other text by canonical equivalence).
  private func indexedCandidates(_ plan: QueryPlan) throws(StoreError) -> [Record]? {
    for (condition, path) in plan.conditions where condition.op == .equals && path.hops.isEmpty && path.field != ["id"] {
      guard let text = resolvingToday(condition).values.first, !text.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }),
        ValueComparison.decimal(text) == nil, !["true", "false", "null"].contains(text)
      else { continue }
      let field = path.field
      return try view.records(
        of: plan.kind, indexedAt: field,
        values: { record in
          QueryEvaluator.items(QueryEvaluator.read(field, in: .object(record.fields)).filter { $0 != .null })
        }, holding: .string(text))
    }
    return nil
  }

  /// The values a path reads in a record, following references; arrays are not expanded.
  public func values(_ path: ResolvedPath, in record: Record) throws(StoreError) -> [JSONValue] {
    var current = [record]
    for hop in path.hops {
      var next: [Record] = []
      for source in current {
        for (_, value) in view.values(at: hop.steps, in: source) {
          if case .string(let id) = value, let target = try view.record(hop.target, id) { next.append(target) }
        }
      }
      current = next
    }
    if path.field == ["id"] { return current.map { .string($0.key.id.value) } }
    return current.flatMap { QueryEvaluator.read(path.field, in: .object($0.fields)) }
  }

  private func meets(_ record: Record, _ plan: QueryPlan) throws(StoreError) -> Bool {
    for (condition, path) in plan.conditions {
      let found = try values(path, in: record).filter { $0 != .null }
      guard QueryEvaluator.holds(resolvingToday(condition), QueryEvaluator.items(found), present: !found.isEmpty) else {
        return false
      }
    }
    return true
  }

  /// Whether `record` meets every planned condition.
  public func meets(_ record: Record, _ conditions: [(Condition, ResolvedPath)]) throws(StoreError) -> Bool {
    try meets(record, QueryPlan(kind: record.key.kind, conditions: conditions, sort: [], fields: [], limit: nil))
  }

  /// The condition with the word `today` replaced by the day it stands for.
  func resolvingToday(_ condition: Condition) -> Condition {
    guard let today, condition.values.contains("today") else { return condition }
    return Condition(path: condition.path, op: condition.op, values: condition.values.map { $0 == "today" ? today : $0 })
  }

  static func holds(_ condition: Condition, _ items: [JSONValue], present: Bool) -> Bool {
    let text = condition.values.first ?? ""
    switch condition.op {
    case .present: return present
    case .absent: return !present
    case .equals: return items.contains { ValueComparison.compare($0, text) == .orderedSame }
    case .notEquals: return !items.contains { ValueComparison.compare($0, text) == .orderedSame }
    case .less: return items.contains { ValueComparison.compare($0, text) == .orderedAscending }
    case .lessOrEqual: return items.contains { [.orderedAscending, .orderedSame].contains(ValueComparison.compare($0, text)) }
    case .greater: return items.contains { ValueComparison.compare($0, text) == .orderedDescending }
    case .greaterOrEqual:
      return items.contains { [.orderedDescending, .orderedSame].contains(ValueComparison.compare($0, text)) }
    case .contains: return items.contains { ValueComparison.contains($0, text) }
    case .isIn:
      return items.contains { item in condition.values.contains { ValueComparison.compare(item, $0) == .orderedSame } }
    }
  }

  /// What a condition compares: a list field matches when one of its items does
  /// (`functions=delegate`).
  static func items(_ found: [JSONValue]) -> [JSONValue] {
    found.flatMap { value -> [JSONValue] in value.arrayValue ?? [value] }
  }

  /// The values at a dotted path, going through arrays of objects (`handovers.date`).
  static func read(_ path: [String], in value: JSONValue) -> [JSONValue] {
    guard let head = path.first else { return [value] }
    switch value {
    case .object(let object): return object[head].map { QueryEvaluator.read(Array(path.dropFirst()), in: $0) } ?? []
    case .array(let items): return items.flatMap { QueryEvaluator.read(path, in: $0) }
    default: return []
    }
  }
}
