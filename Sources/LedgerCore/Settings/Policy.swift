import LedgerJSON

/// The policy of `ledger.json`: what each ledger role may do, and who holds which role when.
public struct Policy: Equatable, Sendable {
  /// What one role may do.
  public struct Role: Equatable, Sendable {
    public var writes: Set<String>
    public var approvesPayments: Bool
    public var grantsRights: Bool
    public var changesPolicy: Bool
    /// May forget a person (`forget_people`): write an erasure record, rewrite the history.
    public var forgetsPeople: Bool = false
  }

  public var roles: [String: Role]
  /// From when commits must be signed (`signed_commits_from`): a day or a commit id; nil when
  /// ledger.json does not require signatures.
  public var signedCommitsFrom: String?
  /// Whether forgetting a person also erases their authorship of commits (`erase_authorship`);
  /// by default the work they did as an administrator stays credited to them.
  public var erasesAuthorship: Bool
  /// How many days a commit may wait offline before the shared repository receives it.
  public var offlineGraceDays: Int

  /// The grace unless ledger.json sets one.
  public static let defaultOfflineGraceDays = 7

  /// The policy in `settings`; without one, treasurer and president approve payments and
  /// admin does everything, the roles DESIGN.md names.
  public init(_ settings: LedgerSettings?) {
    let declaredPolicy = settings?.document["policy"]?.objectValue
    signedCommitsFrom = declaredPolicy?["signed_commits_from"]?.stringValue
    erasesAuthorship = declaredPolicy?["erase_authorship"] == .bool(true)
    if case .number(let days)? = declaredPolicy?["offline_grace_days"], let value = Int(days.text) {
      offlineGraceDays = value
    } else {
      offlineGraceDays = Policy.defaultOfflineGraceDays
    }
    guard case .object(let declared)? = settings?.document["policy"]?.objectValue?["roles"] else {
      roles = [
        "admin": Role(writes: ["*"], approvesPayments: false, grantsRights: true, changesPolicy: true, forgetsPeople: true),
        "treasurer": Role(writes: ["payments", "contracts"], approvesPayments: true, grantsRights: false, changesPolicy: false),
        "president": Role(writes: ["*"], approvesPayments: true, grantsRights: false, changesPolicy: true),
      ]
      return
    }
    var roles: [String: Role] = [:]
    for member in declared {
      let object = member.value.objectValue ?? JSONObject()
      roles[member.key] = Role(
        writes: Set((object["write"]?.arrayValue ?? []).compactMap(\.stringValue)),
        approvesPayments: object["approve_payments"] == .bool(true),
        grantsRights: object["grant_rights"] == .bool(true),
        changesPolicy: object["change_policy"] == .bool(true),
        forgetsPeople: object["forget_people"] == .bool(true))
    }
    self.roles = roles
  }

  /// Names of the roles that may forget a person, sorted.
  public var erasers: [String] {
    roles.filter(\.value.forgetsPeople).keys.sorted()
  }

  /// Names of the roles that may approve payments, sorted.
  public var paymentApprovers: [String] {
    roles.filter(\.value.approvesPayments).keys.sorted()
  }

  /// The roles `person` holds on `day` (`YYYY-MM-DD`): each entry of `ledger_roles` whose
  /// `until`, if any, is not before that day. Nil `day` means at any time.
  public static func roles(of person: Record?, on day: String?) -> [String] {
    guard let entries = person?.fields["ledger_roles"]?.arrayValue else { return [] }
    return entries.compactMap { entry -> String? in
      guard let object = entry.objectValue, let role = object["role"]?.stringValue else { return nil }
      if let day, let until = object["until"]?.stringValue, until < day { return nil }
      return role
    }
  }
}
