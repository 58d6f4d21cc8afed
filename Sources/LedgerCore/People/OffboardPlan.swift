import LedgerJSON

/// What `offboard` does to the ledger for one person, and what it leaves to do by hand.
///
/// A value: the records as they will be (each with its field changes), the steps in words the
/// renderer chooses, the things nobody could take over (flags), and the checklist of what must
/// be done in each outside system. Planning never writes; `RecordStore.offboard` commits the
/// records in one validated commit, or none.
public struct OffboardPlan: Sendable {
  /// One thing the plan does, for the report.
  public enum Step: Equatable, Sendable {
    /// `member_status` from `old` (nil: none) to `new`.
    case status(old: String?, new: String)
    /// The person's functions ended (removed from their record).
    case functionsEnded([String])
    /// A ledger role held up to `until` from now on.
    case ledgerRoleEnded(role: String, until: String)
    /// Signing keys that sign for the person up to `until` from now on.
    case signingKeysEnded(count: Int, until: String)
    /// An account closed on `day` (its mailbox's lists and redirections gone with it).
    case accountClosed(account: String, system: String, login: String?)
    /// A mailbox kept for its mail, suspended, redirected to `to`.
    case mailboxRedirected(account: String, system: String, address: String, to: String)
    /// A mailbox taken off its distribution lists.
    case listsLeft(account: String, address: String, lists: [String])
    /// An account taken out of its groups (ids), and so of the roles it held through them.
    case groupsLeft(account: String, system: String, groups: [String])
    /// A right revoked (it was `status`).
    case rightRevoked(right: String, account: String, system: String?, role: String?, status: String)
    /// A duty the person answered for alone, handed to `to` (its deputy, or the person's).
    case dutyHandedOver(duty: String, to: String)
    /// A duty the person answered for with others: they carry on.
    case dutyLeft(duty: String, remaining: [String])
    /// The person was the duty's deputy; the duty has none now.
    case deputyLeft(duty: String)
    /// The person took part in the duty as an actor: removed.
    case actorLeft(duty: String)
    /// The person was a contact of the organisation: removed.
    case contactLeft(organization: String)
    /// The person answered for the system: handed to `to`.
    case systemHandedOver(system: String, to: String)
  }

  /// Something nobody could take over: the administrator decides.
  public enum Flag: Equatable, Sendable {
    /// A duty the person answered for alone, with no deputy to take it: left as it was, so
    /// `report consistency` keeps naming it until someone is named.
    case dutyUnattended(duty: String)
    /// A duty without a deputy now (the person was its deputy, or its deputy took it over).
    case dutyWithoutDeputy(duty: String)
    /// An organisation left without any contact.
    case organizationWithoutContact(organization: String)
    /// A system the person answered for, with nobody to hand it to: left as it was.
    case systemUnattended(system: String)
    /// The mail system redirects a leaver's mailbox, and there is neither a deputy nor a
    /// `redirect_to` address: the mailbox is closed instead.
    case mailboxWithoutTarget(account: String, system: String)
    /// The plan ends ledger roles or signing keys: a change of the policy, which the audit and
    /// the shared repository's hook admit only from an author whose role may change it.
    case policyChange
  }

  /// What must be done by hand in an outside system, one entry per account.
  public struct Task: Equatable, Sendable {
    /// What to do with the account.
    public enum Action: Equatable, Sendable {
      /// Delete or disable the account (with the roles it had).
      case close
      /// Keep the address, stop its logins, forward its mail to `to`.
      case redirect(to: String)
    }

    /// The system's id.
    public let system: String
    /// The system's name and url, when its record has them.
    public let systemName: String?
    /// Where the system is reached, when its record says.
    public let url: String?
    /// The account's id.
    public let account: String
    /// The account's login, when recorded.
    public let login: String?
    /// The mailbox's address, for a mailbox.
    public let address: String?
    /// Close it, or redirect it.
    public let action: Action
    /// Roles the account had through rights now revoked or through its groups, sorted.
    public let roles: [String]
    /// Distribution lists to take the address off, sorted.
    public let lists: [String]
    /// Groups of the system to take the account out of (ids), in the account's order.
    public let groups: [String]

    /// A task, as `Offboarding` makes them.
    public init(
      system: String, systemName: String?, url: String?, account: String, login: String?, address: String?, action: Action,
      roles: [String], lists: [String], groups: [String] = []
    ) {
      self.system = system
      self.systemName = systemName
      self.url = url
      self.account = account
      self.login = login
      self.address = address
      self.action = action
      self.roles = roles
      self.lists = lists
      self.groups = groups
    }
  }

  /// A record as it will be, and how it changes.
  public struct Change: Sendable {
    /// The record as it will be.
    public let record: Record
    /// `add` for a new record, `set` for a changed one.
    public let action: CommitMessage.Action
    /// The fields that differ from the ledger's version (all of them for a new record).
    public let fields: [FieldChange]
  }

  /// The person leaving.
  public let person: RecordKey
  /// Their name, when their record has one.
  public let name: String?
  /// The day things end.
  public let day: String
  /// Who takes over what the person did alone (`--deputy`, else their department's deputy):
  /// nil when nobody.
  public let deputy: String?
  /// The records changed, in the order the plan met them.
  public var changes: [Change] = []
  /// What the plan does, in order.
  public var steps: [Step] = []
  /// What the administrator must decide.
  public var flags: [Flag] = []
  /// Sorted by system, then account.
  public var checklist: [Task] = []

  /// An empty plan for `person`, leaving on `day`.
  public init(person: RecordKey, name: String?, day: String, deputy: String?) {
    self.person = person
    self.name = name
    self.day = day
    self.deputy = deputy
  }

  /// The records written, in order.
  public var records: [RecordKey] { changes.map(\.record.key) }
}
