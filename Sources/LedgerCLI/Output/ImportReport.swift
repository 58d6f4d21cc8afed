import LedgerCore
import LedgerJSON
import LedgerLanguage

/// The words of an import's per-row report: `FILE:LINE: error[RULE]: message (column "Email")`,
/// and of the lines said before the rows are read and, with `--quiet`, instead of the rows.
enum ImportReport {
  static func reading(rows: Int, of file: String) -> String {
    Language.singular(rows) ? tr("Reading \(rows) row of \(file)...") : tr("Reading \(rows) rows of \(file)...")
  }

  /// The progress line while the rows are checked and committed (a terminal only).
  static func checking(rows: Int, of file: String) -> String {
    Language.singular(rows)
      ? tr("Checking \(rows) row of \(file)...") : tr("Checking \(rows) rows of \(file)...")
  }

  /// With `--quiet`, what stands for the notes of the rows left out.
  static func leftOut(_ count: Int) -> String {
    Language.singular(count)
      ? tr("note: \(count) row left out (run without --quiet to see it)")
      : tr("note: \(count) rows left out (run without --quiet to see them)")
  }

  static func text(_ problem: ImportProblem, file: String, severity: String = "error") -> String {
    let column = problem.column.map { tr(" (column \"\($0)\")") } ?? ""
    let place = problem.character.map { "\(problem.line):\($0)" } ?? "\(problem.line)"
    var text = "\(file):\(place): \(severity)[\(problem.rule)]: \(problem.message)\(column)"
    if let hint = problem.hint { text += "\n" + tr("hint: \(hint)") }
    return text
  }

  /// A row read and left out, said as a note: the import goes on without it.
  static func note(_ problem: ImportProblem, file: String) -> String {
    text(problem, file: file, severity: "note")
  }

  /// A cell read in a person's form: `FILE:LINE: note[input]: "amount": "1 234,50" is stored as 1234.50`.
  static func converted(_ conversion: InputConversion, file: String) -> String {
    "\(file):\(conversion.line ?? 0): note[input]: \(conversion.note)"
  }

  static func json(_ problem: ImportProblem) -> JSONValue {
    var object: JSONObject = [
      "line": .number(JSONNumber(problem.line)), "rule": .string(problem.rule), "message": .string(problem.message),
    ]
    if let column = problem.column { object["column"] = .string(column) }
    if let character = problem.character { object["character"] = .number(JSONNumber(character)) }
    if let hint = problem.hint { object["hint"] = .string(hint) }
    return .object(object)
  }
}
