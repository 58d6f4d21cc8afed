import LedgerLanguage

/// WordPress's users as the "Export Users to CSV" plugin writes them: every column of
/// `wp_users` but the password and activation key (`id`, `user_login`, `user_email`,
/// `user_registered`, `display_name`, ...), then every user meta key (`first_name`,
/// `last_name`, ..., `wp_capabilities`), headers lowercased, every cell quoted. The roles are
/// the meta `PREFIX_capabilities`, a PHP-serialised array of role to true:
///
///     "7","emoreau",...,"a:1:{s:6:""editor"";b:1;}",...
///
/// Exporters that write a `roles` column instead (`editor` or `author, editor`) are read too.
/// A user with no role (`a:0:{}`) has an account and no right.
enum WordPressUsersExport {
  /// The accounts of the site, with the problems of the rows that cannot be read.
  static func read(_ table: CSVTable, system: Record, mapping: RoleMapping) -> SystemExport {
    var export = SystemExport(loginColumn: "user_login", emailColumn: "user_email")
    let capabilities = table.header.filter { $0.lowercased().hasSuffix("capabilities") }
    let rolesColumn =
      table.header.contains("roles") ? "roles" : capabilities.count == 1 ? capabilities.first : nil
    guard table.header.contains("user_login"), let rolesColumn else {
      let message =
        if !table.header.contains("user_login") {
          tr("this is not a WordPress user export: no column \"user_login\"")
        } else if capabilities.count > 1 {
          tr("several role columns (\(capabilities.joined(separator: ", "))): the export holds several sites")
        } else {
          tr("the WordPress user export holds no roles: no column \"wp_capabilities\" or \"roles\"")
        }
      export.problems.append(
        ImportProblem(
          line: 1, message: message,
          hint: tr("export the users of one site with their meta data (ledger/imports/README.md)")))
      return export
    }
    export.rolesColumn = rolesColumn
    for row in table.rows {
      let cell = { (column: String) in
        table.cell(row.cells, column).trimmingCharacters(in: .whitespaces)
      }
      let login = cell("user_login")
      guard !login.isEmpty else { continue }
      var roles: [String] = []
      var failed = false
      for name in roleNames(cell(rolesColumn)) {
        switch mapping.resolve(name) {
        case .role(let role): roles.append(role)
        case .nothing: break
        case .unknown:
          export.problems.append(
            mapping.unknown(name, of: login, line: row.line, column: rolesColumn))
          failed = true
        }
      }
      guard !failed else { continue }
      let full = [cell("first_name"), cell("last_name")].filter { !$0.isEmpty }.joined(
        separator: " ")
      let name = full.isEmpty ? cell("display_name") : full
      export.add(
        SystemAccount(
          line: row.line, login: login,
          email: cell("user_email").isEmpty ? nil : cell("user_email"),
          name: name.isEmpty ? nil : name, organization: nil, roles: Array(Set(roles)).sorted(),
          opened: SystemExport.day(cell("user_registered"))))
    }
    return export
  }

  /// The roles of a cell: the keys set to true in a PHP-serialised array
  /// (`a:2:{s:6:"editor";b:1;s:6:"author";b:0;}` is `editor`), or names separated by
  /// commas, `|` or spaces.
  static func roleNames(_ cell: String) -> [String] {
    guard cell.hasPrefix("a:") else {
      return cell.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == " " }).map(String.init)
    }
    var names: [String] = []
    var rest = Substring(cell)
    // Each member is `s:LENGTH:"KEY";b:VALUE;`: find the next string key, then its value.
    while let start = rest.range(of: "s:") {
      rest = rest[start.upperBound...]
      guard let open = rest.firstIndex(of: "\""),
        let close = rest[rest.index(after: open)...].firstIndex(of: "\"")
      else { break }
      let key = String(rest[rest.index(after: open)..<close])
      rest = rest[close...].dropFirst()
      if rest.hasPrefix(";b:1;") { names.append(key) }
    }
    return names
  }
}
