import LedgerCore
import LedgerLanguage
import LedgerWording

/// The words of the git hooks' commands (`hook pre-commit`, `hook install`, `hook pre-receive`):
/// the lines they print and the usage errors they throw. The commands decide what to say; this
/// says it. What git shows a pusher is these lines, prefixed with `remote:`.
enum HookRenderer {
  // MARK: - hook pre-commit

  /// Printed before the staged files' diagnostics.
  static var commitRefused: String { tr("adminledger: the commit is refused; the staged ledger files have problems:") }

  // MARK: - hook install

  static func committedAttributes(_ commit: String) -> String {
    tr("Committed .gitattributes (commit \(commit.prefix(7))): ledger files merge field by field")
  }

  static func installed(_ path: String) -> String {
    tr("Installed \(path)")
  }

  /// A clone's hook that is someone else's, left alone: the error, then the line to add to it.
  static func keptExistingHook(_ path: String, tool: String) -> [String] {
    [
      DiagnosticRenderer.errorLine(tr("\(path) already exists and is not adminledger's; it was left alone")),
      DiagnosticRenderer.hintLine(tr("add this line to it: exec \"\(tool)\" hook pre-commit --ledger .")),
    ]
  }

  static func installedPreReceive(_ hook: String, branch: String) -> String {
    tr("Installed \(hook): pushes to \(branch) are audited, and refused when they break the ledger's policy")
  }

  static func branchYetToCome(_ branch: String) -> String {
    tr("\(branch) does not exist yet: the push that creates it is audited in full")
  }

  /// The shared repository's pre-receive hook that is someone else's, left alone.
  static func keptExistingPreReceive(_ hook: String, tool: String) -> [String] {
    [
      DiagnosticRenderer.errorLine(tr("\(hook) already exists and is not adminledger's; it was left alone")),
      DiagnosticRenderer.hintLine(
        tr(
          "make it also run: exec \"\(tool)\" hook pre-receive (git gives it the pushed references on standard input; pass them on)"
        )),
    ]
  }

  // MARK: - hook install: usage errors

  static var unknownToolPath: CLIError {
    .usage(tr("cannot tell where adminledger is installed"), hint: tr("run the installed adminledger binary"))
  }

  static func unknownHook(_ name: String) -> CLIError {
    .usage(
      tr("unknown hook '\(name)'"),
      hint: tr(
        "'hook install' installs a clone's hooks; 'hook install pre-receive --repo BARE_REPO' the shared repository's"))
  }

  /// `--repo` or `--branch` given to a clone's `hook install`.
  static func preReceiveOption(_ option: String) -> CLIError {
    .usage(
      tr("--\(option) goes with 'hook install pre-receive'"),
      hint: tr("run 'adminledger hook install pre-receive --repo BARE_REPO'"))
  }

  static var sharedRepositoryNeeded: CLIError {
    .usage(
      tr("'hook install pre-receive' needs the shared repository"),
      hint: tr("run 'adminledger hook install pre-receive --repo BARE_REPO'"))
  }

  static var signingKeyOnServer: CLIError {
    .usage(
      tr("--signing-key is for a clone: the shared repository signs nothing"),
      hint: tr("run 'adminledger hook install --signing-key KEY' in your clone"))
  }

  /// The repository at `root` (given as `repository`) has no branch the hook can tell.
  static func noLedgerToGuard(_ root: String, _ uncertainty: LedgerBranchSearch.Uncertainty, repository: String) -> CLIError {
    .usage(
      tr("\(root) holds no ledger the hook can guard: \(describe(uncertainty, pushing: false)); no hook was installed"),
      hint: branchHint(uncertainty, repository: repository))
  }

  static func noSuchBranch(_ root: String, _ branch: String, branches: [String]) -> CLIError {
    let names = branches.map(Ledger.shortBranchName).joined(separator: ", ")
    return .usage(
      tr("\(root) has no branch \(branch) (its branches: \(names)); no hook was installed"),
      hint: tr("name the branch the clones push the ledger to with --branch BRANCH"))
  }

  static func noLedgerOnBranch(_ root: String, _ branch: String) -> CLIError {
    .usage(
      tr("\(root) holds no ledger on \(branch) (no ledger.json at the root of \(branch)); no hook was installed"),
      hint: tr("name the branch the clones push the ledger to with --branch BRANCH"))
  }

  static func notARepository(_ path: String) -> CLIError {
    .usage(tr("\(path) is not a git repository"), hint: tr("name the shared bare repository the clones push to"))
  }

  static func notBare(_ path: String) -> CLIError {
    .usage(
      tr("\(path) is not a bare repository: the pre-receive hook belongs in the shared repository the clones push to"),
      hint: tr("in a clone, 'adminledger hook install' installs the clone's own hooks"))
  }

  // MARK: - hook pre-receive

  /// Said first when the hook fails: git refuses the push on any exit but 0.
  static var uncheckedPush: String { tr("adminledger: the push is refused: it could not be checked") }

  static func unreadablePushLine(_ line: Substring) -> CLIError {
    .usage(tr("cannot read the pushed reference '\(line)': expected 'OLD NEW REFNAME', as git gives its pre-receive hook"))
  }

  /// A pushed branch whose commits the audit found nothing wrong with.
  static func audited(_ branch: String, commits: Int) -> String {
    Language.singular(commits)
      ? tr("adminledger: \(branch): \(commits) commit audited, no findings")
      : tr("adminledger: \(branch): \(commits) commits audited, no findings")
  }

  /// Every push is refused while the ledger's branch cannot be told.
  static func unjudgeable(_ uncertainty: LedgerBranchSearch.Uncertainty) -> [String] {
    [
      tr(
        "adminledger: the push is refused: cannot tell which branch holds the ledger: \(describe(uncertainty)); every push is refused until the hook is told"
      ),
      DiagnosticRenderer.hintLine(branchHint(uncertainty, repository: nil)),
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
        tr("adminledger: the push is refused: it deletes \(branch), the ledger's branch"),
        DiagnosticRenderer.hintLine(tr("the shared ledger's branch is never deleted")),
      ]
    case .rewritesBranch:
      let (new, old) = (update.new.prefix(7), update.old.prefix(7))
      return [
        tr(
          "adminledger: the push is refused: it rewrites the ledger's branch \(branch) (\(new) does not descend from \(old), the commit \(branch) points at: a force push of a rebased, amended or reset branch)"
        ),
        DiagnosticRenderer.hintLine(
          tr(
            "the shared history is never rewritten, except by an erasure ('adminledger forget', which describes the rewrite in an erasure record of this very branch); bring your clone up to date with 'adminledger sync' (or 'git pull'), undo a change with a new commit, and push again without --force"
          )),
      ]
    case .removesLedger:
      return [
        tr(
          "adminledger: the push is refused: \(update.new.prefix(7)) has no ledger.json at its root, so \(branch) would no longer hold the ledger"
        ),
        DiagnosticRenderer.hintLine(tr("push the ledger's own history to \(branch)")),
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
      lines.append(tr("adminledger: commit \(commit.prefix(7)) by \(entry.authorName) <\(entry.authorEmail)>:"))
      for finding in findings[commit] ?? [] { lines.append("  [\(finding.rule)] \(AuditWording.message(finding))") }
    }
    let counted = DiagnosticRenderer.count(result.findings.count, .finding)
    let pushed = DiagnosticRenderer.count(result.commits, .pushedCommit)
    lines.append(tr("adminledger: the push to \(branch) is refused: \(counted) in \(pushed); \(branch) did not move"))
    let range = update.creates ? String(update.new.prefix(7)) : "\(update.old.prefix(7))..\(update.new.prefix(7))"
    let redo =
      update.creates
      ? tr("'adminledger commit' commits them as you")
      : tr("'git reset \(update.old.prefix(7))' keeps them in your files, 'adminledger commit' commits them as you")
    lines.append(
      DiagnosticRenderer.hintLine(
        tr(
          "'adminledger audit \(range)' in your clone shows the same; the ledger takes only commits by a known administrator (a person holding a ledger role whose git_identities lists the commit's email and, where ledger.json requires signed commits, whose signing_keys hold the key that signed it), within that person's roles, that leave every record valid, and merges that only combine their sides: redo these changes that way (\(redo)), then push again"
        )))
    return lines
  }

  // MARK: - The ledger's branch

  /// Why the ledger's branch cannot be told, in words.
  /// `pushing`: said of a push (which may create the first branch), not of an installation.
  static func describe(_ uncertainty: LedgerBranchSearch.Uncertainty, pushing: Bool = true) -> String {
    func names(_ branches: [String]) -> String { branches.map(Ledger.shortBranchName).joined(separator: ", ") }
    switch uncertainty {
    case .noCandidate(let head, let branches) where branches.isEmpty:
      let named = head.map(Ledger.shortBranchName)
      switch (named, pushing) {
      case (let name?, true):
        return tr(
          "it has no branch yet (HEAD names \(name)), and the push creates no branch holding ledger.json at its root")
      case (let name?, false): return tr("it has no branch yet (HEAD names \(name))")
      case (nil, true): return tr("it has no branch yet, and the push creates no branch holding ledger.json at its root")
      case (nil, false): return tr("it has no branch yet")
      }
    case .noCandidate(_, let branches):
      return tr("no branch holds ledger.json at its root (branches: \(names(branches)))")
    case .severalCandidates(let head, let candidates):
      guard let head else {
        return tr("several branches hold ledger.json at their root (\(names(candidates))), and HEAD names no branch")
      }
      return tr(
        "several branches hold ledger.json at their root (\(names(candidates))), and HEAD names \(Ledger.shortBranchName(head)), which does not hold one"
      )
    }
  }

  /// What to do when the ledger's branch cannot be told. `repository` is the path given to
  /// `hook install pre-receive --repo`; nil from the hook itself.
  static func branchHint(_ uncertainty: LedgerBranchSearch.Uncertainty, repository: String?) -> String {
    let install = "'adminledger hook install pre-receive --repo \(repository ?? "BARE_REPO") --branch BRANCH'"
    if case .noCandidate(_, let branches) = uncertainty, branches.isEmpty, repository != nil {
      return tr(
        "push the ledger there first ('git remote add origin URL' and 'adminledger sync' in a clone), then install the hook; or name the branch the ledger will be pushed to: \(install)"
      )
    }
    guard repository == nil else { return tr("name the ledger's branch: \(install)") }
    return tr(
      "tell the hook which branch holds the ledger: on the server, \(install) (or 'git config adminledger.branch BRANCH' in the shared repository), or add '--branch BRANCH' to the hook's 'adminledger hook pre-receive' line"
    )
  }
}
