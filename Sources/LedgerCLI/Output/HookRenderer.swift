import LedgerCore
import LedgerWording

/// The words of the git hooks' commands (`hook pre-commit`, `hook install`, `hook pre-receive`):
/// the lines they print and the usage errors they throw. The commands decide what to say; this
/// says it. What git shows a pusher is these lines, prefixed with `remote:`.
enum HookRenderer {
  // MARK: - hook pre-commit

  /// Printed before the staged files' diagnostics.
  static let commitRefused = "adminledger: the commit is refused; the staged ledger files have problems:"

  // MARK: - hook install

  static func committedAttributes(_ commit: String) -> String {
    "Committed .gitattributes (commit \(commit.prefix(7))): ledger files merge field by field"
  }

  static func installed(_ path: String) -> String {
    "Installed \(path)"
  }

  /// A clone's hook that is someone else's, left alone: the error, then the line to add to it.
  static func keptExistingHook(_ path: String, tool: String) -> [String] {
    [
      "adminledger: error: \(path) already exists and is not adminledger's; it was left alone",
      "hint: add this line to it: exec \"\(tool)\" hook pre-commit --ledger .",
    ]
  }

  static func installedPreReceive(_ hook: String, branch: String) -> String {
    "Installed \(hook): pushes to \(branch) are audited, and refused when they break the ledger's policy"
  }

  static func branchYetToCome(_ branch: String) -> String {
    "\(branch) does not exist yet: the push that creates it is audited in full"
  }

  /// The shared repository's pre-receive hook that is someone else's, left alone.
  static func keptExistingPreReceive(_ hook: String, tool: String) -> [String] {
    [
      "adminledger: error: \(hook) already exists and is not adminledger's; it was left alone",
      "hint: make it also run: exec \"\(tool)\" hook pre-receive (git gives it the pushed references on standard input; pass them on)",
    ]
  }

  // MARK: - hook install: usage errors

  static let unknownToolPath = CLIError.usage(
    "cannot tell where adminledger is installed", hint: "run the installed adminledger binary")

  static func unknownHook(_ name: String) -> CLIError {
    .usage(
      "unknown hook '\(name)'",
      hint: "'hook install' installs a clone's hooks; 'hook install pre-receive --repo BARE_REPO' the shared repository's")
  }

  /// `--repo` or `--branch` given to a clone's `hook install`.
  static func preReceiveOption(_ option: String) -> CLIError {
    .usage(
      "--\(option) goes with 'hook install pre-receive'", hint: "run 'adminledger hook install pre-receive --repo BARE_REPO'")
  }

  static let sharedRepositoryNeeded = CLIError.usage(
    "'hook install pre-receive' needs the shared repository", hint: "run 'adminledger hook install pre-receive --repo BARE_REPO'")

  static let signingKeyOnServer = CLIError.usage(
    "--signing-key is for a clone: the shared repository signs nothing",
    hint: "run 'adminledger hook install --signing-key KEY' in your clone")

  /// The repository at `root` (given as `repository`) has no branch the hook can tell.
  static func noLedgerToGuard(_ root: String, _ uncertainty: LedgerBranchSearch.Uncertainty, repository: String) -> CLIError {
    .usage(
      "\(root) holds no ledger the hook can guard: \(describe(uncertainty, pushing: false)); no hook was installed",
      hint: branchHint(uncertainty, repository: repository))
  }

  static func noSuchBranch(_ root: String, _ branch: String, branches: [String]) -> CLIError {
    .usage(
      "\(root) has no branch \(branch) (its branches: \(branches.map(Ledger.shortBranchName).joined(separator: ", "))); no hook was installed",
      hint: "name the branch the clones push the ledger to with --branch BRANCH")
  }

  static func noLedgerOnBranch(_ root: String, _ branch: String) -> CLIError {
    .usage(
      "\(root) holds no ledger on \(branch) (no ledger.json at the root of \(branch)); no hook was installed",
      hint: "name the branch the clones push the ledger to with --branch BRANCH")
  }

  static func notARepository(_ path: String) -> CLIError {
    .usage("\(path) is not a git repository", hint: "name the shared bare repository the clones push to")
  }

  static func notBare(_ path: String) -> CLIError {
    .usage(
      "\(path) is not a bare repository: the pre-receive hook belongs in the shared repository the clones push to",
      hint: "in a clone, 'adminledger hook install' installs the clone's own hooks")
  }

  // MARK: - hook pre-receive

  /// Said first when the hook fails: git refuses the push on any exit but 0.
  static let uncheckedPush = "adminledger: the push is refused: it could not be checked"

  static func unreadablePushLine(_ line: Substring) -> CLIError {
    .usage("cannot read the pushed reference '\(line)': expected 'OLD NEW REFNAME', as git gives its pre-receive hook")
  }

  /// A pushed branch whose commits the audit found nothing wrong with.
  static func audited(_ branch: String, commits: Int) -> String {
    "adminledger: \(branch): \(DiagnosticRenderer.plural(commits, "commit")) audited, no findings"
  }

  /// Every push is refused while the ledger's branch cannot be told.
  static func unjudgeable(_ uncertainty: LedgerBranchSearch.Uncertainty) -> [String] {
    [
      "adminledger: the push is refused: cannot tell which branch holds the ledger: \(describe(uncertainty)); every push is refused until the hook is told",
      "hint: " + branchHint(uncertainty, repository: nil),
    ]
  }

  /// Why one update refuses the push, printed for the pusher.
  static func refusal(_ check: PushCheck) -> [String] {
    let update = check.update
    let branch = update.shortName
    switch check.outcome {
    case .otherReference, .unjudgeable:
      return []
    case .deletesBranch:
      return [
        "adminledger: the push is refused: it deletes \(branch), the ledger's branch",
        "hint: the shared ledger's branch is never deleted",
      ]
    case .rewritesBranch:
      return [
        "adminledger: the push is refused: it rewrites the ledger's branch \(branch) (\(update.new.prefix(7)) does not descend from \(update.old.prefix(7)), the commit \(branch) points at: a force push of a rebased, amended or reset branch)",
        "hint: the shared history is never rewritten, except by an erasure ('adminledger forget', which describes the rewrite in an erasure record of this very branch); bring your clone up to date with 'adminledger sync' (or 'git pull'), undo a change with a new commit, and push again without --force",
      ]
    case .removesLedger:
      return [
        "adminledger: the push is refused: \(update.new.prefix(7)) has no ledger.json at its root, so \(branch) would no longer hold the ledger",
        "hint: push the ledger's own history to \(branch)",
      ]
    case .audited(let result):
      return auditRefusal(result, update: update)
    }
  }

  /// One block per refused commit (its id and author, then each rule and its message), then
  /// the count and what to do.
  private static func auditRefusal(_ result: AuditResult, update: PushedUpdate) -> [String] {
    let branch = update.shortName
    var commits: [String] = []
    var findings: [String: [AuditFinding]] = [:]
    for finding in result.findings {
      if findings[finding.entry.commit] == nil { commits.append(finding.entry.commit) }
      findings[finding.entry.commit, default: []].append(finding)
    }
    var lines: [String] = []
    for commit in commits {
      guard let entry = findings[commit]?.first?.entry else { continue }
      lines.append("adminledger: commit \(commit.prefix(7)) by \(entry.authorName) <\(entry.authorEmail)>:")
      for finding in findings[commit] ?? [] { lines.append("  [\(finding.rule)] \(AuditWording.message(finding))") }
    }
    lines.append(
      "adminledger: the push to \(branch) is refused: \(DiagnosticRenderer.plural(result.findings.count, "finding")) in \(DiagnosticRenderer.plural(result.commits, "pushed commit")); \(branch) did not move"
    )
    let range = update.creates ? String(update.new.prefix(7)) : "\(update.old.prefix(7))..\(update.new.prefix(7))"
    lines.append(
      "hint: 'adminledger audit \(range)' in your clone shows the same; the ledger takes only commits by a known administrator (a person holding a ledger role whose git_identities lists the commit's email and, where ledger.json requires signed commits, whose signing_keys hold the key that signed it), within that person's roles, that leave every record valid, and merges that only combine their sides: redo these changes that way (\(update.creates ? "" : "'git reset \(update.old.prefix(7))' keeps them in your files, ")'adminledger commit' commits them as you), then push again"
    )
    return lines
  }

  // MARK: - The ledger's branch

  /// Why the ledger's branch cannot be told, in words.
  /// `pushing`: said of a push (which may create the first branch), not of an installation.
  static func describe(_ uncertainty: LedgerBranchSearch.Uncertainty, pushing: Bool = true) -> String {
    func names(_ branches: [String]) -> String { branches.map(Ledger.shortBranchName).joined(separator: ", ") }
    switch uncertainty {
    case .noCandidate(let head, let branches) where branches.isEmpty:
      let empty = "it has no branch yet\(head.map { " (HEAD names \(Ledger.shortBranchName($0)))" } ?? "")"
      return pushing ? empty + ", and the push creates no branch holding ledger.json at its root" : empty
    case .noCandidate(_, let branches):
      return "no branch holds ledger.json at its root (branches: \(names(branches)))"
    case .severalCandidates(let head, let candidates):
      let headWords = head.map { "HEAD names \(Ledger.shortBranchName($0)), which does not hold one" } ?? "HEAD names no branch"
      return "several branches hold ledger.json at their root (\(names(candidates))), and \(headWords)"
    }
  }

  /// What to do when the ledger's branch cannot be told. `repository` is the path given to
  /// `hook install pre-receive --repo`; nil from the hook itself.
  static func branchHint(_ uncertainty: LedgerBranchSearch.Uncertainty, repository: String?) -> String {
    let install = "'adminledger hook install pre-receive --repo \(repository ?? "BARE_REPO") --branch BRANCH'"
    if case .noCandidate(_, let branches) = uncertainty, branches.isEmpty, repository != nil {
      return
        "push the ledger there first ('git remote add origin URL' and 'adminledger sync' in a clone), then install the hook; or name the branch the ledger will be pushed to: \(install)"
    }
    guard repository == nil else { return "name the ledger's branch: \(install)" }
    return
      "tell the hook which branch holds the ledger: on the server, \(install) (or 'git config adminledger.branch BRANCH' in the shared repository), or add '--branch BRANCH' to the hook's 'adminledger hook pre-receive' line"
  }
}
