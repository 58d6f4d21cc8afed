import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// The words of the commands that show records: `show` (one field a line, then with `--refs`
/// what the record refers to and what refers to it) and `list` when nothing matches.
///
///     rights/2026-11-18-a1b2c
///       account: 2026-11-02-q8w4e
///       role:    treasurer
///     refers to:
///       account        accounts/2026-11-02-q8w4e  kbonnet
///     referred to by:
///       nothing
enum RecordRenderer {
  /// A reference `show --refs` lists: the field that holds it, the record it names, and that
  /// record's label (nil when the record is missing).
  typealias Reference = (field: JSONPointer, target: RecordKey, label: String?)

  /// The record's key, then each field (`FieldRows`) with its value, the values aligned.
  static func fields(_ key: RecordKey, rows: [(String, String)]) -> [String] {
    let width = rows.map(\.0.count).max() ?? 0
    return [key.description] + rows.map { path, value in "  " + (path + ":").padded(to: width + 1) + " " + value }
  }

  /// The records `outgoing` names, then the records that refer to this one and by which field.
  static func references(_ outgoing: [Reference], referrers: [(Record, JSONPointer)]) -> [String] {
    var lines = [tr("refers to:")]
    if outgoing.isEmpty { lines.append("  " + tr("nothing")) }
    for (pointer, target, label) in outgoing {
      lines.append(
        "  " + String(pointer.description.dropFirst()).padded(to: 14) + " " + target.description + "  "
          + (label ?? tr("(missing)")))
    }
    lines.append(tr("referred to by:"))
    if referrers.isEmpty { lines.append("  " + tr("nothing")) }
    for (referrer, pointer) in referrers {
      lines.append(
        "  " + referrer.key.description + "  (" + String(pointer.description.dropFirst()) + ")  "
          + RecordLabel.label(referrer))
    }
    return lines
  }

  /// `list` found no record of `kind` meeting the conditions.
  static func noMatch(_ kind: RecordKind) -> String {
    tr("No \(kind) match.")
  }
}
