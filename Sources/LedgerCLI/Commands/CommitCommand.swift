import LedgerCore
import LedgerLanguage

/// `adminledger commit -m MESSAGE`: commits hand edits, each file checked and made canonical.
enum CommitCommand {
  static let spec = CommandSpec(
    name: "commit", synopsis: "-m MESSAGE",
    summary: Phrase("commit hand edits of the ledger's files"),
    details: Phrase(
      """
      Every edited file must be valid JSON and a valid record; otherwise nothing is committed
      and each problem is shown with its line and column. Committed files are rewritten in
      canonical form. Only the ledger's files are committed; other staged work stays staged.
      """),
    options: [.single("message", "MESSAGE", Phrase("the commit message"), short: "m")],
    examples: [
      .example(
        "adminledger commit -m \"Fix Thomas Blanc's phone number\"",
        Phrase("commit the files edited by hand"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    guard let message = context.arguments.value("message"), !message.isEmpty else {
      throw .usage(tr("a commit needs a message"), hint: tr("pass -m \"what changed and why\""))
    }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let result = try context.perform { () throws(StoreError) in
      try ledger.commitHandEdits(message: message, by: author, at: context.environment.now())
    }
    guard result != nil else {
      if context.format == .json {
        context.printJSON(["action": "commit", "commit": nil, "records": []])
      } else {
        context.out.line(WriteRenderer.nothingToCommit)
      }
      return .ok
    }
    WriteReport.print(result, verb: "commit", context)
    return .ok
  }
}
