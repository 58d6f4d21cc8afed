import LedgerCore
import LedgerLanguage
import LedgerQuery

/// `adminledger report duties [--person ID] [--system ID] [--organization ID]`: the
/// coordination table (who does what, with which tool and procedure), whole or narrowed.
enum DutiesReportCommand {
  static let spec = CommandSpec(
    name: "report duties", synopsis: "[--person ID] [--system ID] [--organization ID] [--at REV|DATE]",
    summary: Phrase("report the coordination table: each mission's tools, procedure, people responsible and partners"),
    details: Phrase(
      """
      One row per duty, sorted by theme then mission: theme, mission, systems, procedure
      (its title and link), responsible, deputy, actors (each organisation or person with
      its part: validate, test, transmit, receive, review, implement, inform), frequency,
      and the duty's id. Systems and organisations are named by their ids, people by their
      names. --person keeps the duties a person is responsible for, deputy of, or an actor
      of; --system those that use a system; --organization those an organisation takes
      part in: as an actor, through one of its people who is an actor, or through one of its
      people who is responsible or deputy. Given together, every filter must hold.
      'report person ID' lists a person's duties; 'report consistency' finds duties whose
      responsible person or deputy has left.
      """),
    options: [
      .single("person", "ID", Phrase("only the duties this person is responsible for, deputy of or an actor of")),
      .single("system", "ID", Phrase("only the duties that use this system")),
      .single("organization", "ID", Phrase("only the duties this organisation or its people take part in")),
      ReportCommands.at,
    ],
    formats: ReportCommands.formats,
    examples: [
      .example(
        "adminledger report duties",
        Phrase("the whole coordination table")),
      .example(
        "adminledger report duties --person sroux --format csv",
        Phrase("one person's duties, as CSV")),
    ],
    run: { context throws(CLIError) in
      let view = try context.read().view
      let filter = DutiesReport.Filter(
        person: try record(.people, "person", context, view),
        system: try record(.systems, "system", context, view),
        organization: try record(.organizations, "organization", context, view))
      let report = try context.perform { () throws(StoreError) in try DutiesReport.make(view, filter: filter) }
      ReportPrinter.print(report, context)
      return .ok
    })

  /// The record an option names, or nil when the option is absent; an unknown id is a usage
  /// error (exit 2), as for `report person`.
  private static func record(
    _ kind: RecordKind, _ option: String, _ context: CommandContext, _ view: LedgerView
  ) throws(CLIError) -> Record? {
    guard let text = context.arguments.value(option) else { return nil }
    let key = RecordKey(kind: kind, id: try RecordArguments.id(text))
    guard let found = try context.perform({ () throws(StoreError) in try view.record(key) }) else {
      throw .store(.recordNotFound(key))
    }
    return found
  }
}
