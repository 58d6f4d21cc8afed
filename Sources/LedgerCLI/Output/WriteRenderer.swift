import LedgerCore
import LedgerLanguage

/// The words of the commands that write the ledger: what `add`, `set`, `rm` and `commit`
/// committed, the ledger `init` created, the hand edits `status` finds for `commit`, and the
/// warning any write gets when its author is not a known administrator.
///
///     Updated rights/2026-11-18-a1b2c (commit d4e5f6a)
///       status: "active" -> "revoked"
enum WriteRenderer {
  // MARK: - add, set, rm, commit

  /// A write that changed nothing, so made no commit.
  static var unchanged: String { tr("Nothing changed: the record already holds these values") }

  /// `commit` with no hand edit to commit.
  static var nothingToCommit: String { tr("Nothing to commit: the ledger's files match the last commit.") }

  /// The commit a write made: the records (or files) it changed, and for a write of the tool's
  /// own (`verb` other than `commit`) the body of its commit message, one change a line.
  static func written(_ result: WriteResult, records: [String], verb: String) -> [String] {
    let named = records.count <= 5 ? records.joined(separator: ", ") : DiagnosticRenderer.count(records.count, .record)
    let commit = result.commit.prefix(7)
    let line =
      switch verb {
      case "add": tr("Added \(named) (commit \(commit))")
      case "set": tr("Updated \(named) (commit \(commit))")
      case "rm": tr("Removed \(named) (commit \(commit))")
      case "commit": tr("Committed \(named) (commit \(commit))")
      default: "\(verb) \(named) (commit \(commit))"
      }
    var lines = [line]
    if verb != "commit" { lines += result.changes.message.body.map { "  " + $0 } }
    return lines
  }

  /// A value typed in a person's form, and the form stored: `note: "phone": "06 12 34 56 78" is
  /// stored as +33612345678`.
  static func converted(_ conversion: InputConversion) -> String { DiagnosticRenderer.noteLine(conversion.note) }

  /// Locally a commit's author is self-declared: the write is made, and the audit reports it.
  static func unknownAuthor(_ author: Author) -> String {
    DiagnosticRenderer.warningLine(
      tr(
        "\(author) is not a known administrator (no person with a ledger role lists \(author.email) in git_identities); the audit will report this commit"
      ))
  }

  // MARK: - init

  static func created(name: String, root: String, commit: String) -> String {
    tr("Created ledger \"\(name)\" in \(root) (commit \(commit.prefix(7)))")
  }

  /// A hook of someone else's `init` found in the repository and left alone.
  static func keptHook(_ path: String) -> String {
    DiagnosticRenderer.warningLine(
      tr(
        "\(path) already exists and was left alone; add 'adminledger hook pre-commit' to it so plain git commits are validated"
      ))
  }

  // MARK: - status

  static var noHandEdits: String { tr("No hand edits: the ledger's files match the last commit.") }

  /// Heads the files of a merge in progress, which `sync --continue` commits.
  static var mergeChanges: String { tr("Files the merge changes, not committed yet:") }

  /// One line per edited file: `modified  people/hlefevre.json`.
  static func handEdits(_ edits: [HandEdit]) -> [String] {
    let words = edits.map { edit in
      switch edit.change {
      case .added: tr("added")
      case .modified: tr("modified")
      case .deleted: tr("deleted")
      case .conflicted: tr("conflicted")
      }
    }
    // At least ten columns, and a space after the longest word.
    let width = max(10, (words.map(\.count).max() ?? 0) + 1)
    return zip(words, edits).map { word, edit in word.padded(to: width) + edit.path }
  }

  static var commitHint: String {
    DiagnosticRenderer.hintLine(tr("run 'adminledger commit -m MESSAGE' to validate and commit them"))
  }
}
