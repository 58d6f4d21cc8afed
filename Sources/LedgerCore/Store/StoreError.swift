import LedgerGit

/// Why a ledger operation stopped. Cases carry data; the CLI words them.
public enum StoreError: Error, Equatable, Sendable {
  /// No `ledger.json` in `searched` or any folder above it inside the repository.
  case notALedger(searched: String)
  /// `path` is not inside a git repository.
  case notARepository(path: String)
  /// `init` found a ledger already there.
  case alreadyALedger(path: String)
  case recordExists(RecordKey)
  /// `add` without an id for a kind whose ids are names chosen by people.
  case idRequired(RecordKind)
  case recordNotFound(RecordKey)
  case fieldNotFound(RecordKey, field: String)
  case fieldNotAnObject(RecordKey, field: String, found: String)
  /// A `--set` value that does not fit the field's schema.
  case fieldInput(FieldInputProblem)
  /// A revision or date that names no commit.
  case revisionNotFound(String)
  /// HEAD is not on a branch, so a write has no branch to move.
  case detachedHead
  /// Files the write would replace hold uncommitted hand edits.
  case uncommittedEdits(paths: [String])
  /// The data is invalid: nothing was written.
  case invalid(DiagnosticList)
  /// Other writers kept moving the branch; gave up after `attempts` tries.
  case contention(attempts: Int)
  /// An import whose rows do not all make valid records: nothing was written.
  case importRefused(file: String, problems: [ImportProblem])
  /// A write that must change the tree did not (an internal inconsistency).
  case nothingChanged
  /// Reading or writing a file failed.
  case io(path: String, reason: String)
  /// libgit2 failed while doing `action` (`read history`, `write commit`).
  case git(action: String, GitError)
}
