import Foundation
import LedgerGit
import LedgerJSON

/// One thing the audit found in one commit.
public struct AuditFinding: Sendable {
  public let entry: HistoryEntry
  /// `unknown-author`, `outside-roles`, `approval-by-other`, `invalid-result`, `evil-merge`
  /// or `rewritten-history`.
  public let rule: String
  public let message: String
  /// For `evil-merge`: the record, the field, the expected and the committed values.
  public let deviation: MergeDeviation?
  /// For `rewritten-history`: the commit the last audit passed and the commits that
  /// disappeared; `entry` is then that commit (only its id is known when its object is gone).
  public let rewrite: HistoryRewrite?

  init(entry: HistoryEntry, rule: String, message: String, deviation: MergeDeviation? = nil, rewrite: HistoryRewrite? = nil) {
    self.entry = entry
    self.rule = rule
    self.message = message
    self.deviation = deviation
    self.rewrite = rewrite
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

// The audit: each commit judged against the ledger as it stood just before it, each merge
// against the field-level merge of its parents.
extension GitRecordStore {
  /// Audits the commits of `range` (`A..B`, a single revision meaning all its history, or
  /// nil for all of HEAD's): an author who is not a known administrator; a change outside the
  /// author's roles as the policy stood before the commit (writing a kind, granting a right,
  /// changing the policy); a payment approval recorded by someone other than the approver;
  /// a commit whose result breaks the schemas or rules; a merge whose result differs from the
  /// field-level merge of its parents, its own resolutions applied (`evil-merge`). The commits
  /// a merge brings are audited on their own.
  ///
  /// An audit of the branch's history (`range` nil) records HEAD's commit as passed in
  /// `.git/adminledger/audit-last`. With `sinceLast` it audits only the commits after the one
  /// recorded; when the branch no longer holds that commit, it reports `rewritten-history`
  /// with the commits that disappeared and audits the whole branch.
  ///
  /// Each commit's author is also proven: from `policy.signed_commits_from` (or the pinned
  /// requirement), a commit must carry a valid SSH signature by a key its author's record lists
  /// for that day; a commit dated before its parent is `backdated`. With `receivedAt` (the shared
  /// repository's hook), roles and keys are judged no earlier than that time less the offline
  /// grace.
  public func audit(range: String?, sinceLast: Bool = false, receivedAt: Date? = nil) throws(StoreError) -> AuditResult {
    var findings: [AuditFinding] = []
    var audited = range
    var since: String?
    var tip: ObjectID?
    if range == nil {
      let head = try readHead()
      tip = head.commit
      if sinceLast, let last = AuditMark(gitDirectory: repository.gitDirectory).read() {
        let branch: String
        switch head {
        case .branch(let name, _), .unborn(let name): branch = Ledger.shortBranchName(name)
        case .detached: branch = "HEAD"
        }
        if let rewrite = try rewrite(since: last, tip: tip, branch: branch) {
          let entry = rewrite.disappeared.first { $0.commit == rewrite.last }
            ?? HistoryEntry(commit: rewrite.last, parents: [], authorName: "", authorEmail: "", date: .distantPast, message: "")
          findings.append(AuditFinding(entry: entry, rule: "rewritten-history", message: rewrite.message, rewrite: rewrite))
        } else if let tip {
          audited = "\(last)..\(tip)"
          since = last.description
        }
      }
      if audited == nil, let tip { audited = tip.description }
    }
    let entries = try commits(in: audited)
    var approvals: [AuditApproval] = []
    var trail: [AuditedCommit] = []
    let merges = MergeAuditor(store: self)
    let people = AuditPeople(store: self, audited: Set(entries.compactMap { ObjectID(hex: $0.commit) }))
    let memo = HistoryMemo()
    let trust = try AuditTrust(store: self, entries: entries, receivedAt: receivedAt)
    for entry in entries {
      guard let parent = entry.parents.first, let parentID = ObjectID(hex: parent) else {
        trail.append(AuditedCommit(entry: entry, person: nil, roles: []))  // the ledger's creation
        findings += CommitJudge.rootFindings(entry, trust: trust)
        continue
      }
      if let id = ObjectID(hex: entry.commit) {
        // The history index knows what the commit changed: the walk's folder indexes follow it.
        try StoreError.wrapping("read history") {
          let changes = try historyIndex.entry(id)
          try memo.learn(
            from: try historyIndex.tree(of: parentID), to: changes.tree, changes: changes.changes.first ?? [],
            folders: RecordKind.allCases.map { repositoryPath($0.folder) }, in: repository)
        }
      }
      let before = try historySnapshot(parent, memo: memo)
      let after = try historySnapshot(entry.commit, memo: memo)
      let known = try people.people(at: parentID)
      let judge = try CommitJudge(store: self, entry: entry, before: before, after: after, people: known, trust: trust)
      trail.append(AuditedCommit(entry: entry, person: judge.author?.key.id.value, roles: judge.roles))
      findings += judge.trustFindings(people: known)
      findings += try judge.findings(isMerge: entry.parents.count > 1)
      approvals += try judge.approvals()
      if entry.parents.count > 1, let id = ObjectID(hex: entry.commit) {
        let commit = try StoreError.wrapping("read history") { try repository.commit(id) }
        findings += try merges.deviations(in: commit).map { deviation in
          AuditFinding(entry: entry, rule: "evil-merge", message: deviation.message, deviation: deviation)
        }
        // What the merge decided itself (a value it set) is the merger's own change: judged on
        // the merger's roles like any commit's.
        let decided = MergeAuditor.resolutions(in: commit.message)
          .filter { $0.value.contains { $0.choice == .set } }.keys.compactMap { RecordKey(path: $0 + ".json") }
        findings += judge.mergeDecisions(decided)
      }
    }
    // A submodule is no file and shows in no commit's changes: the range's last state is
    // searched for one.
    if let last = entries.last, last.parents.first != nil {
      let snapshot = try historySnapshot(last.commit)
      for kind in RecordKind.allCases {
        for entry in try snapshot.irregularEntries(in: kind.folder) where entry.kind == .submodule {
          findings.append(AuditFinding(entry: last, rule: "invalid-result", message: CommitJudge.describe(entry.diagnostic())))
        }
      }
    }
    // The audit stands even when it cannot be recorded (a clone read from a read-only disk).
    var passed: String?
    var unrecorded: String?
    if range == nil, let tip {
      do {
        try AuditMark(gitDirectory: repository.gitDirectory).write(tip)
        passed = tip.description
      } catch {
        if case .io(let path, let reason) = error { unrecorded = "\(path): \(reason)" } else { unrecorded = "\(error)" }
      }
    }
    return AuditResult(
      commits: entries.count, findings: findings, approvals: approvals, trail: trail, since: since, passed: passed,
      unrecorded: unrecorded)
  }

  /// Every commit of the range, oldest first: reachable from its end, not from its start.
  private func commits(in range: String?) throws(StoreError) -> [HistoryEntry] {
    let parts = range?.components(separatedBy: "..") ?? []
    let end = parts.count == 2 ? (parts[1].isEmpty ? nil : parts[1]) : range
    let start = parts.count == 2 ? parts[0] : nil
    guard let tip = try gitSnapshot(at: end).commitID else { return [] }
    let excluded = try start.flatMap { (revision) throws(StoreError) in try gitSnapshot(at: revision).commitID }
    do {
      return try repository.commits(from: tip, excluding: excluded)
        .map { (id) throws(GitError) in HistoryEntry(auditedCommit: try repository.commit(id)) }
        .sorted { ($0.date, $0.commit) < ($1.date, $1.commit) }
    } catch {
      throw .git(action: "read history", error)
    }
  }
}

/// Judges one commit against the ledger just before it.
struct CommitJudge {
  let store: GitRecordStore
  let entry: HistoryEntry
  let trust: AuditTrust
  let before: GitSnapshot
  let after: GitSnapshot
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
    store: GitRecordStore, entry: HistoryEntry, before: GitSnapshot, after: GitSnapshot, people: [Record], trust: AuditTrust
  ) throws(StoreError) {
    self.store = store
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

  private var name: String { "\(entry.authorName) <\(entry.authorEmail)>" }
  private var rolesText: String { roles.isEmpty ? "no role" : "roles " + roles.joined(separator: ", ") }

  private func may(_ permission: (Policy.Role) -> Bool) -> Bool {
    roles.contains { policy.roles[$0].map(permission) ?? false }
  }

  func finding(_ rule: String, _ message: String) -> AuditFinding {
    AuditFinding(entry: entry, rule: rule, message: message)
  }

  func findings(isMerge: Bool) throws(StoreError) -> [AuditFinding] {
    var found: [AuditFinding] = []
    let changes = try recordChanges()
    let treeChanges = try self.treeChanges()
    let files = try settingsAndSchemaChanges() + ledgerFolderFiles(treeChanges).outside
    if hasAdministrators, roles.isEmpty, !changes.isEmpty || !files.isEmpty {
      found.append(finding("unknown-author", "\(name) is not a known administrator (no person holding a ledger role on \(unknownAuthorDay) lists \(entry.authorEmail) in git_identities)"))
    }
    if !isMerge, !roles.isEmpty {
      for kind in Set(changes.map(\.key.kind)).sorted() where !may({ $0.writes.contains("*") || $0.writes.contains(kind.rawValue) }) {
        found.append(finding("outside-roles", "changed \(kind) although \(name) holds \(rolesText), which may not write \(kind)"))
      }
      if !files.isEmpty, !may(\.changesPolicy) {
        found.append(finding("outside-roles", "changed \(files.joined(separator: ", ")) although \(name) holds \(rolesText), which may not change the policy"))
      }
      for change in changes where change.key.kind == .rights && becameActive(change) && !may(\.grantsRights) {
        found.append(finding("outside-roles", "granted \(change.key) although \(name) holds \(rolesText), which may not grant rights"))
      }
      // Who holds a ledger role, and which emails and keys prove who wrote a commit, are part of
      // the policy: changing them (one's own too) is changing it.
      for change in changes where change.key.kind == .people && !may(\.changesPolicy) {
        let changed = CommitJudge.policyFields.filter { change.old?.fields[$0] != change.new?.fields[$0] }
        guard !changed.isEmpty else { continue }
        let what = changed.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " and ")
        found.append(finding("outside-roles", "changed the \(what) of \(change.key) although \(name) holds \(rolesText), which may not change the policy"))
      }
    }
    if !isMerge, hasAdministrators {
      for change in changes where change.key.kind == .payments {
        guard let approver = newApproval(change) else { continue }
        if author?.key.id.value != approver {
          found.append(finding("approval-by-other", "recorded the approval of \(change.key) in the name of people/\(approver), but the commit is by \(name)"))
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
      found += kindFiles.irregular.map { finding("invalid-result", Self.describe($0.diagnostic())) }
      // A record already read for `changes` is judged in its canonical form; only a file that
      // did not read as a record (not JSON, misnamed, too large) is read again, as it is.
      let decoded = Dictionary(changes.compactMap { change in change.new.map { (change.key.path, $0) } }) { first, _ in first }
      for file in kindFiles.files {
        if file.blob != nil, let record = decoded[file.path] {
          paths.append(ChangeSet.FileChange(path: file.path, content: record.canonicalBytes))
          continue
        }
        let bytes = try file.blob.map(blobBytes)
        if let bytes, bytes.count > InputLimits.ledgerFileBytes {
          found.append(finding("invalid-result", Self.describe(InputLimits.tooLarge(file.path, size: bytes.count))))
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
        found.append(finding("invalid-result", Self.describe(diagnostic)))
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
      return finding("outside-roles", "set values of \(kind) while merging although \(name) holds \(rolesText), which may not write \(kind)")
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

  static func describe(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.file): error[\(diagnostic.rule)]: \(diagnostic.message)"
  }

  private func recordChanges() throws(StoreError) -> [RecordChange] {
    try store.changes(of: nil, from: before.revision, to: entry.commit)
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

extension GitRecordStore {
  func changes(of kind: RecordKind?, from: String?, to: String) throws(StoreError) -> [RecordChange] {
    try history.changes(of: kind, from: from, to: to)
  }
}
