import Foundation
import LedgerJSON

/// The records that bring the ledger in line with a system's export (`report drift --update`):
///
/// - `missing-in-ledger`: a new active account for the person found by the export's email
///   (else name), opened the day the system created it, with one active right per role; an
///   account the ledger holds closed, suspended or requested becomes active again. A row
///   whose person the ledger lacks is a problem: add the person first.
/// - `role-differs`: a right for each role the system gives and the ledger lacks (a requested
///   or validated right of that role becomes active, else a new one); each active right of a
///   role the system no longer gives is revoked.
/// - `group-differs`: the account's groups become those the export lists, then rights as for
///   `role-differs`.
/// - `missing-in-system`: the account is closed today and its active rights revoked.
/// - `not-suspended-in-system` (a mailbox `offboard` suspended, open at the host) and the
///   mailing lists' findings: nothing; the ledger is right, the system is to be put right.
/// - `suspended-in-system`, `forward-differs`, `last-seen` (and any of them beside a
///   `role-differs`): the account follows the system: suspended, its mailbox's `redirect_to`
///   set to where the system forwards, its `last_seen` moved forward. An alias's forwarders
///   are set in (or removed from) the system record's `forwarders`.
///
/// New rights say in `reason` that they come from the export; revoked ones say why they were
/// revoked (a temporary right past its end expires instead, keeping its reason). People and
/// the rights' other fields are never touched; the system only in its `forwarders`.
///
/// Groups: when the export lists an account's groups, the account's `groups` become those
/// (a group the ledger lacks is added, with the roles the export gives it, if any), and the
/// rights make up only what the groups do not give; a closed account leaves its groups.
struct DriftCorrection {
  let options: DriftOptions
  let today: String
  let now: Date
  let generator: IDGenerator
  let finder: PersonFinder
  private var used: Set<String>
  private var result = Reconciliation()
  /// Groups this correction adds, by folded name: their ids.
  private var added: [String: String] = [:]
  /// The names of the groups it adds, by id, as the export spells them.
  private var addedNames: [String: String] = [:]

  init(_ view: LedgerView, options: DriftOptions, now: Date) throws(StoreError) {
    self.options = options
    self.now = now
    let zone = (try view.settings())?.timeZone ?? .gmt
    generator = IDGenerator(timeZone: zone)
    today = LedgerDate.day(of: now, in: zone)
    finder = try PersonFinder(view)
    used = Set(
      try view.records(of: .accounts).map(\.key.id.value)
        + view.records(of: .rights).map(\.key.id.value) + view.records(of: .groups).map(\.key.id.value))
  }

  /// The reconciliation for every finding of `comparison`.
  mutating func reconcile(_ comparison: DriftComparison) -> Reconciliation {
    result.skipped = comparison.export.skipped
    result.unchanged = comparison.agreeing
    var aliases = DriftComparison.recordedAliases(comparison.system)
    for item in comparison.cases {
      if let alias = item.alias {
        aliases[alias.address.lowercased()] = alias.forwards.isEmpty ? nil : alias.forwards
        continue
      }
      switch item.finding.kind {
      case .missingInLedger: add(item, comparison)
      case .missingInSystem: close(item)
      case .roleDiffers, .groupDiffers, .suspendedInSystem, .forwardDiffers, .lastSeen: align(item, comparison)
      // The ledger decides who is on a mailing list, and that a leaver's mailbox is
      // suspended: corrected at the service, not here.
      case .missingFromList, .formerMemberOnList, .notEntitledOnList, .notSuspendedInSystem: break
      }
    }
    if comparison.cases.contains(where: { $0.alias != nil }) {
      setForwarders(aliases, of: comparison.system)
    }
    return result
  }

  /// The system record with its aliases as the system has them.
  private mutating func setForwarders(_ aliases: [String: [String]], of system: Record) {
    var fields = system.fields
    var forwarders = JSONObject()
    for (address, targets) in aliases.sorted(by: { $0.key < $1.key }) {
      forwarders[address] = .array(targets.map(JSONValue.string))
    }
    fields["forwarders"] = forwarders.isEmpty ? nil : .object(forwarders)
    result.propose(Record(key: system.key, fields: fields), replacing: system, line: nil)
  }

  /// The account's fields as the system has them: its mailbox's forwarders, its last-seen day.
  private func follow(_ entry: SystemAccount, _ fields: inout JSONObject, _ export: SystemExport) {
    if export.matchesByAddress, let forwards = entry.forwards {
      var mailbox = fields["mailbox"]?.objectValue ?? ["address": .string(entry.email ?? entry.login)]
      mailbox["redirect_to"] = forwards.isEmpty ? nil : .array(forwards.map(JSONValue.string))
      fields["mailbox"] = .object(mailbox)
    }
    if let day = entry.lastSeen, day > (fields["last_seen"]?.stringValue ?? "") {
      fields["last_seen"] = .string(day)
    }
  }

  // MARK: - Findings

  private mutating func add(_ item: DriftComparison.Case, _ comparison: DriftComparison) {
    let export = comparison.export
    guard let entry = item.entry else { return }
    if let account = item.account {
      reopen(account, entry, having: item.rights, comparison)
      return
    }
    let person: Record
    switch finder.find(entry) {
    case .found(let found): person = found
    case .problem(let message, let hint):
      result.problems.append(
        ImportProblem(
          line: entry.line, column: export.emailColumn, rule: "person", message: message, hint: hint
        ))
      return
    }
    var fields: JSONObject = [
      "login": .string(entry.login), "person": .string(person.key.id.value),
      "status": entry.suspended ? "suspended" : "active", "system": .string(options.system.value),
    ]
    if export.matchesByAddress {
      // A mailbox's login is its address's local part, as the association's accounts write it.
      fields["login"] = .string(String(entry.login.prefix { $0 != "@" }))
      fields["mailbox"] = .object(["address": .string(entry.email ?? entry.login)])
    }
    if let opened = entry.opened { fields["opened"] = .string(opened) }
    let memberships = groups(of: entry, comparison)
    if !memberships.isEmpty { fields["groups"] = .array(memberships.map { .string($0) }) }
    follow(entry, &fields, export)
    let id = freshID()
    result.propose(
      Record(key: RecordKey(kind: .accounts, id: id), fields: fields), replacing: nil,
      line: entry.line,
      columns: ["login": export.loginColumn, "person": export.emailColumn, "groups": export.groupsColumn])
    grant(
      direct(entry, memberships, comparison), on: id.value, having: [], line: entry.line, column: export.rolesColumn)
  }

  /// An account the ledger holds closed, suspended or requested, which the system has.
  private mutating func reopen(
    _ account: Record, _ entry: SystemAccount, having rights: [Record], _ comparison: DriftComparison
  ) {
    let export = comparison.export
    var fields = account.fields
    fields["status"] = entry.suspended ? "suspended" : "active"
    fields["closed"] = Optional<JSONValue>.none
    let memberships = entry.groups == nil ? GroupRoles.memberships(of: account) : groups(of: entry, comparison)
    fields["groups"] = memberships.isEmpty ? nil : .array(memberships.map { .string($0) })
    follow(entry, &fields, export)
    result.propose(
      Record(key: account.key, fields: fields), replacing: account, line: entry.line,
      columns: ["status": export.loginColumn, "groups": export.groupsColumn])
    grant(
      direct(entry, memberships, comparison), on: account.key.id.value, having: rights, line: entry.line,
      column: export.rolesColumn)
  }

  /// Groups as the export lists them; then the rights the system gives and neither an active
  /// right nor a group gives; then the active rights of roles the system no longer gives.
  private mutating func align(_ item: DriftComparison.Case, _ comparison: DriftComparison) {
    let export = comparison.export
    guard let entry = item.entry, let account = item.account else { return }
    var fields = account.fields
    var columns = ["status": export.loginColumn]
    var memberships = GroupRoles.memberships(of: account)
    if entry.groups != nil, Set(groups(of: entry, comparison)) != Set(memberships) {
      memberships = groups(of: entry, comparison)
      fields["groups"] = memberships.isEmpty ? nil : .array(memberships.map { .string($0) })
      columns["groups"] = export.groupsColumn
    }
    if entry.suspended { fields["status"] = "suspended" }
    follow(entry, &fields, export)
    if fields != account.fields {
      result.propose(
        Record(key: account.key, fields: fields), replacing: account, line: entry.line, columns: columns)
    }
    guard export.comparesRoles else { return }
    let system = item.finding.systemRoles
    let held = DriftComparison.activeRoles(item.rights)
    grant(
      direct(entry, memberships, comparison).filter { !held.contains($0) }, on: account.key.id.value,
      having: item.rights, line: entry.line, column: export.rolesColumn)
    for right in item.rights
    where isActive(right) && !system.contains(right.fields["role"]?.stringValue ?? "") {
      revoke(right, line: entry.line, column: export.rolesColumn)
    }
  }

  // MARK: - Groups

  /// The roles the account needs rights for: those the system gives it that its groups
  /// (`memberships`, ids) do not.
  private func direct(_ entry: SystemAccount, _ memberships: [String], _ comparison: DriftComparison) -> [String] {
    var through = Set<String>()
    for id in memberships {
      if let group = comparison.groups.groups[id] {
        through.formUnion(GroupRoles.roles(of: group))
      } else if let name = addedNames[id] {
        through.formUnion(comparison.groupRoles(name))
      }
    }
    return comparison.systemRoles(of: entry).filter { !through.contains($0) }
  }

  /// The ids of the groups the export lists the account in, sorted; a group the ledger lacks
  /// is added (once) with the roles the export gives it.
  private mutating func groups(of entry: SystemAccount, _ comparison: DriftComparison) -> [String] {
    var ids: [String] = []
    for name in entry.groups ?? [] {
      let folded = RoleMapping.fold(name)
      if let group = comparison.named[folded] {
        ids.append(group.key.id.value)
      } else if let id = added[folded] {
        ids.append(id)
      } else {
        let id = groupID(name)
        added[folded] = id
        addedNames[id] = name
        ids.append(id)
        var fields: JSONObject = [
          "system": .string(options.system.value), "name": .string(name),
          "roles": .array(comparison.groupRoles(name).map { .string($0) }),
          "description": .string("found on \(options.system.value) in its export \(options.fileName) on \(today)"),
        ]
        // Dolibarr's export names a group without its permissions: nil roles.
        if (comparison.export.groups[name] ?? nil) == nil {
          fields["notes"] = .string("the export does not say which roles the group gives: fill in roles")
        }
        result.propose(
          Record(key: RecordKey(kind: .groups, id: RecordID(generated: id)), fields: fields), replacing: nil,
          line: entry.line, columns: ["name": comparison.export.groupsColumn])
      }
    }
    return Array(Set(ids)).sorted()
  }

  /// An id for a new group: its name folded to lowercase letters, digits and hyphens
  /// (`Grp_admin` → `grp-admin`), made unique.
  private mutating func groupID(_ name: String) -> String {
    let folded = RoleMapping.fold(name).lowercased()
    var slug = String(folded.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "-" })
    while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
    slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
    if slug.isEmpty || RecordID(slug) == nil { slug = "group" }
    var id = slug
    var count = 2
    while used.contains(id) {
      id = "\(slug)-\(count)"
      count += 1
    }
    used.insert(id)
    return id
  }

  private mutating func close(_ item: DriftComparison.Case) {
    guard let account = item.account else { return }
    var fields = account.fields
    fields["status"] = "closed"
    fields["closed"] = .string(today)
    fields["groups"] = nil
    result.propose(Record(key: account.key, fields: fields), replacing: account, line: nil)
    result.missing.append(account.key)
    for right in item.rights where isActive(right) { revoke(right, line: nil, column: nil) }
  }

  // MARK: - Rights

  /// Gives `roles` to the account: a requested or validated right of the role becomes active;
  /// otherwise a new active right.
  private mutating func grant(
    _ roles: [String], on account: String, having rights: [Record], line: Int, column: String
  ) {
    for role in roles {
      let pending = rights.first {
        $0.fields["role"]?.stringValue == role
          && ["requested", "validated"].contains($0.fields["status"]?.stringValue ?? "")
      }
      if let pending {
        var fields = pending.fields
        fields["status"] = "active"
        result.propose(
          Record(key: pending.key, fields: fields), replacing: pending, line: line,
          columns: ["status": column])
        continue
      }
      let fields: JSONObject = [
        "account": .string(account), "role": .string(role), "status": "active",
        "reason": .string(
          "found on \(options.system.value) in its export \(options.fileName) on \(today)"),
      ]
      result.propose(
        Record(key: RecordKey(kind: .rights, id: freshID()), fields: fields), replacing: nil,
        line: line, columns: ["role": column])
    }
  }

  /// Revokes an active right, or lets a temporary one past its end expire.
  private mutating func revoke(_ right: Record, line: Int?, column: String?) {
    var fields = right.fields
    if fields["temporary"] == .bool(true), let end = fields["end"]?.stringValue, end < today {
      fields["status"] = "expired"
    } else {
      fields["status"] = "revoked"
      fields["reason"] = .string(
        "no longer on \(options.system.value) in its export \(options.fileName) on \(today)")
    }
    result.propose(
      Record(key: right.key, fields: fields), replacing: right, line: line,
      columns: column.map { ["status": $0] } ?? [:])
  }

  private func isActive(_ right: Record) -> Bool { right.fields["status"]?.stringValue == "active" }

  /// A generated id no account or right has yet.
  private mutating func freshID() -> RecordID {
    var id = generator.makeID(at: now)
    while used.contains(id.value) { id = generator.makeID(at: now) }
    used.insert(id.value)
    return id
  }
}
