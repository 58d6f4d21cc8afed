import LedgerCore
import LedgerJSON

/// `adminledger show KIND/ID`: one record, as fields or JSON.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", synopsis: "KIND/ID [--at REV]",
    summary: "show one record",
    details: "Text output lists one field per line (nested fields as dotted paths); JSON output\nis the record's object with \"id\" added.",
    options: [.single("at", "REV", "read the ledger as it was at a commit, branch or tag")],
    positionals: 1...1, run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try RecordArguments.key(context.positionals[0])
    let ledger = try context.openLedger()
    let record = try context.perform { () throws(StoreError) in
      try ledger.store.snapshot(at: context.arguments.value("at")).record(key)
    }
    guard let record else { throw .store(.recordNotFound(key)) }
    if context.format == .json {
      context.printJSON(record.jsonWithID)
      return .ok
    }
    context.out.line(key.description)
    let rows = FieldRows.rows(of: record.fields)
    let width = rows.map(\.0.count).max() ?? 0
    for (path, value) in rows {
      context.out.line("  " + (path + ":").padded(to: width + 1) + " " + value)
    }
    return .ok
  }
}
