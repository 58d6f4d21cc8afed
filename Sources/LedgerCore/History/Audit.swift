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
  /// Why the audit of the branch's history could not record the commit it passed.
  public let unrecorded: String?

  init(
    commits: Int, findings: [AuditFinding], approvals: [AuditApproval], trail: [AuditedCommit], since: String? = nil,
    passed: String? = nil, unrecorded: String? = nil
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

  public init(pin: TrustPin? = nil, lastPassed: String? = nil, branch: String = "HEAD", receivedAt: Date? = nil) {
    self.pin = pin
    self.lastPassed = lastPassed
    self.branch = branch
    self.receivedAt = receivedAt
  }
}

extension AuditResult {
  /// The result with what became of recording the commit it passed.
  func recorded(passed: String?, unrecorded: String?) -> AuditResult {
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
  public func audit(range: String?, context: AuditContext = AuditContext()) throws(StoreError) -> AuditResult {
    var findings: [AuditFinding] = []
    var audited = range
    var since: String?
    if range == nil {
      let tip = try commit(nil)
      if let last = context.lastPassed {
        if let rewrite = try rewrite(since: last, tip: tip, branch: context.branch) {
          let entry = rewrite.disappeared.first { $0.commit == rewrite.last }
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
    var walk = try AuditWalk(history: self, entries: entries, context: context)
    for entry in entries { try walk.judge(entry) }
    findings += walk.findings
    findings += try submoduleFindings(at: entries.last)
    return AuditResult(
      commits: entries.count, findings: findings, approvals: walk.approvals, trail: walk.trail, since: since)
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

  init(history: any LedgerHistory, entries: [HistoryEntry], context: AuditContext) throws(StoreError) {
    self.history = history
    reader = history.walkReader()
    people = AuditPeople(history: history, reader: reader, audited: Set(entries.map(\.commit)))
    merges = MergeAuditor(history: history, reader: reader)
    trust = try AuditTrust(history: history, entries: entries, context: context)
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

/// Judges one commit against the ledger just before it.
struct CommitJudge {
  let history: any LedgerHistory
  let entry: HistoryEntry
  let trust: AuditTrust
  let before: any LedgerSnapshot
  let after: any LedgerSnapshot
  let day: String
  let timeZone: TimeZone
  let policy: Policy
  /// The person the author's email belongs to, when a person lists it.
  let author: Record?
  let roles: [String]
  /// Whether anyone held a ledger role before the commit; a new ledger's first commits are
  /// made before any administrator is recorded, and are not judged on roles.
  let hasAdministrators: Bool

  /// - Parameter people: the people who list git identities or hold ledger roles, before the commit.
  init(
    history: any LedgerHistory, entry: HistoryEntry, before: any LedgerSnapshot, after: any LedgerSnapshot,
    people: [Record], trust: AuditTrust
  ) throws(StoreError) {
    self.history = history
    self.entry = entry
    self.trust = trust
    self.before = before
    self.after = after
    let settings = try? before.settings()
    policy = Policy(settings)
    timeZone = settings?.timeZone ?? .gmt
    day = judgedDay(of: entry.date, receivedAt: trust.receivedAt, policy: policy, in: timeZone)
    let email = entry.authorEmail.lowercased()
    author = people.first { person in
      (person.fields["git_identities"]?.arrayValue ?? []).contains { $0.stringValue?.lowercased() == email }
    }
    roles = Policy.roles(of: author, on: day)
    hasAdministrators = people.contains { [day] person in !Policy.roles(of: person, on: day).isEmpty }
  }

  private func may(_ permission: (Policy.Role) -> Bool) -> Bool {
    roles.contains { policy.roles[$0].map(permission) ?? false }
  }

  func finding(_ problem: AuditProblem) -> AuditFinding {
    AuditFinding(entry: entry, problem: problem)
  }

  func findings(isMerge: Bool) throws(StoreError) -> [AuditFinding] {
    var found: [AuditFinding] = []
    let changes = try recordChanges()
    let treeChanges = try self.treeChanges()
    let files = try settingsAndSchemaChanges() + ledgerFolderFiles(treeChanges).outside
    if hasAdministrators, roles.isEmpty, !changes.isEmpty || !files.isEmpty {
      found.append(finding(unknownAuthor))
    }
    if !isMerge, !roles.isEmpty {
      for kind in Set(changes.map(\.key.kind)).sorted() where !may({ $0.writes.contains("*") || $0.writes.contains(kind.rawValue) }) {
        found.append(finding(.writesOutsideRoles(kind: kind, roles: roles)))
      }
      if !files.isEmpty, !may(\.changesPolicy) {
        found.append(finding(.changesPolicyFiles(files, roles: roles)))
      }
      for change in changes where change.key.kind == .rights && becameActive(change) && !may(\.grantsRights) {
        found.append(finding(.grantsOutsideRoles(change.key, roles: roles)))
      }
      // Who holds a ledger role, and which emails and keys prove who wrote a commit, are part of
      // the policy: changing them (one's own too) is changing it.
      for change in changes where change.key.kind == .people && !may(\.changesPolicy) {
        let changed = CommitJudge.policyFields.filter { change.old?.fields[$0] != change.new?.fields[$0] }
        guard !changed.isEmpty else { continue }
        found.append(finding(.changesPolicyFields(changed, of: change.key, roles: roles)))
      }
    }
    if !isMerge, hasAdministrators {
      for change in changes where change.key.kind == .payments {
        guard let approver = newApproval(change) else { continue }
        if author?.key.id.value != approver {
          found.append(finding(.approvalByOther(payment: change.key, approver: approver)))
        }
      }
    }
    // Every changed file of a kind's folder is judged as validate would read it: its own bytes
    // (not JSON, misnamed, too large), and no links or folders. The sides a merge brings were
    // judged on their own commits.
    var paths: [ChangeSet.FileChange] = []
    if isMerge {
      paths = changes.map { ChangeSet.FileChange(path: $0.key.path, content: $0.new?.canonicalBytes) }
    } else {
      let kindFiles = ledgerFolderFiles(treeChanges).records
      found += kindFiles.irregular.map { finding(.invalidResult($0.diagnostic())) }
      // A record already read for `changes` is judged in its canonical form; only a file that
      // did not read as a record (not JSON, misnamed, too large) is read again, as it is.
      let decoded = Dictionary(changes.compactMap { change in change.new.map { (change.key.path, $0) } }) { first, _ in first }
      for file in kindFiles.files {
        if file.content != nil, let record = decoded[file.path] {
          paths.append(ChangeSet.FileChange(path: file.path, content: record.canonicalBytes))
          continue
        }
        let bytes = try file.content.map(history.bytes)
        if let bytes, bytes.count > InputLimits.ledgerFileBytes {
          found.append(finding(.invalidResult(InputLimits.tooLarge(file.path, size: bytes.count))))
        } else {
          paths.append(ChangeSet.FileChange(path: file.path, content: bytes))
        }
      }
    }
    // The records are judged under the settings and schemas the same commit leaves (a ledger's
    // first import brings its policy and the approvals it allows together).
    if files.contains(LedgerSettings.fileName) {
      paths.append(.init(path: LedgerSettings.fileName, content: try after.fileBytes(LedgerSettings.fileName)))
    }
    if files.contains("schemas/") {
      for name in Set(try before.fileNames(in: "schemas") + after.fileNames(in: "schemas")).sorted() {
        paths.append(.init(path: "schemas/" + name, content: try after.fileBytes("schemas/" + name)))
      }
    }
    if !paths.isEmpty {
      let state = try LedgerValidator(before, changes: paths)
      for diagnostic in try state.validateChanges(paths) where diagnostic.severity == .error {
        found.append(finding(.invalidResult(diagnostic)))
      }
    }
    return found
  }

  /// Findings for records a merge set values of itself (its `set` resolutions): a kind the
  /// merger's roles may not write.
  func mergeDecisions(_ records: [RecordKey]) -> [AuditFinding] {
    guard hasAdministrators, !roles.isEmpty else { return [] }  // an unknown author is reported already
    return Set(records.map(\.kind)).sorted().compactMap { kind in
      guard !may({ $0.writes.contains("*") || $0.writes.contains(kind.rawValue) }) else { return nil }
      return finding(.setsWhileMergingOutsideRoles(kind: kind, roles: roles))
    }
  }

  func approvals() throws(StoreError) -> [AuditApproval] {
    try recordChanges().compactMap { change in
      guard change.key.kind == .payments, let approver = newApproval(change) else { return nil }
      // The approver's roles as the commit leaves them: a ledger's first import records both.
      let person = RecordID(approver).flatMap { try? after.record(RecordKey(kind: .people, id: $0)) }
      let held = (person?.fields["ledger_roles"]?.arrayValue ?? []).compactMap { entry -> String? in
        guard let role = entry.objectValue?["role"]?.stringValue, policy.roles[role]?.approvesPayments == true else { return nil }
        let until = entry.objectValue?["until"]?.stringValue
        if let until, until < (change.new?.fields["approved_on"]?.stringValue ?? day) { return nil }
        return until.map { "\(role) until \($0)" } ?? role
      }
      return AuditApproval(entry: entry, payment: change.key, approver: approver, roles: held)
    }
  }

  private func recordChanges() throws(StoreError) -> [RecordChange] {
    try history.changes(of: nil, from: before.revision, to: entry.commit)
  }

  /// `ledger.json` and the ledger's own schemas, when the commit changed them.
  private func settingsAndSchemaChanges() throws(StoreError) -> [String] {
    var changed: [String] = []
    if try before.fileBytes(LedgerSettings.fileName) != after.fileBytes(LedgerSettings.fileName) {
      changed.append(LedgerSettings.fileName)
    }
    let oldSchemas = try before.files(in: "schemas")
    let newSchemas = try after.files(in: "schemas")
    if oldSchemas.map(\.name) != newSchemas.map(\.name) || !zip(oldSchemas, newSchemas).allSatisfy({ $0.bytes == $1.bytes }) {
      changed.append("schemas/")
    }
    return changed
  }

  /// The fields of a person that are policy: who holds a role, and who a commit proves to be.
  static let policyFields = ["ledger_roles", "git_identities", "signing_keys"]

  private func becameActive(_ change: RecordChange) -> Bool {
    change.new?.fields["status"] == "active" && change.old?.fields["status"] != "active"
  }

  /// The approver a payment change records, when the commit records an approval.
  private func newApproval(_ change: RecordChange) -> String? {
    guard let new = change.new, let status = new.fields["status"]?.stringValue, ["approved", "paid"].contains(status),
      let approver = new.fields["approved_by"]?.stringValue
    else { return nil }
    if let old = change.old, old.fields["approved_by"]?.stringValue == approver,
      ["approved", "paid"].contains(old.fields["status"]?.stringValue ?? "")
    {
      return nil
    }
    return approver
  }
}

