import LedgerCore
import LedgerLanguage
import LedgerQuery

/// `adminledger report unused [--since DURATION]`: active rights whose account has not been seen
/// in use for that long, from the `last_seen` dates that `import accounts --profile last-login`
/// records. A listing to act on, not a check: it exits 0 whatever it finds (as `report
/// expiring` does); `report consistency` is the report that exits 1.
enum UnusedReportCommand {
  static let spec = CommandSpec(
    name: "report unused", synopsis: "[--since DURATION] [--system SYSTEM] [--at REV|DATE]",
    summary: Phrase("report active rights whose account has not been seen in use lately, by system and validating organisation"),
    details: Phrase(
      """
      Lists the active rights whose account's last_seen is more than DURATION (default 90d; also
      8w, 3m, 1y) before today, or that was never seen ("never recorded": no last_seen yet).
      last_seen comes from the systems' logs or analytics: import them with
      'adminledger import accounts FILE --profile last-login --system SYSTEM'.
      Rows are grouped by system, then by the organisation of the person who validated the
      right ("(not validated)" last); in each group temporary rights come first, then those
      unused the longest. Today is computed in the ledger's time zone. It is a listing, not a
      check: it exits 0 whatever it finds.
      """),
    options: [
      .single("since", "DURATION", Phrase("how long without use makes a right unused (default 90d)")),
      .single("system", "SYSTEM", Phrase("only the rights on this system")),
      ReportCommands.at,
    ],
    formats: ReportCommands.formats,
    examples: [
      .example(
        "adminledger report unused --since 90d --system geonature",
        Phrase("rights on accounts not seen in use for 90 days"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let days = try ReportCommands.duration(context.arguments.value("since") ?? "90d")
    let system = try context.arguments.value("system").map { (text) throws(CLIError) in try RecordArguments.id(text) }
    let reading = try context.read()
    if let system, try context.perform({ () throws(StoreError) in try reading.view.record(.systems, system.value) }) == nil {
      throw .store(.recordNotFound(RecordKey(kind: .systems, id: system)))
    }
    let report = try context.perform { () throws(StoreError) in
      try UnusedReport.make(reading.view, today: reading.today, since: days, system: system?.value)
    }
    ReportPrinter.print(report, context)
    return .ok
  }
}
