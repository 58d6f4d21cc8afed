/// A condition as written: `account.person.organization=cen-paca`, `end<2026-12-31`,
/// `status in active,validated`, `phone` (present), `!closed` (absent).
public struct Condition: Equatable, Sendable, CustomStringConvertible {
  public enum Operator: String, Sendable, CaseIterable {
    case equals = "=", notEquals = "!=", less = "<", lessOrEqual = "<=", greater = ">"
    case greaterOrEqual = ">=", contains = "~", isIn = "in", present, absent
  }

  /// The dotted path, as written.
  public let path: [String]
  public let op: Operator
  /// The value(s) compared with; several for `in`, none for presence.
  public let values: [String]

  public var description: String {
    let field = path.joined(separator: ".")
    switch op {
    case .present: return field
    case .absent: return "!" + field
    case .isIn: return "\(field) in \(values.joined(separator: ","))"
    default: return field + op.rawValue + (values.first ?? "")
    }
  }
}

/// One sort key: `-end` sorts by `end`, latest first.
public struct SortKey: Equatable, Sendable, CustomStringConvertible {
  public let path: [String]
  public let descending: Bool

  public var description: String { (descending ? "-" : "") + path.joined(separator: ".") }
}

/// A whole `list` question.
public struct Query: Equatable, Sendable {
  public var conditions: [Condition] = []
  public var sort: [SortKey] = []
  public var fields: [[String]] = []
  public var limit: Int?

  public init() {}
}
