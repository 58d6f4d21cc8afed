import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger add KIND [ID]`: adds a record in one commit.
enum AddCommand {
  static let spec = CommandSpec(
    name: "add", synopsis: "KIND [ID] [--set FIELD=VALUE]... [--file FILE|-]",
    summary: Phrase("add a record"),
    details: Phrase(
      """
      Fields come from --file (a JSON object; - reads standard input) and then --set, in order.
      FIELD may be a dotted path into nested objects (mailbox.address). VALUE is typed by the
      kind's schema: a money or text field keeps 12.50 as the string "12.50", a boolean field
      takes true or false, a list takes JSON (["a","b"]). Values are read as people write them
      (an amount 1 234,50 €, a phone 06 12 34 56 78 in the ledger's country, a day DD/MM/YYYY in
      a French ledger) and the write says how each is stored. The record is validated before it is
      committed; an invalid one is refused and nothing is written.
      Accounts, rights, tickets, payments, contracts and trainings get a generated id
      (2026-11-27-k3f9q) when ID is left out; people, organizations and systems need one.
      """),
    options: [
      .repeated("set", "FIELD=VALUE", Phrase("set a field")),
      .single("file", "FILE", Phrase("read the record's fields from a JSON file, or - for standard input")),
    ],
    positionals: 1...2,
    examples: [
      .example(
        "adminledger add people jdupont --set \"name=Jean Dupont\" --set emails=jdupont@example.org",
        Phrase("add a person, whose id you choose")),
      .example(
        "adminledger add accounts --set person=lmartin --set system=wiki --set login=lmartin --set status=requested",
        Phrase("add an account: its id is generated")),
      .example(
        "adminledger add people jdupont --file jdupont.json",
        Phrase("add a record from a JSON file")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let kind = try RecordArguments.kind(context.positionals[0])
    let id = try context.positionals.dropFirst().first.map(RecordArguments.id)
    let fields =
      try context.arguments.value("file").map { (path) throws(CLIError) in
        try readObject(path, context)
      } ?? JSONObject()
    var assignments: [(FieldPath, FieldInput)] = []
    for text in context.arguments.all("set") { assignments.append(try RecordArguments.assignment(text)) }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let result = try context.perform { () throws(StoreError) in
      try ledger.store.add(
        kind, id: id, fields: fields, setting: assignments, by: author, at: context.environment.now())
    }
    WriteReport.print(result, verb: "add", context)
    return .ok
  }

  /// The JSON object in `path` (or standard input for `-`).
  static func readObject(_ path: String, _ context: CommandContext) throws(CLIError) -> JSONObject {
    let name = path == "-" ? "<stdin>" : path
    let bytes: [UInt8]
    if path == "-" {
      bytes = context.environment.readStandardInput()
    } else {
      bytes = try context.readInput(path, limit: InputLimits.ledgerFileBytes)
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw .findings([Diagnostic(parseError: error, file: name)])
    }
    guard case .object(let object) = value else {
      throw .findings([
        Diagnostic(
          file: name, rule: "record-object",
          message: tr("a record is a JSON object, found \(value.typeName)"), hint: tr("wrap the fields in { }"))
      ])
    }
    return object
  }
}
