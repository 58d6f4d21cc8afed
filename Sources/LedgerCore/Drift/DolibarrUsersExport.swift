import LedgerLanguage

/// Dolibarr's users as its export module writes them (Tools → Exports → "Users and
/// attributes", the dataset `user_1` that `htdocs/core/modules/modUser.class.php` declares):
/// the columns of `llx_user` chosen (`u.rowid`, `u.login`, `u.lastname`, `u.firstname`,
/// `u.email`, `u.datec`, `u.admin`, `u.statut`, ...) and the group `g.nom`, through
/// `LEFT JOIN llx_usergroup_user` and `llx_usergroup`: one row per user and group, a user in
/// no group once with an empty group. Headers are the labels translated into the exporting
/// user's language (`Identifiant`, `Administrateur`, `Groupe` in French; `Login`,
/// `Administrator`, `Group` in English); both are read.
///
///     Id,Identifiant,Nom,Prénom,Email,Date création,Administrateur,État,Groupe
///     2,mdupont,DUPONT,Martine,martine.dupont@...,2022-01-15 10:02:11,1,1,Bureau
///
/// A user's roles: `administrator` (or what `--role administrator=ROLE` says) when
/// `Administrateur` is 1, and those of its groups, found by name among the system's groups in
/// the ledger: Dolibarr's permissions come through its groups, which the export names without
/// their permissions. A disabled user (`État` 0) counts as not on the system, and is said.
enum DolibarrUsersExport {
  /// Each field's header, in English and French.
  static let labels: [String: [String]] = [
    "login": ["Login", "Identifiant"], "lastname": ["Lastname", "Nom"], "firstname": ["Firstname", "Prénom"],
    "email": ["Email", "EMail", "E-mail"], "created": ["DateCreation", "Date création", "Date de création"],
    "admin": ["Administrator", "Administrateur"], "status": ["Status", "État", "Etat", "Statut"],
    "group": ["Group", "Groupe"],
  ]

  /// The column of `field` in the header, if any.
  static func column(_ field: String, in table: CSVTable) -> String? {
    let names = (labels[field] ?? []).map(RoleMapping.fold)
    return table.header.first { names.contains(RoleMapping.fold($0)) }
  }

  /// Whether the header looks like Dolibarr's user export: a login and an admin column.
  static func recognises(_ header: [String]) -> Bool {
    let folded = Set(header.map(RoleMapping.fold))
    let has = { (field: String) in (labels[field] ?? []).contains { folded.contains(RoleMapping.fold($0)) } }
    return has("login") && has("admin")
  }

  /// The accounts of the back office, with the problems of the rows that cannot be read.
  static func read(_ table: CSVTable, system: Record, mapping: RoleMapping) -> SystemExport {
    guard let login = column("login", in: table), let admin = column("admin", in: table) else {
      var export = SystemExport()
      export.problems.append(
        ImportProblem(
          line: 1,
          message: tr(
            "this is not a Dolibarr export of users: no column \"Identifiant\" (Login) and \"Administrateur\" (Administrator)"),
          hint: tr(
            "export the dataset \"Users and attributes\" with its login, admin, status and group fields (ledger/imports/README.md)"
          )))
      return export
    }
    let email = column("email", in: table) ?? ""
    let group = column("group", in: table)
    var export = SystemExport(loginColumn: login, emailColumn: email, rolesColumn: admin, groupsColumn: group ?? "")
    for row in table.rows {
      let cell = { (column: String?) in
        column.map { table.cell(row.cells, $0).trimmingCharacters(in: .whitespaces) } ?? ""
      }
      let name = cell(login)
      guard !name.isEmpty else { continue }
      if cell(column("status", in: table)) == "0" {
        // One row per group: say it once.
        if !export.skipped.contains(where: { $0.message.contains(name) }) {
          export.skipped.append(
            ImportProblem(
              line: row.line, column: column("status", in: table), rule: "disabled",
              message: tr("\(name) is disabled in Dolibarr; it counts as not on the system")))
        }
        continue
      }
      var roles: [String] = []
      if ["1", "yes", "oui", "true"].contains(cell(admin).lowercased()) {
        switch mapping.resolve("administrator") {
        case .role(let role): roles = [role]
        case .nothing: break
        case .unknown:
          export.problems.append(mapping.unknown("administrator", of: name, line: row.line, column: admin))
          continue
        }
      }
      let groupName = cell(group)
      if !groupName.isEmpty, export.groups[groupName] == nil { export.groups[groupName] = .some(nil) }
      let person = [cell(column("firstname", in: table)), cell(column("lastname", in: table))]
        .filter { !$0.isEmpty }.joined(separator: " ")
      export.add(
        SystemAccount(
          line: row.line, login: name, email: cell(email).isEmpty ? nil : cell(email),
          name: person.isEmpty ? nil : person, organization: nil, roles: roles,
          opened: SystemExport.day(cell(column("created", in: table))),
          groups: group == nil ? nil : (groupName.isEmpty ? [] : [groupName])))
    }
    return export
  }
}
