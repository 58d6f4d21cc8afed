import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `report expiring --format ics`: the report's items as an iCalendar file (RFC 5545), one
/// all-day event per expiry, overdue ones included, in the report's order. For example:
///
/// ```
/// BEGIN:VCALENDAR
/// VERSION:2.0
/// PRODID:-//AdminLedger//adminledger 0.1.0//EN
/// CALSCALE:GREGORIAN
/// X-WR-CALNAME:Biodiv'Sud data platform
/// BEGIN:VEVENT
/// UID:rights-2026-08-01-ep9rw-end@biodiv-sud-data-platform.adminledger
/// DTSTAMP:20261127T090000Z
/// DTSTART;VALUE=DATE:20261110
/// DTEND;VALUE=DATE:20261111
/// SUMMARY:Ends: temporary right – sensitive-reader on geonature for Camille Morel
/// DESCRIPTION:Record: rights/2026-08-01-ep9rw\nField: end\nState: overdue
/// TRANSP:TRANSPARENT
/// END:VEVENT
/// END:VCALENDAR
/// ```
///
/// A calendar updates an event, rather than adding a second one, when a new import carries the
/// same UID. So the UID is made only of what names the expiry: the ledger (its name, slugged),
/// the record and the field. Never the date, the state or the export's time: a right's end
/// moved by `set` updates its event. Text values are escaped (3.3.11); every line ends with
/// CRLF and is folded to at most 75 octets (3.1), between UTF-8 characters, never inside one.
enum ICalendarWriter {
  /// One expiry: a row of the `report expiring` table.
  struct Item: Equatable, Sendable {
    /// `YYYY-MM-DD`.
    var date: String
    /// `overdue`, `today` or `due`.
    var state: String
    /// `rights/2026-08-01-ep9rw`.
    var record: String
    /// The schema's `x-expiry` label: `temporary right`.
    var what: String
    /// The field's pointer without its leading slash: `end`, `ledger_roles/0/until`.
    var field: String
    /// Who or what the record concerns: `editor on geonature for Théo Blanc`.
    var about: String
  }

  /// The fields of the deadlines `report expiring` computes rather than reads (notice days,
  /// payments' due days, duties' next due days): their events say "Due", not "Ends".
  static let computedFields: Set<String> = ["notice_days", "due", "last_done"]

  /// The longest line, in octets, not counting its CRLF (RFC 5545 3.1).
  static let lineLimit = 75

  /// The items of an expiring report, read from its sections by column name.
  static func items(in report: Report) -> [Item] {
    report.sections.flatMap { section in
      section.rows.compactMap { row -> Item? in
        let cell = { (name: String) -> String? in
          section.column(name).flatMap { $0 < row.count ? row[$0].stringValue : nil }
        }
        guard let date = cell("date"), LedgerDate.isDay(date), let record = cell("record"),
          let field = cell("field")
        else { return nil }
        return Item(
          date: date, state: cell("state") ?? "", record: record, what: cell("what") ?? field,
          field: field, about: cell("about") ?? "")
      }
    }
  }

  /// The calendar file: `items` as events, stamped `stamp`, in a calendar named `ledgerName`.
  static func write(_ items: [Item], ledgerName: String, stamp: Date) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//AdminLedger//adminledger \(LedgerCLI.version)//EN",
      "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + escape(ledgerName),
    ]
    let domain = slug(ledgerName) + ".adminledger"
    let stamp = utcStamp(stamp)
    for item in items {
      lines += event(item, domain: domain, stamp: stamp)
    }
    lines.append("END:VCALENDAR")
    return lines.map { fold($0) + "\r\n" }.joined()
  }

  private static func event(_ item: Item, domain: String, stamp: String) -> [String] {
    let end = LedgerDate.adding(days: 1, to: item.date) ?? item.date
    // SUMMARY and DESCRIPTION are text a person reads in their calendar: they follow the
    // language; the keys, the UID and the dates do not.
    let summary: String
    if computedFields.contains(item.field) {
      // A notice day, a payment's due day, a duty's next time: nothing ends, something is due.
      summary = item.about.isEmpty ? tr("Due: \(item.what)") : tr("Due: \(item.what) – \(item.about)")
    } else {
      summary = item.about.isEmpty ? tr("Ends: \(item.what)") : tr("Ends: \(item.what) – \(item.about)")
    }
    let description = tr("Record: \(item.record)\nField: \(item.field)\nState: \(state(item.state))")
    return [
      "BEGIN:VEVENT",
      "UID:" + escape(uid(for: item, domain: domain)),
      "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + basicDate(item.date),
      "DTEND;VALUE=DATE:" + basicDate(end),
      "SUMMARY:" + escape(summary),
      "DESCRIPTION:" + escape(description),
      // An expiry is a reminder, not a meeting: it leaves the day free.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]
  }

  /// An expiry's state in words: `overdue`, `today` and `due` are the report's values.
  private static func state(_ state: String) -> String {
    switch state {
    case "overdue": tr("overdue")
    case "today": tr("today")
    case "due": tr("due")
    default: state
    }
  }

  // MARK: - Identity

  /// `rights-2026-08-01-ep9rw-end@biodiv-sud-data-platform.adminledger`: record and field,
  /// `/` made `-`, at the ledger's domain.
  static func uid(for item: Item, domain: String) -> String {
    let local = (item.record + "/" + item.field).unicodeScalars.map { scalar -> String in
      isUIDCharacter(scalar) ? String(scalar) : "-"
    }
    return local.joined() + "@" + domain
  }

  /// A name as a domain label: lowercase ASCII letters and digits, accents dropped, every other
  /// run of characters one `-`. "Biodiv'Sud data platform" is `biodiv-sud-data-platform`.
  static func slug(_ name: String) -> String {
    var slug = ""
    for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue  // the accent of a decomposed é: keep the e alone
      } else if !slug.isEmpty, !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "ledger" : slug
  }

  private static func isUIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
  }

  // MARK: - Values and lines

  /// A TEXT value (RFC 5545 3.3.11): `\`, `;` and `,` backslashed, line breaks (LF, CRLF or
  /// CR) written `\n`, other control characters dropped, as TEXT cannot hold them.
  static func escape(_ text: String) -> String {
    var escaped = ""
    var afterCR = false
    for scalar in text.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar {
      case "\\", ";", ",": escaped += "\\" + String(scalar)
      case "\n": if !afterCR { escaped += "\\n" }
      case "\r": escaped += "\\n"
      case "\t": escaped += "\t"
      default:
        if scalar.properties.generalCategory != .control { escaped.unicodeScalars.append(scalar) }
      }
    }
    return escaped
  }

  /// A content line folded (RFC 5545 3.1): when the next character would take the line past
  /// 75 octets, CRLF and one space start a new one. The space counts in the new line's 75.
  /// Folding between Unicode scalars never splits a UTF-8 sequence.
  static func fold(_ line: String) -> String {
    var folded = ""
    var width = 0
    for scalar in line.unicodeScalars {
      let size = UTF8.width(scalar)
      if width + size > lineLimit {
        folded += "\r\n "
        width = 1
      }
      folded.unicodeScalars.append(scalar)
      width += size
    }
    return folded
  }

  /// `2026-11-10` as `20261110`.
  private static func basicDate(_ day: String) -> String {
    day.replacingOccurrences(of: "-", with: "")
  }

  /// A UTC DATE-TIME: `20261127T090000Z`.
  private static func utcStamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  }
}
