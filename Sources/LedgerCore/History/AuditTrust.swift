import Foundation

/// What an audit run knows about who really wrote each commit: the trust pinned when the clone
/// or the shared repository was set up, each audited commit's signature (verified once, then
/// remembered), its dates and its parents' dates, and, in the shared repository's hook, the time
/// the push is received.
struct AuditTrust {
  let pin: TrustPin?
  let signatures: [String: CommitSignature]
  /// The author date of each audited commit and of its parents.
  let dates: [String: Date]
  /// When the shared repository receives the commits (the pre-receive hook); nil in a clone.
  let receivedAt: Date?
  /// Which commits descend from a commit `signed_commits_from` names.
  let descent: Descent
  /// What erasures renamed, and which rewritten commits their records vouch for.
  let erasures: ErasureMap

  /// How far a commit may be dated before its parent: two administrators' clocks may differ
  /// by minutes; a date set back to dodge a role's end goes back days.
  static let clockTolerance: TimeInterval = 3_600

  init(history: any LedgerHistory, entries: [HistoryEntry], context: AuditContext, erasures: ErasureMap = ErasureMap())
    throws(StoreError)
  {
    pin = context.pin
    self.erasures = erasures
    receivedAt = context.receivedAt
    descent = Descent(history: history)
    var dates: [String: Date] = [:]
    for entry in entries { dates[entry.commit] = entry.date }
    // Only the parents outside the range are read: the range's own dates are known.
    for parent in entries.flatMap(\.parents) where dates[parent] == nil {
      dates[parent] = try history.entry(parent).date
    }
    self.dates = dates
    signatures = try history.signatures(of: entries.map(\.commit))
  }
}

/// The day a commit is judged on: the day it is dated, or, in the shared repository's hook, the
/// day it is received less the offline grace, when that is later. A commit that waited offline
/// longer than the grace is judged as if made then: a role or key that ended meanwhile no
/// longer covers it, whatever date its author wrote.
func judgedDay(of date: Date, receivedAt: Date?, policy: Policy, in timeZone: TimeZone) -> String {
  let dated = LedgerDate.day(of: date, in: timeZone)
  guard let receivedAt else { return dated }
  let latest = LedgerDate.day(of: receivedAt.addingTimeInterval(-Double(policy.offlineGraceDays) * 86_400), in: timeZone)
  return max(dated, latest)
}

// The checks of authorship: signatures by the author's own key, and dates that move forward.
extension CommitJudge {
  /// The author named unknown: on the commit's own day, unless the author held a role then
  /// and the shared repository received the commit after the offline grace, when on the later
  /// day the commit was judged on.
  var unknownAuthor: AuditProblem {
    let dated = LedgerDate.day(of: entry.date, in: timeZone)
    guard let receivedAt = trust.receivedAt, day != dated, !Policy.roles(of: author, on: dated).isEmpty else {
      return .unknownAuthor(day: dated, late: nil)
    }
    return .unknownAuthor(
      day: day, late: LateReceipt(receivedAt: receivedAt, graceDays: policy.offlineGraceDays, dated: dated))
  }

  /// From when this commit's ledger (its parent's state), or else the pin, requires
  /// signatures, when the requirement covers this commit.
  func signatureRequirement() -> String? {
    guard let from = policy.signedCommitsFrom ?? trust.pin?.signedCommitsFrom else { return nil }
    if Descent.isCommitID(from) {
      return trust.descent.descends(entry.commit, from: trust.erasures.current(from.lowercased())) ? from : nil
    }
    return day >= from ? from : nil
  }

  func trustFindings(people: [Record]) -> [AuditFinding] {
    var found: [AuditFinding] = []
    let id = entry.commit
    if let dates = trust.dates[id] {
      for parent in entry.parents {
        guard let before = trust.dates[parent] else { continue }
        // The author's date is the one roles and keys are judged by.
        if dates < before - AuditTrust.clockTolerance {
          found.append(finding(.backdated(date: dates, parent: parent, parentDate: before)))
          break
        }
      }
    }
    found += signatureFindings(trust.signatures[id] ?? .unsigned, people: people)
    return found
  }

  private func signatureFindings(_ signature: CommitSignature, people: [Record]) -> [AuditFinding] {
    // A rewrite cannot keep a signature: the erasure record, itself signed, vouches instead.
    if trust.erasures.voucher(of: entry.commit) != nil { return [] }
    let required = signatureRequirement()
    let verdict = SignatureVerdict.judge(signature, authorKeys: SigningKey.keys(of: author), on: day)
    switch verdict {
    case .good:
      return []
    case .unsigned:
      guard let required else { return [] }
      return [finding(.unsigned(requiredFrom: required))]
    case .bad(nil, _):
      return [finding(.notSSHSignature)]
    case .bad(let key?, let namespace):
      return [finding(.signatureFails(fingerprint: key.fingerprint, namespace: namespace ?? ""))]
    case .outOfDates(let listed):
      guard required != nil, let author else { return [] }
      return [
        finding(
          .keyOutOfDates(
            fingerprint: listed.key.fingerprint, owner: author.key, from: listed.from, until: listed.until, day: day))
      ]
    case .wrongKey(let key):
      guard required != nil else { return [] }
      let owner = people.first { SigningKey.keys(of: $0).contains { $0.key == key } }
      return [finding(.wrongKey(fingerprint: key.fingerprint, owner: owner?.key, author: author?.key))]
    }
  }
}

extension CommitJudge {
  /// The findings for the ledger's first commit, which has no state before it to judge by.
  static func rootFindings(_ entry: HistoryEntry, trust: AuditTrust) -> [AuditFinding] {
    guard let pin = trust.pin else { return [] }
    let id = entry.commit
    func finding(_ problem: AuditProblem) -> AuditFinding { AuditFinding(entry: entry, problem: problem) }
    guard trust.erasures.current(pin.root) == entry.commit else {
      return [finding(.unpinnedRoot(pinned: pin.root))]
    }
    guard let pinned = pin.rootKey, trust.erasures.voucher(of: id) == nil else { return [] }
    switch trust.signatures[id] ?? .unsigned {
    case .ssh(let signature, let verifies) where verifies && signature.key == pinned:
      return []
    default:
      return [finding(.rootNotSignedByPin(fingerprint: pinned.fingerprint))]
    }
  }
}

/// Whether commits descend from a given commit (are it, or have it in their history),
/// remembered: the audit asks for every commit of a range, and each answer is its parents'.
final class Descent {
  private let history: any LedgerHistory
  private var known: [String: [String: Bool]] = [:]

  init(history: any LedgerHistory) { self.history = history }

  /// Whether `text` names a commit by its full id (else `signed_commits_from` is a day).
  static func isCommitID(_ text: String) -> Bool {
    text.utf8.count == 40 && text.allSatisfy(\.isHexDigit)
  }

  func descends(_ commit: String, from ancestor: String) -> Bool {
    var memo = known[ancestor] ?? [ancestor: true]
    defer { known[ancestor] = memo }
    // Parents before children, without recursion: a history is thousands of commits deep.
    var stack = [commit]
    while let top = stack.last {
      if memo[top] != nil {
        stack.removeLast()
        continue
      }
      guard let parents = try? history.parents(top) else {
        // A commit that cannot be read is taken to descend: the requirement then applies
        // (the audit fails closed).
        memo[top] = true
        continue
      }
      let unknown = parents.filter { memo[$0] == nil }
      if unknown.isEmpty {
        memo[top] = parents.contains { memo[$0] == true }
        stack.removeLast()
      } else {
        stack += unknown
      }
    }
    return memo[commit] ?? false
  }
}
