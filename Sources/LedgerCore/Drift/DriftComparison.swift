import LedgerJSON
import LedgerLanguage

/// A system's export against the ledger's accounts on that system and their active rights.
///
/// An account is the same on both sides when its login is (ignoring case). The ledger's side
/// of an account is its status and the roles of its active rights; the system's side, the
/// roles the export gives it. The ledger's accounts that are active and not in the export
/// are `missing-in-system`; closed, suspended and requested ones are not expected there.
///
/// Groups count on both sides: the ledger's roles of an account are those of its active
/// rights and of its groups (`GroupRoles`); the system's, those the export gives it and those
/// of the groups it lists the account in (a group found by its name among the system's groups
/// in the ledger, else with the roles the export gives the group). A role shown because of a
/// group is so no drift. When the export lists memberships and they differ from the ledger's,
/// the finding is `group-differs`.
struct DriftComparison {
  /// One finding with what correcting it needs: the export's row and the ledger's records.
  struct Case {
    var finding: DriftFinding
    var entry: SystemAccount?
    var account: Record?
    /// Every right of the account, whatever its status.
    var rights: [Record]
    /// The system's alias the finding is about (cPanel's forwarder without a mailbox); its
    /// `forwards` is empty when the ledger records an alias the system no longer has.
    var alias: SystemAlias? = nil
  }

  let system: Record
  let export: SystemExport
  var cases: [Case] = []
  /// Accounts on which the file and the ledger agree.
  var agreeing: [RecordKey] = []
  /// The ledger's groups, and those of the system by folded name.
  var groups = GroupRoles(groups: [])
  var named: [String: Record] = [:]

  /// Compares; throws when the system does not exist or the file cannot be read as its export.
  ///
  /// - Throws: `.recordNotFound` for an unknown system; `.importRefused` with the rows that
  ///   cannot be read.
  static func compare(_ input: DriftInput, in view: LedgerView, options: DriftOptions)
    throws(StoreError) -> DriftComparison
  {
    let key = RecordKey(kind: .systems, id: options.system)
    guard let system = try view.record(key) else { throw .recordNotFound(key) }
    let export = options.profile.read(input, system: system, roles: options.roles)
    guard export.problems.isEmpty else {
      throw .importRefused(file: export.problemFile ?? options.file, problems: export.problems)
    }
    var comparison = DriftComparison(system: system, export: export)
    if options.profile.comparesLists {
      try comparison.runLists(in: view)
    } else {
      try comparison.run(in: view, system: options.system.value)
    }
    return comparison
  }

  /// What an account is matched by: its login, or its mailbox's address (cPanel).
  func matchKey(_ account: Record) -> String {
    let login = account.fields["login"]?.stringValue ?? ""
    guard export.matchesByAddress else { return login.lowercased() }
    let address = account.fields["mailbox"]?.objectValue?["address"]?.stringValue
    return (address ?? login).lowercased()
  }

  private mutating func run(in view: LedgerView, system id: String) throws(StoreError) {
    let accounts = try view.records(of: .accounts).filter { $0.fields["system"]?.stringValue == id }
    let rights = Self.rightsByAccount(try view.records(of: .rights))
    groups = try GroupRoles(view)
    named = groups.named(on: id)
    var byLogin: [String: Record] = [:]
    for account in accounts {
      let login = matchKey(account)
      // Several accounts with one login break a uniqueness rule; prefer the open one.
      if byLogin[login] == nil || byLogin[login]?.fields["status"]?.stringValue == "closed" {
        byLogin[login] = account
      }
    }
    let finder = try PersonFinder(view)
    var seen = Set<RecordKey>()
    for entry in export.accounts.sorted(by: { $0.login < $1.login }) {
      let account = byLogin[entry.login.lowercased()]
      if let account { seen.insert(account.key) }
      compare(entry, account, account.map { rights[$0.key.id.value] ?? [] } ?? [], finder)
    }
    for account in accounts
    where !seen.contains(account.key) && account.fields["status"]?.stringValue == "active" {
      missing(account, rights[account.key.id.value] ?? [])
    }
    if let aliases = export.aliases { compare(aliases, finder) }
    let order = DriftFinding.Kind.allCases
    cases.sort {
      let left = order.firstIndex(of: $0.finding.kind) ?? 0
      let right = order.firstIndex(of: $1.finding.kind) ?? 0
      return left != right ? left < right : $0.finding.login < $1.finding.login
    }
  }

  /// An active account of the ledger the export does not list.
  private mutating func missing(_ account: Record, _ held: [Record]) {
    let login = export.matchesByAddress ? matchKey(account) : account.fields["login"]?.stringValue ?? ""
    let finding = DriftFinding(
      kind: .missingInSystem, login: login,
      person: account.fields["person"]?.stringValue, account: account.key.id.value,
      ledgerRoles: ledgerRoles(account, held), systemRoles: [], notes: [], line: nil)
    cases.append(Case(finding: finding, entry: nil, account: account, rights: held))
  }

  /// Every right, by the id of its account.
  private static func rightsByAccount(_ rights: [Record]) -> [String: [Record]] {
    var byAccount: [String: [Record]] = [:]
    for right in rights {
      if let account = right.fields["account"]?.stringValue {
        byAccount[account, default: []].append(right)
      }
    }
    return byAccount
  }

  /// The finding for one account of the export, if any.
  private mutating func compare(
    _ entry: SystemAccount, _ account: Record?, _ held: [Record], _ finder: PersonFinder
  ) {
    let ledgerRoles = account.map { self.ledgerRoles($0, held) } ?? []
    let systemRoles = self.systemRoles(of: entry)
    var finding = DriftFinding(
      kind: .missingInLedger, login: entry.login, person: nil, account: account?.key.id.value,
      ledgerRoles: ledgerRoles, systemRoles: export.comparesRoles ? systemRoles : ledgerRoles,
      notes: [], line: entry.line)
    let ledgerGroups = account.map(groupNames) ?? []
    let groupsDiffer = entry.groups.map { Set($0.map(RoleMapping.fold)) != Set(ledgerGroups.map(RoleMapping.fold)) } ?? false
    if let listed = entry.groups, groupsDiffer {
      finding.notes.append(.groups(ledger: ledgerGroups, system: listed))
    }
    if let account {
      finding.person = account.fields["person"]?.stringValue
      let status = account.fields["status"]?.stringValue ?? ""
      // A mailbox the ledger suspended (a leaver's, redirected) is suspended at the host too.
      if status == "active" || (status == "suspended" && entry.suspended) {
        let differences = differences(
          entry, account, status: status, roles: (ledgerRoles, systemRoles), groupsDiffer: groupsDiffer,
          finder)
        guard let kind = differences.kinds.first else {
          agreeing.append(account.key)
          return
        }
        finding.kind = kind
        finding.notes += differences.notes
      } else if export.matchesByAddress && status == "suspended" {
        // Offboarding suspended and redirected it; the host has not followed yet.
        finding.kind = .notSuspendedInSystem
        let recorded = Self.forwards(of: account)
        if let forwards = entry.forwards, forwards != recorded {
          finding.notes +=
            [.forwards(system: forwards, ledger: recorded)]
            + targetNotes(forwards.filter { !recorded.contains($0) }, finder)
        }
      } else {
        finding.notes.append(
          .account(status: status, closed: account.fields["closed"]?.stringValue))
      }
    } else if case .found(let person) = finder.find(entry) {
      finding.person = person.key.id.value
    } else {
      finding.notes.append(.noPerson)
    }
    if finding.kind == .missingInLedger, let forwards = entry.forwards, !forwards.isEmpty {
      finding.notes += [.forwards(system: forwards, ledger: [])] + targetNotes(forwards, finder)
    }
    if !entry.roles.isEmpty, let person = finding.person.flatMap({ finder.person($0) }),
      let status = person.fields["member_status"]?.stringValue,
      ["lapsed", "resigned"].contains(status)
    {
      finding.notes.append(
        .member(status: status, paidUntil: person.fields["paid_until"]?.stringValue))
    }
    cases.append(Case(finding: finding, entry: entry, account: account, rights: held))
  }

  /// The roles the ledger gives the account: its active rights' and its groups', sorted.
  func ledgerRoles(_ account: Record, _ held: [Record]) -> [String] {
    Array(Set(Self.activeRoles(held)).union(groups.inheritedRoles(of: account))).sorted()
  }

  /// The roles the system gives the account: directly, and through the groups it lists.
  func systemRoles(of entry: SystemAccount) -> [String] {
    var roles = Set(entry.roles)
    for name in entry.groups ?? [] { roles.formUnion(groupRoles(name)) }
    return roles.sorted()
  }

  /// What the group named `name` gives: the ledger's group of the system by that name, else
  /// what the export says of it.
  func groupRoles(_ name: String) -> [String] {
    if let group = named[RoleMapping.fold(name)] { return GroupRoles.roles(of: group) }
    return (export.groups[name] ?? nil) ?? []
  }

  /// The names of the account's groups on the system, as their records spell them, sorted.
  func groupNames(_ account: Record) -> [String] {
    let system = account.fields["system"]?.stringValue
    return GroupRoles.memberships(of: account).compactMap { id in
      guard let group = groups.groups[id], group.fields["system"]?.stringValue == system else { return nil }
      return group.fields["name"]?.stringValue ?? id
    }.sorted()
  }

  /// How an account both sides have differs: the kinds in the report's order, and the notes.
  /// A group membership difference is `group-differs` (its roles may differ too); else roles
  /// differ when the export says them and they are not the ledger's, groups counted on both
  /// sides.
  private func differences(
    _ entry: SystemAccount, _ account: Record, status: String,
    roles: (ledger: [String], system: [String]), groupsDiffer: Bool, _ finder: PersonFinder
  ) -> (kinds: [DriftFinding.Kind], notes: [DriftFinding.Note]) {
    var kinds: [DriftFinding.Kind] = []
    var notes: [DriftFinding.Note] = []
    if groupsDiffer {
      kinds.append(.groupDiffers)
    } else if export.comparesRoles && roles.ledger != roles.system {
      kinds.append(.roleDiffers)
    }
    if entry.suspended && status == "active" { kinds.append(.suspendedInSystem) }
    let recorded = Self.forwards(of: account)
    if let forwards = entry.forwards, forwards != recorded {
      kinds.append(.forwardDiffers)
      notes.append(.forwards(system: forwards, ledger: recorded))
      notes += targetNotes(forwards.filter { !recorded.contains($0) }, finder)
    }
    let lastSeen = account.fields["last_seen"]?.stringValue
    if let day = entry.lastSeen, day > (lastSeen ?? "") {
      kinds.append(.lastSeen)
      notes.append(.seen(system: day, ledger: lastSeen))
    }
    return (kinds, notes)
  }

  /// The system's aliases against the system record's `forwarders`.
  private mutating func compare(_ aliases: [SystemAlias], _ finder: PersonFinder) {
    let recorded = Self.recordedAliases(system)
    for alias in aliases {
      let ledger = recorded[alias.address.lowercased()] ?? []
      guard ledger != alias.forwards else { continue }
      add(alias, ledger: ledger, notes: targetNotes(alias.forwards.filter { !ledger.contains($0) }, finder))
    }
    let listed = Set(aliases.map { $0.address.lowercased() })
    for (address, forwards) in recorded.sorted(by: { $0.key < $1.key }) where !listed.contains(address) {
      add(SystemAlias(line: 0, address: address, forwards: []), ledger: forwards, notes: [])
    }
  }

  private mutating func add(_ alias: SystemAlias, ledger: [String], notes: [DriftFinding.Note]) {
    let finding = DriftFinding(
      kind: .forwardDiffers, login: alias.address, person: nil, account: nil, ledgerRoles: [],
      systemRoles: [], notes: [.forwards(system: alias.forwards, ledger: ledger)] + notes,
      line: alias.line == 0 ? nil : alias.line)
    cases.append(Case(finding: finding, entry: nil, account: nil, rights: [], alias: alias))
  }

  /// What to say of the addresses a forwarder points to: a person who left, or nobody.
  private func targetNotes(_ addresses: [String], _ finder: PersonFinder) -> [DriftFinding.Note] {
    let functional = system.fields["on_leave"]?.objectValue?["redirect_to"]?.stringValue?.lowercased()
    // cPanel also forwards to a program (`|/path`) or a failure (`:fail:`): no address to own.
    return addresses.filter { $0.contains("@") }.compactMap { address in
      guard let person = finder.person(email: address) else {
        let served = export.ownAddresses.contains(address.lowercased()) || address.lowercased() == functional
        return served ? nil : .unowned(address: address)
      }
      guard let status = person.fields["member_status"]?.stringValue, ["lapsed", "resigned"].contains(status)
      else { return nil }
      return .leaver(address: address, person: person.key.id.value, status: status)
    }
  }

  /// A mailbox account's `redirect_to`, lowercased and sorted.
  static func forwards(of account: Record) -> [String] {
    let addresses = account.fields["mailbox"]?.objectValue?["redirect_to"]?.arrayValue ?? []
    return addresses.compactMap { $0.stringValue?.lowercased() }.sorted()
  }

  /// The system record's `forwarders`: each alias's address and where it forwards, lowercased
  /// and sorted.
  static func recordedAliases(_ system: Record) -> [String: [String]] {
    var aliases: [String: [String]] = [:]
    for member in system.fields["forwarders"]?.objectValue ?? [:] {
      aliases[member.key.lowercased()] =
        (member.value.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() }.sorted()
    }
    return aliases
  }

  /// The roles of the active rights among `rights`, sorted, each once.
  static func activeRoles(_ rights: [Record]) -> [String] {
    Array(
      Set(
        rights.filter { $0.fields["status"]?.stringValue == "active" }.compactMap {
          $0.fields["role"]?.stringValue
        })
    ).sorted()
  }

  /// The findings as the report shows them.
  var result: DriftResult {
    DriftResult(
      findings: cases.map(\.finding), listed: export.accounts.count, agreeing: agreeing.count,
      skipped: export.skipped)
  }
}

/// Finds the person an account of an export belongs to: by email first, then by name (and
/// organisation, when the export names one).
struct PersonFinder {
  let people: [Record]
  let organizations: [Record]
  private let byEmail: [String: Record]
  private let byID: [String: Record]

  init(_ view: LedgerView) throws(StoreError) {
    people = try view.records(of: .people)
    organizations = try view.records(of: .organizations)
    var emails: [String: Record] = [:]
    for person in people {
      for email in person.fields["emails"]?.arrayValue ?? [] {
        if let text = email.stringValue { emails[text.lowercased()] = person }
      }
    }
    byEmail = emails
    byID = Dictionary(people.map { ($0.key.id.value, $0) }) { first, _ in first }
  }

  func person(_ id: String) -> Record? { byID[id] }

  /// The person who has `email` among their emails.
  func person(email: String) -> Record? { byEmail[email.lowercased()] }

  /// The person by the account's email, else by the first address its mail is forwarded to
  /// (a function's mailbox, `delegue31@`, forwarded to the delegate), else by name.
  func find(_ entry: SystemAccount) -> TrainingFollowupImport.Match {
    if let email = entry.email, let person = byEmail[email.lowercased()] { return .found(person) }
    if let person = (entry.forwards ?? []).lazy.compactMap({ byEmail[$0.lowercased()] }).first {
      return .found(person)
    }
    guard let name = entry.name else {
      return .problem(
        entry.email.map { tr("no person of the ledger has the email \($0)") }
          ?? tr("no person of the ledger has an email of the account"),
        hint: Self.hint(entry))
    }
    switch TrainingFollowupImport.match(
      name: name, organization: entry.organization, people: people, organizations: organizations)
    {
    case .found(let person): return .found(person)
    case .problem(let message, _):
      let said = entry.email.map { tr("no person of the ledger has the email \($0), and \(message)") } ?? message
      return .problem(said, hint: Self.hint(entry))
    }
  }

  private static func hint(_ entry: SystemAccount) -> String {
    let name = entry.name.map { " --set 'name=\($0)'" } ?? ""
    let email = entry.email.map { " --set 'emails=[\"\($0)\"]'" } ?? ""
    return tr("add the person first (adminledger add people ID\(name)\(email)), then run report drift again")
  }
}
