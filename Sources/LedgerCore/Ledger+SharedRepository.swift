import Foundation

// The shared repository: the bare repository the clones push to, opened on the server (by
// the pre-receive hook) to read the ledger its branch holds.
extension Ledger {
  /// Opens the ledger kept at the root of a bare repository's branch (the branch its HEAD
  /// names), for reading: snapshots, history and the audit. A bare repository has no work
  /// tree, so nothing may be written through it.
  ///
  /// - Parameters:
  ///   - gitDirectory: the bare repository's folder.
  ///   - objectDirectories: further object folders to read (a push's quarantine during
  ///     pre-receive: `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`).
  /// - Throws: `.notARepository` when `gitDirectory` is not a git repository;
  ///   `.remoteNotBare` when it has a work tree. Whether its branch holds a ledger is
  ///   `holdsLedger()`'s to say: a shared repository may be empty.
  public static func openShared(gitDirectory: URL, objectDirectories: [URL] = []) throws(StoreError) -> Ledger {
    let folder = canonical(gitDirectory)
    return Ledger(root: folder, store: try GitRecordStore.openShared(gitDirectory: folder, objectDirectories: objectDirectories))
  }

  /// Whether the repository has no work tree (a shared repository opened by `openShared`).
  public var isShared: Bool { store.isBare }

  /// The full name of the branch HEAD names (`refs/heads/main`); nil when HEAD is detached.
  /// In a shared repository it need not be the ledger's: see `findLedgerBranch`.
  public func ledgerBranch() throws(StoreError) -> String? {
    switch try store.readHead() {
    case .branch(let name, _), .unborn(let name): name
    case .detached: nil
    }
  }

  /// The shared repository's configuration key naming the ledger's branch (its short name),
  /// which `hook install pre-receive` records.
  public static let branchConfigKey = "adminledger.branch"

  /// Which branch of this shared repository holds the ledger, the one its pre-receive hook
  /// guards. In order: `given` (`--branch`), the branch the configuration names
  /// (`adminledger.branch`), HEAD's branch when it exists and holds `ledger.json`, else the
  /// only branch holding `ledger.json` at its root. A repository with no branch at all (a
  /// new one, before its first push) takes the one branch holding `ledger.json` that
  /// `pushed` creates.
  ///
  /// A repository made by `git init --bare` names `master` in HEAD whatever the clones push,
  /// so HEAD alone cannot be trusted to name the ledger's branch.
  ///
  /// - Parameters:
  ///   - given: a branch name, short (`main`) or full (`refs/heads/main`).
  ///   - pushed: the updates of the push being judged (its new commits must be readable).
  /// - Returns: the branch, or why it cannot be told.
  public func findLedgerBranch(given: String? = nil, pushed: [PushedUpdate] = []) throws(StoreError) -> LedgerBranchSearch {
    if let given, !given.isEmpty { return .found(Ledger.fullBranchName(given), how: .given) }
    let configured = try store.configuredLedgerBranch()
    if let configured, !configured.isEmpty { return .found(Ledger.fullBranchName(configured), how: .configured) }
    let head = try ledgerBranch()
    let branches = try branchNames()
    if branches.isEmpty {
      var created: [String] = []
      for update in pushed where update.creates && !update.deletes && update.reference.hasPrefix("refs/heads/") {
        if try holdsLedger(at: update.new) { created.append(update.reference) }
      }
      if created.count == 1, let only = created.first { return .found(only, how: .firstPush) }
      return .unknown(
        created.isEmpty ? .noCandidate(head: head, branches: []) : .severalCandidates(head: head, candidates: created))
    }
    var candidates: [String] = []
    for branch in branches {
      guard let tip = try branchTip(branch), try holdsLedger(at: tip) else { continue }
      candidates.append(branch)
    }
    if let head, candidates.contains(head) { return .found(head, how: .head) }
    if candidates.count == 1, let only = candidates.first { return .found(only, how: .onlyBranch) }
    return .unknown(
      candidates.isEmpty ? .noCandidate(head: head, branches: branches) : .severalCandidates(head: head, candidates: candidates))
  }

  /// Records `branch` as the ledger's branch in the shared repository's configuration, where
  /// the pre-receive hook reads it first.
  public func recordLedgerBranch(_ branch: String) throws(StoreError) {
    try store.recordLedgerBranch(Ledger.shortBranchName(Ledger.fullBranchName(branch)))
  }

  /// The full names of the repository's branches, sorted.
  public func branchNames() throws(StoreError) -> [String] {
    try store.branchNames()
  }

  /// The commit `branch` (a full name) points at, as hex; nil when it does not exist.
  public func branchTip(_ branch: String) throws(StoreError) -> String? {
    try store.branchTip(branch)?.description
  }

  /// `refs/heads/main` for `main`; a full reference name is kept.
  public static func fullBranchName(_ name: String) -> String {
    name.hasPrefix("refs/") ? name : "refs/heads/" + name
  }

  /// Whether `revision` (nil: HEAD) holds `ledger.json` at the ledger's root.
  public func holdsLedger(at revision: String? = nil) throws(StoreError) -> Bool {
    if revision == nil, try store.readHead().commit == nil { return false }
    return try store.snapshot(at: revision).fileBytes(LedgerSettings.fileName) != nil
  }
}

/// What `findLedgerBranch` found.
public enum LedgerBranchSearch: Equatable, Sendable {
  /// How the branch was told.
  public enum Source: Equatable, Sendable {
    /// `--branch`.
    case given
    /// The repository's `adminledger.branch`.
    case configured
    /// HEAD names it, and it holds `ledger.json`.
    case head
    /// The only branch holding `ledger.json` (HEAD names another, or none).
    case onlyBranch
    /// The repository has no branch yet; the push creates this one, holding `ledger.json`.
    case firstPush
  }

  /// Why the ledger's branch cannot be told.
  public enum Uncertainty: Equatable, Sendable {
    /// No branch holds `ledger.json` at its root. `head` is the branch HEAD names (nil when
    /// detached); `branches` the repository's branches (empty: it has none).
    case noCandidate(head: String?, branches: [String])
    /// Several branches hold `ledger.json`, and HEAD's branch is not one of them.
    case severalCandidates(head: String?, candidates: [String])
  }

  case found(String, how: Source)
  case unknown(Uncertainty)

  /// The branch's full name, when found.
  public var branch: String? {
    if case .found(let branch, _) = self { return branch }
    return nil
  }
}
