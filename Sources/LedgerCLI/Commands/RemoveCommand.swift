import LedgerCore
import LedgerLanguage

/// `adminledger rm KIND/ID`: removes a record in one commit; history keeps it.
enum RemoveCommand {
  static let spec = CommandSpec(
    name: "rm", synopsis: "KIND/ID",
    summary: Phrase("remove a record (its history stays in the log)"),
    positionals: 1...1,
    examples: [
      .example(
        "adminledger rm tickets/2026-02-03-ldujf",
        Phrase("remove a record no other record names"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try RecordArguments.key(context.positionals[0])
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let result = try context.perform { () throws(StoreError) in
      try ledger.store.remove(key, by: author, at: context.environment.now())
    }
    WriteReport.print(result, verb: "rm", context)
    return .ok
  }
}
