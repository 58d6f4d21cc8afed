import LedgerJSON

/// A right a function calls for: a role on a system, as ledger.json's `entitlements` declare
/// them, keyed by function:
///
///     "entitlements": {
///       "delegate": [{"role": "delegate", "system": "dolibarr"}],
///       "treasurer": [{"role": "treasurer", "system": "dolibarr"}]
///     }
///
/// A person's functions (people's `functions`) call for the union of their entitlements.
public struct Entitlement: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The id of a system record.
  public var system: String
  /// A role that system offers.
  public var role: String

  public init(system: String, role: String) {
    self.system = system
    self.role = role
  }

  /// `delegate on dolibarr`.
  public var description: String { "\(role) on \(system)" }

  public static func < (lhs: Entitlement, rhs: Entitlement) -> Bool {
    (lhs.system, lhs.role) < (rhs.system, rhs.role)
  }

  /// The entitlements of a settings document, by function, each list in the file's order.
  /// The schema refuses other shapes; an entry this cannot read (no system or role) is left
  /// out rather than guessed.
  static func read(_ value: JSONValue?) -> [String: [Entitlement]] {
    guard let object = value?.objectValue else { return [:] }
    var result: [String: [Entitlement]] = [:]
    for member in object {
      result[member.key] = (member.value.arrayValue ?? []).compactMap { item in
        guard let system = item.objectValue?["system"]?.stringValue, let role = item.objectValue?["role"]?.stringValue
        else { return nil }
        return Entitlement(system: system, role: role)
      }
    }
    return result
  }
}
