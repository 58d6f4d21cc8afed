import LedgerJSON

/// The roles accounts hold through groups: a group of a system (`groups/ID`) gives its `roles`
/// to every account of that system that lists it in `groups`, while the account is active.
///
/// Membership lives on the account, not on the group: one person's access on one system is
/// one record (closing it ends everything it held, its groups included), and two
/// administrators who add memberships to different accounts, or different groups to one
/// account (a set), never touch the same field. A group on another system than the account's
/// gives nothing (validation names it: rule `account-group-system`).
public struct GroupRoles: Sendable {
  /// One role an account holds through one group.
  public struct Inherited: Equatable, Sendable {
    public let role: String
    /// The group's id.
    public let group: String
  }

  /// The groups, by id.
  public let groups: [String: Record]

  /// The groups of `view`.
  ///
  /// - Throws: `StoreError` when the ledger cannot be read.
  public init(_ view: LedgerView) throws(StoreError) {
    self.init(groups: try view.records(of: .groups))
  }

  /// The groups given.
  public init(groups: [Record]) {
    self.groups = Dictionary(groups.map { ($0.key.id.value, $0) }) { first, _ in first }
  }

  /// The ids the account lists in `groups`, in its order.
  public static func memberships(of account: Record) -> [String] {
    (account.fields["groups"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// The roles `account` holds through its groups: none unless it is active; only groups of
  /// its own system; sorted by role, then group.
  public func inherited(by account: Record) -> [Inherited] {
    guard account.fields["status"]?.stringValue == "active" else { return [] }
    let system = account.fields["system"]?.stringValue
    var found: [Inherited] = []
    for id in Self.memberships(of: account) {
      guard let group = groups[id], group.fields["system"]?.stringValue == system else { continue }
      for role in Self.roles(of: group) where !found.contains(Inherited(role: role, group: id)) {
        found.append(Inherited(role: role, group: id))
      }
    }
    return found.sorted { ($0.role, $0.group) < ($1.role, $1.group) }
  }

  /// The roles `account` holds through its groups, sorted, each once.
  public func inheritedRoles(of account: Record) -> [String] {
    Array(Set(inherited(by: account).map(\.role))).sorted()
  }

  /// A group's roles, in its order.
  public static func roles(of group: Record) -> [String] {
    (group.fields["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// The groups of `system`, by their name folded (case and accents ignored), for profiles that
  /// find a group by the name the system gives it; the id stands for a group without name.
  public func named(on system: String) -> [String: Record] {
    var result: [String: Record] = [:]
    for group in groups.values.sorted(by: { $0.key < $1.key })
    where group.fields["system"]?.stringValue == system {
      let name = group.fields["name"]?.stringValue ?? group.key.id.value
      result[RoleMapping.fold(name)] = result[RoleMapping.fold(name)] ?? group
    }
    return result
  }
}
