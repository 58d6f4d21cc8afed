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
  /// The incoming branch shares no commit with this ledger: it is another repository's.
  case unrelatedHistories
  /// A write was attempted while a merge is stopped on conflicts or findings.
  case mergeInProgress
  /// `sync --continue`, `--abort`, `resolve` or `conflicts` with no merge in progress.
  case noMergeInProgress
  /// `resolve` of a record, or a field of it, that the merge in progress does not conflict on
  /// (while the merged ledger breaks no rule); `conflicts` lists the conflicting fields
  /// (`people/hugo phone`), empty when none is open.
  case notInConflict(RecordKey, field: String?, conflicts: [String])
  /// `sync` with no remote named and none to choose; `known` lists the configured ones.
  case noRemote(known: [String])
  /// A remote name that the repository's configuration does not have.
  case unknownRemote(String, known: [String])
  /// Pushing to a repository with a work tree would leave its files out of step.
  case remoteNotBare(url: String)
  /// The remote's branch does not hold this ledger (no ledger.json where this one has it).
  case notTheLedgersBranch(String)
  /// Staged changes (`git add`) that a merge would sweep into its commit.
  case stagedChanges(paths: [String])
  /// The remote kept moving while this clone tried to push; gave up after `attempts`.
  case remoteKeptMoving(attempts: Int)
  /// The shared repository refused the push to `branch` (its pre-receive hook did: `reason`
  /// is git's word for it), saying `lines` (what git shows a pusher as `remote:` lines).
  /// Nothing moved on the remote; the commits stay in this clone.
  case pushRefused(remote: String, url: String, branch: String, reason: String, lines: [String])
  /// A cloned repository holds no ledger (no `ledger.json` at its root).
  case noLedgerIn(url: String)
  /// A git program holds the lock file at `path` (the index's or the branch's), or left it
  /// when killed; nothing was changed.
  case lockedByGit(path: String)
  /// A killed adminledger left an update unfinished, and this command runs inside git, which
  /// holds the index, so it cannot finish it.
  case interruptedUpdate
  /// Reaching a remote failed: fetching, pushing or cloning `url`.
  case remote(RemoteOperation, url: String, GitError)
  /// The remote's URL names a folder on this machine, `path`, and there is none.
  case remoteMissing(RemoteOperation, url: String, path: String)
  /// The shared repository's pre-receive hook at `path` could not be started; `reason` is the
  /// system's.
  case hookNotRun(path: String, reason: String)
  /// `sync --continue` while conflicts are still open in these files (ledger paths).
  case unresolvedConflicts(paths: [String])
  /// A merge would overwrite uncommitted hand edits of these files (ledger paths).
  case editsInTheWay(paths: [String])
  /// A commit could not be signed.
  case signing(SigningProblem)
  /// Reading or writing a file failed.
  case io(path: String, reason: String)
  /// A file could not be read or written while doing `operation` (a copy of the index, a
  /// file removed); `reason` is the system's.
  case fileSystem(StoreOperation, reason: String)
  /// A commit or file the history names is not in the repository (a shallow or damaged clone,
  /// or history collected as garbage after a rewrite).
  case objectMissing(String)
  /// libgit2 failed while doing `operation` (reading history, writing a commit).
  case git(StoreOperation, GitError)
  /// Forgetting a person, or following an erasure, cannot go on.
  case erasure(ErasureProblem)
}

/// What the store was doing when git or the file system failed; the CLI words it.
public enum StoreOperation: Equatable, Sendable {
  // Reading commits, files and references.
  case readHistory
  case readHead
  /// A commit, by its hex id.
  case readCommit(String)
  /// The signature of a commit, by its hex id.
  case readSignature(String)
  /// A file of a commit (its path).
  case readFile(String)
  /// A folder of a commit (its path).
  case readFolder(String)
  /// A branch or a remote's branch (`refs/heads/main`, `origin/main`).
  case readBranch(String)
  case listBranches
  case readRemotes
  /// Whether the pushed commit `new` descends from `old` (hex ids as the push names them).
  case compareCommits(new: String, old: String)
  /// The objects of these folders (a push's quarantine).
  case readObjects([String])
  case findFirstCommit
  // The configuration.
  case readConfiguration
  /// One setting (`adminledger.branch`).
  case readSetting(String)
  /// `core.hooksPath` of the repository at this folder.
  case readHooksPath(String)
  case registerMergeDriver
  case recordLedgerBranch
  case configureSigning
  // The work tree and the index.
  case readStatus
  case readIndex
  /// The staged changes, of this index file when it is not the repository's own.
  case readStagedChanges(indexFile: String?)
  case compareWorkTree
  case updateIndex
  // Writing.
  /// A repository, made in this folder.
  case createRepository(String)
  case writeCommit
  case writeSignedCommit
  /// Rewriting the history without a person (`forget`, or following or verifying an erasure).
  case eraseHistory
  /// A branch, by its full name.
  case moveBranch(String)
  case recordPush
  // Merging.
  /// The incoming commit into this clone's (hex ids).
  case mergeCommits(String, into: String)
  /// What a sync merges (`origin/main`).
  case merge(String)
  case readMergedFiles
  case readMerge
  case resolve(RecordKey)
  case commitMerge
  case abortMerge
  case finishInterruptedUpdate
  case undoInterruptedMerge
  // Dropping what a rewritten history left behind.
  case dropUnreachableObjects
  case removeHistoryCaches
}

/// How the store was reaching a remote when it failed.
public enum RemoteOperation: Equatable, Sendable {
  case clone
  /// Fetching from the remote of this name.
  case fetch(remote: String)
  /// Pushing to the remote of this name.
  case push(remote: String)
}

extension StoreError {
  /// Runs `body`, whose steps fail in the store's terms, in libgit2's or in the file system's:
  /// a `StoreError` passes as it is, a `GitError` becomes `.git(operation)` and anything else
  /// (a file that could not be copied) `.fileSystem(operation)`.
  static func wrapping<Result>(_ operation: StoreOperation, _ body: () throws -> Result) throws(StoreError) -> Result {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch let error as GitError {
      throw .git(operation, error)
    } catch {
      throw .fileSystem(operation, reason: error.localizedDescription)
    }
  }
}
