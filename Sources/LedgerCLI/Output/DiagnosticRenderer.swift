import LedgerCore
import LedgerJSON

/// Words diagnostics compiler-style, or as JSON, the one place that does.
///
///     people/hlefevre.json:3:12: error[json]: expected ',' or '}' but found '"'
///     hint: fix the JSON at that spot; a record is one JSON object
enum DiagnosticRenderer {
  static func text(_ diagnostic: Diagnostic, colored: Bool) -> String {
    let severity = diagnostic.severity.rawValue
    let label = colored ? Color.wrap("\(severity)[\(diagnostic.rule)]", diagnostic.severity == .error ? .red : .yellow) : "\(severity)[\(diagnostic.rule)]"
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
