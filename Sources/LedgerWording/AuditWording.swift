import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// How the audit's findings read, in the current language: the words of `audit`, the
/// pre-receive hook's refusals and the review site's audit pages. The audit itself returns
/// values; rule names (`unknown-author`) and commit ids never change with the language.
public enum AuditWording {
  /// One line about `finding`, which follows the commit's id and the rule's name.
  // swiftlint:disable:next cyclomatic_complexity function_body_length
  public static func message(_ finding: AuditFinding) -> String {
    let entry = finding.entry
    let name = "\(entry.authorName) <\(entry.authorEmail)>"
    switch finding.problem {
    case .unknownAuthor(let day, let late):
      guard let late else {
        return tr(
          "\(name) is not a known administrator (no person holding a ledger role on \(ProseDay.text(day)) lists \(entry.authorEmail) in git_identities)"
        )
      }
      return tr(
        "\(name) is not a known administrator (no person holding a ledger role on \(ProseDay.text(day)) (received \(LedgerDate.instant(late.receivedAt)), less the \(late.graceDays) days' offline grace; the commit is dated \(ProseDay.text(late.dated))) lists \(entry.authorEmail) in git_identities)"
      )
    case .writesOutsideRoles(let kind, let roles):
      return roles.isEmpty
        ? tr("changed \(kind) although \(name) holds no role, which may not write \(kind)")
        : tr("changed \(kind) although \(name) holds roles \(list(roles)), which may not write \(kind)")
    case .changesPolicyFiles(let files, let roles):
      return roles.isEmpty
        ? tr("changed \(list(files)) although \(name) holds no role, which may not change the policy")
        : tr("changed \(list(files)) although \(name) holds roles \(list(roles)), which may not change the policy")
    case .grantsOutsideRoles(let right, let roles):
      return roles.isEmpty
        ? tr("granted \(right) although \(name) holds no role, which may not grant rights")
        : tr("granted \(right) although \(name) holds roles \(list(roles)), which may not grant rights")
    case .changesPolicyFields(let fields, let person, let roles):
      let what = policyFields(fields)
      return roles.isEmpty
        ? tr("changed the \(what) of \(person) although \(name) holds no role, which may not change the policy")
        : tr(
          "changed the \(what) of \(person) although \(name) holds roles \(list(roles)), which may not change the policy")
    case .setsWhileMergingOutsideRoles(let kind, let roles):
      return roles.isEmpty
        ? tr("set values of \(kind) while merging although \(name) holds no role, which may not write \(kind)")
        : tr(
          "set values of \(kind) while merging although \(name) holds roles \(list(roles)), which may not write \(kind)")
    case .approvalByOther(let payment, let approver):
      return tr("recorded the approval of \(payment) in the name of people/\(approver), but the commit is by \(name)")
    case .invalidResult(let diagnostic):
      return "\(diagnostic.file): error[\(diagnostic.rule)]: \(diagnostic.message)"
    case .evilMerge(let deviation):
      return message(deviation)
    case .rewrittenHistory(let rewrite):
      return message(rewrite)
    case .backdated(let date, let parent, let parentDate):
      return tr(
        "is dated \(LedgerDate.instant(date)), before its parent \(parent.prefix(7)) (\(LedgerDate.instant(parentDate))): a commit's date cannot go back in time"
      )
    case .unsigned(let required):
      return tr(
        "is not signed; policy.signed_commits_from (\(required)) requires a signature by the author's key")
    case .notSSHSignature:
      return tr("carries a signature that is no SSH signature (git's gpg.format ssh)")
    case .signatureFails(let fingerprint, let namespace):
      return tr(
        "its signature by key \(fingerprint) does not verify (namespace \"\(namespace)\"): the commit or its signature was altered after signing"
      )
    case .keyOutOfDates(let fingerprint, let owner, let from, let until, let day):
      let start = from.map { ProseDay.text($0) } ?? tr("any day")
      let end = until.map { ProseDay.text($0) } ?? tr("no end")
      return tr(
        "is signed with key \(fingerprint), which \(owner) lists from \(start) to \(end), not on \(ProseDay.text(day))")
    case .wrongKey(let fingerprint, let owner, let author):
      let authorText = author.map { tr("\($0) (the author, \(entry.authorEmail))") } ?? entry.authorEmail
      guard let owner else {
        return tr("is signed with a key no person's record lists (\(fingerprint)), not with a key of \(authorText)")
      }
      return tr("is signed with \(owner)'s key (\(fingerprint)), not with a key of \(authorText)")
    case .unpinnedRoot(let pinned):
      return tr(
        "starts a history other than the one pinned when this repository was set up (first commit \(pinned.prefix(7)))")
    case .rootNotSignedByPin(let fingerprint):
      return tr("is the ledger's first commit and is not signed by the pinned key \(fingerprint)")
    case .erasesOutsideRoles(let erasure, let roles):
      return roles.isEmpty
        ? tr("wrote \(erasure) (forgot a person) although \(name) holds no role, which may not forget people")
        : tr(
          "wrote \(erasure) (forgot a person) although \(name) holds roles \(list(roles)), which may not forget people")
    case .forgedErasure(let erasure, let forgery):
      switch forgery {
      case .personNotFound:
        return tr(
          "\(erasure) names a person (by digest) whom the former history does not hold: the rewrite is not an erasure")
      case .differs(let former):
        return tr(
          "\(erasure) does not match the former history: forgetting the person does not rewrite commit \(former.prefix(7)) as the record says, so the rewrite changed more than the erasure"
        )
      case .notOnRewrittenHistory:
        return tr("\(erasure) is committed on another history than the rewritten commits it lists")
      }
    }
  }

  /// Where a merge departs from the merge of its parents.
  public static func message(_ deviation: MergeDeviation) -> String {
    func text(_ value: JSONValue?) -> String { value?.compactText ?? tr("absent") }
    let place = deviation.place
    if deviation.change == .unresolved {
      return tr(
        "\(place): a conflict no trailer resolves was committed with neither side's value: ours \(text(deviation.ours)), theirs \(text(deviation.theirs)), committed \(text(deviation.committed))"
      )
    }
    let dropped = deviation.change == .dropped
    let what: String
    switch (dropped, deviation.resolution) {
    case (true, let side?): what = tr("the merge dropped a change (its trailers resolve it \(side))")
    case (true, nil): what = tr("the merge dropped a change")
    case (false, let side?): what = tr("the merge invented a value (its trailers resolve it \(side))")
    case (false, nil): what = tr("the merge invented a value")
    }
    if deviation.isText {
      return tr("\(place): \(what): the file differs from the line merge of its parents")
    }
    return tr("\(place): \(what): expected \(text(deviation.expected)), committed \(text(deviation.committed))")
  }

  /// What a rewrite of the branch took away; at most 20 commits are named.
  public static func message(_ rewrite: HistoryRewrite) -> String {
    let (branch, last) = (rewrite.branch, rewrite.last.prefix(7))
    if rewrite.isMissing {
      return tr(
        "the history of \(branch) was rewritten: \(last), the last commit audited, is no longer in it, and its object is gone from the repository: the commits that disappeared cannot be listed"
      )
    }
    let gone = rewrite.disappeared
    let named = gone.prefix(20).map { String($0.commit.prefix(7)) }.joined(separator: ", ")
    let count = gone.count
    if count > 20 {
      return tr(
        "the history of \(branch) was rewritten: \(last), the last commit audited, is no longer in it; \(count) commits disappeared: \(named) and \(count - 20) more"
      )
    }
    return Language.singular(count)
      ? tr(
        "the history of \(branch) was rewritten: \(last), the last commit audited, is no longer in it; \(count) commit disappeared: \(named)"
      )
      : tr(
        "the history of \(branch) was rewritten: \(last), the last commit audited, is no longer in it; \(count) commits disappeared: \(named)"
      )
  }

  /// `a, b`: names listed in a sentence.
  private static func list(_ names: [String]) -> String { names.joined(separator: ", ") }

  /// The policy fields a change touched, in words: `ledger roles and signing keys`.
  private static func policyFields(_ fields: [String]) -> String {
    let words = fields.map { field in
      switch field {
      case "ledger_roles": tr("ledger roles")
      case "signing_keys": tr("signing keys")
      case "git_identities": tr("git identities")
      default: field.replacingOccurrences(of: "_", with: " ")
      }
    }
    guard var text = words.first else { return "" }
    for word in words.dropFirst() { text = tr("\(text) and \(word)") }
    return text
  }
}
