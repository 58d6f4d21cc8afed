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
        "records": .array(records.map { .string($0) }),
      ])
      return
    }
    for line in WriteRenderer.written(result, records: records, verb: verb) { context.out.line(line) }
  }
}
