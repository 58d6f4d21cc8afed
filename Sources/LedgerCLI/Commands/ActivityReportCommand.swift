import Foundation
import LedgerCore
import LedgerLanguage
import LedgerQuery

/// `adminledger report activity [--from DAY] [--to DAY] [--by month|year]`: the platform's
/// activity indicators per period, computed from the history (see `ActivityReport`).
enum ActivityReportCommand {
  static let spec = CommandSpec(
    name: "report activity", synopsis: "[--from DAY] [--to DAY] [--by month|year]",
    summary: Phrase(
      "report the activity per month or year, from history: accounts, rights, tickets, data requests, trainings"),
    details: Phrase(
      """
      Counts, per period, the accounts opened and closed, the rights granted and revoked, the
      tickets opened and closed (and per type), the data requests (per request type), the
      trainings held and the people trained (each once per period). The figures come from the
      history: records since removed count, and a change counts in the period it was made (on
      the record's own opened or closed day when the same change wrote it). Days are read as
      --at reads them; without --from and --to, the last twelve whole months.
      """),
    options: [
      .single("from", "DAY", Phrase("the first day counted (default: twelve months before --to)")),
      .single("to", "DAY", Phrase("the last day counted (default: the end of last month)")),
      .single("by", "month|year", Phrase("one row per month (the default) or per year")),
    ],
    formats: ReportCommands.formats,
    examples: [
      .example(
        "adminledger report activity --from 2026-01-01 --to 2026-12-31",
        Phrase("the activity of 2026, month by month")),
      .example(
        "adminledger report activity --by year --format csv",
        Phrase("the last twelve months' totals, for a spreadsheet")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let byText = context.arguments.value("by") ?? "month"
    guard let period = ActivityReport.Period(rawValue: byText) else {
      throw .usage(tr("--by takes month or year, not '\(byText)'"))
    }
    let ledger = try context.openLedger()
    let zone = context.timeZone(of: ledger)
    let today = LedgerDate.day(of: context.environment.now(), in: zone)
    let defaults = ActivityReport.lastTwelveMonths(before: today)
    let to = try context.day("to", ledger: ledger) ?? defaults.to
    let from = try context.day("from", ledger: ledger) ?? ActivityReport.twelveMonths(through: to).from
    guard from <= to else {
      throw .usage(
        tr("--from \(from) is after --to \(to)"), hint: tr("give the first day counted, then the last"))
    }
    let report = try context.perform { () throws(StoreError) in
      try ActivityReport.make(ledger.history, from: from, to: to, by: period, timeZone: zone)
    }
    ReportPrinter.print(report, context)
    return .ok
  }
}
