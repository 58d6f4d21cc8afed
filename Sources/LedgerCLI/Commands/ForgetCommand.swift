import LedgerCore
import LedgerLanguage

/// `adminledger forget PERSON --reason TEXT [--dry-run]`: the right to erasure.
enum ForgetCommand {
  static let spec = CommandSpec(
    name: "forget", synopsis: "PERSON --reason TEXT [--dry-run]",
    summary: Phrase("forget a person: rewrite the history without their personal values, with a signed erasure record"),
    details: Phrase(
      """
      Rewrites every commit of the branch without the person's personal values: their record
      loses its personal fields (emails, phone, notes: the fields the schema marks x-personal)
      and its name, and takes a neutral id (forgotten-xxxxx) that every reference follows; their
      former id, names, emails and phones are replaced wherever they were written, in any
      record, file or commit message. What is not personal (amounts, dates, statuses, the work
      administrators did) stays, and so does the authorship of commits unless ledger.json's
      policy sets erase_authorship. An erasure record (erasures/ID.json: who, when, why, which
      fields, and each rewritten commit's former id) is committed on top, signed as any commit:
      the audit verifies it against the former history while that is at hand, and the shared
      repository's hook admits the rewrite only with it, from a role with forget_people.

      Run it in a clone in step with the shared repository (sync first). Then 'adminledger
      sync' pushes the rewrite and drops the former history's objects from this clone; every
      other clone's next sync follows it, moves its unpublished commits onto it and drops the
      former objects too. --dry-run says what would be rewritten and changes nothing.
      """),
    options: [
      .single("reason", "TEXT", Phrase("why: the request and its date, the legal ground (kept in the erasure record)")),
      .flag("dry-run", Phrase("say what would be rewritten, change nothing")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger forget tblanc --reason \"erasure requested on 2026-11-30\" --dry-run",
        Phrase("see what erasing a person would rewrite"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let key = try person(context.positionals[0])
    guard let reason = context.arguments.value("reason") else {
      throw .usage(ForgetRenderer.reasonNeeded)
    }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    let dryRun = context.arguments.flag("dry-run")
    let result = try context.perform { () throws(StoreError) in
      try ledger.forget(key, reason: reason, by: author, at: context.environment.now(), dryRun: dryRun)
    }
    if context.format == .json {
      context.printJSON(ForgetRenderer.json(result))
    } else {
      for line in ForgetRenderer.lines(result) { context.out.line(line) }
    }
    return .ok
  }

  /// A person named by id (`hlefevre`) or key (`people/hlefevre`).
  static func person(_ text: String) throws(CLIError) -> RecordKey {
    guard text.contains("/") else { return RecordKey(kind: .people, id: try RecordArguments.id(text)) }
    let key = try RecordArguments.key(text)
    guard key.kind == .people else { throw .usage(ForgetRenderer.notAPerson(key)) }
    return key
  }
}
