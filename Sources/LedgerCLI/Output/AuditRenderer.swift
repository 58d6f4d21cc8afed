import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerWording

/// The words of `audit`: the progress line, the report (each finding with its commit, the
/// commits a rewrite made disappear, the payment approvals and who held which role, then the
/// closing line) and the same as JSON. The findings' own messages are `AuditWording`'s.
///
///     Audit of 12 commits since a1b2c3d
///     d4e5f6a 2026-11-27 Marc Petit: [unknown-author] ...
///
///     Payment approvals:
///       b7c8d9e 2026-11-28 Claire Durand: payments/2026-11-28-x7k2p approved by people/cdurand as treasurer
///
///     adminledger: 1 finding in 12 commits
enum AuditRenderer {
  /// Said on a terminal while the history is read.
  static func progress(sinceLast: Bool) -> String {
    sinceLast ? tr("Auditing the history since the last audit...") : tr("Auditing the history...")
  }

  /// The audit passed, but `.git/adminledger/audit-last` could not be written.
  static func unrecorded(_ problem: (path: String, reason: String)) -> String {
    DiagnosticRenderer.warningLine(
      tr(
        "the audit could not record the last commit it passed (\(problem.path): \(problem.reason)); the next --since-last audits it again"
      ))
  }

  /// The report, line by line.
  static func text(_ result: AuditResult, zone: TimeZone) -> [String] {
    let commits = DiagnosticRenderer.count(result.commits, .commit)
    var lines = [result.since.map { tr("Audit of \(commits) since \($0.prefix(7))") } ?? tr("Audit of \(commits)")]
    for finding in result.findings {
      guard let rewrite = finding.rewrite else {
        lines.append("\(describe(finding.entry, zone)): [\(finding.rule)] \(AuditWording.message(finding))")
        continue
      }
      lines.append("\(rewrite.last.prefix(7)): [\(finding.rule)] \(AuditWording.message(finding))")
      for entry in rewrite.disappeared {
        lines.append("  \(describe(entry, zone)): \(subject(of: entry))")
      }
    }
    if !result.approvals.isEmpty {
      lines += ["", tr("Payment approvals:")]
      for approval in result.approvals {
        let who = describe(approval.entry, zone)
        let approved =
          approval.roles.isEmpty
          ? tr(
            "\(approval.payment) approved by people/\(approval.approver) holding no role that may approve payments")
          : tr(
            "\(approval.payment) approved by people/\(approval.approver) as \(approval.roles.joined(separator: ", "))")
        lines.append("  \(who): \(approved)")
      }
    }
    lines.append("")
    lines.append(
      result.findings.isEmpty
        ? tr("No findings: every change was made by a known administrator within their roles.")
        : tr(
          "adminledger: \(DiagnosticRenderer.count(result.findings.count, .finding)) in \(DiagnosticRenderer.count(result.commits, .commit))"
        )
    )
    return lines
  }

  /// The report as `--format json` gives it.
  static func json(_ result: AuditResult, zone: TimeZone) -> JSONValue {
    [
      "commits": .number(JSONNumber(result.commits)),
      "since": result.since.map { .string($0) } ?? .null,
      "passed": result.passed.map { .string($0) } ?? .null,
      "findings": .array(result.findings.map { json($0, zone: zone) }),
      "approvals": .array(
        result.approvals.map { approval in
          [
            "commit": .string(approval.entry.commit), "payment": .string(approval.payment.description),
            "approver": .string(approval.approver), "roles": .array(approval.roles.map { .string($0) }),
            "recorded_by": .string(approval.entry.authorName),
          ]
        }),
    ]
  }

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
      object["disappeared"] = .array(
        rewrite.disappeared.map { entry in
          [
            "commit": .string(entry.commit), "author": .string(entry.authorName), "email": .string(entry.authorEmail),
            "date": .string(LedgerDate.day(of: entry.date, in: zone)), "subject": .string(subject(of: entry)),
          ]
        })
    }
    return .object(object)
  }

  /// `a1b2c3d 2026-11-27 Claire Durand`: a commit as the report names it.
  private static func describe(_ entry: HistoryEntry, _ zone: TimeZone) -> String {
    "\(entry.commit.prefix(7)) \(LedgerDate.day(of: entry.date, in: zone)) \(entry.authorName)"
  }

  /// The first line of a commit's message.
  private static func subject(of entry: HistoryEntry) -> String {
    String(entry.message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }
}
