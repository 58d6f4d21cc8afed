import LedgerCore
import LedgerJSON
import LedgerLanguage

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
    if !diagnostic.instancePath.tokens.isEmpty { text += tr(" (at \(diagnostic.instancePath.description))") }
    if let hint = diagnostic.hint { text += "\n" + hintLine(hint) }
    return text
  }

  /// `hint: WHAT TO DO`, the line after a failure or a diagnostic.
  static func hintLine(_ hint: String) -> String { tr("hint: \(hint)") }

  /// `adminledger: error: MESSAGE`, a failure's line; `label` is `error:`, in colour or not.
  static func errorLine(_ message: String, label: String? = nil) -> String {
    let shown = label ?? tr("error:")
    return tr("adminledger: \(shown) \(message)")
  }

  /// `warning: MESSAGE`, a line of its own on standard error.
  static func warningLine(_ message: String) -> String { tr("warning: \(message)") }

  /// `note: MESSAGE`, a line of its own on standard error.
  static func noteLine(_ message: String) -> String { tr("note: \(message)") }

  /// The closing count line: `adminledger: 2 errors in 1 file`.
  static func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let files = Set(diagnostics.map(\.file)).count
    let inFiles = count(files, .file)
    switch (errors > 0, warnings > 0) {
    case (true, true): return tr("adminledger: \(count(errors, .error)), \(count(warnings, .warning)) in \(inFiles)")
    case (false, true): return tr("adminledger: \(count(warnings, .warning)) in \(inFiles)")
    default: return tr("adminledger: \(count(errors, .error)) in \(inFiles)")
    }
  }

  /// `validate`'s closing line when it found nothing; `lastCommitOnly`: a merge in progress
  /// left the files between two states, so only the last commit was checked.
  static func valid(records: Int, lastCommitOnly: Bool) -> String {
    switch (lastCommitOnly, Language.singular(records)) {
    case (true, true): tr("The last commit is valid: \(records) record checked.")
    case (true, false): tr("The last commit is valid: \(records) records checked.")
    case (false, true): tr("The ledger is valid: \(records) record checked.")
    case (false, false): tr("The ledger is valid: \(records) records checked.")
    }
  }

  /// The record files a reading command left out because they are no record (`diagnostics`
  /// say why), each once.
  static func leftOut(_ diagnostics: [Diagnostic]) -> [String] {
    let files = Set(diagnostics.map(\.file)).count
    let header =
      Language.singular(files)
      ? tr("adminledger: \(files) record file could not be read and was left out:")
      : tr("adminledger: \(files) record files could not be read and were left out:")
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

  /// The things the renderers count, each with its singular and plural phrase.
  enum Counted {
    case error, warning, file, record, commit, finding, problem, conflict, openConflict, unpublishedCommit
    case pushedCommit
  }

  /// `1 error`, `2 errors` (`0 erreur` in French): a count and its noun, in the current language.
  // swiftlint:disable:next cyclomatic_complexity
  static func count(_ count: Int, _ noun: Counted) -> String {
    let one = Language.singular(count)
    switch noun {
    case .error: return one ? tr("\(count) error") : tr("\(count) errors")
    case .warning: return one ? tr("\(count) warning") : tr("\(count) warnings")
    case .file: return one ? tr("\(count) file") : tr("\(count) files")
    case .record: return one ? tr("\(count) record") : tr("\(count) records")
    case .commit: return one ? tr("\(count) commit") : tr("\(count) commits")
    case .finding: return one ? tr("\(count) finding") : tr("\(count) findings")
    case .problem: return one ? tr("\(count) problem") : tr("\(count) problems")
    case .conflict: return one ? tr("\(count) conflict") : tr("\(count) conflicts")
    case .openConflict: return one ? tr("\(count) open conflict") : tr("\(count) open conflicts")
    case .unpublishedCommit: return one ? tr("\(count) unpublished commit") : tr("\(count) unpublished commits")
    case .pushedCommit: return one ? tr("\(count) pushed commit") : tr("\(count) pushed commits")
    }
  }
}
