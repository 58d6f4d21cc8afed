import LedgerCore
import LedgerLanguage

/// A path checked against the schemas: the references it follows, then the field it reads.
///
/// `account.person.organization` on rights: follow `account` to accounts, `person` to people,
/// then read `organization`.
public struct ResolvedPath: Sendable, CustomStringConvertible {
  public struct Hop: Sendable {
    /// The reference field in the current kind (`*` for array items).
    let steps: [String]
    let target: RecordKind
  }

  public let text: String
  let hops: [Hop]
  /// The field read in the last kind; `["id"]` is the record's id.
  let field: [String]

  public var description: String { text }
}

/// Resolves a query's paths against what the schemas declare, so a typo is an error that
/// names the fields that exist, before anything is read.
public struct Planner {
  let view: LedgerView

  public init(view: LedgerView) { self.view = view }

  public func resolve(_ path: [String], in kind: RecordKind, condition text: String) throws(QueryError)
    -> ResolvedPath
  {
    var current = kind
    var index = 0
    var hops: [ResolvedPath.Hop] = []
    while index < path.count {
      let rest = Array(path[index...])
      let hop = view.referenceFields(of: current).first { reference in
        let plain = reference.steps.filter { $0 != "*" }
        return plain.count < rest.count && Array(rest.prefix(plain.count)) == plain
      }
      guard let hop else { break }
      hops.append(ResolvedPath.Hop(steps: hop.steps, target: hop.target))
      index += hop.steps.filter { $0 != "*" }.count
      current = hop.target
    }
    let field = Array(path[index...])
    if field != ["id"], !view.allowsField(field, in: current) {
      throw .unknownField(
        text: text, kind: current.rawValue, field: field.joined(separator: "."),
        known: (view.fieldNames(of: current) + ["id"]).sorted())
    }
    return ResolvedPath(text: path.joined(separator: "."), hops: hops, field: field)
  }

  /// The query with every path resolved.
  public func plan(_ query: Query, for kind: RecordKind) throws(QueryError) -> QueryPlan {
    var conditions: [(Condition, ResolvedPath)] = []
    for condition in query.conditions {
      let path = try resolve(condition.path, in: kind, condition: condition.description)
      conditions.append((try days(condition, path.field, in: path.hops.last?.target ?? kind), path))
    }
    var sort: [(SortKey, ResolvedPath)] = []
    for key in query.sort { sort.append((key, try resolve(key.path, in: kind, condition: key.description))) }
    var fields: [ResolvedPath] = []
    for field in query.fields {
      fields.append(try resolve(field, in: kind, condition: field.joined(separator: ".")))
    }
    return QueryPlan(kind: kind, conditions: conditions, sort: sort, fields: fields, limit: query.limit)
  }
}

extension Planner {
  /// The condition with its values in the ledger's form of a day when its field holds days:
  /// `end<06/12/2026` compares with `2026-12-06` in a French ledger; a value that is no day
  /// (nor `today`) is an error naming the forms, where comparing text would silently match
  /// the wrong records.
  func days(_ condition: Condition, _ field: [String], in kind: RecordKind) throws(QueryError) -> Condition {
    guard ![.present, .absent, .contains].contains(condition.op), view.holdsDays(field, in: kind) else { return condition }
    var values: [String] = []
    for value in condition.values {
      guard value == "today" || value.isEmpty || LedgerDate.isDay(value) else {
        guard let day = view.typedDay(value) else {
          let column =
            condition.description.count - (condition.op == .isIn ? condition.values.joined(separator: ",").count : value.count)
            + 1
          throw .syntax(
            text: condition.description, column: column,
            expected: view.readsDaysFirst
              ? tr("a date such as 2026-12-06 or 06/12/2026, or today, found \"\(value)\"")
              : tr("a date such as 2026-12-06 (year, month, day), or today, found \"\(value)\""))
        }
        values.append(day)
        continue
      }
      values.append(value)
    }
    return Condition(path: condition.path, op: condition.op, values: values)
  }
}

/// A query ready to run: its paths resolved.
public struct QueryPlan: Sendable {
  public let kind: RecordKind
  let conditions: [(Condition, ResolvedPath)]
  let sort: [(SortKey, ResolvedPath)]
  /// The columns asked for; empty means the kind's default columns.
  public let fields: [ResolvedPath]
  let limit: Int?
}
