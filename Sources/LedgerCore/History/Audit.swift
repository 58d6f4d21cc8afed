import Foundation
import LedgerJSON

/// One thing the audit found in one commit.
public struct AuditFinding: Sendable {
  /// The commit; for `rewritten-history`, the commit the last audit passed (only its id is
  /// known when its object is gone).
  public let entry: HistoryEntry
  public let problem: AuditProblem

  /// The rule's name: `unknown-author`, `outside-roles`, `evil-merge`...
  public var rule: String { problem.rule }

  /// For `evil-merge`: the record, the field, the expected and the committed values.
  public var deviation: MergeDeviation? {
    if case .evilMerge(let deviation) = problem { return deviation }
    return nil
  }

  /// For `rewritten-history`: the commit the last audit passed and the commits that disappeared.
  public var rewrite: HistoryRewrite? {
    if case .rewrittenHistory(let rewrite) = problem { return rewrite }
    return nil
  }
}

/// A payment approval found in the history: who approved, under which role, recorded when.
public struct AuditApproval: Sendable {
  public let entry: HistoryEntry
  public let payment: RecordKey
  public let approver: String
  /// The approver's roles that may approve payments on the day, with their end when temporary.
  public let roles: [String]
}

/// One audited commit: its author, as the person the ledger knew before it, and the ledger
/// roles that person held on its day (none for an unknown author).
public struct AuditedCommit: Sendable {
  public let entry: HistoryEntry
  /// The id of the person whose git identity the author's email is, if any.
  public let person: String?
  public let roles: [String]
}

/// What `audit` read and found.
public struct AuditResult: Sendable {
  public let commits: Int
  public let findings: [AuditFinding]
  public let approvals: [AuditApproval]
  /// Every audited commit, oldest first, with its author's roles: the trail a reviewer reads.
  public let trail: [AuditedCommit]
  /// The commit the audit started after (`sinceLast`: the last commit an earlier audit
  /// passed); nil when it audited a range or the whole history.
  public let since: String?
  /// The commit recorded as passed, when the audit was of the branch's history (no range).
  public let passed: String?
  /// Why the audit of the branch's history could not record the commit it passed: the file
  /// and the system's reason.
  public let unrecorded: (path: String, reason: String)?

  init(
    commits: Int, findings: [AuditFinding], approvals: [AuditApproval], trail: [AuditedCommit], since: String? = nil,
    passed: String? = nil, unrecorded: (path: String, reason: String)? = nil
  ) {
    self.commits = commits
    self.findings = findings
    self.approvals = approvals
    self.trail = trail
    self.since = since
    self.passed = passed
    self.unrecorded = unrecorded
  }
}

/// What the audit knows besides the history: the clone's trust pin, the commit the last
/// audit of the branch passed, and, in the shared repository's hook, when the push arrived.
public struct AuditContext: Sendable {
  /// The trust pinned when the clone or the shared repository was set up.
  public var pin: TrustPin?
  /// The commit the last audit of the branch passed, for an audit since then.
  public var lastPassed: String?
  /// The branch audited (`main`), or `HEAD` when HEAD is on no branch; named in a rewrite.
  public var branch: String
  /// When the shared repository receives the commits (the pre-receive hook); nil in a clone.
  public var receivedAt: Date?
  /// Told, before each commit is judged, how many were judged and how many there are (the
  /// command line's progress on a terminal).
  public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(pin: TrustPin? = nil, lastPassed: String? = nil, branch: String = "HEAD", receivedAt: Date? = nil) {
    self.pin = pin
    self.lastPassed = lastPassed
    self.branch = branch
    self.receivedAt = receivedAt
  }
}

extension AuditResult {
  /// The result with what became of recording the commit it passed.
  func recorded(passed: String?, unrecorded: (path: String, reason: String)?) -> AuditResult {
    AuditResult(
      commits: commits, findings: findings, approvals: approvals, trail: trail, since: since, passed: passed,
      unrecorded: unrecorded)
  }
}

// The audit: each commit judged against the ledger as it stood just before it, each merge
// against the field-level merge of its parents.
extension LedgerHistory {
  /// Audits the commits of `range` (`A..B`, a single revision meaning all its history, or
  /// nil for all of HEAD's): an author who is not a known administrator; a change outside the
  /// author's roles as the policy stood before the commit (writing a kind, granting a right,
  /// changing the policy); a payment approval recorded by someone other than the approver;
  /// a commit whose result breaks the schemas or rules; a merge whose result differs from the
  /// field-level merge of its parents, its own resolutions applied (`evil-merge`). The commits
  /// a merge brings are audited on their own.
  ///
  /// With `context.lastPassed` (and no range) it audits only the commits after that one; when
  /// HEAD no longer holds it, it reports `rewritten-history` with the commits that disappeared
  /// and audits the whole branch.
  ///
  /// Each commit's author is also proven: from `policy.signed_commits_from` (or the pinned
  /// requirement), a commit must carry a valid SSH signature by a key its author's record lists
  /// for that day; a commit dated before its parent is `backdated`. With `receivedAt` (the shared
  /// repository's hook), roles and keys are judged no earlier than that time less the offline
  /// grace.
  ///
  /// Commits an erasure record lists as rewritten carry no signature: the record, signed by a
  /// role that may forget people, vouches for them, and the commits, the pin and the mark it
  /// renamed are followed. With a `verifier` (a repository that may still hold the former
  /// history), each erasure record the range writes is checked against that history.
  public func audit(
    range: String?, context: AuditContext = AuditContext(), verifier: (any ErasureVerifier)? = nil
  ) throws(StoreError) -> AuditResult {
    var findings: [AuditFinding] = []
    var audited = range
    var since: String?
    var erasures = ErasureMap()
    if range == nil {
      let tip = try commit(nil)
      erasures = try erasureMap(at: tip)
      if let last = context.lastPassed.map(erasures.current) {
        if let rewrite = try rewrite(since: last, tip: tip, branch: context.branch) {
          let entry =
            rewrite.disappeared.first { $0.commit == rewrite.last }
            ?? HistoryEntry(commit: rewrite.last, parents: [], authorName: "", authorEmail: "", date: .distantPast, message: "")
          findings.append(AuditFinding(entry: entry, problem: .rewrittenHistory(rewrite)))
        } else if let tip {
          audited = "\(last)..\(tip)"
          since = last
        }
      }
      if audited == nil, let tip { audited = tip }
    }
    let entries = try commits(in: audited)
    if range != nil { erasures = try erasureMap(at: entries.last?.commit) }
    var walk = try AuditWalk(history: self, entries: entries, context: context, erasures: erasures)
    for (index, entry) in entries.enumerated() {
      context.progress?(index, entries.count)
      try walk.judge(entry)
    }
    context.progress?(entries.count, entries.count)
    findings += walk.findings
    if let verifier { findings += try erasureFindings(entries, verifier: verifier, erasures: erasures) }
    findings += try submoduleFindings(at: entries.last)
    return AuditResult(
      commits: entries.count, findings: findings, approvals: walk.approvals, trail: walk.trail, since: since)
  }

  /// The erasure records of the ledger at `commit`.
  private func erasureMap(at commit: String?) throws(StoreError) -> ErasureMap {
    guard let commit else { return ErasureMap() }
    return try ErasureMap(snapshot: snapshot(commit))
  }

  /// Each erasure record the commits write, checked against the former history.
  private func erasureFindings(_ entries: [HistoryEntry], verifier: any ErasureVerifier, erasures: ErasureMap)
    throws(StoreError) -> [AuditFinding]
  {
    var found: [AuditFinding] = []
    for entry in entries where !entry.parents.isEmpty {
      // A record a merge brings from one side was written, and checked, on that side.
      let differences = try changes(entry.commit, in: RecordKind.erasures.folder).differences
      let written = differences.dropFirst().reduce(Set((differences.first ?? []).map(\.path))) { paths, side in
        paths.intersection(side.map(\.path))
      }
      for difference in differences.first ?? [] where written.contains(difference.path) {
        guard let content = difference.new, let key = RecordKey(path: difference.path),
          let record = try? RecordDecoder.decode(try bytes(content), key: key, file: difference.path),
          let erasure = ErasureRecord(record)
        else { continue }
        // A later erasure may have rewritten the commit that wrote this record: the record
        // speaks of the history that commit had, so it is checked on the commit as it was.
        if let forgery = try verifier.verify(erasure, committedIn: erasures.original(entry.commit)) {
          found.append(AuditFinding(entry: entry, problem: .forgedErasure(key, forgery)))
        }
      }
    }
    return found
  }

  /// A submodule is no file and shows in no commit's changes: the range's last state is
  /// searched for one.
  private func submoduleFindings(at last: HistoryEntry?) throws(StoreError) -> [AuditFinding] {
    guard let last, last.parents.first != nil else { return [] }
    let snapshot = try walkReader().snapshot(last.commit)
    var found: [AuditFinding] = []
    for kind in RecordKind.allCases {
      for entry in try snapshot.irregularEntries(in: kind.folder) where entry.kind == .submodule {
        found.append(AuditFinding(entry: last, problem: .invalidResult(entry.diagnostic())))
      }
    }
    return found
  }

  /// Every commit of the range, oldest first: reachable from its end, not from its start.
  private func commits(in range: String?) throws(StoreError) -> [HistoryEntry] {
    let parts = range?.components(separatedBy: "..") ?? []
    let end = parts.count == 2 ? (parts[1].isEmpty ? nil : parts[1]) : range
    let start = parts.count == 2 ? parts[0] : nil
    guard let tip = try commit(end) else { return [] }
    let excluded = try start.flatMap { (revision) throws(StoreError) in try commit(revision) }
    var entries: [HistoryEntry] = []
    for id in try commits(from: tip, excluding: excluded) { entries.append(try entry(id)) }
    return entries.sorted { ($0.date, $0.commit) < ($1.date, $1.commit) }
  }
}

/// One audit's walk through its commits, oldest first: what it has found so far, and what it
/// keeps from one commit to the next (people, merge rules, the snapshots' shared reads).
struct AuditWalk {
  let history: any LedgerHistory
  let reader: any HistoryWalkReader
  let people: AuditPeople
  let merges: MergeAuditor
  let trust: AuditTrust
  var findings: [AuditFinding] = []
  var approvals: [AuditApproval] = []
  var trail: [AuditedCommit] = []

  init(history: any LedgerHistory, entries: [HistoryEntry], context: AuditContext, erasures: ErasureMap) throws(StoreError) {
    self.history = history
    reader = history.walkReader()
    people = AuditPeople(history: history, reader: reader, audited: Set(entries.map(\.commit)))
    merges = MergeAuditor(history: history, reader: reader)
    trust = try AuditTrust(history: history, entries: entries, context: context, erasures: erasures)
  }

  mutating func judge(_ entry: HistoryEntry) throws(StoreError) {
    guard let parent = entry.parents.first else {
      trail.append(AuditedCommit(entry: entry, person: nil, roles: []))  // the ledger's creation
      findings += CommitJudge.rootFindings(entry, trust: trust)
      return
    }
    // The reader follows what the commit changed from its parent's state.
    try reader.advance(from: parent, to: entry.commit)
    let known = try people.people(at: parent)
    let judge = try CommitJudge(
      history: history, entry: entry, before: try reader.snapshot(parent), after: try reader.snapshot(entry.commit),
      people: known, trust: trust)
    trail.append(AuditedCommit(entry: entry, person: judge.author?.key.id.value, roles: judge.roles))
    findings += judge.trustFindings(people: known)
    findings += try judge.findings(isMerge: entry.parents.count > 1)
    approvals += try judge.approvals()
    guard entry.parents.count > 1 else { return }
    findings += try merges.deviations(in: entry).map { deviation in
      AuditFinding(entry: entry, problem: .evilMerge(deviation))
    }
    // What the merge decided itself (a value it set) is the merger's own change: judged on
    // the merger's roles like any commit's.
    let decided = MergeAuditor.resolutions(in: entry.message)
      .filter { $0.value.contains { $0.choice == .set } }.keys.compactMap { RecordKey(path: $0 + ".json") }
    findings += judge.mergeDecisions(decided)
  }
}
