import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `report expiring --format mail`: the report's items as reminders, one email per person who
/// answers for some of them (`DeadlineOwners` says who), in the ledger's language, from the
/// sender ledger.json names in `mail_from`. With `--output FOLDER`, one `PERSON.eml` file per
/// message (CRLF lines, each ready for `sendmail -t < FILE`); the folder's earlier `.eml` files
/// are removed, so it holds this run's reminders only. Without it, the messages go to standard
/// output as one mbox (a `From ` line before each, `>From ` quoting, LF lines), which
/// `formail -s sendmail -t` splits and sends.
enum ExpiringReminders {
  /// One reminder before it is written: the person and their items, soonest first.
  struct Reminder {
    var person: String
    var message: MailMessage
    var items: Int
  }

  static func run(_ reading: LedgerReading, within days: Int, _ context: CommandContext) throws(CLIError) -> ExitStatus {
    let settings = try context.perform { () throws(StoreError) in try reading.view.settings() }
    guard let sender = settings?.document["mail_from"]?.stringValue else {
      throw .usage(
        tr("the reminders need a sender: ledger.json has no mail_from"),
        hint: tr("add \"mail_from\": \"Ledger <ledger@example.org>\" to ledger.json, then run 'adminledger commit'"))
    }
    guard let from = MailMessage.Mailbox(sender) else {
      throw .usage(
        tr("mail_from in ledger.json is not an email address: '\(sender)'"),
        hint: tr("write it as \"Name <address@example.org>\" or \"address@example.org\""))
    }
    // The people told read the ledger's language, whoever runs the command (cron has no LANG).
    let language = settings.flatMap { Language(tag: $0.language) } ?? Language.current
    let composed = Language.$current.withValue(language) { () -> Result<Composed, StoreError> in
      do throws(StoreError) {
        let report = try ExpiringReport.make(reading.view, today: reading.today, within: days)
        return .success(
          try compose(
            report, reading, from: from, ledgerName: settings?.name ?? "ledger", within: days, now: context.environment.now()))
      } catch {
        return .failure(error)
      }
    }
    let reminders = try context.perform { () throws(StoreError) in try composed.get() }
    for (person, count) in reminders.unsent {
      context.err.line(
        Language.singular(count)
          ? tr("warning: people/\(person) has no email: \(count) reminder not written")
          : tr("warning: people/\(person) has no email: \(count) reminders not written"))
    }
    if let folder = context.arguments.value("output") {
      try write(reminders.written, to: context.url(for: folder), context)
    } else {
      context.out.write(mbox(reminders.written.map(\.message)))
    }
    return .ok
  }

  // MARK: - Composing

  /// The messages, and the people who answer for items but have no email.
  typealias Composed = (written: [Reminder], unsent: [(String, Int)])

  /// The messages, one per person with an email (sorted by id), and the people left without.
  static func compose(
    _ report: Report, _ reading: LedgerReading, from: MailMessage.Mailbox, ledgerName: String, within days: Int, now: Date
  ) throws(StoreError) -> Composed {
    var items: [String: [ICalendarWriter.Item]] = [:]
    for item in ICalendarWriter.items(in: report) {
      guard let key = RecordKey(path: item.record + ".json"), let record = try reading.view.record(key) else { continue }
      for person in try DeadlineOwners.of(record, in: reading.view, today: reading.today) {
        items[person, default: []].append(item)
      }
    }
    let horizon = LedgerDate.adding(days: days, to: reading.today) ?? reading.today
    // The ledger's slug, cut short so the Message-ID line stays within 78 characters.
    var slug = String(ICalendarWriter.slug(ledgerName).prefix(24))
    while slug.hasSuffix("-") { slug.removeLast() }
    let domain = slug + ".adminledger"
    var written: [Reminder] = []
    var unsent: [(String, Int)] = []
    for (person, list) in items.sorted(by: { $0.key < $1.key }) {
      let record = try reading.view.record(.people, person)
      let name = record?.fields["name"]?.stringValue
      guard let email = record?.fields["emails"]?.arrayValue?.first?.stringValue,
        let to = MailMessage.Mailbox(email).map({ MailMessage.Mailbox(name: name, address: $0.address) })
      else {
        unsent.append((person, list.count))
        continue
      }
      let subject =
        Language.singular(list.count)
        ? tr("\(ledgerName): \(list.count) deadline by \(LocalFormat.day(horizon))")
        : tr("\(ledgerName): \(list.count) deadlines by \(LocalFormat.day(horizon))")
      let message = MailMessage(
        from: from, to: to, subject: subject, date: now, messageID: "\(stamp(now)).\(person)@\(domain)",
        body: body(list, name: name ?? person, ledgerName: ledgerName, horizon: horizon, today: reading.today))
      written.append(Reminder(person: person, message: message, items: list.count))
    }
    return (written, unsent)
  }

  /// The text: a greeting, one entry per item (its day, how near, what, the record), and how
  /// to record a duty done when one is listed.
  static func body(_ items: [ICalendarWriter.Item], name: String, ledgerName: String, horizon: String, today: String) -> String {
    var lines = [
      tr("Hello \(name),"), "",
      tr("Here is what falls to you in \(ledgerName) by \(LocalFormat.day(horizon)) (today is \(LocalFormat.day(today))):"),
      "",
    ]
    for item in items {
      let left = LedgerDate.days(from: today, to: item.date) ?? 0
      let about = item.about.isEmpty ? item.what : tr("\(item.what): \(item.about)")
      lines.append("- " + tr("\(LocalFormat.day(item.date)) (\(nearness(left))): \(about)"))
      lines.append("  \(item.record) (\(item.field))")
    }
    if items.contains(where: { $0.record.hasPrefix("duties/") }) {
      lines += ["", tr("Once a duty is done, record it: adminledger done DUTY")]
    }
    lines += ["", "-- ", tr("adminledger, report expiring --format mail")]
    return lines.joined(separator: "\n")
  }

  /// `in 5 days`, `today`, `3 days overdue`.
  static func nearness(_ left: Int) -> String {
    if left == 0 { return tr("today") }
    if left < 0 { return Language.singular(-left) ? tr("\(-left) day overdue") : tr("\(-left) days overdue") }
    return Language.singular(left) ? tr("in \(left) day") : tr("in \(left) days")
  }

  /// `20261206090000`: the run's UTC time, which makes each run's Message-IDs new.
  private static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .gmt
    formatter.dateFormat = "yyyyMMddHHmmss"
    return formatter.string(from: date)
  }

  // MARK: - Writing

  /// One `PERSON.eml` per reminder in `folder` (made when missing), after removing the
  /// folder's other `.eml` files; then one line per file on standard output.
  private static func write(_ reminders: [Reminder], to folder: URL, _ context: CommandContext) throws(CLIError) {
    let manager = FileManager.default
    do {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      let kept = Set(reminders.map { $0.person + ".eml" })
      for name in try manager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".eml") && !kept.contains(name) {
        try manager.removeItem(at: folder.appendingPathComponent(name))
      }
      for reminder in reminders {
        try Data(reminder.message.text.utf8).write(to: folder.appendingPathComponent(reminder.person + ".eml"), options: .atomic)
      }
    } catch {
      throw .store(.io(path: folder.path, reason: error.localizedDescription))
    }
    for reminder in reminders {
      let file = folder.appendingPathComponent(reminder.person + ".eml").path
      context.out.line("\(file)\t\(reminder.message.to.address)\t\(reminder.items)")
    }
  }

  /// The messages as one mbox (mboxrd): LF lines, a `From ` line before each message, body
  /// lines starting with `From ` (after any `>`) quoted with one more `>`.
  static func mbox(_ messages: [MailMessage]) -> String {
    messages.map { message in
      let lines = message.text.replacingOccurrences(of: "\r\n", with: "\n").split(
        separator: "\n", omittingEmptySubsequences: false
      )
      .dropLast()
      .map { line in line.drop { $0 == ">" }.hasPrefix("From ") ? ">" + line : String(line) }
      return "From adminledger \(asctime(message.date))\n" + lines.joined(separator: "\n") + "\n\n"
    }.joined()
  }

  /// `Sun Dec  6 09:00:00 2026`, the date form of an mbox `From ` line, in UTC.
  private static func asctime(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .gmt
    formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
    let text = formatter.string(from: date)
    // asctime pads the day to two characters with a space.
    let parts = text.split(separator: " ")
    guard parts.count == 5, parts[2].count == 1 else { return text }
    return "\(parts[0]) \(parts[1])  \(parts[2]) \(parts[3]) \(parts[4])"
  }
}
