import LedgerCore
import LedgerJSON

/// `adminledger validate`: the whole ledger against its schemas and rules.
enum ValidateCommand {
  static let spec = CommandSpec(
    name: "validate", synopsis: "[--at REV]",
    summary: "check every record against its schema and the cross-record rules",
    details: """
      Prints each finding as FILE:LINE:COL: error[RULE]: MESSAGE (at /pointer) with a hint, and
      exits 1 when there is any. Rules: schema/KEYWORD (the kind's JSON Schema), json, id,
      no-id-field, no-secret, unique, ref-exists, right-role-offered, temporary-right-end,
      active-right-on-closed-account, payment-approver, evolution-approval, ticket-closed-date.
      """,
    options: [.single("at", "REV", "validate the ledger as it was at a commit, branch or tag")],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let (diagnostics, records) = try context.perform { () throws(StoreError) in
      try ledger.validate(at: context.arguments.value("at"))
    }
    let errors = diagnostics.filter { $0.severity == .error }
    if context.format == .json {
      context.printJSON([
        "valid": .bool(errors.isEmpty), "records": .number(JSONNumber(records)),
        "diagnostics": .array(diagnostics.map(DiagnosticRenderer.json)),
      ])
      return errors.isEmpty ? .ok : .findings
    }
    let colored = Color.enabled(for: context.out, variables: context.environment.variables)
    for diagnostic in diagnostics { context.out.line(DiagnosticRenderer.text(diagnostic, colored: colored)) }
    if diagnostics.isEmpty {
      context.out.line("The ledger is valid: \(DiagnosticRenderer.plural(records, "record")) checked.")
    } else {
      context.out.line(DiagnosticRenderer.summary(diagnostics))
    }
    return errors.isEmpty ? .ok : .findings
  }
}
