import Foundation
import LedgerCore
import LedgerJSON

/// How the audit's findings read, in English: the words of `audit`, the pre-receive hook's
/// refusals and the review site's audit pages. The audit itself returns values.
public enum AuditWording {
  /// One line about `finding`, which follows the commit's id and the rule's name.
  public static func message(_ finding: AuditFinding) -> String {
    let entry = finding.entry
    let name = "\(entry.authorName) <\(entry.authorEmail)>"
    func held(_ roles: [String]) -> String { roles.isEmpty ? "no role" : "roles " + roles.joined(separator: ", ") }
    switch finding.problem {
    case .unknownAuthor(let day, let late):
      let when =
        late.map { late in
          "\(day) (received \(LedgerDate.instant(late.receivedAt)), less the \(late.graceDays) days' offline grace; the commit is dated \(late.dated))"
        } ?? day
      return
        "\(name) is not a known administrator (no person holding a ledger role on \(when) lists \(entry.authorEmail) in git_identities)"
    case .writesOutsideRoles(let kind, let roles):
      return "changed \(kind) although \(name) holds \(held(roles)), which may not write \(kind)"
    case .changesPolicyFiles(let files, let roles):
      return "changed \(files.joined(separator: ", ")) although \(name) holds \(held(roles)), which may not change the policy"
    case .grantsOutsideRoles(let right, let roles):
      return "granted \(right) although \(name) holds \(held(roles)), which may not grant rights"
    case .changesPolicyFields(let fields, let person, let roles):
      let what = fields.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " and ")
      return "changed the \(what) of \(person) although \(name) holds \(held(roles)), which may not change the policy"
    case .setsWhileMergingOutsideRoles(let kind, let roles):
      return "set values of \(kind) while merging although \(name) holds \(held(roles)), which may not write \(kind)"
    case .approvalByOther(let payment, let approver):
      return "recorded the approval of \(payment) in the name of people/\(approver), but the commit is by \(name)"
    case .invalidResult(let diagnostic):
      return "\(diagnostic.file): error[\(diagnostic.rule)]: \(diagnostic.message)"
    case .evilMerge(let deviation):
      return message(deviation)
    case .rewrittenHistory(let rewrite):
      return message(rewrite)
    case .backdated(let date, let parent, let parentDate):
      return
        "is dated \(LedgerDate.instant(date)), before its parent \(parent.prefix(7)) (\(LedgerDate.instant(parentDate))): a commit's date cannot go back in time"
    case .unsigned(let required):
      return "is not signed; policy.signed_commits_from (\(required)) requires a signature by the author's key"
    case .notSSHSignature:
      return "carries a signature that is no SSH signature (git's gpg.format ssh)"
    case .signatureFails(let fingerprint, let namespace):
      return
        "its signature by key \(fingerprint) does not verify (namespace \"\(namespace)\"): the commit or its signature was altered after signing"
    case .keyOutOfDates(let fingerprint, let owner, let from, let until, let day):
      return
        "is signed with key \(fingerprint), which \(owner) lists from \(from ?? "any day") to \(until ?? "no end"), not on \(day)"
    case .wrongKey(let fingerprint, let owner, let author):
      let whose = owner.map { "\($0)'s key" } ?? "a key no person's record lists"
      let authorText = author.map { "\($0) (the author, \(entry.authorEmail))" } ?? entry.authorEmail
      return "is signed with \(whose) (\(fingerprint)), not with a key of \(authorText)"
    case .unpinnedRoot(let pinned):
      return "starts a history other than the one pinned when this repository was set up (first commit \(pinned.prefix(7)))"
    case .rootNotSignedByPin(let fingerprint):
      return "is the ledger's first commit and is not signed by the pinned key \(fingerprint)"
    case .erasesOutsideRoles(let erasure, let roles):
      return "wrote \(erasure) (forgot a person) although \(name) holds \(held(roles)), which may not forget people"
    case .forgedErasure(let erasure, let forgery):
      switch forgery {
      case .personNotFound:
        return "\(erasure) names a person (by digest) whom the former history does not hold: the rewrite is not an erasure"
      case .differs(let former):
        return
          "\(erasure) does not match the former history: forgetting the person does not rewrite commit \(former.prefix(7)) as the record says, so the rewrite changed more than the erasure"
      case .notOnRewrittenHistory:
        return "\(erasure) is committed on another history than the rewritten commits it lists"
      }
    }
  }

  /// Where a merge departs from the merge of its parents.
  public static func message(_ deviation: MergeDeviation) -> String {
    func text(_ value: JSONValue?) -> String { value?.compactText ?? "absent" }
    let place = deviation.place
    if deviation.change == .unresolved {
      return
        "\(place): a conflict no trailer resolves was committed with neither side's value: ours \(text(deviation.ours)), theirs \(text(deviation.theirs)), committed \(text(deviation.committed))"
    }
    let what = deviation.change == .dropped ? "the merge dropped a change" : "the merge invented a value"
    let judged = deviation.resolution.map { " (its trailers resolve it \($0))" } ?? ""
    if deviation.isText {
      return "\(place): \(what)\(judged): the file differs from the line merge of its parents"
    }
    return "\(place): \(what)\(judged): expected \(text(deviation.expected)), committed \(text(deviation.committed))"
  }

  /// What a rewrite of the branch took away; at most 20 commits are named.
  public static func message(_ rewrite: HistoryRewrite) -> String {
    let start =
      "the history of \(rewrite.branch) was rewritten: \(rewrite.last.prefix(7)), the last commit audited, is no longer in it"
    if rewrite.isMissing {
      return start + ", and its object is gone from the repository: the commits that disappeared cannot be listed"
    }
    let gone = rewrite.disappeared
    let count = gone.count == 1 ? "1 commit" : "\(gone.count) commits"
    var named = gone.prefix(20).map { String($0.commit.prefix(7)) }.joined(separator: ", ")
    if gone.count > 20 { named += " and \(gone.count - 20) more" }
    return start + "; \(count) disappeared: \(named)"
  }
}
