import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `adminledger list KIND`: the records of one kind that meet conditions, as a table, JSON,
/// NDJSON or CSV.
enum ListCommand {
  static let spec = CommandSpec(
    name: "list", synopsis: "KIND [--where CONDITION]... [--sort FIELDS] [--fields FIELDS] [--limit N] [--at REV|DATE]",
    summary: Phrase("list the records of a kind, filtered and sorted"),
    details: Phrase(
      """
      A condition is FIELD OP VALUE with OP one of = != < <= > >= ~ (contains, ignoring case),
      or FIELD in A,B,C, or FIELD (present), or !FIELD (absent). Several --where are all met.
      FIELD may be a dotted path into nested fields and may follow references:
      account.person.organization=cen-paca on rights. Dates, numbers and amounts compare by
      value; a list field matches when one of its items does (functions=delegate); the value
      today stands for today's date (end<today).
      --sort takes fields separated by commas, - before a field for descending (-end).
      The table shows the id and the kind's main fields (or --fields) and fits the terminal.
      JSON is an array of records with "id" added; NDJSON one per line; CSV one row each.
      """),
    options: [
      .repeated("where", "CONDITION", Phrase("keep records meeting the condition")),
      .repeated("sort", "FIELDS", Phrase("sort by these fields (-FIELD for descending)")),
      .single("fields", "FIELDS", Phrase("the columns to show, separated by commas")),
      .single("limit", "N", Phrase("show at most N records")),
      .single("at", "REV|DATE", Phrase("read the ledger as it was at a commit, or at the end of a day (YYYY-MM-DD)")),
    ],
    positionals: 1...1, formats: [.text, .json, .ndjson, .csv],
    examples: [
      .example(
        "adminledger list people --where functions=delegate --sort name",
        Phrase("the delegates, by name")),
      .example(
        "adminledger list rights --where account.person.organization=pnr-queyras --fields id,account.person.name,role",
        Phrase("the rights of one organisation's people")),
      .example(
        "adminledger list payments --where \"amount>=1000\" --format csv",
        Phrase("large payments, as CSV")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let kind = try RecordArguments.kind(context.positionals[0])
    let query = try parseQuery(context)
    let reading = try context.read()
    let plan: QueryPlan
    do {
      plan = try Planner(view: reading.view).plan(query, for: kind)
    } catch {
      throw .query(error)
    }
    let evaluator = QueryEvaluator(view: reading.view, today: reading.today)
    let records = try context.perform { () throws(StoreError) in try evaluator.run(plan) }
    try print(records, plan: plan, evaluator: evaluator, kind: kind, context)
    return .ok
  }

  static func parseQuery(_ context: CommandContext) throws(CLIError) -> Query {
    var query = Query()
    do {
      for text in context.arguments.all("where") { query.conditions.append(try QueryParser.condition(text)) }
      for text in context.arguments.all("sort") { query.sort += try QueryParser.sortKeys(text) }
      if let text = context.arguments.value("fields") { query.fields = try QueryParser.fieldList(text) }
    } catch {
      throw .query(error)
    }
    if let text = context.arguments.value("limit") {
      guard let limit = Int(text), limit >= 0 else { throw .usage(tr("--limit takes a number, not '\(text)'")) }
      query.limit = limit
    }
    return query
  }

  private static func print(
    _ records: [Record], plan: QueryPlan, evaluator: QueryEvaluator, kind: RecordKind, _ context: CommandContext
  ) throws(CLIError) {
    guard !plan.fields.isEmpty else {
      switch context.format {
      case .json: context.printJSON(.array(records.map(\.jsonWithID)))
      case .ndjson: records.forEach { context.out.line($0.jsonWithID.compactText) }
      case .csv, .ics, .mail: context.out.write(CSVWriter.write(records: records))  // ics, mail: not list formats
      case .text:
        let columns = kind.summaryFields
        let rows = records.map { record in [record.key.id.value] + columns.map { FieldRows.cell(record.fields[$0]) } }
        printTable(["id"] + columns, rows, kind: kind, context)
      }
      return
    }
    var rows: [[JSONValue?]] = []
    for record in records {
      var row: [JSONValue?] = []
      for path in plan.fields {
        let found = try context.perform { () throws(StoreError) in try evaluator.values(path, in: record) }
        row.append(found.count > 1 ? .array(found) : found.first)
      }
      rows.append(row)
    }
    let names = plan.fields.map(\.description)
    switch context.format {
    case .json, .ndjson:
      let objects = rows.map { row in
        JSONValue.object(JSONObject(zip(names, row).map { ($0, $1 ?? .null) }))
      }
      if context.format == .json {
        context.printJSON(.array(objects))
      } else {
        objects.forEach { context.out.line($0.compactText) }
      }
    case .csv, .ics, .mail:  // ics, mail: not among list's formats, so never asked for here
      context.out.write(CSVWriter.write(header: names, rows: rows))
    case .text:
      printTable(names, rows.map { $0.map(FieldRows.cell) }, kind: kind, context)
    }
  }

  static func printTable(_ header: [String], _ rows: [[String]], kind: RecordKind, _ context: CommandContext) {
    guard !rows.isEmpty else {
      context.out.line(RecordRenderer.noMatch(kind))
      return
    }
    let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
    context.out.write(TableRenderer.render(header: header, rows: rows, maximumWidth: width))
  }
}
