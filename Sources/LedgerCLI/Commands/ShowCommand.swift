import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `adminledger show KIND/ID`: one record, as fields or JSON, with what it links to.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", synopsis: "KIND/ID [--refs] [--at REV|DATE]",
    summary: Phrase("show one record"),
    details: Phrase(
      """
      Text output lists one field per line (nested fields as dotted paths); JSON output is the
      record's object with "id" added. --refs adds the records it refers to and every record
      that refers to it (in JSON: {"record", "references", "referred_by"}).
      """),
    options: [
      .flag("refs", Phrase("also list the records it refers to and those that refer to it")),
      .single("at", "REV|DATE", Phrase("read the ledger as it was at a commit, or at the end of a day (YYYY-MM-DD)")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger show people/tblanc",
        Phrase("show a person's fields")),
      .example(
        "adminledger show people/tblanc --refs",
        Phrase("show a person and every record that names them")),
      .example(
        "adminledger show systems/geonature --at 2026-01-01",
        Phrase("show a record as it was at the end of a day")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try RecordArguments.key(context.positionals[0])
    let view = try context.read().view
    guard let record = try context.perform({ () throws(StoreError) in try view.record(key) }) else {
      if let problems = try context.perform({ () throws(StoreError) in try view.problems(of: key) }) {
        throw .findings(problems)
      }
      throw .store(.recordNotFound(key))
    }
    let withRefs = context.arguments.flag("refs")
    let outgoing = withRefs ? view.references(of: record) : []
    let incoming = withRefs ? try context.perform { () throws(StoreError) in try view.referrers(of: key) } : []
    if context.format == .json {
      guard withRefs else {
        context.printJSON(record.jsonWithID)
        return .ok
      }
      context.printJSON([
        "record": record.jsonWithID,
        "references": .array(outgoing.map { ["field": .string($0.0.description), "record": .string($0.1.description)] }),
        "referred_by": .array(incoming.map { ["record": .string($0.0.key.description), "field": .string($0.1.description)] }),
      ])
      return .ok
    }
    for line in RecordRenderer.fields(key, rows: FieldRows.rows(of: record.fields)) { context.out.line(line) }
    guard withRefs else { return .ok }
    let references = outgoing.map { pointer, target in
      (pointer, target, (try? view.record(target)).flatMap { $0.map(RecordLabel.label) })
    }
    for line in RecordRenderer.references(references, referrers: incoming) { context.out.line(line) }
    return .ok
  }
}
