import Foundation
import LedgerCore
import LedgerWording

/// What the site shows of the audit: each finding as the reader reads it, the payment
/// approvals and every commit's author with their roles. Unlike the audit's own result it is
/// kept in the site's folder (`SiteState`), so that a second `site` audits only the commits
/// made since the first and adds them to what the first found.
struct SiteAudit {
  struct Finding {
    let entry: HistoryEntry
    let rule: String
    /// The finding in the site's language.
    let message: String
  }

  struct Approval {
    let entry: HistoryEntry
    let payment: RecordKey
    let approver: String
    let roles: [String]
  }

  struct Commit {
    let entry: HistoryEntry
    let person: String?
    let roles: [String]
  }

  var commits: Int
  /// In the order of history, oldest first; a commit's own findings in the audit's order.
  var findings: [Finding]
  var approvals: [Approval]
  var trail: [Commit]

  /// The audit's result as the site shows it, worded in the current language.
  init(_ result: AuditResult, order: [String: Int]) {
    commits = result.commits
    findings = result.findings.map { Finding(entry: $0.entry, rule: $0.rule, message: AuditWording.message($0)) }
    approvals = result.approvals.map { Approval(entry: $0.entry, payment: $0.payment, approver: $0.approver, roles: $0.roles) }
    trail = result.trail.map { Commit(entry: $0.entry, person: $0.person, roles: $0.roles) }
    sort(order)
  }

  /// The audit of the whole history from the audit of its first part and the audit of the
  /// commits after it.
  init(_ earlier: SiteAudit, then later: SiteAudit, order: [String: Int]) {
    commits = earlier.commits + later.commits
    findings = earlier.findings + later.findings
    approvals = earlier.approvals + later.approvals
    trail = earlier.trail + later.trail
    sort(order)
  }

  /// Oldest first in the order of history (`order`: a commit's position, the newest at 0), so
  /// that an audit made in two parts reads as one made at once. The sort is stable: a
  /// commit's findings keep the audit's order.
  private mutating func sort(_ order: [String: Int]) {
    func older(_ left: HistoryEntry, _ right: HistoryEntry) -> Bool {
      (order[left.commit] ?? Int.max) > (order[right.commit] ?? Int.max)
    }
    findings = stableSorted(findings) { older($0.entry, $1.entry) }
    approvals = stableSorted(approvals) { older($0.entry, $1.entry) }
    trail = stableSorted(trail) { older($0.entry, $1.entry) }
  }

  private func stableSorted<T>(_ items: [T], by before: (T, T) -> Bool) -> [T] {
    items.enumerated().sorted { before($0.element, $1.element) || (!before($1.element, $0.element) && $0.offset < $1.offset) }
      .map(\.element)
  }
}

// MARK: - Kept in the site's folder

extension SiteAudit {
  /// The audit as JSON: each commit named by its id, found again in the history on reading.
  struct Stored: Codable {
    struct Finding: Codable {
      let commit: String
      let rule: String
      let message: String
    }
    struct Approval: Codable {
      let commit: String
      let payment: String
      let approver: String
      let roles: [String]
    }
    struct Commit: Codable {
      let commit: String
      let person: String?
      let roles: [String]
    }
    let commits: Int
    let findings: [Finding]
    let approvals: [Approval]
    let trail: [Commit]
  }

  var stored: Stored {
    Stored(
      commits: commits,
      findings: findings.map { .init(commit: $0.entry.commit, rule: $0.rule, message: $0.message) },
      approvals: approvals.map {
        .init(commit: $0.entry.commit, payment: $0.payment.description, approver: $0.approver, roles: $0.roles)
      },
      trail: trail.map { .init(commit: $0.entry.commit, person: $0.person, roles: $0.roles) })
  }

  /// The stored audit, its commits found in `entries`; nil when one is not there (the history
  /// changed under it) or a payment is no record key.
  init?(_ stored: Stored, entries: [String: HistoryEntry]) {
    commits = stored.commits
    var findings: [Finding] = []
    var approvals: [Approval] = []
    var trail: [Commit] = []
    for finding in stored.findings {
      guard let entry = entries[finding.commit] else { return nil }
      findings.append(Finding(entry: entry, rule: finding.rule, message: finding.message))
    }
    for approval in stored.approvals {
      guard let entry = entries[approval.commit], let payment = RecordKey(path: approval.payment + ".json") else { return nil }
      approvals.append(Approval(entry: entry, payment: payment, approver: approval.approver, roles: approval.roles))
    }
    for commit in stored.trail {
      guard let entry = entries[commit.commit] else { return nil }
      trail.append(Commit(entry: entry, person: commit.person, roles: commit.roles))
    }
    self.findings = findings
    self.approvals = approvals
    self.trail = trail
  }
}
