import LedgerCore
import LedgerLanguage

/// `adminledger onboard PERSON --function F`: a person takes on functions; the accounts and
/// rights those call for are requested, in one commit, for someone to validate.
enum OnboardCommand {
  static let spec = CommandSpec(
    name: "onboard", synopsis: "PERSON --function F [--function F]... [--dry-run]",
    summary: Phrase("give a person functions and request the accounts and rights they call for, in one commit"),
    details: Phrase(
      """
      Adds each function to the person's functions (people's functions: delegate, deputy,
      treasurer...), then, for each right all their functions call for (ledger.json's
      "entitlements") that they neither hold nor have requested, requests it: a right with
      status requested on their account on that system (an open one: active, else suspended,
      else requested), or on a new account with status requested when they have none. Ids are
      generated. Everything is validated with the whole ledger and committed in one commit.
      Afterwards, open each account in its system and set its login and status, and have each
      right validated and made active. --dry-run prints the plan and commits nothing.
      """),
    options: [
      .repeated("function", "F", Phrase("a function to give the person (at least one)")),
      .flag("dry-run", Phrase("print the plan without committing")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger onboard jdupont --function delegate --dry-run",
        Phrase("see the accounts and rights a new delegate would get"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let person = try RecordArguments.id(context.positionals[0])
    let functions = context.arguments.all("function")
    guard !functions.isEmpty else {
      throw .usage(tr("onboard needs at least one --function"), hint: tr("for example --function delegate"))
    }
    let dryRun = context.arguments.flag("dry-run")
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let outcome = try context.perform { () throws(StoreError) in
      try ledger.store.onboard(
        OnboardRequest(person: person, functions: functions), dryRun: dryRun, by: author, at: context.environment.now())
    }
    if context.format == .json {
      context.printJSON(PeopleRenderer.json(outcome, dryRun: dryRun))
    } else {
      PeopleRenderer.text(outcome, dryRun: dryRun).forEach(context.out.line)
    }
    return .ok
  }
}
