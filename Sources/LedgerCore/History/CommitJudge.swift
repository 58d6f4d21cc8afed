import Foundation
import LedgerJSON

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
    let changes = try recordChanges()
    let treeChanges = try self.treeChanges()
    let files = try settingsAndSchemaChanges() + ledgerFolderFiles(treeChanges).outside
    var found: [AuditFinding] = []
    if hasAdministrators, roles.isEmpty, !changes.isEmpty || !files.isEmpty {
      found.append(finding(unknownAuthor))
    }
    if !isMerge {
      found += roleFindings(changes, files: files) + approvalFindings(changes)
    }
    return found + (try resultFindings(changes, treeChanges, files: files, isMerge: isMerge))
  }

  /// Changes the author's roles do not allow: writing a kind, changing the policy's files,
  /// granting a right, changing who holds a role or proves an author.
  private func roleFindings(_ changes: [RecordChange], files: [String]) -> [AuditFinding] {
    guard !roles.isEmpty else { return [] }
    var found: [AuditFinding] = []
    for kind in Set(changes.map(\.key.kind)).sorted() where !may({ $0.writes.contains("*") || $0.writes.contains(kind.rawValue) })
    {
      found.append(finding(.writesOutsideRoles(kind: kind, roles: roles)))
    }
    if !files.isEmpty, !may(\.changesPolicy) {
      found.append(finding(.changesPolicyFiles(files, roles: roles)))
    }
    for change in changes where change.key.kind == .erasures && !may(\.forgetsPeople) {
      found.append(finding(.erasesOutsideRoles(change.key, roles: roles)))
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
    return found
  }

  /// Payment approvals recorded in the name of someone other than the commit's author.
  private func approvalFindings(_ changes: [RecordChange]) -> [AuditFinding] {
    guard hasAdministrators else { return [] }
    return changes.compactMap { change in
      guard change.key.kind == .payments, let approver = newApproval(change), author?.key.id.value != approver
      else { return nil }
      return finding(.approvalByOther(payment: change.key, approver: approver))
    }
  }

  /// What `validate` would say of the commit's result, in what the commit changed.
  private func resultFindings(
    _ changes: [RecordChange], _ treeChanges: [FileDifference], files: [String], isMerge: Bool
  ) throws(StoreError) -> [AuditFinding] {
    var found: [AuditFinding] = []
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
    guard !paths.isEmpty else { return found }
    let state = try LedgerValidator(before, changes: paths)
    for diagnostic in try state.validateChanges(paths) where diagnostic.severity == .error {
      found.append(finding(.invalidResult(diagnostic)))
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
