import LedgerCore
import LedgerJSON

/// Rights by function (ledger.json's `entitlements`) against the rights people hold.
///
/// A person is entitled to the union of what their `functions` call for. They hold a right
/// when it is `active` and its account is theirs: the right's `account` → the account's
/// `person` and `system`, and the right's `role`; or when their active account is in a group of
/// its system that gives the role (`GroupRoles`). Two findings:
/// - missing: a (system, role) their functions call for that they do not hold, through any of
///   their accounts (they may have no account on that system at all);
/// - unjustified: an active right no function of theirs calls for. Only the systems some
///   entitlement names are judged: a system no function calls for (the host's root account, a
///   mailing tool) is granted case by case, not by function, and says nothing here.
///
/// A role is matched exactly: the entitlements know no hierarchy of roles (an `administrator`
/// does not stand for a `delegate`).
public struct EntitlementCheck: Sendable {
  /// A right someone's functions call for and they do not hold.
  public struct Missing: Equatable, Sendable {
    public let person: String
    public let entitlement: Entitlement
    /// Their functions that call for it, in the order of their record.
    public let calledForBy: [String]
    /// Their accounts on the system, each with its status: none means no account.
    public let accounts: [Account]
  }

  /// An account on the system a missing right is about.
  public struct Account: Equatable, Sendable {
    public let id: String
    public let status: String?
  }

  /// An active right no function of its holder calls for.
  public struct Unjustified: Equatable, Sendable {
    public let person: String
    /// The holder's functions, in the order of their record.
    public let functions: [String]
    public let entitlement: Entitlement
    /// The right; or, when the person holds the role through a group, the group (a `groups`
    /// record).
    public let right: Record
    /// The functions that would call for it, sorted; empty when none does.
    public let calledForBy: [String]
  }

  /// The rights each function calls for.
  public let entitlements: [String: [Entitlement]]

  public init(_ entitlements: [String: [Entitlement]]) {
    self.entitlements = entitlements
  }

  /// The check ledger.json declares in `view`.
  public init(_ view: LedgerView) throws(StoreError) {
    self.init(try view.settings()?.entitlements ?? [:])
  }

  /// The systems judged for unjustified rights: those some function calls for a role on.
  public var judgedSystems: Set<String> { Set(entitlements.values.flatMap { $0.map(\.system) }) }

  /// What `functions` call for, each with the functions (of these, in this order) calling for it.
  public func calledFor(by functions: [String]) -> [Entitlement: [String]] {
    var result: [Entitlement: [String]] = [:]
    for function in functions {
      for entitlement in entitlements[function] ?? [] where result[entitlement]?.contains(function) != true {
        result[entitlement, default: []].append(function)
      }
    }
    return result
  }

  /// The functions that call for `entitlement`, sorted.
  public func functions(callingFor entitlement: Entitlement) -> [String] {
    entitlements.filter { $0.value.contains(entitlement) }.keys.sorted()
  }

  // MARK: - Findings

  /// Every missing and unjustified right in `view`; only those on `system` when given. Missing
  /// rights are sorted by person, system and role; unjustified ones by person, system, role
  /// and right.
  ///
  /// - Throws: `StoreError` when the ledger cannot be read.
  public func findings(in view: LedgerView, system: String? = nil) throws(StoreError)
    -> (missing: [Missing], unjustified: [Unjustified])
  {
    let people = Dictionary(try view.records(of: .people).map { ($0.key.id.value, $0) }) { first, _ in first }
    let accounts = try view.records(of: .accounts)
    let byID = Dictionary(accounts.map { ($0.key.id.value, $0) }) { first, _ in first }
    var held: [String: [(Entitlement, Record)]] = [:]
    for right in try view.records(of: .rights) {
      guard let (person, entitlement) = Self.grant(of: right, accounts: byID) else { continue }
      held[person, default: []].append((entitlement, right))
    }
    let groups = try GroupRoles(view)
    for account in accounts {
      guard let person = Self.text(account, "person"), let system = Self.text(account, "system") else { continue }
      for grant in groups.inherited(by: account) {
        guard let group = groups.groups[grant.group] else { continue }
        held[person, default: []].append((Entitlement(system: system, role: grant.role), group))
      }
    }
    var missing: [Missing] = []
    var unjustified: [Unjustified] = []
    let judged = judgedSystems
    for person in Set(people.keys).union(held.keys).sorted() {
      let functions = Self.functions(of: people[person])
      let called = calledFor(by: functions)
      let rights = held[person] ?? []
      for entitlement in called.keys.sorted() where system == nil || entitlement.system == system {
        guard !rights.contains(where: { $0.0 == entitlement }) else { continue }
        let theirs = accounts.filter { Self.text($0, "person") == person && Self.text($0, "system") == entitlement.system }
        missing.append(
          Missing(
            person: person, entitlement: entitlement, calledForBy: called[entitlement] ?? [],
            accounts: theirs.map { Account(id: $0.key.id.value, status: Self.text($0, "status")) }))
      }
      for (entitlement, right) in rights.sorted(by: { ($0.0, $0.1.key) < ($1.0, $1.1.key) })
      where judged.contains(entitlement.system) && (system == nil || entitlement.system == system) && called[entitlement] == nil {
        unjustified.append(
          Unjustified(
            person: person, functions: functions, entitlement: entitlement, right: right,
            calledForBy: self.functions(callingFor: entitlement)))
      }
    }
    return (missing, unjustified)
  }

  /// The rights a write makes active that no function of their holder calls for: each right
  /// among `written` that is active in `after` and was not active with the same account and
  /// role in `before` (nil: the write made the first commit), on a judged system.
  ///
  /// - Throws: `StoreError` when the ledger cannot be read.
  public func grants(_ written: [RecordKey], before: LedgerView?, after: LedgerView) throws(StoreError) -> [Unjustified] {
    var found: [Unjustified] = []
    let judged = judgedSystems
    for key in written.sorted() where key.kind == .rights {
      guard let right = try after.record(key), let account = try Self.account(of: right, in: after),
        let (person, entitlement) = Self.grant(of: right, accounts: [account.key.id.value: account]),
        judged.contains(entitlement.system)
      else { continue }
      if let old = try before?.record(key), Self.text(old, "status") == "active",
        Self.text(old, "account") == Self.text(right, "account"), Self.text(old, "role") == Self.text(right, "role")
      {
        continue
      }
      let functions = Self.functions(of: try after.record(.people, person))
      guard calledFor(by: functions)[entitlement] == nil else { continue }
      found.append(
        Unjustified(
          person: person, functions: functions, entitlement: entitlement, right: right,
          calledForBy: self.functions(callingFor: entitlement)))
    }
    return found
  }

  // MARK: - Reading records

  /// Whose right it is and what it gives, when it is active and its account is known.
  private static func grant(of right: Record, accounts: [String: Record]) -> (String, Entitlement)? {
    guard text(right, "status") == "active", let role = text(right, "role"),
      let account = text(right, "account").flatMap({ accounts[$0] }),
      let person = text(account, "person"), let system = text(account, "system")
    else { return nil }
    return (person, Entitlement(system: system, role: role))
  }

  private static func account(of right: Record, in view: LedgerView) throws(StoreError) -> Record? {
    guard let id = text(right, "account") else { return nil }
    return try view.record(.accounts, id)
  }

  private static func functions(of person: Record?) -> [String] {
    (person?.fields["functions"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  private static func text(_ record: Record, _ field: String) -> String? { record.fields[field]?.stringValue }
}
