/// Which system's export a file is, and so how its rows become accounts with roles.
public enum DriftProfile: String, Sendable, CaseIterable {
  /// UsersHub's users with their profile in each application (the GeoNature ecosystem).
  case usershubRoles = "usershub-roles"
  /// WordPress's user export with each user's roles.
  case wordpressUsers = "wordpress-users"
  /// Dolibarr's export of users with their groups and admin flag.
  case dolibarrUsers = "dolibarr-users"

  /// The profile whose columns the header has: UsersHub's `identifiant` and `nom_role`,
  /// WordPress's `user_login`, or Dolibarr's login and admin columns; nil when none.
  public static func guess(header: [String]) -> DriftProfile? {
    if header.contains("identifiant") && header.contains("nom_role") { return .usershubRoles }
    if header.contains("user_login") { return .wordpressUsers }
    if DolibarrUsersExport.recognises(header) { return .dolibarrUsers }
    return nil
  }

  /// Reads the accounts of `system` from the file's rows, its roles named as `system` names them.
  func read(_ table: CSVTable, system: Record, roles given: [(name: String, role: String)])
    -> SystemExport
  {
    let offered = (system.fields["roles"]?.arrayValue ?? []).compactMap(\.stringValue)
    let defaults = self == .usershubRoles ? UsersHubRolesExport.defaults : [:]
    let mapping = RoleMapping(
      system: system.key.id.value, offered: offered, given: given, defaults: defaults)
    var export =
      switch self {
      case .usershubRoles: UsersHubRolesExport.read(table, system: system, mapping: mapping)
      case .wordpressUsers: WordPressUsersExport.read(table, system: system, mapping: mapping)
      case .dolibarrUsers: DolibarrUsersExport.read(table, system: system, mapping: mapping)
      }
    export.problems = mapping.problems() + export.problems
    return export
  }
}
