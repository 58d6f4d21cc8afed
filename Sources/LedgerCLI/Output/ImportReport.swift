import LedgerCore
import LedgerJSON

/// The words of an import's per-row report: `FILE:LINE: error[RULE]: message (column "Email")`,
/// and of the line said before the rows are read.
enum ImportReport {
  static func reading(rows: Int, of file: String) -> String {
    "Reading \(rows) rows of \(file)..."
  }

  static func text(_ problem: ImportProblem, file: String, severity: String = "error") -> String {
    let column = problem.column.map { " (column \"\($0)\")" } ?? ""
    var text = "\(file):\(problem.line): \(severity)[\(problem.rule)]: \(problem.message)\(column)"
    if let hint = problem.hint { text += "\nhint: \(hint)" }
    return text
  }

  /// A row read and left out, said as a note: the import goes on without it.
  static func note(_ problem: ImportProblem, file: String) -> String {
    text(problem, file: file, severity: "note")
  }

  static func json(_ problem: ImportProblem) -> JSONValue {
    var object: JSONObject = [
      "line": .number(JSONNumber(problem.line)), "rule": .string(problem.rule), "message": .string(problem.message),
    ]
    if let column = problem.column { object["column"] = .string(column) }
    if let hint = problem.hint { object["hint"] = .string(hint) }
    return .object(object)
  }
}
