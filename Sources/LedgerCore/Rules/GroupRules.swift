import LedgerJSON
import LedgerLanguage

/// The rules of groups a schema cannot say: a group's roles are roles its system offers (as a
/// right's are, rule `group-role-offered`), and an account's groups are groups of its own
/// system (rule `account-group-system`): a membership elsewhere would give nothing, silently.
enum GroupRules {
  /// A group's roles are ones its system offers (a system without `roles` offers any).
  static func groupRolesAreOffered(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .groups, let systemID = record.fields["system"]?.stringValue,
      let system = try context.record(.systems, systemID), let offered = system.fields["roles"]?.arrayValue
    else { return [] }
    let names = offered.compactMap(\.stringValue).joined(separator: ", ")
    return GroupRoles.roles(of: record).enumerated().compactMap { index, role in
      guard !offered.contains(.string(role)) else { return nil }
      return Diagnostic(
        file: record.key.path, instancePath: JSONPointer(tokens: ["roles", String(index)]), rule: "group-role-offered",
        message: tr("role \"\(role)\" is not one that systems/\(systemID) offers (\(names))"),
        hint: tr("use one of its roles, or add the role to systems/\(systemID)"))
    }
  }

  /// Each group an account lists belongs to the account's system.
  static func accountGroupsAreOnItsSystem(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .accounts, let system = record.fields["system"]?.stringValue else { return [] }
    var findings: [Diagnostic] = []
    for (index, id) in GroupRoles.memberships(of: record).enumerated() {
      guard let group = try context.record(.groups, id), let other = group.fields["system"]?.stringValue,
        other != system
      else { continue }
      findings.append(
        Diagnostic(
          file: record.key.path, instancePath: JSONPointer(tokens: ["groups", String(index)]),
          rule: "account-group-system",
          message: tr("groups/\(id) is a group of systems/\(other), not of the account's system (systems/\(system))"),
          hint: tr("list only groups of systems/\(system) ('adminledger list groups' shows them)")))
    }
    return findings
  }
}
