import Foundation
import LedgerCore
import LedgerLanguage

/// `adminledger import KIND FILE.csv`: a spreadsheet's rows as records, in one commit.
enum ImportCommand {
  static let spec = CommandSpec(
    name: "import",
    synopsis:
      "KIND FILE.csv [--profile NAME] [--update [--match FIELD] [--missing FIELD=VALUE]] [--map COLUMN=FIELD]... [--encoding ENC] [--date-format FORMAT] [--decimal-comma] [--dry-run]",
    summary: Phrase("import a CSV file: new records, or with --update changes to those it lists; one commit or none"),
    details: Phrase(
      """
      Reads RFC 4180 CSV with ',' or ';' (detected), UTF-8 with or without BOM, or ISO-8859-1
      (detected, or --encoding latin1). Columns named like the kind's fields (and id) are read;
      others are mapped with --map 'COLUMN=FIELD' or left out (and said so). --date-format
      DD/MM/YYYY and --decimal-comma read the spreadsheet's ways of writing dates and numbers.
      Profiles read known files: dolibarr-members (the back office's member export, into
      people) and training-followup (the training sheet, one attendee a row, into trainings:
      rows of a session make one record; people matched by name and organisation),
      last-login (a system's last-login dates per account, into accounts' last_seen; --system
      names the system) and access-review (a partner's filled 'report review' file: each
      right kept, its validation renewed, or revoked with the reason) and certificates (a
      certificate transparency search or an inventory of host names and certificate ends, into
      the certificate_end of the systems whose url names the host; the latest end is kept).
      With --update, a row that matches a record (by id, or by --match FIELD such as emails)
      changes the fields that differ; other rows add records; unchanged rows change nothing.
      Records the file should list and does not are reported ("in the ledger, not in the
      file"); --missing FIELD=VALUE sets a field on them in the same commit (for example
      member_status=resigned). Without --update, a row naming a record the ledger holds
      refuses the import. A training sheet's sessions already in the ledger (same day, topic
      and trainers) are always matched: their attendees merge as a set, so importing the
      sheet twice changes nothing.
      Nothing is committed unless every row makes a valid record; each problem names its line
      and column; an import that changes nothing makes no commit. --dry-run prints the plan,
      field by field, without committing.
      """),
    options: [
      .single(
        "profile", "NAME",
        Phrase("generic (default), dolibarr-members, training-followup, last-login, access-review or certificates")),
      .repeated("map", "COLUMN=FIELD", Phrase("read COLUMN into FIELD")),
      .single("system", "SYSTEM", Phrase("the system the file comes from (last-login)")),
      .single("encoding", "ENC", Phrase("auto (default), utf-8 or latin1")),
      .single("date-format", "FORMAT", Phrase("how dates are written, such as DD/MM/YYYY")),
      .flag("decimal-comma", Phrase("numbers are written with a decimal comma (3,5)")),
      .flag("update", Phrase("change the records the file lists where they differ, and report those it no longer lists")),
      .single("match", "FIELD", Phrase("with --update: find a row's record by this field too (such as emails)")),
      .single("missing", "FIELD=VALUE", Phrase("with --update: set this on the records the file no longer lists")),
      .flag("dry-run", Phrase("check every row and print what would change, without committing")),
      .flag("quiet", Phrase("print only the summary line, not each record (problems are still shown)")),
    ],
    positionals: 2...2,
    examples: [
      .example(
        "adminledger import people members.csv --profile dolibarr-members",
        Phrase("add the members of the back office's export")),
      .example(
        "adminledger import people members.csv --profile dolibarr-members --update --missing member_status=resigned --dry-run",
        Phrase("see what a newer export would change")),
      .example(
        "adminledger import accounts geonature-last-logins.csv --profile last-login --system geonature",
        Phrase("record when each account was last seen")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let kind = try RecordArguments.kind(context.positionals[0])
    let file = context.positionals[1]
    let (profile, encoding) = try profileAndEncoding(context, kind: kind)
    let data = try context.readInput(file)
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    let mode = try importMode(context)
    if !mode.dryRun { context.warnIfUnknownAuthor(author, in: ledger) }
    let options = try importOptions(context, ledger: ledger)
    let table: CSVTable
    do {
      table = try CSVTable.read(data, encoding: encoding)
    } catch {
      throw .store(.importRefused(file: file, problems: [error]))
    }
    let quiet = context.arguments.flag("quiet")
    if !quiet { context.err.line(ImportReport.reading(rows: table.rows.count, of: file)) }
    let progress = Progress(context.err)
    progress.show(ImportReport.checking(rows: table.rows.count, of: file))
    let outcome: ReconcileOutcome
    do throws(CLIError) {
      outcome = try context.perform { () throws(StoreError) in
        try ledger.store.importTable(
          table, file: file, kind: kind, profile: profile, options: options, mode: mode, by: author,
          at: context.environment.now())
      }
    } catch {
      progress.clear()
      throw error
    }
    progress.clear()
    let skipped = outcome.reconciliation.skipped
    if quiet {
      if !skipped.isEmpty && context.format == .text { context.err.line(ImportReport.leftOut(skipped.count)) }
    } else {
      for note in skipped { context.err.line(ImportReport.note(note, file: file)) }
      // Values read in a person's form (1 234,50 €, 06 12 34 56 78, 06/12/2026): each says how
      // it is stored, so nothing is changed silently.
      for conversion in outcome.reconciliation.conversions where context.format == .text {
        context.err.line(ImportReport.converted(conversion, file: file))
      }
    }
    if context.format == .json {
      var json = ReconcileRenderer.json(outcome)
      if case .object(var object) = json {
        object["conversions"] = WriteReport.json(outcome.reconciliation.conversions)
        json = .object(object)
      }
      context.printJSON(json)
    } else {
      let name = URL(fileURLWithPath: file).lastPathComponent
      let lines = ReconcileRenderer.text(outcome, file: name, noun: kind.rawValue, dryRun: mode.dryRun)
      // --quiet: the summary line alone; the records and what is missing are in --format json.
      (quiet ? Array(lines.prefix(1)) : lines).forEach(context.out.line)
    }
    return .ok
  }

  /// `--profile` and `--encoding`, checked against the kind imported.
  private static func profileAndEncoding(_ context: CommandContext, kind: RecordKind) throws(CLIError)
    -> (ImportProfile, CSVTable.Encoding)
  {
    let profileName = context.arguments.value("profile") ?? "generic"
    guard let profile = ImportProfile(rawValue: profileName) else {
      let names = ImportProfile.allCases.map(\.rawValue).joined(separator: ", ")
      throw .usage(tr("unknown profile '\(profileName)'"), hint: tr("profiles: \(names)"))
    }
    if let fixed = profile.kind, fixed != kind {
      throw .usage(tr("the \(profile.rawValue) profile imports \(fixed), not \(kind)"))
    }
    let encodingName = context.arguments.value("encoding") ?? "auto"
    guard let encoding = CSVTable.Encoding(rawValue: encodingName) else {
      throw .usage(tr("unknown encoding '\(encodingName)'"), hint: tr("use auto, utf-8 or latin1"))
    }
    return (profile, encoding)
  }

  /// `--date-format`, `--decimal-comma`, `--system` and `--map`, with the ledger's today.
  private static func importOptions(_ context: CommandContext, ledger: Ledger) throws(CLIError) -> ImportOptions {
    var options = ImportOptions(today: LedgerDate.day(of: context.environment.now(), in: context.timeZone(of: ledger)))
    options.dateFormat = context.arguments.value("date-format")
    options.decimalComma = context.arguments.flag("decimal-comma")
    options.system = try context.arguments.value("system").map { (text) throws(CLIError) in
      try RecordArguments.id(text).value
    }
    for text in context.arguments.all("map") {
      guard let equals = text.firstIndex(of: "="), let field = FieldPath(String(text[text.index(after: equals)...])) else {
        throw .usage(tr("expected COLUMN=FIELD, got '\(text)'"))
      }
      options.mappings.append((String(text[..<equals]), field))
    }
    return options
  }

  /// `--update`, `--match`, `--missing` and `--dry-run`.
  static func importMode(_ context: CommandContext) throws(CLIError) -> ImportMode {
    var mode = ImportMode()
    mode.update = context.arguments.flag("update")
    mode.dryRun = context.arguments.flag("dry-run")
    if let text = context.arguments.value("match") {
      guard mode.update else { throw .usage(tr("--match finds the records to update: pass it with --update")) }
      guard let field = FieldPath(text) else { throw .usage(tr("--match takes a field, not '\(text)'")) }
      mode.match = field
    }
    if let text = context.arguments.value("missing") {
      guard mode.update else { throw .usage(tr("--missing changes the records the file no longer lists: pass it with --update")) }
      guard let equals = text.firstIndex(of: "="), let field = FieldPath(String(text[..<equals])) else {
        throw .usage(
          tr("expected --missing FIELD=VALUE, got '\(text)'"), hint: tr("for example --missing member_status=resigned"))
      }
      mode.missing = (field, String(text[text.index(after: equals)...]))
    }
    return mode
  }
}
