import Foundation
import LedgerCore
import LedgerJSON
import LedgerWording

/// `adminledger audit [RANGE] [--since-last]`: each commit judged against the ledger as it
/// stood before it, each merge against the merge of its parents.
enum AuditCommand {
  static let spec = CommandSpec(
    name: "audit", synopsis: "[RANGE] [--since-last]",
    summary: "audit the history: unknown authors, missing or wrong signatures, changes outside roles, forged approvals, invalid results, evil merges, rewritten history",
    details: """
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
      """,
    options: [
      .flag("since-last", "audit only the commits after the last commit an audit of the branch passed")
    ],
    positionals: 0...1,
    run: { context throws(CLIError) in
      let sinceLast = context.arguments.flag("since-last")
      guard !sinceLast || context.positionals.isEmpty else {
        throw .usage("give a RANGE or --since-last, not both", hint: "adminledger audit --since-last")
      }
      let ledger = try context.openLedger()
      // Progress is for a person at a terminal; piped output stays plain and stable.
      if context.err.isTerminal {
        context.err.write(sinceLast ? "Auditing the history since the last audit...\n" : "Auditing the history...\n")
      }
      let result = try context.perform { () throws(StoreError) in
        try ledger.store.audit(range: context.positionals.first, sinceLast: sinceLast)
      }
      if let problem = result.unrecorded {
        context.err.line("warning: the audit could not record the last commit it passed (\(problem)); the next --since-last audits it again")
      }
      let zone = context.timeZone(of: ledger)
      let describe = { (entry: HistoryEntry) in
        "\(entry.commit.prefix(7)) \(LedgerDate.day(of: entry.date, in: zone)) \(entry.authorName)"
      }
      if context.format == .json {
        context.printJSON([
          "commits": .number(JSONNumber(result.commits)),
          "since": result.since.map { .string($0) } ?? .null,
          "passed": result.passed.map { .string($0) } ?? .null,
          "findings": .array(result.findings.map { json($0, zone: zone) }),
          "approvals": .array(result.approvals.map { approval in
            ["commit": .string(approval.entry.commit), "payment": .string(approval.payment.description),
             "approver": .string(approval.approver), "roles": .array(approval.roles.map { .string($0) }),
             "recorded_by": .string(approval.entry.authorName)]
          }),
        ])
        return result.findings.isEmpty ? .ok : .findings
      }
      let since = result.since.map { " since \($0.prefix(7))" } ?? ""
      context.out.line("Audit of \(DiagnosticRenderer.plural(result.commits, "commit"))\(since)")
      for finding in result.findings {
        guard let rewrite = finding.rewrite else {
          context.out.line("\(describe(finding.entry)): [\(finding.rule)] \(AuditWording.message(finding))")
          continue
        }
        context.out.line("\(rewrite.last.prefix(7)): [\(finding.rule)] \(AuditWording.message(finding))")
        for entry in rewrite.disappeared {
          context.out.line("  \(describe(entry)): \(subject(of: entry))")
        }
      }
      if !result.approvals.isEmpty {
        context.out.line("")
        context.out.line("Payment approvals:")
        for approval in result.approvals {
          let roles = approval.roles.isEmpty ? "holding no role that may approve payments" : "as " + approval.roles.joined(separator: ", ")
          context.out.line("  \(describe(approval.entry)): \(approval.payment) approved by people/\(approval.approver) \(roles)")
        }
      }
      context.out.line("")
      context.out.line(result.findings.isEmpty
        ? "No findings: every change was made by a known administrator within their roles."
        : "adminledger: \(DiagnosticRenderer.plural(result.findings.count, "finding")) in \(DiagnosticRenderer.plural(result.commits, "commit"))")
      return result.findings.isEmpty ? .ok : .findings
    })

  /// A finding as `--format json` gives it: the commit and the rule, then what the rule adds.
  ///
  /// `evil-merge` adds `path`, `record` (null for a file that is not a record), `field`
  /// (dotted, `*` for the whole record), `change` (`dropped`, `invented` or `unresolved`),
  /// `resolution` (the trailer's `ours` or `theirs` the field was judged on, else null),
  /// `text` (true for a file compared whole) and `expected`, `committed`, `ours`, `theirs`:
  /// the values, each left out where the field is absent. `rewritten-history` adds `last`,
  /// `last_missing` and `disappeared` (each commit with its author, date and subject).
  static func json(_ finding: AuditFinding, zone: TimeZone) -> JSONValue {
    var object: JSONObject = [
      "commit": .string(finding.entry.commit), "author": .string(finding.entry.authorName),
      "email": .string(finding.entry.authorEmail), "date": .string(LedgerDate.day(of: finding.entry.date, in: zone)),
      "rule": .string(finding.rule), "message": .string(AuditWording.message(finding)),
    ]
    if let deviation = finding.deviation {
      object["path"] = .string(deviation.path)
      object["record"] = deviation.record.map { .string($0.description) } ?? .null
      object["field"] = .string(deviation.field)
      object["change"] = .string(deviation.change.rawValue)
      object["resolution"] = deviation.resolution.map { .string($0) } ?? .null
      object["text"] = .bool(deviation.isText)
      object["expected"] = deviation.expected
      object["committed"] = deviation.committed
      object["ours"] = deviation.ours
      object["theirs"] = deviation.theirs
    }
    if let rewrite = finding.rewrite {
      object["last"] = .string(rewrite.last)
      object["last_missing"] = .bool(rewrite.isMissing)
      if rewrite.isMissing {
        for key in ["author", "email", "date"] { object[key] = .null }
      }
      object["disappeared"] = .array(rewrite.disappeared.map { entry in
        ["commit": .string(entry.commit), "author": .string(entry.authorName), "email": .string(entry.authorEmail),
         "date": .string(LedgerDate.day(of: entry.date, in: zone)), "subject": .string(subject(of: entry))]
      })
    }
    return .object(object)
  }

  /// The first line of a commit's message.
  static func subject(of entry: HistoryEntry) -> String {
    String(entry.message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }
}
