import LedgerJSON

/// Why a schema cannot be used: each problem names the schema document and the place in it.
public struct SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
  public struct Problem: Equatable, Sendable {
    /// The schema document's URI (its `$id`, or the file it came from).
    public var document: String
    /// Where in that document.
    public var pointer: JSONPointer
    public var message: String
  }

  public var problems: [Problem]

  init(_ problems: [Problem]) { self.problems = problems }

  init(document: String, pointer: JSONPointer, _ message: String) {
    self.problems = [Problem(document: document, pointer: pointer, message: message)]
  }

  public var description: String {
    problems.map { "\($0.document)#\($0.pointer): \($0.message)" }.joined(separator: "\n")
  }
}
