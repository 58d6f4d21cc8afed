import Foundation

/// One difference between what a system's export says and what the ledger records about an
/// account on that system.
public struct DriftFinding: Equatable, Sendable {
  /// What differs, named as the report names it.
  public enum Kind: String, Sendable, CaseIterable {
    /// The system has the account (with these roles); the ledger has no open account for it.
    case missingInLedger = "missing-in-ledger"
    /// The ledger says the account is active; the system no longer lists it.
    case missingInSystem = "missing-in-system"
    /// Both have the account; the roles differ.
    case roleDiffers = "role-differs"
    /// Both have the account; the groups it is a member of differ (and maybe its roles).
    case groupDiffers = "group-differs"
    /// The ledger says active; the system has suspended the account (a cPanel mailbox).
    case suspendedInSystem = "suspended-in-system"
    /// The ledger suspended the mailbox (`offboard` redirected a leaver's mail); the host still
    /// lets it be used. The host is behind, not the ledger: `--update` leaves it.
    case notSuspendedInSystem = "not-suspended-in-system"
    /// Where the system forwards an address is not what the ledger records (a mailbox's
    /// `redirect_to`, an alias of the system's `forwarders`).
    case forwardDiffers = "forward-differs"
    /// The system saw the account in use later than the ledger's `last_seen` says.
    case lastSeen = "last-seen"
    /// A mailing service's contact is not on a list the ledger's rule puts the person on.
    case missingFromList = "missing-from-list"
    /// A person whose membership lapsed or ended is still on a list the rule keeps for others.
    case formerMemberOnList = "former-member-on-list"
    /// A contact is on a list the rule does not put them on (or no person has the address).
    case notEntitledOnList = "not-entitled-on-list"
  }

  /// Something worth knowing beside the difference itself; the CLI words it.
  public enum Note: Equatable, Sendable {
    /// No person of the ledger has the account's email or name.
    case noPerson
    /// The person's membership is not active (`lapsed`, `resigned`) while the system gives
    /// them roles.
    case member(status: String, paidUntil: String?)
    /// The ledger holds the account, not open (`closed`, `suspended`, `requested`).
    case account(status: String, closed: String?)
    /// The groups the account is in, by name: in the ledger, and on the system (a name the
    /// ledger has no group for is among `system`; `--update` adds the group).
    case groups(ledger: [String], system: [String])
    /// Where the system forwards, and where the ledger says.
    case forwards(system: [String], ledger: [String])
    /// A forwarder points to the address of a person who left (`lapsed`, `resigned`).
    case leaver(address: String, person: String, status: String)
    /// A forwarder points to an address no person of the ledger has and the system does not
    /// serve.
    case unowned(address: String)
    /// The day the system last saw the account in use, and the ledger's.
    case seen(system: String, ledger: String?)
  }

  /// What differs.
  public var kind: Kind
  /// The account's login, as the export or the ledger spells it.
  public var login: String
  /// The person's id, when the account's or the export's email or name finds one.
  public var person: String?
  /// The ledger's account id, when it has one.
  public var account: String?
  /// The roles of the account's active rights in the ledger and of its groups, sorted.
  public var ledgerRoles: [String]
  /// The roles the system gives, directly or through its groups, sorted.
  public var systemRoles: [String]
  public var notes: [Note]
  /// The line of the file that lists the account (nil for `missing-in-system`).
  public var line: Int?
}

/// What `report drift` compares: which system, which export, read how.
public struct DriftOptions: Sendable {
  /// The system the file comes from.
  public var system: RecordID
  /// The file as the user named it (problems name it; reasons written in records use its
  /// last path component).
  public var file: String
  /// How the file's rows are read.
  public var profile: DriftProfile
  /// `--role NAME=ROLE`: the export's name for a role, and the system's role it stands for
  /// ("" for none).
  public var roles: [(name: String, role: String)]

  /// The options of `report drift SYSTEM FILE`.
  public init(
    system: RecordID, file: String, profile: DriftProfile,
    roles: [(name: String, role: String)] = []
  ) {
    self.system = system
    self.file = file
    self.profile = profile
    self.roles = roles
  }

  /// The file's name without its folders.
  var fileName: String { URL(fileURLWithPath: file).lastPathComponent }
}

/// The drift of one system: the findings and what agrees.
public struct DriftResult: Sendable {
  /// The differences, sorted by kind then login.
  public var findings: [DriftFinding]
  /// Accounts the file lists for the system.
  public var listed: Int
  /// Accounts on which the file and the ledger agree.
  public var agreeing: Int
  /// Rows left out on purpose (a group, a disabled user), with why.
  public var skipped: [ImportProblem]
}
