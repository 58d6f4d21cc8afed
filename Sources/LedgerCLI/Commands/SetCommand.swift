import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger set KIND/ID`: changes fields of a record in one commit.
enum SetCommand {
  static let spec = CommandSpec(
    name: "set", synopsis: "KIND/ID [--set FIELD=VALUE]... [--unset FIELD]...",
    summary: Phrase("change or remove fields of a record"),
    details: Phrase(
      """
      FIELD may be a dotted path into nested objects. VALUE is typed by the kind's schema, as
      for add. The changed record, and the records that refer to it, are validated before the
      commit. Setting a field to the value it has makes no commit.
      """),
    options: [
      .repeated("set", "FIELD=VALUE", Phrase("set a field")),
      .repeated("unset", "FIELD", Phrase("remove a field")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger set people/tblanc --set phone=+33612345678",
        Phrase("change one field")),
      .example(
        "adminledger set rights/2023-06-01-71bl6 --set status=revoked --set \"reason=the project is over\"",
        Phrase("revoke a right, saying why")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try RecordArguments.key(context.positionals[0])
    var assignments: [(FieldPath, FieldInput)] = []
    for text in context.arguments.all("set") { assignments.append(try RecordArguments.assignment(text)) }
    var removals: [FieldPath] = []
    for text in context.arguments.all("unset") { removals.append(try RecordArguments.field(text)) }
    guard !assignments.isEmpty || !removals.isEmpty else {
      throw .usage(tr("nothing to change"), hint: tr("give --set FIELD=VALUE or --unset FIELD"))
    }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let result = try context.perform { () throws(StoreError) in
      try ledger.store.update(
        key, setting: assignments, unsetting: removals, by: author, at: context.environment.now())
    }
    WriteReport.print(result, verb: "set", context)
    return .ok
  }
}
