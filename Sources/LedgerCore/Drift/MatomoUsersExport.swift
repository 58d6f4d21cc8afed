import Foundation
import LedgerJSON
import LedgerLanguage

/// Matomo's users as its HTTP API answers `module=API&method=UsersManager.getUsersPlusRole&
/// idSite=N&format=JSON` (or `getUsers`): a JSON array, one object a user, with `login`,
/// `email`, `superuser_access` (true or false; older versions `"1"`/`"0"`), `date_registered`
/// and `last_seen` (`2026-11-30 08:12:01`, or null when never seen), `uses_2fa`,
/// `invite_status`, and with `getUsersPlusRole` the user's `role` on the site (`noaccess`,
/// `view`, `write`, `admin`, `superuser`) and `capabilities`:
///
///     [{"login":"mpetit","email":"mpetit@cen-paca.example.org","superuser_access":true,
///       "role":"superuser","capabilities":[],"last_seen":"2026-12-01 17:42:09",...}]
///
/// A super user's role is `superuser`, whatever `role` says; `noaccess` gives nothing. Without
/// any `role` (`getUsers`), only the accounts and their last-seen days are compared. An
/// invitation not yet accepted (`invite_status` `pending`) is no account yet, and is said.
/// `last_seen` feeds the accounts' `last_seen` (the day, as Matomo's server writes it).
enum MatomoUsersExport {
  static let defaults: [String: String] = ["noaccess": ""]

  /// Whether the files are Matomo's users: arrays whose objects have `login` and
  /// `superuser_access`.
  static func recognises(_ files: [DriftJSONFile]) -> Bool {
    !files.isEmpty
      && files.allSatisfy { file in
        guard let users = file.document.value.arrayValue, let first = users.first?.objectValue else {
          return false
        }
        return first["login"] != nil && first["superuser_access"] != nil
      }
  }

  /// The users of every file, with the problems of those that cannot be read.
  static func read(_ files: [DriftJSONFile], mapping: RoleMapping) -> SystemExport {
    var export = SystemExport(loginColumn: "/login", emailColumn: "/email", rolesColumn: "/role")
    export.comparesRoles = files.contains { file in
      (file.document.value.arrayValue ?? []).contains { $0.objectValue?["role"] != nil }
    }
    for file in files {
      guard let users = file.document.value.arrayValue else {
        let said = file.document.value.objectValue?["message"]?.stringValue
        export.problemFile = file.name
        export.problems.append(
          file.problem(
            at: .root,
            said.map { tr("Matomo answered with an error: \($0)") }
              ?? tr("this is not Matomo's list of users: a JSON array of users was expected"),
            hint: tr("save the answer of UsersManager.getUsersPlusRole with format=JSON (ledger/imports/README.md)")))
        continue
      }
      for (index, user) in users.enumerated() {
        read(user, at: JSONPointer.root.appending(index), of: file, mapping, into: &export)
      }
    }
    return export
  }

  private static func read(
    _ value: JSONValue, at pointer: JSONPointer, of file: DriftJSONFile, _ mapping: RoleMapping,
    into export: inout SystemExport
  ) {
    let line = file.document.location(of: pointer).line
    guard let user = value.objectValue, let login = user["login"]?.stringValue, !login.isEmpty else {
      export.problemFile = file.name
      export.problems.append(
        file.problem(
          at: pointer.appending("login"), tr("a user without a login"),
          hint: tr("each user is an object with at least \"login\" and \"superuser_access\"")))
      return
    }
    if user["invite_status"]?.stringValue == "pending" {
      export.skipped.append(
        ImportProblem(
          line: line, column: pointer.appending("invite_status").description, rule: "invited",
          message: tr("\(login) is invited and has not accepted yet; it counts as not on the system"),
          character: file.document.location(of: pointer.appending("invite_status")).column))
      return
    }
    var roles: [String] = []
    let name = isTrue(user["superuser_access"]) ? "superuser" : user["role"]?.stringValue ?? ""
    switch mapping.resolve(name) {
    case .role(let role): roles = [role]
    case .nothing: break
    case .unknown:
      let place = file.document.location(of: pointer.appending("role"))
      var problem = mapping.unknown(
        name, of: login, line: place.line, column: pointer.appending("role").description)
      problem.character = place.column
      export.problemFile = file.name
      export.problems.append(problem)
      return
    }
    let email = user["email"]?.stringValue ?? ""
    var account = SystemAccount(
      line: line, login: login, email: email.isEmpty ? nil : email, name: nil, organization: nil,
      roles: roles, opened: user["date_registered"]?.stringValue.flatMap(SystemExport.day))
    account.lastSeen = day(user["last_seen"])
    export.add(account)
  }

  /// `true`, `1` or `"1"`.
  static func isTrue(_ value: JSONValue?) -> Bool {
    switch value {
    case .bool(let flag): flag
    case .number(let number): number.intValue == 1
    case .string(let text): text == "1" || text.lowercased() == "true"
    default: false
    }
  }

  /// The day of `last_seen`: a date-time string, or a Unix time (UTC); nil for null.
  private static func day(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text): SystemExport.day(text)
    case .number(let number):
      LedgerDate.day(of: Date(timeIntervalSince1970: number.doubleValue), in: .gmt)
    default: nil
    }
  }
}
