import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// The words of the history commands, `log`, `diff` and `blame`, in text and JSON. A change
/// is its record and action, then one field change a line:
///
///     commit d4e5f6a  2026-11-27  Claire Durand <claire.durand@example.org>
///         Revoke rights/2026-11-18-a1b2c
///       changed rights/2026-11-18-a1b2c
///           status: "active" -> "revoked"
enum HistoryRenderer {
  /// A record change as the history gives it.
  typealias Change = (key: RecordKey, fields: [FieldChange], action: String)

  // MARK: - diff

  static func noDifference(from: String, to: String) -> String {
    tr("No record differs between \(from) and \(to).")
  }

  /// Each record's action, then its field changes.
  static func changes(_ changes: [Change]) -> [String] {
    changes.flatMap { change in
      ["  \(change.action) \(change.key)"] + change.fields.map { "      " + $0.summary }
    }
  }

  // MARK: - log

  /// A commit's heading: its id, day, author and whether it is a merge, then its subject.
  static func heading(_ entry: HistoryEntry, zone: TimeZone) -> [String] {
    let merge = entry.parents.count > 1 ? "  " + tr("(merge)") : ""
    return [
      "commit \(entry.commit.prefix(7))  \(LedgerDate.day(of: entry.date, in: zone))  \(entry.authorName) <\(entry.authorEmail)>\(merge)",
      "    " + entry.subject,
    ]
  }

  // MARK: - blame

  /// A record's fields, each with the commit that last changed it, as a table no wider than
  /// `maximumWidth`.
  static func blame(_ lines: [FieldBlame], zone: TimeZone, maximumWidth: Int?) -> String {
    let rows = lines.map { line in
      [
        line.field, FieldRows.cell(line.value), String(line.entry.commit.prefix(7)),
        LedgerDate.day(of: line.entry.date, in: zone), line.entry.authorName,
        (line.resolution.map { tr("[merge, \($0)]") + " " } ?? "") + line.entry.subject,
      ]
    }
    let header = [tr("field"), tr("value"), tr("commit"), tr("date"), tr("author"), tr("change")]
    return TableRenderer.render(header: header, rows: rows, maximumWidth: maximumWidth)
  }

  // MARK: - JSON

  static func json(_ entry: HistoryEntry, _ zone: TimeZone) -> JSONObject {
    [
      "commit": .string(entry.commit), "author": .string(entry.authorName), "email": .string(entry.authorEmail),
      "date": .string(LedgerDate.day(of: entry.date, in: zone)),
      "subject": .string(entry.subject),
    ]
  }

  /// `blame`'s lines: each field with its value, its commit and how a merge chose it.
  static func json(_ lines: [FieldBlame], zone: TimeZone) -> JSONValue {
    .array(
      lines.map { line in
        var object = json(line.entry, zone)
        object["field"] = .string(line.field)
        object["value"] = line.value
        object["resolution"] = line.resolution.map { .string($0) } ?? .null
        return .object(object)
      })
  }

  static func json(_ change: Change) -> JSONValue {
    .object([
      "record": .string(change.key.description), "action": .string(change.action),
      "changes": .array(
        change.fields.map { field in
          .object(["field": .string(field.path), "old": field.old ?? .null, "new": field.new ?? .null])
        }),
    ])
  }
}
