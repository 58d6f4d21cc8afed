import LedgerCore
import LedgerJSON
import LedgerLanguage

/// Words what `LineMergeCheck` finds, for `status` and `validate`:
///
///     warning: git merges this clone's records line by line: .gitattributes names the merge driver 'adminledger' but this clone does not register it (a plain 'git clone')
///     hint: run 'adminledger hook install' once
///     warning: trainings/intro.json holds git's conflict markers: git merged it line by line
///     hint: run 'adminledger hook install', then 'git checkout -m trainings/intro.json' to merge it again field by field
enum LineMergeRenderer {
  /// The steps that redo a line-merged file as a field-level merge (git 2.39 and later:
  /// `checkout -m` merges the index's three versions again through the registered driver).
  static func redo(_ file: String) -> String {
    tr("run 'adminledger hook install', then 'git checkout -m \(file)' to merge it again field by field")
  }

  /// The warning and hint lines, none when the check is clean.
  static func lines(_ check: LineMergeCheck) -> [String] {
    var lines: [String] = []
    if check.driverMissing {
      lines.append(
        DiagnosticRenderer.warningLine(
          tr(
            "git merges this clone's records line by line: .gitattributes names the merge driver 'adminledger' but this clone's git configuration does not register it (a plain 'git clone')"
          )))
      lines.append(
        DiagnosticRenderer.hintLine(tr("run 'adminledger hook install' once, before the next 'git pull' or 'git merge'")))
    }
    for file in check.markedFiles {
      lines.append(
        DiagnosticRenderer.warningLine(
          tr("\(file) holds git's conflict markers: git merged it line by line, not field by field")))
      lines.append(
        DiagnosticRenderer.hintLine(
          check.driverMissing ? redo(file) : tr("run 'git checkout -m \(file)' to merge it again field by field")))
    }
    return lines
  }

  /// `{"driver_missing": true, "marked_files": ["trainings/intro.json"]}`.
  static func json(_ check: LineMergeCheck) -> JSONValue {
    .object(["driver_missing": .bool(check.driverMissing), "marked_files": .array(check.markedFiles.map { .string($0) })])
  }
}
