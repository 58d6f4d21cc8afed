import LedgerCore

/// The words of the commands that write the ledger: what `add`, `set`, `rm` and `commit`
/// committed, the ledger `init` created, the hand edits `status` finds for `commit`, and the
/// warning any write gets when its author is not a known administrator.
///
///     Updated rights/2026-11-18-a1b2c (commit d4e5f6a)
///       status: "active" -> "revoked"
enum WriteRenderer {
  // MARK: - add, set, rm, commit

  /// A write that changed nothing, so made no commit.
  static let unchanged = "Nothing changed: the record already holds these values"

  /// `commit` with no hand edit to commit.
  static let nothingToCommit = "Nothing to commit: the ledger's files match the last commit."

  /// The commit a write made: the records (or files) it changed, and for a write of the tool's
  /// own (`verb` other than `commit`) the body of its commit message, one change a line.
  static func written(_ result: WriteResult, records: [String], verb: String) -> [String] {
    let past = ["add": "Added", "set": "Updated", "rm": "Removed", "commit": "Committed"][verb] ?? verb
    let named = records.count <= 5 ? records.joined(separator: ", ") : "\(records.count) records"
    var lines = ["\(past) \(named) (commit \(result.commit.prefix(7)))"]
    if verb != "commit" { lines += result.changes.message.body.map { "  " + $0 } }
    return lines
  }

  /// Locally a commit's author is self-declared: the write is made, and the audit reports it.
  static func unknownAuthor(_ author: Author) -> String {
    "warning: \(author) is not a known administrator (no person with a ledger role lists \(author.email) in git_identities); the audit will report this commit"
  }

  // MARK: - init

  static func created(name: String, root: String, commit: String) -> String {
    "Created ledger \"\(name)\" in \(root) (commit \(commit.prefix(7)))"
  }

  /// A hook of someone else's `init` found in the repository and left alone.
  static func keptHook(_ path: String) -> String {
    "warning: \(path) already exists and was left alone; add 'adminledger hook pre-commit' to it so plain git commits are validated"
  }

  // MARK: - status

  static let noHandEdits = "No hand edits: the ledger's files match the last commit."

  /// Heads the files of a merge in progress, which `sync --continue` commits.
  static let mergeChanges = "Files the merge changes, not committed yet:"

  /// One line per edited file: `modified  people/hlefevre.json`.
  static func handEdits(_ edits: [HandEdit]) -> [String] {
    let width = edits.contains { $0.change == .conflicted } ? 11 : 10
    return edits.map { $0.change.rawValue.padded(to: width) + $0.path }
  }

  static let commitHint = "hint: run 'adminledger commit -m MESSAGE' to validate and commit them"
}
