import Foundation
import LedgerCore

/// `adminledger import KIND FILE.csv`: a spreadsheet's rows as records, in one commit.
enum ImportCommand {
  static let spec = CommandSpec(
    name: "import", synopsis: "KIND FILE.csv [--profile NAME] [--map COLUMN=FIELD]... [--encoding ENC] [--date-format FORMAT] [--decimal-comma] [--dry-run]",
    summary: "import a CSV file: every row validated, all committed together or none",
    details: """
      Reads RFC 4180 CSV with ',' or ';' (detected), UTF-8 with or without BOM, or ISO-8859-1
      (detected, or --encoding latin1). Columns named like the kind's fields (and id) are read;
      others are mapped with --map 'COLUMN=FIELD' or left out (and said so). --date-format
      DD/MM/YYYY and --decimal-comma read the spreadsheet's ways of writing dates and numbers.
      Profiles read known files: dolibarr-members (the back office's member export, into
      people) and training-followup (the training sheet, one attendee a row, into trainings:
      rows of a session make one record; people matched by name and organisation).
      Nothing is committed unless every row makes a valid record; each problem names its line
      and column. --dry-run checks without committing.
      """,
    options: [
      .single("profile", "NAME", "generic (default), dolibarr-members or training-followup"),
      .repeated("map", "COLUMN=FIELD", "read COLUMN into FIELD"),
      .single("encoding", "ENC", "auto (default), utf-8 or latin1"),
      .single("date-format", "FORMAT", "how dates are written, such as DD/MM/YYYY"),
      .flag("decimal-comma", "numbers are written with a decimal comma (3,5)"),
      .flag("dry-run", "check every row and say what would be imported, without committing"),
    ],
    positionals: 2...2, run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let kind = try RecordArguments.kind(context.positionals[0])
    let file = context.positionals[1]
    let profileName = context.arguments.value("profile") ?? "generic"
    guard let profile = ImportProfile(rawValue: profileName) else {
      throw .usage("unknown profile '\(profileName)'", hint: "profiles: " + ImportProfile.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let fixed = profile.kind, fixed != kind {
      throw .usage("the \(profile.rawValue) profile imports \(fixed), not \(kind)")
    }
    let encodingName = context.arguments.value("encoding") ?? "auto"
    guard let encoding = CSVTable.Encoding(rawValue: encodingName) else {
      throw .usage("unknown encoding '\(encodingName)'", hint: "use auto, utf-8 or latin1")
    }
    guard let data = FileManager.default.contents(atPath: context.url(for: file).path) else {
      throw .unreadableFile(path: file, reason: "no such file")
    }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    var options = ImportOptions(today: LedgerDate.day(of: context.environment.now(), in: context.timeZone(of: ledger)))
    options.dateFormat = context.arguments.value("date-format")
    options.decimalComma = context.arguments.flag("decimal-comma")
    for text in context.arguments.all("map") {
      guard let equals = text.firstIndex(of: "="), let field = FieldPath(String(text[text.index(after: equals)...])) else {
        throw .usage("expected COLUMN=FIELD, got '\(text)'")
      }
      options.mappings.append((String(text[..<equals]), field))
    }
    let table: CSVTable
    do {
      table = try CSVTable.read(Array(data), encoding: encoding)
    } catch {
      throw .store(.importRefused(file: file, problems: [error]))
    }
    context.err.write("Reading \(table.rows.count) rows of \(file)...\n")
    let outcome = try context.perform { () throws(StoreError) in
      try ledger.store.importTable(
        table, file: file, kind: kind, profile: profile, options: options,
        dryRun: context.arguments.flag("dry-run"), by: author, at: context.environment.now())
    }
    for note in outcome.skipped { context.err.line(ImportReport.text(note, file: file, severity: "note")) }
    if context.format == .json {
      context.printJSON([
        "records": .array(outcome.records.map { .string($0.description) }), "commit": outcome.commit.map { .string($0) } ?? .null,
        "skipped": .array(outcome.skipped.map { ImportReport.json($0) }),
      ])
    } else if let commit = outcome.commit {
      context.out.line("Imported \(outcome.records.count) \(kind) from \(file) (commit \(commit.prefix(7)))")
    } else {
      context.out.line("Would import \(outcome.records.count) \(kind) from \(file): " + outcome.records.map(\.id.value).joined(separator: ", "))
    }
    return .ok
  }
}
