import Foundation
import LedgerJSON

/// What `offboard` is asked to do.
public struct OffboardRequest: Sendable {
  /// The person leaving.
  public var person: RecordID
  /// The day things end (accounts' `closed`, roles' and keys' `until`); nil: today in the
  /// ledger's time zone.
  public var day: String?
  /// The person's `member_status` afterwards.
  public var status: String
  /// Who takes over what the person did alone; nil: their department's deputy, when they are
  /// a delegate and exactly one active member of their department is a deputy.
  public var deputy: RecordID?

  /// A request; by default the person resigns today and their department's deputy takes over.
  public init(person: RecordID, day: String? = nil, status: String = "resigned", deputy: RecordID? = nil) {
    self.person = person
    self.day = day
    self.status = status
    self.deputy = deputy
  }
}

/// Plans a person's leaving: everything they hold ends on one day.
///
/// - The person: `member_status` becomes the request's (resigned by default), their
///   `functions` end (removed), each ledger role and signing key is held up to the day (`until`;
///   kept, so the audit still judges their past commits, and approvals they made stay valid).
/// - Their accounts that are not closed close on the day (`status` closed, `closed` the day),
///   taken off their mailbox's lists and out of their groups (so no role through a group
///   survives), with every right on them that is requested, validated or active revoked. A mailbox on a system whose `on_leave.mailbox` is `redirect` stays, but
///   suspended, its mail redirected to the deputy's first email, else to `on_leave.redirect_to`;
///   with neither it is closed, and flagged.
/// - Duties: a duty they answered for alone goes to its deputy, else to the person's deputy,
///   else stays and is flagged; shared with others, they leave it; they stop being its deputy
///   and one of its actors. Organisations' `contacts` lose them; a system they answered for
///   goes to the person's deputy, or is flagged.
/// - The checklist: one task per account, in its system: close it, or redirect it, with the
///   roles it had and the lists and groups to leave.
public enum Offboarding {
  /// The statuses a leaver may get (`member_status`).
  public static let statuses = ["resigned", "lapsed", "none"]
  /// Rights statuses that still give or promise access, so a leaver's must be revoked.
  static let openRights: Set<String> = ["requested", "validated", "active"]

  /// The plan for `request` in `view`; `now` gives today when the request names no day.
  ///
  /// - Throws: `.recordNotFound` for an unknown person or deputy.
  public static func plan(_ request: OffboardRequest, in view: LedgerView, now: Date) throws(StoreError) -> OffboardPlan {
    let key = RecordKey(kind: .people, id: request.person)
    guard let person = try view.record(key) else { throw .recordNotFound(key) }
    let timeZone = try view.settings()?.timeZone ?? .gmt
    let day = request.day ?? LedgerDate.day(of: now, in: timeZone)
    var deputy: Record?
    if let id = request.deputy {
      let deputyKey = RecordKey(kind: .people, id: id)
      guard let found = try view.record(deputyKey) else { throw .recordNotFound(deputyKey) }
      deputy = found
    } else {
      deputy = try departmentDeputy(of: person, in: view)
    }
    var plan = OffboardPlan(
      person: key, name: text(person, "name"), day: day, deputy: deputy?.key.id.value)
    plan.endMembership(person, status: request.status)
    try plan.endAccounts(
      in: view, deputyEmail: deputy.flatMap { strings($0, "emails").first }, ownEmails: Set(strings(person, "emails")))
    try plan.handOverDuties(in: view)
    try plan.leaveOrganizationsAndSystems(in: view)
    plan.checklist.sort { ($0.system, $0.account) < ($1.system, $1.account) }
    return plan
  }

  /// The deputy of a delegate's department: the one active member of the same department
  /// whose functions include `deputy`; nil when none, or several.
  static func departmentDeputy(of person: Record, in view: LedgerView) throws(StoreError) -> Record? {
    guard strings(person, "functions").contains("delegate"), let department = text(person, "department") else { return nil }
    let deputies = try view.records(of: .people).filter { other in
      other.key != person.key && text(other, "department") == department && strings(other, "functions").contains("deputy")
        && (text(other, "member_status") ?? "active") == "active"
    }
    return deputies.count == 1 ? deputies[0] : nil
  }

  /// The commit message: the subject, and each record's field changes.
  static func message(_ plan: OffboardPlan) -> CommitMessage {
    let who = plan.name.map { "\(plan.person) (\($0))" } ?? plan.person.description
    var body: [String] = []
    for change in plan.changes {
      body.append("\(change.record.key):")
      body += change.fields.map { "  " + $0.summary }
    }
    return CommitMessage(
      subject: "Offboard \(who) on \(plan.day)", body: body, actions: [.offboard, .set], records: plan.records)
  }

  static func text(_ record: Record, _ field: String) -> String? { record.fields[field]?.stringValue }

  static func strings(_ record: Record, _ field: String) -> [String] {
    (record.fields[field]?.arrayValue ?? []).compactMap(\.stringValue)
  }
}

// MARK: - The steps

extension OffboardPlan {
  /// Adds `fields` as the new version of `record` when they differ.
  mutating func propose(_ record: Record, _ fields: JSONObject) {
    let changed = FieldChange.between(record.fields, fields)
    guard !changed.isEmpty else { return }
    changes.append(Change(record: Record(key: record.key, fields: fields), action: .set, fields: changed))
  }

  /// Status, functions, ledger roles and signing keys.
  mutating func endMembership(_ person: Record, status: String) {
    var fields = person.fields
    let old = Offboarding.text(person, "member_status")
    if old != status {
      fields["member_status"] = .string(status)
      steps.append(.status(old: old, new: status))
    }
    let functions = Offboarding.strings(person, "functions")
    if fields["functions"] != nil {
      fields["functions"] = nil
      if !functions.isEmpty { steps.append(.functionsEnded(functions)) }
    }
    var ended: [String] = []
    fields["ledger_roles"] = endEntries(fields["ledger_roles"], ended: &ended, name: "role")
    steps += ended.map { .ledgerRoleEnded(role: $0, until: day) }
    var keys: [String] = []
    fields["signing_keys"] = endEntries(fields["signing_keys"], ended: &keys, name: "key")
    if !keys.isEmpty { steps.append(.signingKeysEnded(count: keys.count, until: day)) }
    if !ended.isEmpty || !keys.isEmpty { flags.append(.policyChange) }
    propose(person, fields)
  }

  /// `entries` (objects with an optional `until`) each held up to the day at the latest;
  /// `ended` gets the `name` field of those that change.
  private func endEntries(_ entries: JSONValue?, ended: inout [String], name: String) -> JSONValue? {
    guard case .array(let items)? = entries else { return entries }
    return .array(
      items.map { item in
        guard case .object(var object) = item else { return item }
        if let until = object["until"]?.stringValue, until <= day { return item }
        object["until"] = .string(day)
        ended.append(object[name]?.stringValue ?? "")
        return .object(object)
      })
  }

  /// The person's open accounts and their rights. A mailbox already suspended and redirected
  /// elsewhere than to the person's own addresses is what an earlier `offboard` left: kept as
  /// it is, so running it again changes nothing.
  mutating func endAccounts(in view: LedgerView, deputyEmail: String?, ownEmails: Set<String>) throws(StoreError) {
    let id = person.id.value
    var rights: [String: [Record]] = [:]
    for right in try view.records(of: .rights) {
      guard let account = Offboarding.text(right, "account") else { continue }
      rights[account, default: []].append(right)
    }
    let accounts = try view.records(of: .accounts).filter {
      Offboarding.text($0, "person") == id && Offboarding.text($0, "status") != "closed"
    }
    let groups = try GroupRoles(view)
    for account in accounts.sorted(by: { $0.key < $1.key }) {
      let system = Offboarding.text(account, "system") ?? ""
      let systemRecord = try view.record(.systems, system)
      let redirect = (account.fields["mailbox"]?.objectValue?["redirect_to"]?.arrayValue ?? []).compactMap(\.stringValue)
      let task: (action: Task.Action, address: String?, lists: [String], groups: [String])
      if Offboarding.text(account, "status") == "suspended", let target = redirect.first, ownEmails.isDisjoint(with: redirect),
        systemRecord?.fields["on_leave"]?.objectValue?["mailbox"]?.stringValue == "redirect"
      {
        task = (.redirect(to: target), account.fields["mailbox"]?.objectValue?["address"]?.stringValue, [], [])
      } else {
        task = endAccount(account, system: systemRecord, systemID: system, deputyEmail: deputyEmail)
      }
      var roles: [String] = []
      for right in (rights[account.key.id.value] ?? []).sorted(by: { $0.key < $1.key }) {
        guard let status = Offboarding.text(right, "status"), Offboarding.openRights.contains(status) else { continue }
        var fields = right.fields
        fields["status"] = "revoked"
        propose(right, fields)
        let role = Offboarding.text(right, "role")
        if let role, !roles.contains(role) { roles.append(role) }
        steps.append(
          .rightRevoked(right: right.key.id.value, account: account.key.id.value, system: system, role: role, status: status))
      }
      // The roles it held through groups are to be removed on the system too.
      for role in groups.inheritedRoles(of: account) where !roles.contains(role) { roles.append(role) }
      guard task.action == .close || changes.contains(where: { $0.record.key == account.key }) || !roles.isEmpty else { continue }
      checklist.append(
        Task(
          system: system, systemName: systemRecord.flatMap { Offboarding.text($0, "name") },
          url: systemRecord.flatMap { Offboarding.text($0, "url") }, account: account.key.id.value,
          login: Offboarding.text(account, "login"), address: task.address, action: task.action, roles: roles.sorted(),
          lists: task.lists, groups: task.groups))
    }
  }

  /// Closes or redirects one account; returns what the checklist says of it.
  private mutating func endAccount(_ account: Record, system: Record?, systemID: String, deputyEmail: String?)
    -> (action: Task.Action, address: String?, lists: [String], groups: [String])
  {
    var fields = account.fields
    let accountID = account.key.id.value
    var mailbox = fields["mailbox"]?.objectValue
    let address = mailbox?["address"]?.stringValue
    let lists = (mailbox?["lists"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
    var action = Task.Action.close
    let onLeave = system?.fields["on_leave"]?.objectValue
    if mailbox != nil, onLeave?["mailbox"]?.stringValue == "redirect" {
      if let target = deputyEmail ?? onLeave?["redirect_to"]?.stringValue {
        action = .redirect(to: target)
      } else {
        flags.append(.mailboxWithoutTarget(account: accountID, system: systemID))
      }
    }
    mailbox?["lists"] = nil
    // Its groups go with it: a suspended mailbox keeps no role through them, and a closed
    // account reopened later starts without the memberships of before.
    let groups = GroupRoles.memberships(of: account)
    fields["groups"] = nil
    switch action {
    case .close:
      fields["status"] = "closed"
      fields["closed"] = .string(day)
      mailbox?["redirect_to"] = nil
      steps.append(.accountClosed(account: accountID, system: systemID, login: Offboarding.text(account, "login")))
    case .redirect(let target):
      fields["status"] = "suspended"
      mailbox?["redirect_to"] = .array([.string(target)])
      steps.append(.mailboxRedirected(account: accountID, system: systemID, address: address ?? "", to: target))
    }
    if let mailbox { fields["mailbox"] = .object(mailbox) }
    if !lists.isEmpty { steps.append(.listsLeft(account: accountID, address: address ?? "", lists: lists)) }
    if !groups.isEmpty { steps.append(.groupsLeft(account: accountID, system: systemID, groups: groups)) }
    propose(account, fields)
    return (action, address, lists, groups)
  }

  /// Duties they answer for, stand in for, or take part in.
  mutating func handOverDuties(in view: LedgerView) throws(StoreError) {
    let id = person.id.value
    for duty in try view.records(of: .duties).sorted(by: { $0.key < $1.key }) {
      var fields = duty.fields
      let dutyID = duty.key.id.value
      let responsible = Offboarding.strings(duty, "responsible")
      let dutyDeputy = Offboarding.text(duty, "deputy")
      if responsible.contains(id) {
        let rest = responsible.filter { $0 != id }
        if !rest.isEmpty {
          fields["responsible"] = .array(rest.map { .string($0) })
          steps.append(.dutyLeft(duty: dutyID, remaining: rest))
        } else if let taker = [dutyDeputy, deputy].compactMap({ $0 }).first(where: { $0 != id }) {
          fields["responsible"] = .array([.string(taker)])
          if taker == dutyDeputy {
            fields["deputy"] = nil
            flags.append(.dutyWithoutDeputy(duty: dutyID))
          }
          steps.append(.dutyHandedOver(duty: dutyID, to: taker))
        } else {
          flags.append(.dutyUnattended(duty: dutyID))
        }
      }
      if dutyDeputy == id {
        fields["deputy"] = nil
        steps.append(.deputyLeft(duty: dutyID))
        flags.append(.dutyWithoutDeputy(duty: dutyID))
      }
      if case .array(let actors)? = fields["actors"] {
        let kept = actors.filter { $0.objectValue?["person"]?.stringValue != id }
        if kept.count != actors.count {
          fields["actors"] = kept.isEmpty ? nil : .array(kept)
          steps.append(.actorLeft(duty: dutyID))
        }
      }
      propose(duty, fields)
    }
  }

  /// Organisations' contacts, and systems they answer for.
  mutating func leaveOrganizationsAndSystems(in view: LedgerView) throws(StoreError) {
    let id = person.id.value
    for organization in try view.records(of: .organizations).sorted(by: { $0.key < $1.key }) {
      let contacts = Offboarding.strings(organization, "contacts")
      guard contacts.contains(id) else { continue }
      var fields = organization.fields
      let rest = contacts.filter { $0 != id }
      fields["contacts"] = rest.isEmpty ? nil : .array(rest.map { .string($0) })
      steps.append(.contactLeft(organization: organization.key.id.value))
      if rest.isEmpty { flags.append(.organizationWithoutContact(organization: organization.key.id.value)) }
      propose(organization, fields)
    }
    for system in try view.records(of: .systems).sorted(by: { $0.key < $1.key })
    where Offboarding.text(system, "responsible") == id {
      guard let deputy, deputy != id else {
        flags.append(.systemUnattended(system: system.key.id.value))
        continue
      }
      var fields = system.fields
      fields["responsible"] = .string(deputy)
      steps.append(.systemHandedOver(system: system.key.id.value, to: deputy))
      propose(system, fields)
    }
  }
}
