/// Why a query cannot run. Cases carry data; the CLI words them.
public enum QueryError: Error, Equatable, Sendable {
  /// The text of a condition does not parse; `column` is 1-based in `text`.
  case syntax(text: String, column: Int, expected: String)
  /// A path names a field the kind's schema does not have.
  case unknownField(text: String, kind: String, field: String, known: [String])
  /// A sort or field list is malformed.
  case badList(text: String, reason: String)
}
