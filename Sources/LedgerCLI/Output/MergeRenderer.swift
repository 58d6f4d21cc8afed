import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

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
    let conflicts = count(report.conflicts.count, .conflict)
    let findings = count(report.findings.count, .finding)
    var lines = [
      tr(
        "Merging \(report.source) (\(report.incoming.prefix(7))) into this clone (\(report.head.prefix(7))): \(conflicts), \(findings)"
      )
    ]
    for item in report.conflicts {
      let conflict = item.conflict
      lines.append("")
      let name = conflict.record?.description ?? conflict.path
      lines.append(
        conflict.isText
          ? "\(name)  " + tr("(the file conflicts line by line; git's markers are in it)") : "\(name)  \(conflict.field)")
      guard !conflict.isText else { continue }
      let values = [
        ("base", conflict.base, nil), ("ours", conflict.ours, item.oursChange), ("theirs", conflict.theirs, item.theirsChange),
      ]
      let width = values.map { shown($0.1).count }.max() ?? 0
      for (side, value, change) in values {
        var line = "  " + side.padding(toLength: 8, withPad: " ", startingAt: 0) + shown(value)
        if let change {
          line = line.padding(toLength: 10 + width + 2, withPad: " ", startingAt: 0)
          line +=
            "\(change.commit.prefix(7)) \(LedgerDate.day(of: change.date, in: zone)) \(change.authorName): \(subject(change.message))"
        }
        lines.append(colored && side != "base" ? Color.wrap(line, side == "ours" ? .green : .yellow) : line)
      }
    }
    if !report.findings.isEmpty {
      lines.append("")
      lines.append(tr("Findings of the merged ledger (rules the combination breaks):"))
      for finding in report.findings { lines.append(DiagnosticRenderer.text(finding, colored: colored)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The hint line: the next step.
  static func hint(_ report: MergeReport) -> String {
    DiagnosticRenderer.hintLine(nextStep(report))
  }

  private static func nextStep(_ report: MergeReport) -> String {
    if let first = report.lineMerged.first {
      return tr(
        "git merged \(report.lineMerged.joined(separator: ", ")) line by line (its conflict markers are in it): \(LineMergeRenderer.redo(first)); do not take a side with 'resolve --ours/--theirs', which drops the other side's changes"
      )
    }
    if let first = report.conflicts.first {
      let record = first.conflict.record?.description ?? "KIND/ID"
      let field = first.conflict.pointer.tokens.isEmpty ? "" : " " + first.conflict.field
      return tr(
        "settle each conflict, for example 'adminledger resolve \(record + field) --ours' (or --theirs, or --set VALUE), then 'adminledger sync --continue'; 'adminledger sync --abort' goes back"
      )
    }
    if !report.findings.isEmpty {
      return tr(
        "fix the records with 'adminledger resolve KIND/ID FIELD --set VALUE' (or --ours/--theirs), then 'adminledger sync --continue'"
      )
    }
    return tr("everything is settled: run 'adminledger sync --continue' to commit the merge")
  }

  // MARK: - The lines around a merge

  /// `conflicts` with no merge in progress.
  static var noMerge: String { tr("No merge in progress.") }

  /// `sync` stopped on a conflict or a finding.
  static var stopped: String { tr("adminledger: the merge stopped; nothing was committed or pushed") }

  /// `sync --continue` committed the merge.
  static func committed(_ commit: String) -> String {
    tr("Committed the merge (commit \(commit.prefix(7)))")
  }

  static var aborted: String { tr("Merge aborted: the branch, the files and the index are as before the sync.") }

  /// `resolve` settled `key` (one `field` of it, or the whole record); `open` are the fields of
  /// the record still in conflict.
  static func resolved(_ key: RecordKey, field: FieldPath?, open: [String]) -> String {
    let what = field.map { "\(key) \($0)" } ?? key.description
    guard !open.isEmpty else { return tr("Resolved \(what): the record is settled.") }
    return tr("Resolved \(what); still open in \(key): \(open.joined(separator: ", "))")
  }

  /// After `resolve` settled a record.
  static var settledHint: String {
    DiagnosticRenderer.hintLine(
      tr("'adminledger conflicts' shows what is left; 'adminledger sync --continue' commits the merge"))
  }

  /// `status`: the merge in progress in one line.
  static func inProgress(_ report: MergeReport) -> String {
    let conflicts = DiagnosticRenderer.count(report.conflicts.count, .openConflict)
    let findings = DiagnosticRenderer.count(report.findings.count, .finding)
    return tr(
      "A merge is in progress: \(report.source) (\(report.incoming.prefix(7))) into this clone, \(conflicts), \(findings).")
  }

  /// `validate`: the merge in progress, whose files are not the last commit it checked.
  static func inProgressUnchecked(_ report: MergeReport) -> String {
    let conflicts = DiagnosticRenderer.count(report.conflicts.count, .openConflict)
    let findings = DiagnosticRenderer.count(report.findings.count, .finding)
    return tr(
      "A merge is in progress (\(report.source)): \(conflicts) and \(findings) in the files it will commit; the last commit was checked below."
    )
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

  private static func shown(_ value: JSONValue?) -> String { value?.compactText ?? tr("(absent)") }

  private static func subject(_ message: String) -> String {
    message.split(separator: "\n").first.map(String.init) ?? ""
  }

  /// `no conflict`, `1 conflict`, `2 conflicts`.
  private static func count(_ number: Int, _ noun: DiagnosticRenderer.Counted) -> String {
    guard number == 0 else { return DiagnosticRenderer.count(number, noun) }
    return noun == .conflict ? tr("no conflict") : tr("no finding")
  }
}
