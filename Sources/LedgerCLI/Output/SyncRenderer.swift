import LedgerCore
import LedgerLanguage

/// The words of the commands that reach a shared ledger: what `clone` copied, what `sync`
/// did with the remote (fetched, merged, pushed), and a transfer's progress. A merge that
/// stops, and what to do then, are `MergeRenderer`'s.
///
///     Merged origin/main into main: 2 records (commit d4e5f6a)
///     Pushed main to origin/main (ssh://git@example.org/ledger.git)
enum SyncRenderer {
  // MARK: - clone

  static func cloned(_ url: String, into root: String, records: Int) -> String {
    tr("Cloned \(url) into \(root): \(DiagnosticRenderer.count(records, .record))")
  }

  /// A hook the clone already had, left alone.
  static func keptHook(_ path: String) -> String {
    DiagnosticRenderer.warningLine(tr("\(path) already exists and was left alone"))
  }

  // MARK: - sync

  /// What the fetch brought into the branch; nil for a merge that stopped (`MergeRenderer`
  /// shows it).
  static func integration(_ report: SyncReport) -> String? {
    let theirs = remoteBranch(report)
    switch report.integration {
    case .upToDate:
      return tr("Already up to date with \(theirs).")
    case .fastForward(let commit):
      return tr("Fast-forwarded \(report.branch) to \(theirs) (commit \(commit.prefix(7)))")
    case .merged(let commit, let records):
      return tr(
        "Merged \(theirs) into \(report.branch): \(DiagnosticRenderer.count(records.count, .record)) (commit \(commit.prefix(7)))"
      )
    case .stopped:
      return nil
    }
  }

  /// A line the shared repository's hook said of the push, as git shows it to a pusher.
  static func remoteMessage(_ line: String) -> String {
    "remote: " + line
  }

  /// Whether the branch was pushed; `noPush`: the user said not to.
  static func push(_ report: SyncReport, noPush: Bool) -> String {
    if report.pushed { return tr("Pushed \(report.branch) to \(remoteBranch(report)) (\(report.url))") }
    return noPush ? tr("Not pushed (--no-push).") : tr("Nothing to push.")
  }

  /// The push was refused because someone pushed meanwhile, `rounds - 1` times.
  static func rounds(_ rounds: Int) -> String {
    tr("The remote moved during the sync: \(rounds) rounds of fetch, merge and push.")
  }

  // MARK: - Progress

  /// Rewritten in place on a terminal (`\r`); the last one ends the line.
  static func receiving(_ done: Int, of total: Int) -> String {
    "\r" + tr("Receiving objects: \(done * 100 / total)% (\(done)/\(total))") + (done == total ? "\n" : "")
  }

  /// `origin/main`.
  private static func remoteBranch(_ report: SyncReport) -> String {
    "\(report.remote)/\(report.remoteBranch)"
  }
}
