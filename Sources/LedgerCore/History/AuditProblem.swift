import Foundation

/// What the audit found wrong with one commit, as a value: the renderers word it (one
/// catalogue per language), the rule names stay as they are in every language.
public enum AuditProblem: Equatable, Sendable {
  /// The author is not a person holding a ledger role on `day`.
  case unknownAuthor(day: String, late: LateReceipt?)
  /// Changed records of `kind` although the author's roles may not write it.
  case writesOutsideRoles(kind: RecordKind, roles: [String])
  /// Changed the policy's files (`ledger.json`, `schemas/`, `.gitattributes`, files outside
  /// the ledger) without the role that may.
  case changesPolicyFiles([String], roles: [String])
  /// Made a right active without the role that grants rights.
  case grantsOutsideRoles(RecordKey, roles: [String])
  /// Changed who holds a role or how a commit proves its author (`ledger_roles`,
  /// `git_identities`, `signing_keys`) without the policy role.
  case changesPolicyFields([String], of: RecordKey, roles: [String])
  /// A merge set values itself in records of `kind` its author's roles may not write.
  case setsWhileMergingOutsideRoles(kind: RecordKind, roles: [String])
  /// Recorded a payment's approval in the name of another person.
  case approvalByOther(payment: RecordKey, approver: String)
  /// The commit leaves the ledger invalid: what `validate` would say.
  case invalidResult(Diagnostic)
  /// A merge holds something other than the field-level merge of its parents.
  case evilMerge(MergeDeviation)
  /// The branch no longer holds the commit the last audit passed.
  case rewrittenHistory(HistoryRewrite)
  /// Dated more than the clocks' tolerance before its parent.
  case backdated(date: Date, parent: String, parentDate: Date)
  /// Not signed although the policy requires signatures from `requiredFrom` (a day or a commit).
  case unsigned(requiredFrom: String)
  /// Carries a signature that is no SSH signature.
  case notSSHSignature
  /// Its SSH signature does not verify.
  case signatureFails(fingerprint: String, namespace: String)
  /// Signed with a key the author lists, outside the days the record gives it.
  case keyOutOfDates(fingerprint: String, owner: RecordKey, from: String?, until: String?, day: String)
  /// Signed with a key that is not the author's: `owner`'s, or no one's.
  case wrongKey(fingerprint: String, owner: RecordKey?, author: RecordKey?)
  /// The history starts at another first commit than the one pinned.
  case unpinnedRoot(pinned: String)
  /// The first commit is not signed by the key pinned for it.
  case rootNotSignedByPin(fingerprint: String)
  /// An erasure record written by a role the policy does not let forget people.
  case erasesOutsideRoles(RecordKey, roles: [String])
  /// An erasure record that the former history, still at hand, does not bear out: the rewrite
  /// changed more than forgetting the person changes.
  case forgedErasure(RecordKey, ErasureForgery)

  /// The rule's name, as `audit` and the hook print it in every language.
  public var rule: String {
    switch self {
    case .unknownAuthor: "unknown-author"
    case .writesOutsideRoles, .changesPolicyFiles, .grantsOutsideRoles, .changesPolicyFields,
      .setsWhileMergingOutsideRoles, .erasesOutsideRoles:
      "outside-roles"
    case .forgedErasure: "forged-erasure"
    case .approvalByOther: "approval-by-other"
    case .invalidResult: "invalid-result"
    case .evilMerge: "evil-merge"
    case .rewrittenHistory: "rewritten-history"
    case .backdated: "backdated"
    case .unsigned: "unsigned"
    case .notSSHSignature, .signatureFails, .rootNotSignedByPin: "bad-signature"
    case .keyOutOfDates: "key-out-of-dates"
    case .wrongKey: "wrong-key"
    case .unpinnedRoot: "unpinned-root"
    }
  }
}

/// How an erasure record departs from what forgetting its person does to the former history.
public enum ErasureForgery: Equatable, Sendable {
  /// No person of the former history has the id the record's digest names.
  case personNotFound
  /// Forgetting the person does not turn this former commit into the one the record lists
  /// (or the record lists a commit forgetting leaves alone, or leaves out one it rewrites).
  case differs(former: String)
  /// The erasure's commit does not sit on the last commit the record lists.
  case notOnRewrittenHistory
}

/// A commit the shared repository received after the offline grace: it was judged on a later
/// day than it is dated.
public struct LateReceipt: Equatable, Sendable {
  public let receivedAt: Date
  public let graceDays: Int
  /// The day the commit is dated.
  public let dated: String
}
