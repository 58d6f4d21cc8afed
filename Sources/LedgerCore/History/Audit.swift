import Foundation
import LedgerGit
import LedgerJSON

/// One thing the audit found in one commit.
public struct AuditFinding: Sendable {
  public let entry: HistoryEntry
  /// `unknown-author`, `outside-roles`, `approval-by-other` or `invalid-result`.
  public let rule: String
  public let message: String
}

/// A payment approval found in the history: who approved, under which role, recorded when.
public struct AuditApproval: Sendable {
  public let entry: HistoryEntry
  public let payment: RecordKey
  public let approver: String
  /// The approver's roles that may approve payments on the day, with their end when temporary.
  public let roles: [String]
}

/// What `audit` read and found.
public struct AuditResult: Sendable {
  public let commits: Int
  public let findings: [AuditFinding]
  public let approvals: [AuditApproval]
}

// The audit: each commit judged against the ledger as it stood just before it.
extension GitRecordStore {
  /// Audits the commits of `range` (`A..B`, a single revision meaning all its history, or
  /// nil for all of HEAD's): an author who is not a known administrator; a change outside the
  /// author's roles as the policy stood before the commit (writing a kind, granting a right,
  /// changing the policy); a payment approval recorded by someone other than the approver;
  /// a commit whose result breaks the schemas or rules. Merges are checked for validity; the
  /// commits they bring are audited on their own.
  public func audit(range: String?) throws(StoreError) -> AuditResult {
    let entries = try commits(in: range)
    var findings: [AuditFinding] = []
    var approvals: [AuditApproval] = []
    for entry in entries {
      guard let parent = entry.parents.first else { continue }  // the ledger's creation
      let before = try historySnapshot(parent)
      let after = try historySnapshot(entry.commit)
      let judge = try CommitJudge(store: self, entry: entry, before: before, after: after)
      findings += try judge.findings(isMerge: entry.parents.count > 1)
      approvals += try judge.approvals()
    }
    return AuditResult(commits: entries.count, findings: findings, approvals: approvals)
  }

  /// Every commit of the range, oldest first: reachable from its end, not from its start.
  private func commits(in range: String?) throws(StoreError) -> [HistoryEntry] {
    let parts = range?.components(separatedBy: "..") ?? []
    let end = parts.count == 2 ? (parts[1].isEmpty ? nil : parts[1]) : range
    let start = parts.count == 2 ? parts[0] : nil
    let excluded = try start.map { (revision) throws(StoreError) in try ancestors(of: revision) } ?? []
    var seen = Set<String>()
    var pending = [try gitSnapshot(at: end).revision].compactMap { $0 }
    var entries: [HistoryEntry] = []
    do {
      while let id = pending.popLast() {
        guard !excluded.contains(id), seen.insert(id).inserted, let oid = ObjectID(hex: id) else { continue }
        let commit = try repository.commit(oid)
        entries.append(HistoryEntry(
          commit: id, parents: commit.parents.map(\.description), authorName: commit.author.name,
          authorEmail: commit.author.email, date: commit.author.date, message: commit.message))
        pending += commit.parents.map(\.description)
      }
    } catch {
      throw .git(action: "read history", error)
    }
    return entries.sorted { ($0.date, $0.commit) < ($1.date, $1.commit) }
  }

  private func ancestors(of revision: String) throws(StoreError) -> Set<String> {
    var seen = Set<String>()
    var pending = [try gitSnapshot(at: revision).revision].compactMap { $0 }
    do {
      while let id = pending.popLast() {
        guard seen.insert(id).inserted, let oid = ObjectID(hex: id) else { continue }
        pending += try repository.commit(oid).parents.map(\.description)
      }
    } catch {
      throw .git(action: "read history", error)
    }
    return seen
  }
}

/// Judges one commit against the ledger just before it.
struct CommitJudge {
  let store: GitRecordStore
  let entry: HistoryEntry
  let before: GitSnapshot
  let after: GitSnapshot
  let day: String
  let policy: Policy
  /// The person the author's email belongs to, when a person lists it.
  let author: Record?
  let roles: [String]
  /// Whether anyone held a ledger role before the commit; a new ledger's first commits are
  /// made before any administrator is recorded, and are not judged on roles.
  let hasAdministrators: Bool

  init(store: GitRecordStore, entry: HistoryEntry, before: GitSnapshot, after: GitSnapshot) throws(StoreError) {
    self.store = store
    self.entry = entry
    self.before = before
    self.after = after
    let settings = try? before.settings()
    day = LedgerDate.day(of: entry.date, in: settings?.timeZone ?? .gmt)
    policy = Policy(settings)
    let email = entry.authorEmail.lowercased()
    let people = try before.records(of: .people).records
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

  private func finding(_ rule: String, _ message: String) -> AuditFinding {
    AuditFinding(entry: entry, rule: rule, message: message)
  }

  func findings(isMerge: Bool) throws(StoreError) -> [AuditFinding] {
    var found: [AuditFinding] = []
    let changes = try recordChanges()
    let files = try settingsAndSchemaChanges()
    if hasAdministrators, roles.isEmpty, !changes.isEmpty || !files.isEmpty {
      found.append(finding("unknown-author", "\(name) is not a known administrator (no person holding a ledger role on \(day) lists \(entry.authorEmail) in git_identities)"))
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
    }
    if !isMerge, hasAdministrators {
      for change in changes where change.key.kind == .payments {
        guard let approver = newApproval(change) else { continue }
        if author?.key.id.value != approver {
          found.append(finding("approval-by-other", "recorded the approval of \(change.key) in the name of people/\(approver), but the commit is by \(name)"))
        }
      }
    }
    let paths = changes.map { ChangeSet.FileChange(path: $0.key.path, content: $0.new?.canonicalBytes) }
    if !paths.isEmpty {
      let state = try LedgerValidator(before, changes: paths)
      for diagnostic in try state.validateChanges(paths) where diagnostic.severity == .error {
        found.append(finding("invalid-result", "\(diagnostic.file): error[\(diagnostic.rule)]: \(diagnostic.message)"))
      }
    }
    return found
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
    var result: [RecordChange] = []
    for kind in RecordKind.allCases {
      result += try store.changes(of: kind, from: before.revision, to: entry.commit)
    }
    return result
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
