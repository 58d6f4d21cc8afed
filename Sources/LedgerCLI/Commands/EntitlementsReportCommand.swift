import LedgerCore
import LedgerLanguage
import LedgerQuery

/// `adminledger report entitlements [--system ID]`: the rights people's functions call for
/// (ledger.json's `entitlements`) against the rights they hold. A check, as `report
/// consistency` is: it exits 1 when it finds a missing or unjustified right, or an entitlement
/// naming a system or role that does not exist (printed first, on standard error, as
/// `validate` prints findings).
enum EntitlementsReportCommand {
  static let spec = CommandSpec(
    name: "report entitlements", synopsis: "[--system ID] [--at REV|DATE]",
    summary:
      Phrase(
        "report rights people's functions call for and they lack, and rights no function of theirs calls for; exit 1 when any"),
    details: Phrase(
      """
      ledger.json's "entitlements" map each function (people's functions: delegate, deputy,
      board, treasurer...) to the roles on systems it calls for, such as
      "delegate": [{"role": "delegate", "system": "dolibarr"}]. A person is entitled to what
      all their functions call for. "Missing" lists each such right they do not hold as an
      active right through one of their accounts, with their accounts on the system ("no
      account" when they have none). "Not justified by any function" lists the active rights
      that none of their holder's functions calls for, with who granted them (granted_by, else
      the author of the commit that made the right active) and when (start, else validated_on,
      else that commit's day), the reason recorded, and the functions that would call for them.
      Only systems some entitlement names are judged for unjustified rights: a system no
      function calls for is granted case by case. Roles match exactly. Exceptions are fine:
      record their reason in the right; they stay listed, for the audit.
      Exits 1 when something is listed, or when an entitlement names a system that does not
      exist or a role it does not offer.
      """),
    options: [.single("system", "ID", Phrase("only the rights on this system")), ReportCommands.at],
    formats: ReportCommands.formats,
    examples: [
      .example(
        "adminledger report entitlements",
        Phrase("rights missing or not justified by people's functions")),
      .example(
        "adminledger report entitlements --system geonature",
        Phrase("the same, for one system")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let system = try context.arguments.value("system").map { (text) throws(CLIError) in try RecordArguments.id(text) }
    let reading = try context.read()
    if let system, try context.perform({ () throws(StoreError) in try reading.view.record(.systems, system.value) }) == nil {
      throw .store(.recordNotFound(RecordKey(kind: .systems, id: system)))
    }
    let (report, problems, check) = try context.perform { () throws(StoreError) in
      (
        try EntitlementsReport.make(reading.view, history: reading.ledger.history, system: system?.value),
        try reading.view.entitlementProblems(), try EntitlementCheck(reading.view)
      )
    }
    let colored = Color.enabled(for: context.err, variables: context.environment.variables)
    for problem in problems { context.err.line(DiagnosticRenderer.text(problem, colored: colored)) }
    if check.entitlements.isEmpty {
      for line in EntitlementWarning.noEntitlements { context.err.line(line) }
    } else if let system, !check.judgedSystems.contains(system.value) {
      context.err.line(EntitlementWarning.unjudged(system: system.value))
    }
    ReportPrinter.print(report, context)
    return (report.findings ?? 0) > 0 || !problems.isEmpty ? .findings : .ok
  }
}
