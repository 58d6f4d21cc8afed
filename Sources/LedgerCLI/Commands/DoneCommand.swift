import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `adminledger done DUTY`: records that a duty was done, so `report expiring` moves its next
/// due day (its last day done plus its frequency) and `report duties` shows it.
enum DoneCommand {
  static let spec = CommandSpec(
    name: "done", synopsis: "DUTY [--on DAY] [--by PERSON] [--note TEXT]",
    summary: Phrase("record that a duty was done: its next due day moves"),
    details: Phrase(
      """
      Adds {on, by, note} to the duty's done list and sets last_done, in one commit whose
      message names the duty and the day. The day is today unless --on gives another one (a
      day already past: YYYY-MM-DD, or DD/MM/YYYY in a French ledger); a day in the future is
      refused. By default the one who did it is the person whose git_identities or emails hold
      the author's email. 'report expiring' lists the next due day: last_done plus the duty's
      frequency (daily, weekly, monthly, quarterly or yearly).
      """),
    options: [
      .single("on", "DAY", Phrase("the day it was done (default today)")),
      .single("by", "PERSON", Phrase("who did it (default the author's person)")),
      .single("note", "TEXT", Phrase("what was done, in a few words")),
    ],
    positionals: 1...1,
    examples: [
      .example("adminledger done consistency --note \"Brevo lists matched\"", Phrase("the monthly check, done today")),
      .example("adminledger done site --on 2026-12-01", Phrase("a duty done a few days ago")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let id = try RecordArguments.id(context.positionals[0])
    let reading = try context.read()
    let duties = try context.perform { () throws(StoreError) in try reading.view.records(of: .duties) }
    guard var duty = duties.first(where: { $0.key.id == id }) else { throw unknownDuty(id.value, among: duties) }
    let day = try context.day("on", ledger: reading.ledger) ?? reading.today
    guard day <= reading.today else {
      throw .usage(
        tr("--on \(LocalFormat.day(day)) is in the future: a duty is recorded once it is done"),
        hint: tr("give a day up to today (\(LocalFormat.day(reading.today)))"))
    }
    let note = context.arguments.value("note").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    if note?.isEmpty == true { throw .usage(tr("--note is empty"), hint: tr("say what was done, or leave --note out")) }
    let author = try context.author(for: reading.ledger)
    context.warnIfUnknownAuthor(author, in: reading.ledger)
    var person = try context.perform { () throws(StoreError) in try personWriting(author, reading.view) }
    if let by = context.arguments.value("by") { person = try RecordArguments.id(by).value }
    let result = try context.perform { () throws(StoreError) in
      try reading.ledger.store.recordDone(
        DutyDone(duty: id, day: day, person: person, note: note), by: author, at: context.environment.now())
    }
    guard context.format != .json else {
      WriteReport.print(result, verb: "done", context)
      return .ok
    }
    context.out.line(tr("Done: \(duty.key) on \(LocalFormat.day(day)) (commit \(result.commit.prefix(7)))"))
    let last = duty.fields["last_done"]?.stringValue.map { max($0, day) } ?? day
    duty.fields["last_done"] = .string(last)
    if let next = ExpiringReport.nextDue(of: duty) {
      context.out.line(tr("Next due: \(LocalFormat.day(next))"))
    }
    return .ok
  }

  /// The person whose `git_identities` or `emails` hold the author's email, if exactly one does.
  private static func personWriting(_ author: Author, _ view: LedgerView) throws(StoreError) -> String? {
    let email = author.email.lowercased()
    let found = try view.records(of: .people).filter { person in
      ["git_identities", "emails"].contains { field in
        (person.fields[field]?.arrayValue ?? []).contains { $0.stringValue?.lowercased() == email }
      }
    }
    return found.count == 1 ? found[0].key.id.value : nil
  }

  private static func unknownDuty(_ id: String, among duties: [Record]) -> CLIError {
    let ids = duties.map(\.key.id.value).sorted()
    if let near = Suggestion.closest(to: id, among: ids) {
      return .usage(tr("no duty '\(id)'"), hint: tr("did you mean '\(near)'? 'adminledger report duties' lists them"))
    }
    return .usage(tr("no duty '\(id)'"), hint: tr("'adminledger report duties' lists the duties and their ids"))
  }
}
