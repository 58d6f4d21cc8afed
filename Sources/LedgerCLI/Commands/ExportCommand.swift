import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `adminledger export KIND` and `adminledger export contacts`.
enum ExportCommand {
  static let spec = CommandSpec(
    name: "export", synopsis: "KIND [--where CONDITION]... [--at REV|DATE] [--format csv|json|ndjson]",
    summary: Phrase("export records as CSV (the form 'import' reads back) or JSON"),
    details: Phrase(
      """
      CSV has an id column and a column per field; lists and objects are written as JSON, so
      'adminledger import KIND FILE' reads the file back into the same records.
      """),
    options: [
      .repeated("where", "CONDITION", Phrase("export only records meeting the condition (as for list)")),
      .single("at", "REV|DATE", Phrase("export the ledger as it was at a commit, or at the end of a day")),
    ],
    positionals: 1...1, formats: [.csv, .json, .ndjson, .text],
    examples: [
      .example(
        "adminledger export people --format csv > people.csv",
        Phrase("export the people to edit in a spreadsheet and import back")),
      .example(
        "adminledger export rights --where status=active --format ndjson",
        Phrase("the active rights, one JSON object a line")),
    ],
    run: { context throws(CLIError) in
      let kind = try RecordArguments.kind(context.positionals[0])
      let query = try ListCommand.parseQuery(context)
      let reading = try context.read()
      let plan: QueryPlan
      do throws(QueryError) { plan = try Planner(view: reading.view).plan(query, for: kind) } catch { throw .query(error) }
      let evaluator = QueryEvaluator(view: reading.view, today: reading.today)
      let records = try context.perform { () throws(StoreError) in try evaluator.run(plan) }
      switch context.format {
      case .json: context.printJSON(.array(records.map(\.jsonWithID)))
      case .ndjson: records.forEach { context.out.line($0.jsonWithID.compactText) }
      case .text:
        // A table to read, as 'list' prints: every field, each cell as 'show' writes it.
        let fields = Array(Set(records.flatMap { $0.fields.keys })).sorted()
        let rows = records.map { record in [record.key.id.value] + fields.map { FieldRows.cell(record.fields[$0]) } }
        ListCommand.printTable(["id"] + fields, rows, kind: kind, context)
      default: context.out.write(CSVWriter.write(records: records))
      }
      return .ok
    })

  static let contacts = CommandSpec(
    name: "export contacts", synopsis: "[--at REV|DATE]",
    summary: Phrase("export the mailing service's contact list (EMAIL;FIRSTNAME;LASTNAME;SMS)"),
    details: Phrase(
      """
      One line per active member with a paid-up membership and an email, in the form the
      mailing service (Brevo) imports: ';' separators, last names in capitals, mobile numbers
      in international form.
      """),
    options: [.single("at", "REV|DATE", Phrase("export the ledger as it was at a commit, or at the end of a day"))],
    formats: [.csv, .json, .text],
    examples: [
      .example(
        "adminledger export contacts > contacts.csv",
        Phrase("the file to import into the mailing service"))
    ],
    run: { context throws(CLIError) in
      let reading = try context.read()
      if context.format == .text {
        let rows = try context.perform { () throws(StoreError) in try ContactExport.rows(reading.view, today: reading.today) }
        let header = ContactExport.header.split(separator: ";").map(String.init)
        let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
        context.out.write(TableRenderer.render(header: header, rows: rows, maximumWidth: width))
        return .ok
      }
      guard context.format == .json else {
        let lines = try context.perform { () throws(StoreError) in try ContactExport.lines(reading.view, today: reading.today) }
        context.out.write(lines.joined(separator: "\n") + "\n")
        return .ok
      }
      // JSON carries the values themselves: no spreadsheet reads it, so nothing is neutralised.
      let rows = try context.perform { () throws(StoreError) in try ContactExport.rows(reading.view, today: reading.today) }
      let columns = ContactExport.header.split(separator: ";").map(String.init)
      context.printJSON(
        .array(
          rows.map { cells in
            .object(JSONObject(Array(zip(columns, cells.map { JSONValue.string($0) }))))
          }))
      return .ok
    })
}
