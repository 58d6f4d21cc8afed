import LedgerCore
import LedgerJSON

/// `adminledger audit [RANGE]`: each commit judged against the ledger as it stood before it.
enum AuditCommand {
  static let spec = CommandSpec(
    name: "audit", synopsis: "[RANGE]",
    summary: "audit the history: unknown authors, changes outside roles, forged approvals, invalid results",
    details: """
      RANGE is A..B (commits or days: 2025-12-31..2026-12-31 is the year 2026), one revision
      (all of its history), or nothing (all of HEAD's). Each commit is judged against the
      ledger as it stood just before it: its author must be a person with a ledger role who
      lists the commit's email in git_identities; the changes must be within that person's
      roles in the policy (writing the kinds, granting rights, changing ledger.json or
      schemas/); a payment approval must be committed by the approver named; the result must
      validate. Lists the payment approvals with the role each approver held. Exits 1 when
      anything is found.
      """,
    positionals: 0...1,
    run: { context throws(CLIError) in
      let ledger = try context.openLedger()
      context.err.write("Auditing the history...\n")
      let result = try context.perform { () throws(StoreError) in try ledger.store.audit(range: context.positionals.first) }
      let zone = context.timeZone(of: ledger)
      let describe = { (entry: HistoryEntry) in
        "\(entry.commit.prefix(7)) \(LedgerDate.day(of: entry.date, in: zone)) \(entry.authorName)"
      }
      if context.format == .json {
        context.printJSON([
          "commits": .number(JSONNumber(result.commits)),
          "findings": .array(result.findings.map { finding in
            ["commit": .string(finding.entry.commit), "author": .string(finding.entry.authorName),
             "email": .string(finding.entry.authorEmail), "date": .string(LedgerDate.day(of: finding.entry.date, in: zone)),
             "rule": .string(finding.rule), "message": .string(finding.message)]
          }),
          "approvals": .array(result.approvals.map { approval in
            ["commit": .string(approval.entry.commit), "payment": .string(approval.payment.description),
             "approver": .string(approval.approver), "roles": .array(approval.roles.map { .string($0) }),
             "recorded_by": .string(approval.entry.authorName)]
          }),
        ])
        return result.findings.isEmpty ? .ok : .findings
      }
      context.out.line("Audit of \(DiagnosticRenderer.plural(result.commits, "commit"))")
      for finding in result.findings {
        context.out.line("\(describe(finding.entry)): [\(finding.rule)] \(finding.message)")
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
}
