import LedgerCore
import LedgerJSON

/// `adminledger status`: the ledger files edited by hand and not yet committed.
enum StatusCommand {
  static let spec = CommandSpec(
    name: "status", synopsis: "",
    summary: "show uncommitted hand edits of the ledger's files",
    details: "Reads ledger.json, the kind folders and schemas/; other files are not the ledger's.",
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let edits = try context.perform { () throws(StoreError) in try ledger.handEdits() }
    if context.format == .json {
      context.printJSON(
        .array(edits.map { ["path": .string($0.path), "change": .string($0.change.rawValue)] }))
      return .ok
    }
    guard !edits.isEmpty else {
      context.out.line("No hand edits: the ledger's files match the last commit.")
      return .ok
    }
    for edit in edits { context.out.line(edit.change.rawValue.padded(to: 10) + edit.path) }
    context.err.line("hint: run 'adminledger commit -m MESSAGE' to validate and commit them")
    return .ok
  }
}
