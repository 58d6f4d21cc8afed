import LedgerJSON
import LedgerSchema

/// The arrays of one kind that are sets: those whose schema says `"uniqueItems": true`.
///
/// A set merges element by element (an attendee added on one side and another removed on the
/// other both apply); any other array is one value, as a scalar is.
public struct SetArrays: Sendable {
  /// Schema paths of set arrays: field names, `*` for the items of an array or any member of
  /// an object whose members are named freely.
  private let paths: [[String]]

  public init(paths: [[String]]) { self.paths = paths }

  /// The sets a schema declares.
  public init(schema: Schema?) {
    let found = schema?.keywordPaths("uniqueItems").filter { $0.value == .bool(true) } ?? []
    self.init(paths: found.map(\.steps))
  }

  /// No array is a set: JSON files without a schema of their own.
  public static let empty = SetArrays(paths: [])

  /// Whether the array at `steps` (member names from the record's root) is a set.
  public func isSet(_ steps: [String]) -> Bool {
    paths.contains { pattern in
      pattern.count == steps.count && zip(pattern, steps).allSatisfy { $0 == "*" || $0.hasSameCodePoints(as: $1) }
    }
  }
}
