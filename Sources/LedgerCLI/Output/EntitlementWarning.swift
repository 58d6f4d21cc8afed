import LedgerCore
import LedgerLanguage
import LedgerQuery

/// The warning a write gets when it makes a right active that none of its holder's functions
/// calls for (ledger.json's `entitlements`; see `EntitlementCheck.grants`), on standard error:
///
///     warning: rights/2026-11-18-a1b2c gives treasurer on dolibarr to kbonnet, which none of
///       their functions (member, deputy) calls for; functions that would: treasurer
///
/// (one line). Not a refusal: the write is made, as exceptions exist; `report entitlements`
/// keeps listing the right, for the audit. The notes `report entitlements` prints before its
/// report are here too.
enum EntitlementWarning {
  /// Warns about each right the write made active without a function calling for it. Says
  /// nothing when the ledger declares no entitlements, or when it cannot be read back (the
  /// write is made already: this never fails it). Entitlements naming a system or role that
  /// does not exist are not warned about here: validation refuses them.
  static func print(after result: WriteResult, _ context: CommandContext) {
    guard result.changes.records.contains(where: { $0.kind == .rights }), let ledger = try? context.openLedger(),
      let after = try? LedgerView(ledger.store.snapshot(at: result.commit)),
      let check = try? EntitlementCheck(after), !check.entitlements.isEmpty
    else { return }
    // The commit's parent, or nothing when the write made the first commit.
    let before = try? LedgerView(ledger.store.snapshot(at: result.commit + "^"))
    guard let found = try? check.grants(result.changes.records, before: before, after: after) else { return }
    for grant in found {
      context.err.line(text(grant))
      if grant.right.fields["reason"] == nil { context.err.line(hint(grant)) }
    }
  }

  /// Said after the warning of a right whose reason is not recorded.
  static func hint(_ grant: EntitlementCheck.Unjustified) -> String {
    DiagnosticRenderer.hintLine(
      tr(
        "record why with --set reason=..., or give people/\(grant.person) a function that calls for it; 'adminledger report entitlements' lists such rights"
      ))
  }

  /// The warning's line.
  static func text(_ grant: EntitlementCheck.Unjustified) -> String {
    let theirs = grant.functions.isEmpty ? tr("none recorded") : grant.functions.joined(separator: ", ")
    let right = grant.right.key
    let (role, system, person) = (grant.entitlement.role, grant.entitlement.system, grant.person)
    let message =
      grant.calledForBy.isEmpty
      ? tr(
        "\(right) gives \(role) on \(system) to \(person), which none of their functions (\(theirs)) calls for; no function calls for it"
      )
      : tr(
        "\(right) gives \(role) on \(system) to \(person), which none of their functions (\(theirs)) calls for; functions that would: \(grant.calledForBy.joined(separator: ", "))"
      )
    return DiagnosticRenderer.warningLine(message)
  }

  // MARK: - report entitlements

  /// The ledger declares no entitlements, so the report judges nothing.
  static var noEntitlements: [String] {
    [
      DiagnosticRenderer.noteLine(tr("ledger.json declares no entitlements, so no function calls for any right")),
      DiagnosticRenderer.hintLine(
        tr(
          "add \"entitlements\": {\"FUNCTION\": [{\"role\": \"ROLE\", \"system\": \"SYSTEM\"}]} to ledger.json and run 'adminledger commit'"
        )),
    ]
  }

  /// `--system` names a system no entitlement names: its rights are not judged unjustified.
  static func unjudged(system: String) -> String {
    DiagnosticRenderer.noteLine(
      tr("no function calls for a role on systems/\(system): its rights are granted case by case and not judged here"))
  }
}
