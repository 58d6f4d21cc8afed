import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger log`: the commits that changed records, through merges, with field changes.
enum LogCommand {
  static let spec = CommandSpec(
    name: "log",
    synopsis: "[KIND/ID] [--kind KIND] [--author WHO] [--since DATE] [--until DATE] [--limit N] [--first-parent] [--at REV|DATE]",
    summary: Phrase("show the commits that changed the ledger or one record, with each field change"),
    details: Phrase(
      """
      Newest first, through merges: a change made on another administrator's clone is shown as
      the commit that made it, and a merge only with what it decided itself (a resolution, or a
      change neither side had). --first-parent shows the branch's own line instead, each merge
      with everything it brought. WHO is a person's id (matched through their git_identities),
      an email or a name. DATE is YYYY-MM-DD in the ledger's time zone; --until includes the day.
      """),
    options: [
      .single("kind", "KIND", Phrase("only changes to records of this kind")),
      .single("author", "WHO", Phrase("only commits by this person (id, email or name)")),
      .single("since", "DATE", Phrase("only commits made on or after this day")),
      .single("until", "DATE", Phrase("only commits made on or before this day")),
      .single("limit", "N", Phrase("show at most N commits")),
      .flag("first-parent", Phrase("follow only the branch's first-parent line")),
      ReportCommands.at,
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger log people/tblanc --limit 5",
        Phrase("a record's last five changes")),
      .example(
        "adminledger log --author sroux --since 2026-11-01",
        Phrase("what one administrator changed this month")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let zone = context.timeZone(of: ledger)
    var filter = LogFilter()
    filter.record = try context.positionals.first.map(RecordArguments.key)
    filter.kind = try context.arguments.value("kind").map(RecordArguments.kind)
    filter.firstParent = context.arguments.flag("first-parent")
    filter.limit = try context.arguments.value("limit").map { (text) throws(CLIError) -> Int in
      guard let value = Int(text), value >= 0 else { throw .usage(tr("--limit takes a number, not '\(text)'")) }
      return value
    }
    filter.since = try context.day("since", ledger: ledger).flatMap { LedgerDate.start(of: $0, in: zone) }
    filter.until = try context.day("until", ledger: ledger).flatMap { LedgerDate.start(ofDayAfter: $0, in: zone) }
    let at = try context.revision(ledger: ledger)
    let steps = try context.atRevision { () throws(StoreError) in
      if let who = context.arguments.value("author") { try filter.author(who, in: try ledger.store.snapshot(at: nil)) }
      if let key = filter.record, try ledger.store.snapshot(at: at).record(key) == nil {
        var probe = LogFilter()
        probe.record = key
        probe.limit = 1
        if try ledger.history.log(from: at, filter: probe).isEmpty { throw .recordNotFound(key) }
      }
      return try ledger.history.log(from: at, filter: filter)
    }
    if context.format == .json {
      context.printJSON(
        .array(
          steps.map { step in
            var object = HistoryRenderer.json(step.entry, zone)
            object["records"] = .array(step.changes.map(HistoryRenderer.json))
            return .object(object)
          }))
      return .ok
    }
    for (index, step) in steps.enumerated() {
      if index > 0 { context.out.line() }
      for line in HistoryRenderer.heading(step.entry, zone: zone) + HistoryRenderer.changes(step.changes) {
        context.out.line(line)
      }
    }
    return .ok
  }
}
