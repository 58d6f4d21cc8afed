import LedgerCore
import LedgerJSON

/// What an import, a drift correction or an access review did or would do: the records added
/// and changed, field by field in the form of `log`, and those the file no longer lists.
enum ReconcileRenderer {
  /// The outcome as text: a summary line, then each change, then what is missing.
  static func text(_ outcome: ReconcileOutcome, file: String, noun: String, dryRun: Bool) -> [String] {
    let reconciliation = outcome.reconciliation
    let added = reconciliation.changes.filter { $0.action == .add }.count
    let changed = reconciliation.changes.count - added
    var counts = ["\(added) added", "\(changed) changed", "\(reconciliation.unchanged.count) unchanged"]
    if !reconciliation.missing.isEmpty { counts.append("\(reconciliation.missing.count) not in the file") }
    var lines: [String] = []
    if reconciliation.changes.isEmpty {
      lines.append(
        "Nothing to change: \(file) brings nothing the ledger does not hold (\(counts.joined(separator: ", "))); no commit.")
    } else if let commit = outcome.commit {
      lines.append(
        "Imported \(reconciliation.changes.count) \(noun) from \(file): \(counts.joined(separator: ", ")) (commit \(commit.prefix(7)))"
      )
    } else {
      lines.append(
        "Would import \(reconciliation.changes.count) \(noun) from \(file): \(counts.joined(separator: ", "))"
          + (dryRun ? " (dry run: nothing committed)" : ""))
    }
    for change in reconciliation.changes {
      lines.append("  \(change.action.rawValue) \(change.record.key)")
      if change.action == .set || dryRun { lines += change.fields.map { "      " + $0.summary } }
    }
    if !reconciliation.missing.isEmpty {
      // A file of another scope (a department's export against the whole ledger) would list
      // thousands: the first ones, then how many more (--format json lists them all).
      let shown = reconciliation.missing.prefix(20).map(\.description).joined(separator: ", ")
      let more =
        reconciliation.missing.count > 20 ? " and \(reconciliation.missing.count - 20) more (--format json lists them all)" : ""
      lines.append("In the ledger, not in \(file): " + shown + more)
    }
    return lines
  }

  static func json(_ outcome: ReconcileOutcome) -> JSONValue {
    let reconciliation = outcome.reconciliation
    return [
      "commit": outcome.commit.map { .string($0) } ?? .null,
      "records": .array(reconciliation.records.map { .string($0.description) }),
      "changes": .array(
        reconciliation.changes.map { change in
          HistoryRenderer.json((change.record.key, change.fields, change.action.rawValue))
        }),
      "unchanged": .array(reconciliation.unchanged.map { .string($0.description) }),
      "missing": .array(reconciliation.missing.map { .string($0.description) }),
      "skipped": .array(reconciliation.skipped.map { ImportReport.json($0) }),
    ]
  }
}
