import Foundation
import LedgerLanguage

/// How the names a system's export gives its roles become the roles its ledger record offers.
///
/// In order: a `--role NAME=ROLE` the administrator gave (`NAME=` for a profile that gives
/// nothing); a role of the system spelled the same way (ignoring case and accents: WordPress's
/// `editor`, or a UsersHub profile named `sensitive-reader`); then the profile's own defaults
/// (UsersHub's stock profiles `Lecteur`, `Rédacteur`, `Validateur`, `Administrateur`), when
/// the system offers the role they stand for. Anything else is unknown: a problem at its row.
struct RoleMapping {
  enum Resolution: Equatable {
    case role(String)
    /// A profile that gives no right (UsersHub's `Aucun`).
    case nothing
    case unknown
  }

  let system: String
  let offered: [String]
  let given: [(name: String, role: String)]
  /// Folded profile name -> role ("" for none).
  let defaults: [String: String]

  func resolve(_ name: String) -> Resolution {
    let folded = Self.fold(name)
    if folded.isEmpty { return .nothing }
    if let mapped = given.first(where: { Self.fold($0.name) == folded }) {
      return mapped.role.isEmpty ? .nothing : .role(mapped.role)
    }
    if let role = offered.first(where: { Self.fold($0) == folded }) { return .role(role) }
    guard let role = defaults[folded] else { return .unknown }
    if role.isEmpty { return .nothing }
    return offered.contains(role) ? .role(role) : .unknown
  }

  /// A `--role` naming a role the system does not offer, as problems of the whole file.
  func problems() -> [ImportProblem] {
    given.filter { !$0.role.isEmpty && !offered.contains($0.role) }.map { mapped in
      ImportProblem(
        line: 1, column: "--role", rule: "role",
        message:
          tr(
            "--role maps \"\(mapped.name)\" to \"\(mapped.role)\", which systems/\(system) does not offer (\(offered.joined(separator: ", ")))"
          ),
        hint: tr("map it to one of those roles, or add the role to systems/\(system)"))
    }
  }

  /// The problem of a role name nothing maps.
  func unknown(_ name: String, of login: String, line: Int, column: String) -> ImportProblem {
    ImportProblem(
      line: line, column: column, rule: "role",
      message:
        tr("\(login) has \"\(name)\", which is not a role of systems/\(system) (\(offered.joined(separator: ", ")))"),
      hint: tr("map it with --role '\(name)=ROLE', or add the role to systems/\(system)"))
  }

  /// Lowercased, without accents or surrounding spaces.
  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespaces)
  }
}
