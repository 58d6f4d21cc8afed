import LedgerCore
import LedgerJSON

/// How write commands report the commit they made.
enum WriteReport {
  static func print(_ result: WriteResult?, verb: String, _ context: CommandContext) {
    guard let result else {
      if context.format == .json {
        context.printJSON(["action": .string(verb), "commit": .null, "records": []])
      } else {
        context.out.line(WriteRenderer.unchanged)
      }
      return
    }
    EntitlementWarning.print(after: result, context)
    // A commit of settings alone (ledger.json) names the files, as no record changed.
    let records = result.changes.records.isEmpty ? result.changes.files.map(\.path) : result.changes.records.map(\.description)
    if context.format == .json {
      context.printJSON([
        "action": .string(verb), "commit": .string(result.commit),
        "records": .array(records.map { .string($0) }), "conversions": json(result.changes.conversions),
      ])
      return
    }
    for line in WriteRenderer.written(result, records: records, verb: verb) { context.out.line(line) }
    for conversion in result.changes.conversions { context.err.line(WriteRenderer.converted(conversion)) }
  }

  /// Values a person typed in their own form, with the form stored: `[{field, given, stored}]`.
  static func json(_ conversions: [InputConversion]) -> JSONValue {
    .array(
      conversions.map {
        var object: JSONObject = ["field": .string($0.field), "given": .string($0.given), "stored": .string($0.stored)]
        if let line = $0.line { object["line"] = .number(JSONNumber(line)) }
        return .object(object)
      })
  }
}
