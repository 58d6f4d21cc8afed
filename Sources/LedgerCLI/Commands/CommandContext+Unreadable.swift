import LedgerCore

/// The views of the ledger a command read, kept until it ends.
final class ViewsRead {
  var views: [LedgerView] = []
}

extension CommandContext {
  /// After a reading command: says which record files it left out because they are no record
  /// (not JSON, too large), and exits 1 rather than 0, so that neither a person nor a script
  /// takes a partial list or report for the whole ledger.
  func reportUnreadableFiles(_ status: ExitStatus) -> ExitStatus {
    var seen = Set<String>()
    let left = viewsRead.views.flatMap(\.unreadableFiles).filter {
      seen.insert(DiagnosticRenderer.text($0, colored: false)).inserted
    }
    guard !left.isEmpty else { return status }
    for line in DiagnosticRenderer.leftOut(left) { err.line(line) }
    return status == .ok ? .findings : status
  }
}
