import LedgerCore
import LedgerJSON

/// `adminledger list KIND`: the records of one kind as a table, JSON, NDJSON or CSV.
enum ListCommand {
  static let spec = CommandSpec(
    name: "list", synopsis: "KIND [--at REV]",
    summary: "list the records of a kind",
    details: """
      The table shows the id and the kind's main fields and fits the terminal. JSON is an array
      of records, each with "id" added; NDJSON one record per line; CSV one row per record with
      a column per field (nested values as JSON).
      """,
    options: [.single("at", "REV", "read the ledger as it was at a commit, branch or tag")],
    positionals: 1...1, formats: [.text, .json, .ndjson, .csv], run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let kind = try RecordArguments.kind(context.positionals[0])
    let ledger = try context.openLedger()
    let load = try context.perform { () throws(StoreError) in
      try ledger.store.snapshot(at: context.arguments.value("at")).records(of: kind)
    }
    for diagnostic in load.diagnostics {
      var warning = diagnostic
      warning.severity = .warning
      context.err.line(DiagnosticRenderer.text(warning, colored: false))
    }
    switch context.format {
    case .json: context.printJSON(.array(load.records.map(\.jsonWithID)))
    case .ndjson: load.records.forEach { context.out.line($0.jsonWithID.compactText) }
    case .csv: context.out.write(CSVWriter.write(records: load.records))
    case .text: printTable(load.records, kind: kind, context)
    }
    return .ok
  }

  private static func printTable(_ records: [Record], kind: RecordKind, _ context: CommandContext) {
    guard !records.isEmpty else {
      context.out.line("No \(kind) in the ledger.")
      return
    }
    let columns = ["id"] + kind.summaryFields
    let rows = records.map { record in
      [record.key.id.value] + kind.summaryFields.map { FieldRows.cell(record.fields[$0]) }
    }
    let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
    context.out.write(TableRenderer.render(header: columns, rows: rows, maximumWidth: width))
  }
}
