import LedgerCore
import LedgerLanguage

/// `adminledger audit [RANGE] [--since-last]`: each commit judged against the ledger as it
/// stood before it, each merge against the merge of its parents.
enum AuditCommand {
  static let spec = CommandSpec(
    name: "audit", synopsis: "[RANGE] [--since-last]",
    summary:
      Phrase(
        "audit the history: unknown authors, missing or wrong signatures, changes outside roles, forged approvals, invalid results, evil merges, rewritten history"
      ),
    details: Phrase(
      """
      RANGE is A..B (commits or days: 2025-12-31..2026-12-31 is the year 2026), one revision
      (all of its history), or nothing (all of HEAD's). Each commit is judged against the
      ledger as it stood just before it: its author must be a person with a ledger role who
      lists the commit's email in git_identities; the changes must be within that person's
      roles in the policy (writing the kinds, granting rights, changing ledger.json or
      schemas/); a payment approval must be committed by the approver named; the result must
      validate, with no file validate refuses in a kind's folder. Identities, signing keys,
      ledger roles, .gitattributes and files outside the ledger's folders are policy. From
      policy.signed_commits_from (or the requirement pinned at set-up), a commit must carry an
      SSH signature (git's gpg.format ssh) that ssh-keygen verifies, by a key the author's
      record lists for that day; verdicts are remembered in .git/adminledger/signatures. A
      commit dated before its parent is backdated; a history starting elsewhere than the first
      commit pinned at set-up is unpinned-root.
      Each merge must hold the field-level merge of its parents (first parent ours,
      second theirs), its Ledger-Resolved trailers applied: a change dropped or a value
      invented while merging is an evil-merge, with the field, the expected and the committed
      values. Lists the payment approvals with the role each approver held.

      An audit of the branch's history (no RANGE) records HEAD's commit as passed in
      .git/adminledger/audit-last. --since-last audits only the commits after it; when the
      branch no longer holds it (a force push, a rebase, filter-repo), it reports
      rewritten-history with the commits that disappeared, then audits the whole branch.
      Exits 1 when anything is found.
      """),
    options: [
      .flag("since-last", Phrase("audit only the commits after the last commit an audit of the branch passed"))
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger audit",
        Phrase("audit the whole history")),
      .example(
        "adminledger audit --since-last",
        Phrase("audit only what came since the last audit")),
    ],
    run: { context throws(CLIError) in
      let sinceLast = context.arguments.flag("since-last")
      guard !sinceLast || context.positionals.isEmpty else {
        throw .usage(tr("give a RANGE or --since-last, not both"), hint: "adminledger audit --since-last")
      }
      let ledger = try context.openLedger()
      let range = try context.positionals.first.map { (text) throws(CLIError) in try auditedRange(text, ledger, context) }
      let result = try audit(ledger, range: range, sinceLast: sinceLast, context)
      if let problem = result.unrecorded { context.err.line(AuditRenderer.unrecorded(problem)) }
      let zone = context.timeZone(of: ledger)
      if context.format == .json {
        context.printJSON(AuditRenderer.json(result, zone: zone))
      } else {
        for line in AuditRenderer.text(result, zone: zone) { context.out.line(line) }
      }
      return result.findings.isEmpty ? .ok : .findings
    })

  /// The audit, with its progress on a terminal: the commits judged of how many, erased before
  /// the result; piped, nothing.
  private static func audit(_ ledger: Ledger, range: String?, sinceLast: Bool, _ context: CommandContext)
    throws(CLIError) -> AuditResult
  {
    let progress = Progress(context.err)
    progress.show(AuditRenderer.progress(sinceLast: sinceLast))
    let label = tr("Auditing commits")
    var counting: (@Sendable (Int, Int) -> Void)?
    if progress.isActive {
      counting = { done, total in progress.count(done, of: total, label) }
    }
    defer { progress.clear() }
    return try context.atRevision { () throws(StoreError) in
      try ledger.store.audit(range: range, sinceLast: sinceLast, progress: counting)
    }
  }

  /// RANGE with each end that is a day read as `--at` reads it (DD/MM/YYYY for French readers).
  private static func auditedRange(_ text: String, _ ledger: Ledger, _ context: CommandContext) throws(CLIError)
    -> String
  {
    guard let dots = text.range(of: "..") else { return try context.revision(text, ledger: ledger) }
    let (start, end) = (String(text[..<dots.lowerBound]), String(text[dots.upperBound...]))
    let from = start.isEmpty ? "" : try context.revision(start, ledger: ledger)
    let to = end.isEmpty ? "" : try context.revision(end, ledger: ledger)
    return from + ".." + to
  }
}
