import LedgerCore

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
      conditions.append((condition, try resolve(condition.path, in: kind, condition: condition.description)))
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

/// A query ready to run: its paths resolved.
public struct QueryPlan: Sendable {
  public let kind: RecordKind
  let conditions: [(Condition, ResolvedPath)]
  let sort: [(SortKey, ResolvedPath)]
  /// The columns asked for; empty means the kind's default columns.
  public let fields: [ResolvedPath]
  let limit: Int?
}
