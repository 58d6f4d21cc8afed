import LedgerJSON
import LedgerLanguage

/// ledger.json's `entitlements` name systems that exist, and roles those systems offer: the
/// settings' side of the rule `right-role-offered`. A function calling for a role nobody can
/// be granted would be reported missing for ever.
///
/// Two rules: `entitlement-system` (no such system) and `entitlement-role-offered` (the system
/// does not list the role in its `roles`; a system without `roles` offers any role, as for
/// rights). Findings are placed at the entry in ledger.json.
enum EntitlementRule {
  static func check(_ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard let settings = try context.state.settings(), !settings.entitlements.isEmpty else { return [] }
    var findings: [Diagnostic] = []
    for function in settings.entitlements.keys.sorted() {
      for (index, entitlement) in (settings.entitlements[function] ?? []).enumerated() {
        let at = JSONPointer(tokens: ["entitlements", function, String(index)])
        guard let system = try context.record(.systems, entitlement.system) else {
          findings.append(
            Diagnostic(
              file: LedgerSettings.fileName, instancePath: at.appending("system"), rule: "entitlement-system",
              message: tr("the entitlements of \"\(function)\" name systems/\(entitlement.system), which does not exist"),
              hint: tr("name an existing system ('adminledger list systems' shows them), or add it first")))
          continue
        }
        guard let offered = system.fields["roles"]?.arrayValue, !offered.contains(.string(entitlement.role)) else { continue }
        let names = offered.compactMap(\.stringValue).joined(separator: ", ")
        findings.append(
          Diagnostic(
            file: LedgerSettings.fileName, instancePath: at.appending("role"), rule: "entitlement-role-offered",
            message:
              tr(
                "the entitlements of \"\(function)\" name role \"\(entitlement.role)\", which systems/\(entitlement.system) does not offer (\(names))"
              ),
            hint: tr("use one of its roles, or add the role to systems/\(entitlement.system)")))
      }
    }
    return try placed(findings, context)
  }

  /// The findings with the line and column of their entry in ledger.json.
  private static func placed(_ findings: [Diagnostic], _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard !findings.isEmpty, let bytes = try context.state.bytes(LedgerSettings.fileName),
      let document = try? JSONParser.parseDocument(bytes)
    else { return findings }
    return findings.map { finding in
      var finding = finding
      let location = document.location(of: finding.instancePath)
      finding.line = location.line
      finding.column = location.column
      return finding
    }
  }
}

extension LedgerView {
  /// What is wrong with ledger.json's `entitlements`: systems that do not exist, roles they do
  /// not offer (rules `entitlement-system`, `entitlement-role-offered`), in the file's order.
  ///
  /// - Throws: `StoreError` when the ledger cannot be read.
  public func entitlementProblems() throws(StoreError) -> [Diagnostic] {
    try EntitlementRule.check(context)
  }
}
