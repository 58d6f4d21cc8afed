import Foundation
import LedgerGit

/// What `installHooks` did.
public enum HookInstallation: Equatable, Sendable {
  case installed(path: String)
  /// A hook of someone else's was there; it was left alone.
  case keptExisting(path: String)
}

// Git hooks and the merge driver, so that plain `git commit`, `git merge` and `git pull`
// follow the ledger's rules. Git copies none of them with a clone: `clone` and
// `hook install` put them in each clone.
extension Ledger {
  /// The `.gitattributes` committed at the ledger's root: which files the merge driver merges.
  public static let mergeAttributesFile = ".gitattributes"
  static let mergeAttributes = """
    # Ledger files merge field by field through adminledger's merge driver
    # (registered in each clone by 'adminledger clone' or 'adminledger hook install').
    *.json merge=adminledger

    """

  /// Installs the pre-commit and pre-merge-commit hooks, which run `adminledger hook
  /// pre-commit` on this ledger, and registers the merge driver in the repository's git
  /// configuration, so a plain `git pull` merges records field by field.
  ///
  /// - Parameter tool: the path of the `adminledger` executable the hooks call (they fall
  ///   back to the one on `PATH` if that file moves).
  /// - Returns: what happened to each hook.
  public func installHooks(tool: String) throws(StoreError) -> [HookInstallation] {
    let ledgerFolder = Ledger.shellQuoted(store.prefix.isEmpty ? "." : store.prefix)
    var results: [HookInstallation] = []
    for name in ["pre-commit", "pre-merge-commit"] {
      results.append(
        try installScript(
          name, tool: tool, purpose: "validates the ledger files staged for this commit",
          command: "hook pre-commit --ledger \(ledgerFolder)"))
    }
    let driver = try installScript(
      "adminledger-merge-driver", tool: tool, purpose: "git's merge driver for the ledger's JSON files",
      command: "merge-driver \"$@\"")
    results.append(driver)
    if case .installed(let path) = driver { try store.registerMergeDriver(path) }
    return results
  }

  /// Commits `.gitattributes` when the ledger does not have it yet (a ledger made before the
  /// merge driver existed).
  ///
  /// - Returns: the commit, or nil when the file was already there.
  public func commitMergeAttributes(by author: Author, at date: Date) throws(StoreError) -> WriteResult? {
    try store.write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard try snapshot.fileBytes(Ledger.mergeAttributesFile) == nil else { return nil }
      let message = CommitMessage(subject: "Merge ledger files field by field (.gitattributes)", actions: [], records: [])
      return ChangeSet(
        files: [.init(path: Ledger.mergeAttributesFile, content: Array(Ledger.mergeAttributes.utf8))],
        message: message, records: [])
    }
  }

  /// Installs the pre-receive hook of a shared repository (opened by `openShared`), which
  /// runs `adminledger hook pre-receive` on every push: see `checkPush`.
  ///
  /// - Parameter tool: the path of the `adminledger` executable on this server (the hook
  ///   falls back to the one on `PATH` if that file moves).
  public func installPreReceiveHook(tool: String) throws(StoreError) -> HookInstallation {
    let installed = try installScript(
      "pre-receive", tool: tool, purpose: "refuses pushes to the ledger's branch that break its policy",
      command: "hook pre-receive", refusal: "adminledger is not installed on this server: cannot check the push, so it is refused"
    )
    // Its companion drops the former history once an erasure's rewrite is received; a
    // post-receive hook of someone else's is left alone (the erasure then stays on the disk
    // until one runs 'adminledger hook post-receive').
    _ = try installScript(
      "post-receive", tool: tool, purpose: "drops the former history once a rewrite that forgets a person is received",
      command: "hook post-receive", refusal: "adminledger is not installed on this server: the former history was not dropped")
    return installed
  }

  /// After a push was received (the post-receive hook): when it rewrote the ledger's branch,
  /// which the pre-receive hook admits only as an erasure, the former history's objects are
  /// dropped from this repository.
  ///
  /// - Returns: what was dropped, or nil when no update of the push rewrote the branch.
  public func afterPush(_ updates: [PushedUpdate], branch: String? = nil) throws(StoreError) -> DroppedObjects? {
    guard case .found(let ledgerBranch, _) = try findLedgerBranch(given: branch, pushed: updates) else { return nil }
    for update in updates where update.reference == ledgerBranch && !update.creates && !update.deletes {
      guard let old = ObjectID(hex: update.old), let new = ObjectID(hex: update.new),
        (try? store.descends(new, from: old)) == false, try erasedTip(of: update.old, in: update.new) != nil
      else { continue }
      return try store.dropUnreachableObjects()
    }
    return nil
  }

  private func installScript(
    _ name: String, tool: String, purpose: String, command: String,
    refusal: String = "adminledger is not installed: cannot check the ledger's files"
  ) throws(StoreError) -> HookInstallation {
    let hooks = store.hooksFolder
    let hook = hooks.appendingPathComponent(name)
    let marker = "# Installed by adminledger"
    if let existing = FileManager.default.contents(atPath: hook.path),
      !String(decoding: existing, as: UTF8.self).contains(marker)
    {
      return .keptExisting(path: hook.path)
    }
    let script = """
      #!/bin/sh
      \(marker): \(purpose).
      tool=\(Ledger.shellQuoted(tool))
      [ -x "$tool" ] || tool=$(command -v adminledger) || {
        echo \(Ledger.shellQuoted(refusal)) >&2
        exit 1
      }
      exec "$tool" \(command)

      """
    do {
      try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
      try Data(script.utf8).write(to: hook, options: .atomic)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    } catch {
      throw .io(path: hook.path, reason: error.localizedDescription)
    }
    return .installed(path: hook.path)
  }

  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// One line git gives a pre-receive hook on standard input: `OLD NEW REFNAME`, one reference
/// a push updates. A created reference's old id, and a deleted one's new id, are all zeros.
public struct PushedUpdate: Equatable, Sendable {
  public let old: String
  public let new: String
  /// The reference's full name: `refs/heads/main`.
  public let reference: String

  public init(old: String, new: String, reference: String) {
    self.old = old
    self.new = new
    self.reference = reference
  }

  /// Reads one line of a pre-receive hook's input; nil when it is not `OLD NEW REFNAME`.
  public init?(line: String) {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard words.count == 3, ObjectID(hex: words[0]) != nil, ObjectID(hex: words[1]) != nil else { return nil }
    self.init(old: words[0], new: words[1], reference: words[2])
  }

  /// Whether the push creates the reference.
  public var creates: Bool { old.allSatisfy { $0 == "0" } }
  /// Whether the push deletes the reference.
  public var deletes: Bool { new.allSatisfy { $0 == "0" } }

  /// The short name: `main` for `refs/heads/main`.
  public var shortName: String { Ledger.shortBranchName(reference) }
}

/// What the pre-receive hook found in one update of a push.
public struct PushCheck: Sendable {
  public enum Outcome: Sendable {
    /// Not the ledger's branch (which is known): let through unchecked.
    case otherReference
    /// The ledger's branch cannot be told, so no update of the push can be judged: every
    /// one is refused (the hook fails closed).
    case unjudgeable(LedgerBranchSearch.Uncertainty)
    /// The push deletes the ledger's branch.
    case deletesBranch
    /// The new commit does not descend from the branch's commit: a force push of a rebased,
    /// amended or reset branch.
    case rewritesBranch
    /// The new commit holds no `ledger.json` at the root.
    case removesLedger
    /// The audit of the pushed commits (all of the new commit's history when the push
    /// creates the branch).
    case audited(AuditResult)
  }

  public let update: PushedUpdate
  public let outcome: Outcome

  /// Whether this update makes the hook refuse the push.
  public var refuses: Bool {
    switch outcome {
    case .otherReference: false
    case .deletesBranch, .rewritesBranch, .removesLedger, .unjudgeable: true
    case .audited(let result): !result.findings.isEmpty
    }
  }
}

// The server's side: what a shared repository's pre-receive hook checks.
extension Ledger {
  /// The commit an erasure record at `new` says the branch's commit `old` became, when the
  /// record was written after it (so the audit of the commits after it reaches the record's).
  func erasedTip(of old: String, in new: String) throws(StoreError) -> String? {
    let history = store.history
    for record in try ErasureMap(snapshot: history.snapshot(new)).records {
      guard let last = record.commits.last, last.former == old else { continue }
      guard try history.content(record.key.path, at: last.now) == nil else { continue }
      return last.now
    }
    return nil
  }

  /// Judges the updates of one push to this shared repository. Only the ledger's branch
  /// (see `findLedgerBranch`) is checked: it may not be deleted or rewritten, its new commit
  /// must hold the ledger, and the pushed commits (those the branch did not have; all of its
  /// history when the push creates it) go through the audit. Other references are let
  /// through, but only when the ledger's branch is known: when it cannot be told, every
  /// update is `.unjudgeable`, and refused.
  ///
  /// The pushed objects must be readable: during pre-receive, open the repository with
  /// the quarantine's object folders (`openShared(gitDirectory:objectDirectories:)`).
  ///
  /// - Parameter branch: the ledger's branch as the hook was told it (`--branch`), if it was.
  ///
  /// `receivedAt` is the server's clock, the one clock a pusher does not set: roles and keys
  /// are judged no earlier than that time less the ledger's offline grace.
  public func checkPush(_ updates: [PushedUpdate], branch: String? = nil, receivedAt: Date = Date()) throws(StoreError)
    -> [PushCheck]
  {
    let search = try findLedgerBranch(given: branch, pushed: updates)
    guard case .found(let ledgerBranch, _) = search else {
      guard case .unknown(let uncertainty) = search else { return [] }
      return updates.map { PushCheck(update: $0, outcome: .unjudgeable(uncertainty)) }
    }
    var checks: [PushCheck] = []
    for update in updates {
      checks.append(
        PushCheck(update: update, outcome: try outcome(of: update, ledgerBranch: ledgerBranch, receivedAt: receivedAt)))
    }
    return checks
  }

  private func outcome(of update: PushedUpdate, ledgerBranch: String, receivedAt: Date) throws(StoreError) -> PushCheck.Outcome {
    guard update.reference == ledgerBranch else { return .otherReference }
    if update.deletes { return .deletesBranch }
    var range = update.creates ? update.new : "\(update.old)..\(update.new)"
    if !update.creates {
      guard let old = ObjectID(hex: update.old), let new = ObjectID(hex: update.new) else {
        throw .revisionNotFound(update.new)
      }
      let descends: Bool
      do {
        descends = try store.descends(new, from: old)
      } catch {
        throw .git(.compareCommits(new: update.new, old: update.old), error)
      }
      if !descends {
        // A rewrite is admitted only as an erasure of exactly this branch: the commits after
        // the rewritten ones (the erasure's own among them, verified against the former
        // history this repository holds) are audited.
        guard let rewritten = try erasedTip(of: update.old, in: update.new) else { return .rewritesBranch }
        range = "\(rewritten)..\(update.new)"
      }
    }
    guard try holdsLedger(at: update.new) else { return .removesLedger }
    return .audited(try store.audit(range: range, receivedAt: receivedAt))
  }
}
