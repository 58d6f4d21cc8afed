import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger validate`: the whole ledger against its schemas and rules.
enum ValidateCommand {
  static let spec = CommandSpec(
    name: "validate", synopsis: "[--at REV]",
    summary: Phrase("check every record against its schema and the cross-record rules"),
    details: Phrase(
      """
      Prints each finding as FILE:LINE:COL: error[RULE]: MESSAGE (at /pointer) with a hint, and
      exits 1 when there is any. Rules: schema/KEYWORD (the kind's JSON Schema), json, id,
      no-id-field, no-secret, unique, ref-exists, right-role-offered, temporary-right-end,
      active-right-on-closed-account, payment-approver, evolution-approval, ticket-closed-date.
      """),
    options: [.single("at", "REV", Phrase("validate the ledger as it was at a commit, branch or tag"))],
    examples: [
      .example(
        "adminledger validate",
        Phrase("check every record of the ledger")),
      .example(
        "adminledger validate --format json",
        Phrase("the same, for a program")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let at = try context.revision(ledger: ledger)
    let (diagnostics, records) = try context.atRevision { () throws(StoreError) in try ledger.validate(at: at) }
    let errors = diagnostics.filter { $0.severity == .error }
    // A merge in progress leaves the work tree between two states: HEAD may be valid while
    // the files about to be committed are not, so the ledger is not declared valid then.
    let merge =
      context.arguments.value("at") == nil
      ? try context.perform { () throws(StoreError) in try ledger.mergeReport() } : nil
    let lineMerge =
      context.arguments.value("at") == nil
      ? try context.perform { () throws(StoreError) in try ledger.lineMergeCheck() } : nil
    let settled =
      errors.isEmpty && (merge.map { $0.conflicts.isEmpty && $0.findings.isEmpty } ?? true)
      && (lineMerge?.markedFiles.isEmpty ?? true)
    if context.format == .json {
      var object: JSONObject = [
        "valid": .bool(settled), "records": .number(JSONNumber(records)),
        "diagnostics": .array(diagnostics.map(DiagnosticRenderer.json)),
        "merge": merge.map { MergeRenderer.json($0, zone: context.timeZone(of: ledger)) } ?? .null,
      ]
      if let lineMerge, !lineMerge.isClean { object["line_merge"] = LineMergeRenderer.json(lineMerge) }
      context.printJSON(.object(object))
      return settled ? .ok : .findings
    }
    for line in lineMerge.map(LineMergeRenderer.lines) ?? [] { context.err.line(line) }
    let colored = Color.enabled(for: context.out, variables: context.environment.variables)
    for diagnostic in diagnostics { context.out.line(DiagnosticRenderer.text(diagnostic, colored: colored)) }
    if let merge {
      for finding in merge.findings { context.out.line(DiagnosticRenderer.text(finding, colored: colored)) }
      context.out.line(MergeRenderer.inProgressUnchecked(merge))
      context.err.line(MergeRenderer.hint(merge))
    }
    if diagnostics.isEmpty {
      context.out.line(DiagnosticRenderer.valid(records: records, lastCommitOnly: merge != nil))
    } else {
      context.out.line(DiagnosticRenderer.summary(diagnostics))
    }
    return settled ? .ok : .findings
  }
}
