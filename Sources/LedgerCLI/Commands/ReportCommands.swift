import Foundation
import LedgerCore
import LedgerLanguage
import LedgerQuery

/// The `report` commands: each reads the ledger (now, or `--at`) and prints a `Report`.
enum ReportCommands {
  static let formats: [OutputFormat] = [.text, .json, .csv]
  static let at = OptionSpec.single(
    "at", "REV|DATE", Phrase("report on the ledger as it was at a commit, or at the end of a day"))

  static let expiring = CommandSpec(
    name: "report expiring", synopsis: "[--within DURATION] [--at REV|DATE]",
    summary:
      Phrase(
        "report what expires or falls due soon: temporary rights, contracts, memberships, roles, certificates, domains, backup checks, access reviews"
      ),
    details: Phrase(
      """
      Lists every date the schemas mark x-expiry (a temporary right's end, a contract's renewal,
      a membership's paid-until date, a temporary ledger role) on records still in force, from
      the overdue ones to those due within DURATION (default 60d; also 8w, 2m, 1y), soonest
      first. Today is computed in the ledger's time zone. With a review_interval in ledger.json
      (such as 1y), an active right whose last validation (validated_on) is older than that is
      due for an access review and listed too.
      --format ics writes the same items as an iCalendar file (RFC 5545) to import into a
      calendar: one all-day event per date, each with a UID made of the ledger's name, the
      record and the field, so importing a later export (after a date moved, say) updates the
      event instead of adding a second one.
      Contracts' notice days (renewal minus notice_days), unpaid payments' due days and duties'
      next due days (last_done plus the frequency; 'adminledger done DUTY' records one) are
      listed too.
      --format mail writes reminders: one email per person who answers for some of the items
      (a contract's manager, else who may approve payments; a payment's approver; a duty's
      responsible people; a system's responsible; who granted a right; a person for their own
      membership and roles; else the admins), in the ledger's language, from ledger.json's
      mail_from. With --output FOLDER each is a PERSON.eml file for 'sendmail -t < FILE' (the
      folder's earlier .eml files are removed); without it they go to standard output as one
      mbox, for 'formail -s sendmail -t'.
      """),
    options: [
      .single("within", "DURATION", Phrase("how far ahead to look (default 60d)")), at,
      .single("output", "FOLDER", Phrase("with --format mail: write one PERSON.eml file per reminder there")),
    ],
    formats: formats + [.ics, .mail],
    examples: [
      .example(
        "adminledger report expiring --within 30d",
        Phrase("what ends or falls due in the next 30 days")),
      .example(
        "adminledger report expiring --format ics > deadlines.ics",
        Phrase("the same dates, for a calendar")),
      .example(
        "adminledger report expiring --within 31d --format mail --output reminders",
        Phrase("one email per person responsible, to send with sendmail -t")),
    ],
    run: { context throws(CLIError) in
      let days = try duration(context.arguments.value("within") ?? "60d")
      if context.arguments.value("output") != nil, context.format != .mail {
        throw .usage(tr("--output goes with --format mail"), hint: tr("add --format mail, or leave --output out"))
      }
      let reading = try context.read()
      if context.format == .mail { return try ExpiringReminders.run(reading, within: days, context) }
      let report = try context.perform { () throws(StoreError) in
        try ExpiringReport.make(reading.view, today: reading.today, within: days)
      }
      guard context.format == .ics else {
        ReportPrinter.print(report, context)
        return .ok
      }
      let settings = try context.perform { () throws(StoreError) in try reading.view.settings() }
      context.out.write(
        ICalendarWriter.write(
          ICalendarWriter.items(in: report), ledgerName: settings?.name ?? "ledger",
          stamp: context.environment.now()))
      return .ok
    })

  static let person = CommandSpec(
    name: "report person", synopsis: "PERSON [--at REV|DATE]",
    summary:
      Phrase(
        "report everything about one person: their record and its history, every record naming them, rights, duties, commits"),
    details: Phrase(
      """
      Shows the person's record and each value its fields had, with the commit, day and author
      that set it; their accounts and the rights on them; every record that names them in a
      field the schemas mark x-ref to people, at any depth (rights they requested, granted or
      validated, tickets, trainings, approvals, organisations, duties, systems); and the commits
      they authored (an author email among their emails or git_identities, or their name, as
      the record says now or said before).
      --format json is the export to hand the person for an access or portability request
      (GDPR articles 15 and 20): a documented shape (see the README), versioned, the same in
      every language. --at reads the ledger and its history as they were then.
      """),
    options: [at], positionals: 1...1, formats: formats,
    examples: [
      .example(
        "adminledger report person tblanc",
        Phrase("everything the ledger holds about a person")),
      .example(
        "adminledger report person tblanc --format json > tblanc.json",
        Phrase("the export to hand the person on request")),
    ],
    run: { context throws(CLIError) in
      let key = RecordKey(kind: .people, id: try RecordArguments.id(context.positionals[0]))
      let reading = try context.read()
      let view = reading.view
      guard let record = try context.perform({ () throws(StoreError) in try view.record(key) }) else {
        throw .store(.recordNotFound(key))
      }
      let export = try context.perform { () throws(StoreError) in
        try PersonExport.make(view, history: reading.ledger.history, person: record)
      }
      guard context.format == .json else {
        ReportPrinter.print(PersonReport.make(export, timeZone: reading.timeZone), context)
        return .ok
      }
      let name = try context.perform { () throws(StoreError) in try view.settings()?.name }
      context.printJSON(export.json(ledgerName: name, exportedAt: context.environment.now()))
      return .ok
    })

  static let access = CommandSpec(
    name: "report access", synopsis: "SYSTEM [--all] [--at REV|DATE]",
    summary: Phrase("report who holds which role on a system, through which account, until when, validated by whom"),
    options: [.flag("all", Phrase("include revoked and expired rights")), at], positionals: 1...1, formats: formats,
    examples: [
      .example(
        "adminledger report access geonature",
        Phrase("who holds which role on a system")),
      .example(
        "adminledger report access geonature --format csv",
        Phrase("the same, for a spreadsheet")),
    ],
    run: { context throws(CLIError) in
      let system = try RecordArguments.id(context.positionals[0])
      let view = try context.read().view
      guard try context.perform({ () throws(StoreError) in try view.record(.systems, system.value) }) != nil else {
        throw .store(.recordNotFound(RecordKey(kind: .systems, id: system)))
      }
      let report = try context.perform { () throws(StoreError) in
        try AccessReport.make(view, system: system.value, all: context.arguments.flag("all"))
      }
      ReportPrinter.print(report, context)
      return .ok
    })

  static let annual = CommandSpec(
    name: "report annual", synopsis: "--year YEAR",
    summary: Phrase("report the year's figures: data requests, trainings, payments, tickets, rights"),
    details: Phrase(
      """
      Reads the ledger as it stood at the end of the year. Rights granted, revoked and expired
      are computed from the history: each change of a right's status counts on the day of its
      commit; a right added already active counts on its own start or validation date.
      """),
    options: [.single("year", "YEAR", Phrase("the year, such as 2026"))], formats: formats,
    examples: [
      .example(
        "adminledger report annual --year 2026",
        Phrase("the figures of the year 2026"))
    ],
    run: { context throws(CLIError) in
      guard let text = context.arguments.value("year"), let year = Int(text), (1970...9999).contains(year) else {
        throw .usage(tr("which year? pass --year YYYY"))
      }
      let ledger = try context.openLedger()
      let report = try context.perform { () throws(StoreError) in try AnnualReport.make(ledger.history, year: year) }
      ReportPrinter.print(report, context)
      return .ok
    })

  static let consistency = CommandSpec(
    name: "report consistency", synopsis: "[--at REV|DATE]",
    summary: Phrase("run the cross-system checks declared in ledger.json; exit 1 when one finds something"),
    details: Phrase(
      """
      Each check in ledger.json's "consistency" list selects records ("every": kind and
      conditions) and says what must hold for each ("satisfies": conditions) or what must
      exist for each ("has": kind, conditions, and the "link" field naming it). Conditions are
      those of 'list --where'; the word today stands for today. A ledger with duties also
      checks that the people responsible for them (and their deputies) are still here: not
      resigned, and not with every account closed.
      """),
    options: [at], formats: formats,
    examples: [
      .example(
        "adminledger report consistency",
        Phrase("run ledger.json's cross-system checks"))
    ],
    run: { context throws(CLIError) in
      let reading = try context.read()
      let report = try context.perform { () throws(StoreError) in try ConsistencyReport.make(reading.view, today: reading.today) }
      ReportPrinter.print(report, context)
      return (report.findings ?? 0) > 0 ? .findings : .ok
    })

  static let all = [expiring, person, access, annual, consistency]

  /// `60d`, `8w`, `2m`, `1y`, or a number of days.
  static func duration(_ text: String) throws(CLIError) -> Int {
    let units: [Character: Int] = ["d": 1, "w": 7, "m": 30, "y": 365]
    if let count = Int(text), count >= 0 { return count }
    guard let unit = text.last, let size = units[unit], let count = Int(text.dropLast()), count >= 0 else {
      throw .usage(tr("cannot read the duration '\(text)'"), hint: tr("write 60d, 8w, 2m or 1y"))
    }
    return count * size
  }
}
