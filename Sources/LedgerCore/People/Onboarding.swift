import Foundation
import LedgerJSON

/// What `onboard` is asked to do: give a person functions and request what they call for.
public struct OnboardRequest: Sendable {
  /// The person arriving (their record exists: `add people` first).
  public var person: RecordID
  /// Functions to add to theirs (people's `functions`), in order.
  public var functions: [String]

  /// A request to give `person` these functions.
  public init(person: RecordID, functions: [String]) {
    self.person = person
    self.functions = functions
  }
}

/// What `onboard` does: the functions added, and for each right the person's functions call
/// for (ledger.json's `entitlements`), whether it was already there or is now requested.
public struct OnboardPlan: Sendable {
  /// One right a function calls for.
  public struct Entry: Equatable, Sendable {
    /// Where it stands.
    public enum State: Equatable, Sendable {
      /// The person holds it (an active right), or it is already requested or validated.
      case present(right: String, status: String)
      /// A right is requested now on `account`, opened as a requested account when `newAccount`.
      case requested(right: String, account: String, newAccount: Bool)
    }

    /// The role on a system.
    public let entitlement: Entitlement
    /// The person's functions calling for it, in their record's order.
    public let calledForBy: [String]
    /// Already there, or requested now.
    public let state: State
  }

  /// The person arriving.
  public let person: RecordKey
  /// Their name, when their record has one.
  public let name: String?
  /// The functions added to the person's (those they did not have).
  public var functionsAdded: [String] = []
  /// Sorted by system, then role.
  public var entries: [Entry] = []
  /// The records written: the person, and the accounts and rights requested.
  public var changes: [OffboardPlan.Change] = []

  /// The records written, in order.
  public var records: [RecordKey] { changes.map(\.record.key) }
}

/// Plans an arrival: the person's new functions, and a requested account and right for each
/// right their functions call for that they neither hold nor have requested.
///
/// An account is reused when the person has one on the system that is not closed (active
/// first, then suspended, then requested); else a new one is requested (`status` requested,
/// no login yet: the administrator sets it when opening the account). The right is `requested`
/// with the role, for someone to validate and activate. Ids are generated (`IDGenerator`).
public enum Onboarding {
  /// The plan for `request` in `view`, ids made for `now`.
  ///
  /// - Throws: `.recordNotFound` for an unknown person.
  public static func plan(_ request: OnboardRequest, in view: LedgerView, now: Date) throws(StoreError) -> OnboardPlan {
    let key = RecordKey(kind: .people, id: request.person)
    guard let person = try view.record(key) else { throw .recordNotFound(key) }
    let settings = try view.settings()
    var plan = OnboardPlan(person: key, name: Offboarding.text(person, "name"))
    var functions = Offboarding.strings(person, "functions")
    for function in request.functions where !functions.contains(function) {
      functions.append(function)
      plan.functionsAdded.append(function)
    }
    if !plan.functionsAdded.isEmpty {
      var fields = person.fields
      fields["functions"] = .array(functions.map { .string($0) })
      plan.changes.append(
        OffboardPlan.Change(
          record: Record(key: key, fields: fields), action: .set, fields: FieldChange.between(person.fields, fields)))
    }
    var called: [Entitlement: [String]] = [:]
    for function in functions {
      for entitlement in settings?.entitlements[function] ?? [] where called[entitlement]?.contains(function) != true {
        called[entitlement, default: []].append(function)
      }
    }
    var ids = IDs(view: view, generator: IDGenerator(timeZone: settings?.timeZone ?? .gmt), now: now)
    let accounts = try view.records(of: .accounts).filter { Offboarding.text($0, "person") == key.id.value }
    let rights = try view.records(of: .rights)
    var opened: [String: String] = [:]  // system -> account requested by this plan
    for entitlement in called.keys.sorted() {
      let state = try requestRight(
        entitlement, for: key.id.value, accounts: accounts, rights: rights, opened: &opened, ids: &ids, plan: &plan)
      plan.entries.append(OnboardPlan.Entry(entitlement: entitlement, calledForBy: called[entitlement] ?? [], state: state))
    }
    return plan
  }

  /// The right's state: present, or requested now (with its account when needed).
  private static func requestRight(
    _ entitlement: Entitlement, for person: String, accounts: [Record], rights: [Record], opened: inout [String: String],
    ids: inout IDs, plan: inout OnboardPlan
  ) throws(StoreError) -> OnboardPlan.Entry.State {
    let open = accounts.filter {
      Offboarding.text($0, "system") == entitlement.system && Offboarding.text($0, "status") != "closed"
    }
    let openIDs = Set(open.map(\.key.id.value))
    let present = first(
      rights.filter { right in
        Offboarding.text(right, "account").map(openIDs.contains) == true && Offboarding.text(right, "role") == entitlement.role
          && Offboarding.openRights.contains(Offboarding.text(right, "status") ?? "")
      }, by: ["active", "validated", "requested"])
    if let present {
      return .present(right: present.key.id.value, status: Offboarding.text(present, "status") ?? "")
    }
    var account = first(open, by: ["active", "suspended", "requested"])?.key.id.value ?? opened[entitlement.system]
    var newAccount = false
    if account == nil {
      let key = try ids.next(.accounts)
      let fields = JSONObject([("person", .string(person)), ("status", "requested"), ("system", .string(entitlement.system))])
      plan.changes.append(
        OffboardPlan.Change(record: Record(key: key, fields: fields), action: .add, fields: FieldChange.between(nil, fields)))
      account = key.id.value
      opened[entitlement.system] = key.id.value
      newAccount = true
    }
    let accountID = account ?? ""
    let key = try ids.next(.rights)
    let fields = JSONObject([("account", .string(accountID)), ("role", .string(entitlement.role)), ("status", "requested")])
    plan.changes.append(
      OffboardPlan.Change(record: Record(key: key, fields: fields), action: .add, fields: FieldChange.between(nil, fields)))
    return .requested(right: key.id.value, account: accountID, newAccount: newAccount)
  }

  /// The record whose status comes first in `statuses`, then by key.
  private static func first(_ records: [Record], by statuses: [String]) -> Record? {
    let rank = { (record: Record) in statuses.firstIndex(of: Offboarding.text(record, "status") ?? "") ?? statuses.count }
    return records.min { (rank($0), $0.key) < (rank($1), $1.key) }
  }

  /// The commit message: the subject, and each record's field changes.
  static func message(_ plan: OnboardPlan) -> CommitMessage {
    let who = plan.name.map { "\(plan.person) (\($0))" } ?? plan.person.description
    let functions = plan.functionsAdded.isEmpty ? "" : " as " + plan.functionsAdded.joined(separator: ", ")
    var body: [String] = []
    for change in plan.changes {
      body.append("\(change.record.key):")
      body += change.fields.map { "  " + $0.summary }
    }
    let actions: [CommitMessage.Action] =
      [.onboard] + [CommitMessage.Action.add, .set].filter { action in plan.changes.contains { $0.action == action } }
    return CommitMessage(subject: "Onboard \(who)\(functions)", body: body, actions: actions, records: plan.records)
  }

  /// Fresh ids, never one the ledger or this plan already uses.
  struct IDs {
    let view: LedgerView
    let generator: IDGenerator
    let now: Date
    var used = Set<RecordKey>()

    mutating func next(_ kind: RecordKind) throws(StoreError) -> RecordKey {
      while true {
        let key = RecordKey(kind: kind, id: generator.makeID(at: now))
        if !used.contains(key), try view.record(key) == nil {
          used.insert(key)
          return key
        }
      }
    }
  }
}
