/// One account as a system's own export lists it: the login, who it seems to be, and the
/// roles the system gives it, already named as the ledger's system record names them.
///
/// A UsersHub export has one row per user and application; a WordPress export one row per
/// user. Rows of one login are merged into one account (their roles joined).
public struct SystemAccount: Equatable, Sendable {
  /// The line of the file its (first) row starts on.
  public var line: Int
  /// The login (UsersHub's `identifiant`, WordPress's `user_login`).
  public var login: String
  /// The email the system holds, which finds the person first.
  public var email: String?
  /// First and last name, as the system holds them.
  public var name: String?
  /// The organisation the system records (UsersHub's `organisme`), to match people by name.
  public var organization: String?
  /// The system's roles, sorted, each one its system record offers.
  public var roles: [String]
  /// The day the system created the account (`YYYY-MM-DD`), when the export says it.
  public var opened: String?
  /// The names of the system's groups the account is a member of, sorted; nil when the
  /// export does not say (then the ledger's memberships are taken as they are).
  public var groups: [String]? = nil
  /// The last day the system saw the account in use (Matomo's `last_seen`), which feeds the
  /// account's `last_seen`.
  public var lastSeen: String? = nil
  /// The system keeps the account but nobody can log in to it (a suspended cPanel mailbox).
  public var suspended = false
  /// Where the system forwards the account's mail (cPanel's forwarders of a mailbox), sorted;
  /// nil when the export does not say.
  public var forwards: [String]? = nil
}

/// An address the system forwards without a mailbox behind it (cPanel's forwarder of an
/// alias such as `bureau@`), and where to.
public struct SystemAlias: Equatable, Sendable {
  public var line: Int
  public var address: String
  public var forwards: [String]
}

/// What a profile reads from a system's export: its accounts, the rows left out on purpose
/// (a group, another application), the rows that cannot be read, and the columns each field
/// comes from (for problems at the right place).
struct SystemExport {
  var accounts: [SystemAccount] = []
  var skipped: [ImportProblem] = []
  var problems: [ImportProblem] = []
  var loginColumn = ""
  var emailColumn = ""
  var rolesColumn = ""
  var groupsColumn = ""
  /// The system's groups the export defines, by name, with the roles it says each gives (nil
  /// when it does not say: Dolibarr's export names groups, not their permissions).
  var groups: [String: [String]?] = [:]
  /// False when the export lists accounts without their roles (Matomo's `getUsers` without
  /// `role`, cPanel's mailboxes): the ledger's roles are then taken as they are.
  var comparesRoles = true
  /// Accounts are matched by their mailbox's address (cPanel), not their login.
  var matchesByAddress = false
  /// The aliases of the system, when the export lists its forwarders; nil otherwise.
  var aliases: [SystemAlias]? = nil
  /// Every address the system itself serves (mailboxes and aliases), which a forwarder may
  /// point to without any person owning it.
  var ownAddresses: Set<String> = []
  /// Addresses the export lists and leaves out on purpose (a contact blocklisted in Brevo).
  var leftOut: Set<String> = []
  /// The file the problems are in, when the export is several files (cPanel's two answers).
  var problemFile: String? = nil

  /// Adds an account, or merges its roles into the one already read under its login.
  mutating func add(_ account: SystemAccount) {
    guard
      let index = accounts.firstIndex(where: { $0.login.lowercased() == account.login.lowercased() }
      )
    else {
      accounts.append(account)
      return
    }
    accounts[index].roles = Array(Set(accounts[index].roles).union(account.roles)).sorted()
    accounts[index].email = accounts[index].email ?? account.email
    accounts[index].opened = [accounts[index].opened, account.opened].compactMap { $0 }.min()
    if let more = account.groups {
      accounts[index].groups = Array(Set(accounts[index].groups ?? []).union(more)).sorted()
    }
  }

  /// The day of a timestamp such as `2024-02-01 09:15:47.90112`, or nil.
  static func day(_ text: String) -> String? {
    let day = String(text.prefix(10))
    return LedgerDate.isDay(day) ? day : nil
  }

  /// The columns of `required` the header lacks, quoted for a message.
  static func absent(_ required: [String], in table: CSVTable) -> [String] {
    required.filter { !table.header.contains($0) }.map { "\"\($0)\"" }
  }
}
