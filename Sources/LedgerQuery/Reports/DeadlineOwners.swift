import LedgerCore
import LedgerJSON

/// Who answers for a deadline of `report expiring`, so that `--format mail` tells them:
///
/// | record    | deadline                              | told                                          |
/// |-----------|---------------------------------------|-----------------------------------------------|
/// | rights    | a temporary right's end, access review | who granted it, else who requested it         |
/// | contracts | renewal, notice day                   | its `manager`, else who may approve payments  |
/// | payments  | due day                               | its approver, else who may approve payments   |
/// | duties    | next due day                          | its responsible people                        |
/// | systems   | certificate, domain, backup check     | its `responsible`                             |
/// | people    | membership, ledger role, signing key  | the person themselves                         |
///
/// "Who may approve payments" are the people holding, today, a role the policy lets approve
/// payments (treasurer, president, coordinator). A deadline nobody above answers for goes to
/// the administrators (people holding the `admin` ledger role today), so none is dropped.
public enum DeadlineOwners {
  /// The people (ids, each once, in the order above) told about `record`'s deadlines.
  public static func of(_ record: Record, in view: LedgerView, today: String) throws(StoreError) -> [String] {
    let text = { (field: String) in record.fields[field]?.stringValue }
    var found: [String]
    switch record.key.kind {
    case .rights: found = [text("granted_by") ?? text("requested_by")].compactMap { $0 }
    case .contracts:
      let manager = text("manager")
      found = try manager == nil ? paymentApprovers(view, today: today) : [manager].compactMap { $0 }
    case .payments:
      let approver = text("approved_by")
      found = try approver == nil ? paymentApprovers(view, today: today) : [approver].compactMap { $0 }
    case .duties: found = (record.fields["responsible"]?.arrayValue ?? []).compactMap(\.stringValue)
    case .systems: found = [text("responsible")].compactMap { $0 }
    case .people: found = [record.key.id.value]
    default: found = []
    }
    if found.isEmpty { found = try holders(of: ["admin"], view, today: today) }
    var seen = Set<String>()
    return found.filter { seen.insert($0).inserted }
  }

  private static func paymentApprovers(_ view: LedgerView, today: String) throws(StoreError) -> [String] {
    try holders(of: Set(view.policy.paymentApprovers), view, today: today)
  }

  /// People holding one of `roles` on `today`, by id.
  private static func holders(of roles: Set<String>, _ view: LedgerView, today: String) throws(StoreError) -> [String] {
    try view.records(of: .people)
      .filter { person in Policy.roles(of: person, on: today).contains(where: roles.contains) }
      .map(\.key.id.value).sorted()
  }
}
