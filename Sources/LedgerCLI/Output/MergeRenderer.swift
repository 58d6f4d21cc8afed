import Foundation
import LedgerCore
import LedgerJSON

/// Words a merge in progress: each open conflict with both values and who set them, the
/// findings the combination causes, and what to do next.
///
///     Merging origin/main (d4e5f6a) into this clone (a1b2c3d): 1 conflict, no finding
///
///     trainings/2026-11-20-k3f9q  duration
///       base    "3h"
///       ours    "4h"    a1b2c3d 2026-11-27 Claire Durand: Set trainings/2026-11-20-k3f9q: duration
///       theirs  "3h30"  d4e5f6a 2026-11-27 Marc Petit: Set trainings/2026-11-20-k3f9q: duration
enum MergeRenderer {
  static func text(_ report: MergeReport, zone: TimeZone, colored: Bool) -> String {
    var lines = [
      "Merging \(report.source) (\(report.incoming.prefix(7))) into this clone (\(report.head.prefix(7))): "
        + "\(count(report.conflicts.count, "conflict")), \(count(report.findings.count, "finding"))"
    ]
    for item in report.conflicts {
      let conflict = item.conflict
      lines.append("")
      let name = conflict.record?.description ?? conflict.path
      lines.append(conflict.isText ? "\(name)  (the file conflicts line by line; git's markers are in it)" : "\(name)  \(conflict.field)")
      guard !conflict.isText else { continue }
      let values = [("base", conflict.base, nil), ("ours", conflict.ours, item.oursChange), ("theirs", conflict.theirs, item.theirsChange)]
      let width = values.map { shown($0.1).count }.max() ?? 0
      for (side, value, change) in values {
        var line = "  " + side.padding(toLength: 8, withPad: " ", startingAt: 0) + shown(value)
        if let change {
          line = line.padding(toLength: 10 + width + 2, withPad: " ", startingAt: 0)
          line += "\(change.commit.prefix(7)) \(LedgerDate.day(of: change.date, in: zone)) \(change.authorName): \(subject(change.message))"
        }
        lines.append(colored && side != "base" ? Color.wrap(line, side == "ours" ? .green : .yellow) : line)
      }
    }
    if !report.findings.isEmpty {
      lines.append("")
      lines.append("Findings of the merged ledger (rules the combination breaks):")
      for finding in report.findings { lines.append(DiagnosticRenderer.text(finding, colored: colored)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The next step, for the hint line.
  static func hint(_ report: MergeReport) -> String {
    if let first = report.lineMerged.first {
      return "git merged \(report.lineMerged.joined(separator: ", ")) line by line (its conflict markers are in it): "
        + LineMergeRenderer.redo(first) + "; do not take a side with 'resolve --ours/--theirs', which drops the other side's changes"
    }
    if let first = report.conflicts.first {
      let record = first.conflict.record?.description ?? "KIND/ID"
      let field = first.conflict.pointer.tokens.isEmpty ? "" : " " + first.conflict.field
      return "settle each conflict, for example 'adminledger resolve \(record)\(field) --ours' (or --theirs, or --set VALUE), then 'adminledger sync --continue'; 'adminledger sync --abort' goes back"
    }
    if !report.findings.isEmpty {
      return "fix the records with 'adminledger resolve KIND/ID FIELD --set VALUE' (or --ours/--theirs), then 'adminledger sync --continue'"
    }
    return "everything is settled: run 'adminledger sync --continue' to commit the merge"
  }

  static func json(_ report: MergeReport, zone: TimeZone) -> JSONValue {
    .object([
      "merge": .object([
        "head": .string(report.head), "incoming": .string(report.incoming), "source": .string(report.source),
      ]),
      "conflicts": .array(report.conflicts.map { conflictJSON($0, zone) }),
      "findings": .array(report.findings.map(DiagnosticRenderer.json)),
      "resolutions": .array(report.resolutions.map { .string($0) }),
    ])
  }

  private static func conflictJSON(_ item: ConflictReport, _ zone: TimeZone) -> JSONValue {
    let conflict = item.conflict
    var object: JSONObject = [
      "file": .string(conflict.path), "field": .string(conflict.field),
      "pointer": .string(conflict.pointer.description), "text": .bool(conflict.isText),
    ]
    object["record"] = conflict.record.map { .string($0.description) } ?? .null
    object["base"] = side(conflict.base, nil, zone)
    object["ours"] = side(conflict.ours, item.oursChange, zone)
    object["theirs"] = side(conflict.theirs, item.theirsChange, zone)
    return .object(object)
  }

  private static func side(_ value: JSONValue?, _ change: HistoryEntry?, _ zone: TimeZone) -> JSONValue {
    var object: JSONObject = ["present": .bool(value != nil)]
    if let value { object["value"] = value }
    if let change {
      object["commit"] = .string(change.commit)
      object["author"] = .string(change.authorName)
      object["email"] = .string(change.authorEmail)
      object["date"] = .string(LedgerDate.day(of: change.date, in: zone))
      object["subject"] = .string(subject(change.message))
    }
    return .object(object)
  }

  private static func shown(_ value: JSONValue?) -> String { value?.compactText ?? "(absent)" }

  private static func subject(_ message: String) -> String {
    message.split(separator: "\n").first.map(String.init) ?? ""
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    number == 0 ? "no \(noun)" : DiagnosticRenderer.plural(number, noun)
  }
}
