import LedgerCore
import LedgerJSON
import LedgerQuery

/// `adminledger show KIND/ID`: one record, as fields or JSON, with what it links to.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", synopsis: "KIND/ID [--refs] [--at REV|DATE]",
    summary: "show one record",
    details: """
      Text output lists one field per line (nested fields as dotted paths); JSON output is the
      record's object with "id" added. --refs adds the records it refers to and every record
      that refers to it (in JSON: {"record", "references", "referred_by"}).
      """,
    options: [
      .flag("refs", "also list the records it refers to and those that refer to it"),
      .single("at", "REV|DATE", "read the ledger as it was at a commit, or at the end of a day (YYYY-MM-DD)"),
    ],
    positionals: 1...1, run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try RecordArguments.key(context.positionals[0])
    let view = try context.read().view
    guard let record = try context.perform({ () throws(StoreError) in try view.record(key) }) else {
      if let problems = try context.perform({ () throws(StoreError) in try view.problems(of: key) }) {
        throw .findings(problems)
      }
      throw .store(.recordNotFound(key))
    }
    let withRefs = context.arguments.flag("refs")
    let outgoing = withRefs ? view.references(of: record) : []
    let incoming = withRefs ? try context.perform { () throws(StoreError) in try view.referrers(of: key) } : []
    if context.format == .json {
      guard withRefs else {
        context.printJSON(record.jsonWithID)
        return .ok
      }
      context.printJSON([
        "record": record.jsonWithID,
        "references": .array(outgoing.map { ["field": .string($0.0.description), "record": .string($0.1.description)] }),
        "referred_by": .array(incoming.map { ["record": .string($0.0.key.description), "field": .string($0.1.description)] }),
      ])
      return .ok
    }
    context.out.line(key.description)
    let rows = FieldRows.rows(of: record.fields)
    let width = rows.map(\.0.count).max() ?? 0
    for (path, value) in rows {
      context.out.line("  " + (path + ":").padded(to: width + 1) + " " + value)
    }
    guard withRefs else { return .ok }
    context.out.line("refers to:")
    if outgoing.isEmpty { context.out.line("  nothing") }
    for (pointer, target) in outgoing {
      let label = (try? view.record(target)).flatMap { $0.map(RecordLabel.label) } ?? "(missing)"
      context.out.line("  " + String(pointer.description.dropFirst()).padded(to: 14) + " " + target.description + "  " + label)
    }
    context.out.line("referred to by:")
    if incoming.isEmpty { context.out.line("  nothing") }
    for (referrer, pointer) in incoming {
      context.out.line("  " + referrer.key.description + "  (" + String(pointer.description.dropFirst()) + ")  " + RecordLabel.label(referrer))
    }
    return .ok
  }
}
