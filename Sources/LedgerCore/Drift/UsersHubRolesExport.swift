import LedgerLanguage

/// UsersHub's users with their profile in each application, as the user manager of the
/// GeoNature ecosystem holds them: the view `utilisateurs.v_roleslist_forall_applications`
/// (one row per user, or group, and application, with the highest profile `id_droit_max`)
/// joined with `t_applications` and `t_profils`, exported by psql as CSV:
///
///     groupe,active,id_role,identifiant,nom_role,prenom_role,email,id_organisme,organisme,...,
///       id_application,code_application,nom_application,id_droit_max,code_profil,nom_profil
///     f,t,21,zlambert,LAMBERT,Zoé,zlambert@lpo-paca.example.org,3,LPO PACA,...,3,GN,GeoNature,5,5,Validateur
///
/// Only the rows of the application that is the system are read (matched by the system's id
/// or name against `code_application` and `nom_application`). Groups (`groupe` = t) are not
/// accounts: a group's row gives the role its profile stands for to the group of that name;
/// a column `groupes` (the names of a user's groups, `string_agg` of `cor_roles` joined with
/// `t_roles`, separated by `;`) gives each user's memberships, among the groups with a row
/// on the application (without it, the ledger's memberships stand); a disabled user (`active` = f) counts as not on the
/// system, and is said. The profile is `nom_profil`, else the stock profile of `code_profil`
/// or `id_droit_max`.
enum UsersHubRolesExport {
  static let required = ["identifiant", "nom_role", "prenom_role", "email"]

  /// The profiles the `utilisateurs` schema creates, by code.
  static let stockProfiles: [String: String] = [
    "0": "Aucun", "1": "Lecteur", "2": "Rédacteur", "3": "Référent", "4": "Modérateur",
    "5": "Validateur",
    "6": "Administrateur",
  ]

  /// The stock profiles that say what a GeoNature-like system's roles say ("" gives nothing).
  static let defaults: [String: String] = [
    "aucun": "", "lecteur": "reader", "redacteur": "contributor", "validateur": "validator",
    "administrateur": "admin",
  ]

  /// The accounts of `system` in the export, with the problems of the rows that cannot be read.
  static func read(_ table: CSVTable, system: Record, mapping: RoleMapping) -> SystemExport {
    var export = SystemExport(loginColumn: "identifiant", emailColumn: "email")
    let absent = SystemExport.absent(required, in: table)
    let profileColumn = ["nom_profil", "code_profil", "id_droit_max"].first {
      table.header.contains($0)
    }
    let hasApplications =
      table.header.contains("code_application") || table.header.contains("nom_application")
    guard absent.isEmpty, let profileColumn, hasApplications else {
      let lacking =
        absent + (profileColumn == nil ? ["\"nom_profil\""] : [])
        + (hasApplications ? [] : ["\"nom_application\""])
      export.problems.append(
        ImportProblem(
          line: 1,
          message: tr("this is not a UsersHub export of users and their profiles: no column \(lacking.joined(separator: ", "))"),
          hint:
            tr(
              "export utilisateurs.v_roleslist_forall_applications with t_applications and t_profils (ledger/imports/README.md shows the query)"
            )
        ))
      return export
    }
    export.rolesColumn = profileColumn
    let application: String
    switch choose(applications(in: table), for: system) {
    case .success(let key): application = key
    case .failure(let problem):
      export.problems.append(problem)
      return export
    }
    for row in table.rows where key(of: row.cells, in: table) == application {
      read(row, table, profileColumn, mapping, into: &export)
    }
    // Memberships count only in the groups that have a profile on this application.
    if table.header.contains("groupes") {
      export.groupsColumn = "groupes"
      for index in export.accounts.indices {
        export.accounts[index].groups = (export.accounts[index].groups ?? []).filter { export.groups[$0] != nil }
      }
    }
    return export
  }

  private static func read(
    _ row: (line: Int, cells: [String]), _ table: CSVTable, _ profileColumn: String,
    _ mapping: RoleMapping,
    into export: inout SystemExport
  ) {
    let cell = { (column: String) in
      table.cell(row.cells, column).trimmingCharacters(in: .whitespaces)
    }
    let login = cell("identifiant")
    // A group's row shows the profile it gives its members (whose own rows carry it too, the
    // view taking the highest of theirs and their groups').
    if isTrue(cell("groupe")) {
      readGroup(cell("nom_role"), profile(cell(profileColumn), profileColumn), mapping, row.line, into: &export)
      return
    }
    if ["f", "false", "0"].contains(cell("active").lowercased()) {
      export.skipped.append(
        ImportProblem(
          line: row.line, column: "active", rule: "disabled",
          message: tr("\(login) is disabled in UsersHub; it counts as not on the system")))
      return
    }
    guard !login.isEmpty else {
      export.skipped.append(
        ImportProblem(
          line: row.line, column: "identifiant", rule: "login",
          message: tr("a user without identifiant cannot log in; the row is left out")))
      return
    }
    let profile = profile(cell(profileColumn), profileColumn)
    var roles: [String] = []
    switch mapping.resolve(profile) {
    case .role(let role): roles = [role]
    case .nothing: break
    case .unknown:
      export.problems.append(
        mapping.unknown(profile, of: login, line: row.line, column: profileColumn))
      return
    }
    let name = [cell("prenom_role"), cell("nom_role")].filter { !$0.isEmpty }.joined(separator: " ")
    export.add(
      SystemAccount(
        line: row.line, login: login, email: cell("email").isEmpty ? nil : cell("email"),
        name: name.isEmpty ? nil : name,
        organization: cell("organisme").isEmpty ? nil : cell("organisme"), roles: roles,
        opened: SystemExport.day(cell("date_insert")),
        groups: table.header.contains("groupes") ? names(cell("groupes")) : nil))
  }

  /// The profile a cell names: `nom_profil` as written, else the stock profile of a code.
  private static func profile(_ written: String, _ column: String) -> String {
    column == "nom_profil" ? written : stockProfiles[written] ?? written
  }

  /// A group's row: the role its profile stands for, under its name (`nom_role`).
  private static func readGroup(
    _ name: String, _ profile: String, _ mapping: RoleMapping, _ line: Int, into export: inout SystemExport
  ) {
    guard !name.isEmpty else { return }
    switch mapping.resolve(profile) {
    case .role(let role): export.groups[name] = [role]
    case .nothing: export.groups[name] = []
    case .unknown: export.problems.append(mapping.unknown(profile, of: name, line: line, column: "nom_profil"))
    }
  }

  /// The group names of a `groupes` cell: `string_agg(nom_role, ';')`, sorted.
  private static func names(_ cell: String) -> [String] {
    cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
  }

  // MARK: - Applications

  /// An application as the rows name it: `code|name`.
  private static func key(of cells: [String], in table: CSVTable) -> String {
    table.cell(cells, "code_application").trimmingCharacters(in: .whitespaces) + "|"
      + table.cell(cells, "nom_application").trimmingCharacters(in: .whitespaces)
  }

  /// The applications the rows name, in the order they first appear.
  private static func applications(in table: CSVTable) -> [String] {
    var seen: [String] = []
    for row in table.rows {
      let key = key(of: row.cells, in: table)
      if !seen.contains(key) { seen.append(key) }
    }
    return seen
  }

  /// The one application that is `system`: its code or name is the system's id; else its name
  /// is the system's name; else the system's name holds every word of it.
  private static func choose(_ applications: [String], for system: Record) -> Result<
    String, ImportProblem
  > {
    let id = RoleMapping.fold(system.key.id.value)
    let systemName = CellReader.nameWords(system.fields["name"]?.stringValue ?? "")
    let parts = { (key: String) in
      key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
    let tiers: [(String) -> Bool] = [
      { key in parts(key).contains { RoleMapping.fold($0) == id } },
      { key in CellReader.nameWords(parts(key).last ?? "") == systemName },
      { key in
        let words = CellReader.nameWords(parts(key).last ?? "")
        return !words.isEmpty && words.isSubset(of: systemName)
      },
    ]
    for tier in tiers {
      let found = applications.filter(tier)
      if found.count == 1 { return .success(found[0]) }
      if found.count > 1 {
        return .failure(
          ImportProblem(
            line: 1, column: "nom_application", rule: "application",
            message: tr(
              "several applications of the export could be systems/\(system.key.id): \(found.map(describe).joined(separator: ", "))"
            ),
            hint: tr("give the system the id or name of one of them")))
      }
    }
    return .failure(
      ImportProblem(
        line: 1, column: "nom_application", rule: "application",
        message: tr(
          "no application of the export is systems/\(system.key.id); it lists \(applications.map(describe).joined(separator: ", "))"
        ),
        hint:
          tr("an application is found by the system's id or name (code_application or nom_application)")
      ))
  }

  /// `GeoNature (GN)`.
  private static func describe(_ key: String) -> String {
    let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    let code = parts.first ?? ""
    let name = parts.last ?? ""
    if name.isEmpty { return code }
    return code.isEmpty ? name : "\(name) (\(code))"
  }

  /// psql writes booleans as `t` and `f`.
  private static func isTrue(_ text: String) -> Bool {
    ["t", "true", "1"].contains(text.lowercased())
  }
}
