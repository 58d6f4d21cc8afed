import LedgerCore
import LedgerJSON

/// The words of an import's per-row report: `FILE:LINE: error[RULE]: message (column "Email")`.
enum ImportReport {
  static func text(_ problem: ImportProblem, file: String, severity: String = "error") -> String {
    let column = problem.column.map { " (column \"\($0)\")" } ?? ""
    var text = "\(file):\(problem.line): \(severity)[\(problem.rule)]: \(problem.message)\(column)"
    if let hint = problem.hint { text += "\nhint: \(hint)" }
    return text
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
