import LedgerLanguage

/// Which system's export a file is, and so how its rows become accounts with roles.
public enum DriftProfile: String, Sendable, CaseIterable {
  /// UsersHub's users with their profile in each application (the GeoNature ecosystem).
  case usershubRoles = "usershub-roles"
  /// WordPress's user export with each user's roles.
  case wordpressUsers = "wordpress-users"
  /// Dolibarr's export of users with their groups and admin flag.
  case dolibarrUsers = "dolibarr-users"
  /// cPanel's mailboxes and forwarders (`uapi --output=json Email list_pops`, `list_forwarders`).
  case cpanelEmail = "cpanel-email"
  /// Matomo's users (`UsersManager.getUsersPlusRole` or `getUsers`, JSON).
  case matomoUsers = "matomo-users"
  /// Brevo's contact export with each contact's lists, against the system record's rules.
  case brevoContacts = "brevo-contacts"

  /// The profile whose columns the header has: UsersHub's `identifiant` and `nom_role`,
  /// WordPress's `user_login`, Dolibarr's login and admin columns, or Brevo's contact columns;
  /// nil when none.
  public static func guess(header: [String]) -> DriftProfile? {
    if header.contains("identifiant") && header.contains("nom_role") { return .usershubRoles }
    if header.contains("user_login") { return .wordpressUsers }
    if DolibarrUsersExport.recognises(header) { return .dolibarrUsers }
    if BrevoContactsExport.recognises(header) { return .brevoContacts }
    return nil
  }

  /// The profile whose shape the input has: a CSV header as above, cPanel's UAPI answers
  /// (`"module": "Email"`), or Matomo's array of users (`login` and `superuser_access`).
  public static func guess(_ input: DriftInput) -> DriftProfile? {
    switch input {
    case .table(let table): guess(header: table.header)
    case .json(let files):
      if CPanelEmailExport.recognises(files) {
        .cpanelEmail
      } else if MatomoUsersExport.recognises(files) {
        .matomoUsers
      } else {
        nil
      }
    }
  }

  /// Whether the profile reads JSON (else CSV).
  var readsJSON: Bool { self == .cpanelEmail || self == .matomoUsers }

  /// Whether the ledger decides and the system follows (a mailing service's lists), so
  /// `--update` has nothing to change in the ledger.
  public var comparesLists: Bool { self == .brevoContacts }

  /// Reads the accounts of `system` from the file's rows, its roles named as `system` names them.
  func read(_ input: DriftInput, system: Record, roles given: [(name: String, role: String)])
    -> SystemExport
  {
    let offered = (system.fields["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
    let defaults =
      self == .usershubRoles
      ? UsersHubRolesExport.defaults : self == .matomoUsers ? MatomoUsersExport.defaults : [:]
    let mapping = RoleMapping(
      system: system.key.id.value, offered: offered, given: given, defaults: defaults)
    var export: SystemExport
    switch (self, input) {
    case (.usershubRoles, .table(let table)):
      export = UsersHubRolesExport.read(table, system: system, mapping: mapping)
    case (.wordpressUsers, .table(let table)):
      export = WordPressUsersExport.read(table, system: system, mapping: mapping)
    case (.dolibarrUsers, .table(let table)):
      export = DolibarrUsersExport.read(table, system: system, mapping: mapping)
    case (.cpanelEmail, .json(let files)): export = CPanelEmailExport.read(files)
    case (.matomoUsers, .json(let files)): export = MatomoUsersExport.read(files, mapping: mapping)
    case (.brevoContacts, .table(let table)):
      export = BrevoContactsExport.read(table, rules: ListRule.all(system))
    default:
      export = SystemExport()
      export.problemFile = input.fileName
      export.problems.append(
        ImportProblem(
          line: 1, rule: "file",
          message: readsJSON
            ? tr("the profile \(rawValue) reads the JSON the program prints, not a CSV file")
            : tr("the profile \(rawValue) reads a CSV export, not JSON"),
          hint: tr("give the file ledger/imports/README.md describes for the profile, or another --profile")))
    }
    export.problems = mapping.problems() + export.problems
    return export
  }
}
