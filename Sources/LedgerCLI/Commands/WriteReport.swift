import LedgerCore
import LedgerJSON

/// How write commands report the commit they made.
enum WriteReport {
  static func print(_ result: WriteResult?, verb: String, _ context: CommandContext) {
    guard let result else {
      if context.format == .json {
        context.printJSON(["action": .string(verb), "commit": .null, "records": []])
      } else {
        context.out.line("Nothing changed: the record already holds these values")
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
    let past = ["add": "Added", "set": "Updated", "rm": "Removed", "commit": "Committed"][verb] ?? verb
    let named = records.count <= 5 ? records.joined(separator: ", ") : "\(records.count) records"
    context.out.line("\(past) \(named) (commit \(result.commit.prefix(7)))")
    for line in result.changes.message.body where verb != "commit" { context.out.line("  " + line) }
  }
}
