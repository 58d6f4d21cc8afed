import LedgerJSON

/// A problem in the user's data, as a value: where it is, which rule it breaks, what to do.
///
/// Loaders and validators return diagnostics and never throw for them; the CLI renders them
/// compiler-style (`people/x.json:3:5: error[json]: ...`) so editors can jump to the spot.
public struct Diagnostic: Equatable, Sendable, Comparable {
  public enum Severity: String, Sendable { case error, warning }

  public var severity: Severity
  /// Path relative to the ledger root, such as `people/hlefevre.json`.
  public var file: String
  public var line: Int
  public var column: Int
  /// The value concerned inside the file.
  public var instancePath: JSONPointer
  /// The rule broken, such as `json`, `id`, `no-id-field`.
  public var rule: String
  /// Lowercase start, no trailing period.
  public var message: String
  /// What to do about it, when there is something to say.
  public var hint: String?

  public init(
    severity: Severity = .error, file: String, line: Int = 1, column: Int = 1,
    instancePath: JSONPointer = .root, rule: String, message: String, hint: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.instancePath = instancePath
    self.rule = rule
    self.message = message
    self.hint = hint
  }

  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column, lhs.rule) < (rhs.file, rhs.line, rhs.column, rhs.rule)
  }
}
