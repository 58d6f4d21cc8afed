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
    let left = viewsRead.views.flatMap(\.unreadableFiles).filter { seen.insert(DiagnosticRenderer.text($0, colored: false)).inserted }
    guard !left.isEmpty else { return status }
    let files = Set(left.map(\.file)).count
    err.line("adminledger: \(DiagnosticRenderer.plural(files, "record file")) could not be read and \(files == 1 ? "was" : "were") left out:")
    for diagnostic in left { err.line(DiagnosticRenderer.text(diagnostic, colored: false)) }
    return status == .ok ? .findings : status
  }
}
