import LedgerCore
import LedgerLanguage

/// `adminledger offboard PERSON`: a person leaves; what they hold ends in one commit, and the
/// checklist says what to do by hand in each outside system.
enum OffboardCommand {
  static let spec = CommandSpec(
    name: "offboard", synopsis: "PERSON [--on DATE] [--status resigned|lapsed|none] [--deputy ID] [--dry-run]",
    summary: Phrase("end what a person holds (accounts, rights, roles, duties) in one commit, and print the checklist"),
    details: Phrase(
      """
      In one validated commit, on DATE (default: today in the ledger's time zone): the
      person's member_status becomes resigned (or --status), their functions end, each of
      their ledger roles and signing keys is held until DATE; each account of theirs that is
      not closed is closed on DATE, taken off its mailbox's lists, with its requested,
      validated and active rights revoked. A mailbox on a system whose record says
      "on_leave": {"mailbox": "redirect"} is kept but suspended, its mail redirected to the
      deputy's first email, else to on_leave.redirect_to. A duty they answered for alone goes
      to its deputy, else to the person's deputy, else stays and is listed under "To decide";
      they stop being a duty's deputy or actor and an organisation's contact; a system they
      answered for goes to the deputy. The deputy is --deputy, else, for a delegate, the one
      active member of their department who is a deputy.
      Then the checklist: for each system, each account to delete or disable, or to redirect,
      with its roles and lists. 'report drift SYSTEM EXPORT' confirms it afterwards.
      --dry-run prints the plan and every field change, and commits nothing.
      """),
    options: [
      .single("on", "DATE", Phrase("the day things end (default: today in the ledger's time zone)")),
      .single("status", "STATUS", Phrase("member_status afterwards: resigned (default), lapsed or none")),
      .single("deputy", "ID", Phrase("who takes over what the person did alone (default: their department's deputy)")),
      .flag("dry-run", Phrase("print the plan without committing")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger offboard tblanc --dry-run",
        Phrase("see what a person's departure would end")),
      .example(
        "adminledger offboard tblanc --on 2026-12-31 --deputy lmartin",
        Phrase("end everything a person holds at the end of the year")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    var request = OffboardRequest(person: try RecordArguments.id(context.positionals[0]))
    if context.arguments.value("on") != nil {
      request.day = try context.day("on", ledger: try context.openLedger())
    }
    if let status = context.arguments.value("status") {
      guard Offboarding.statuses.contains(status) else {
        throw .usage(
          tr("--status takes \(Offboarding.statuses.joined(separator: ", ")), not '\(status)'"),
          hint: tr("a leaver's member_status says they left; active and honorary members are not leaving"))
      }
      request.status = status
    }
    if let deputy = context.arguments.value("deputy") {
      request.deputy = try RecordArguments.id(deputy)
      guard request.deputy != request.person else { throw .usage(tr("--deputy names the person leaving")) }
    }
    let dryRun = context.arguments.flag("dry-run")
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let outcome = try context.perform { () throws(StoreError) in
      try ledger.store.offboard(request, dryRun: dryRun, by: author, at: context.environment.now())
    }
    if context.format == .json {
      context.printJSON(PeopleRenderer.json(outcome, dryRun: dryRun))
    } else {
      PeopleRenderer.text(outcome, dryRun: dryRun).forEach(context.out.line)
    }
    return .ok
  }
}
