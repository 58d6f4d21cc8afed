import LedgerCore
import LedgerJSON
import LedgerLanguage

/// What an import, a drift correction or an access review did or would do: the records added
/// and changed, field by field in the form of `log`, and those the file no longer lists.
enum ReconcileRenderer {
  /// The outcome as text: a summary line, then each change, then what is missing.
  static func text(_ outcome: ReconcileOutcome, file: String, noun: String, dryRun: Bool) -> [String] {
    let reconciliation = outcome.reconciliation
    let added = reconciliation.changes.filter { $0.action == .add }.count
    let changed = reconciliation.changes.count - added
    var counts = [tr("\(added) added"), tr("\(changed) changed"), tr("\(reconciliation.unchanged.count) unchanged")]
    if !reconciliation.missing.isEmpty { counts.append(tr("\(reconciliation.missing.count) not in the file")) }
    let summary = counts.joined(separator: ", ")
    let total = reconciliation.changes.count
    var lines: [String] = []
    if reconciliation.changes.isEmpty {
      lines.append(tr("Nothing to change: \(file) brings nothing the ledger does not hold (\(summary)); no commit."))
    } else if let commit = outcome.commit {
      lines.append(tr("Imported \(total) \(noun) from \(file): \(summary) (commit \(commit.prefix(7)))"))
    } else if dryRun {
      lines.append(tr("Would import \(total) \(noun) from \(file): \(summary) (dry run: nothing committed)"))
    } else {
      lines.append(tr("Would import \(total) \(noun) from \(file): \(summary)"))
    }
    for change in reconciliation.changes {
      lines.append("  \(change.action.rawValue) \(change.record.key)")
      if change.action == .set || dryRun { lines += change.fields.map { "      " + $0.summary } }
    }
    if !reconciliation.missing.isEmpty {
      // A file of another scope (a department's export against the whole ledger) would list
      // thousands: the first ones, then how many more (--format json lists them all).
      let shown = reconciliation.missing.prefix(20).map(\.description).joined(separator: ", ")
      let more = reconciliation.missing.count - 20
      lines.append(
        more > 0
          ? tr("In the ledger, not in \(file): \(shown) and \(more) more (--format json lists them all)")
          : tr("In the ledger, not in \(file): \(shown)"))
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
