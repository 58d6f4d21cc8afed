import LedgerCore
import LedgerJSON

/// Words diagnostics compiler-style, or as JSON, the one place that does.
///
///     people/hlefevre.json:3:12: error[json]: expected ',' or '}' but found '"'
///     hint: fix the JSON at that spot; a record is one JSON object
enum DiagnosticRenderer {
  static func text(_ diagnostic: Diagnostic, colored: Bool) -> String {
    let severity = diagnostic.severity.rawValue
    let label =
      colored
      ? Color.wrap("\(severity)[\(diagnostic.rule)]", diagnostic.severity == .error ? .red : .yellow)
      : "\(severity)[\(diagnostic.rule)]"
    var text = "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(label): \(diagnostic.message)"
    if !diagnostic.instancePath.tokens.isEmpty { text += " (at \(diagnostic.instancePath))" }
    if let hint = diagnostic.hint { text += "\nhint: \(hint)" }
    return text
  }

  /// The closing count line: `adminledger: 2 errors in 1 file`.
  static func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let files = Set(diagnostics.map(\.file)).count
    var parts: [String] = []
    if errors > 0 { parts.append(plural(errors, "error")) }
    if warnings > 0 { parts.append(plural(warnings, "warning")) }
    return "adminledger: \(parts.joined(separator: ", ")) in \(plural(files, "file"))"
  }

  /// `validate`'s closing line when it found nothing; `lastCommitOnly`: a merge in progress
  /// left the files between two states, so only the last commit was checked.
  static func valid(records: Int, lastCommitOnly: Bool) -> String {
    "\(lastCommitOnly ? "The last commit" : "The ledger") is valid: \(plural(records, "record")) checked."
  }

  /// The record files a reading command left out because they are no record (`diagnostics`
  /// say why), each once.
  static func leftOut(_ diagnostics: [Diagnostic]) -> [String] {
    let files = Set(diagnostics.map(\.file)).count
    let header =
      "adminledger: \(plural(files, "record file")) could not be read and \(files == 1 ? "was" : "were") left out:"
    return [header] + diagnostics.map { text($0, colored: false) }
  }

  /// `json check`'s line for a file that is not JSON: `FILE:LINE:COL: error: MESSAGE`.
  static func invalidJSON(_ file: String, line: Int, column: Int, _ message: String) -> String {
    "\(file):\(line):\(column): error: \(message)"
  }

  static func json(_ diagnostic: Diagnostic) -> JSONValue {
    var object: JSONObject = [
      "severity": .string(diagnostic.severity.rawValue), "file": .string(diagnostic.file),
      "line": .number(JSONNumber(diagnostic.line)), "column": .number(JSONNumber(diagnostic.column)),
      "pointer": .string(diagnostic.instancePath.description), "rule": .string(diagnostic.rule),
      "message": .string(diagnostic.message),
    ]
    if let hint = diagnostic.hint { object["hint"] = .string(hint) }
    return .object(object)
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
