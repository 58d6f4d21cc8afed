import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `diff` and `blame`: the history of records, field by field (`log` has its own file).
enum HistoryCommands {
  static let diff = CommandSpec(
    name: "diff", synopsis: "A..B | A B",
    summary: Phrase("show the records added, removed and changed between two revisions or days"),
    details: Phrase("A and B are commits, branches, tags or days (YYYY-MM-DD, the end of that day)."),
    positionals: 1...2,
    examples: [
      .example(
        "adminledger diff HEAD~3..HEAD",
        Phrase("the records the last three commits changed")),
      .example(
        "adminledger diff 2026-01-01 2026-06-30",
        Phrase("what changed in the first half of 2026")),
    ],
    run: { context throws(CLIError) in
      let (from, to): (String, String)
      if context.positionals.count == 2 {
        (from, to) = (context.positionals[0], context.positionals[1])
      } else {
        let parts = context.positionals[0].components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty else {
          throw .usage(tr("expected A..B, such as HEAD~3..HEAD or 2026-01-01..2026-06-30"))
        }
        (from, to) = (parts[0], parts[1].isEmpty ? "HEAD" : parts[1])
      }
      let ledger = try context.openLedger()
      let (start, end) = (try context.revision(from, ledger: ledger), try context.revision(to, ledger: ledger))
      let changes = try context.atRevision { () throws(StoreError) in try ledger.history.diff(from: start, to: end) }
      if context.format == .json {
        context.printJSON(.array(changes.map(HistoryRenderer.json)))
      } else if changes.isEmpty {
        context.out.line(HistoryRenderer.noDifference(from: from, to: to))
      } else {
        for line in HistoryRenderer.changes(changes) { context.out.line(line) }
      }
      return .ok
    })

  static let blame = CommandSpec(
    name: "blame", synopsis: "KIND/ID [--at REV|DATE]",
    summary: Phrase("show, for every field of a record, the commit, author and date of its last change"),
    details: Phrase(
      """
      Through merges: a field changed on another administrator's clone is credited to the commit
      that changed it there, not to the merge that brought it; a merge is named only when it
      chose the value itself, with how (its Ledger-Resolved trailer: ours, theirs or set). The
      elements of an array the schema marks as a set (attendees, emails) are blamed one by one.
      """),
    options: [ReportCommands.at], positionals: 1...1,
    examples: [
      .example(
        "adminledger blame people/tblanc",
        Phrase("who last changed each of a person's fields, and when"))
    ],
    run: { context throws(CLIError) in
      let key = try RecordArguments.key(context.positionals[0])
      let ledger = try context.openLedger()
      let at = try context.revision(ledger: ledger)
      let lines = try context.atRevision { () throws(StoreError) in
        try ledger.history.blame(key, at: at)
      }
      let zone = context.timeZone(of: ledger)
      if context.format == .json {
        context.printJSON(HistoryRenderer.json(lines, zone: zone))
        return .ok
      }
      let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
      context.out.write(HistoryRenderer.blame(lines, zone: zone, maximumWidth: width))
      return .ok
    })

  static let all = [LogCommand.spec, diff, blame]
}
