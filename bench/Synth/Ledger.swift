import Foundation

/// One administrator of the synthetic ledger: the five people of ledger/platform holding a
/// ledger role, with what the policy lets them do.
struct Admin: Sendable {
  let id: String
  let name: String
  let email: String
  /// Kinds the roles may write; nil means every kind.
  let writes: Set<String>?
  let grants: Bool
  let approves: Bool

  func may(_ kind: String) -> Bool { writes?.contains(kind) ?? true }

  var person: FastImportStream.Person { .init(name: name, email: email) }

  /// The policy of ledger/platform/ledger.json. Alice Gauthier is a reviewer there; the
  /// synthetic history makes her coordinator too in its third commit, so that five
  /// administrators write.
  static let all: [Admin] = [
    Admin(id: "cdurand", name: "Claire Durand", email: "cdurand@cen-paca.example.org", writes: nil, grants: true, approves: true),
    Admin(id: "mpetit", name: "Marc Petit", email: "mpetit@cen-paca.example.org", writes: nil, grants: true, approves: false),
    Admin(id: "sroux", name: "Sophie Roux", email: "sroux@cen-paca.example.org",
          writes: ["people", "organizations", "accounts", "rights", "trainings"], grants: true, approves: false),
    Admin(id: "ybenali", name: "Yasmine Benali", email: "ybenali@cen-paca.example.org",
          writes: ["tickets", "trainings", "people"], grants: false, approves: false),
    Admin(id: "agauthier", name: "Alice Gauthier", email: "agauthier@cen-paca.example.org", writes: nil, grants: false, approves: true),
  ]
}

/// A record written by one commit: its fields before (nil when added) and after.
struct Change {
  let kind: String
  let id: String
  let old: [String: J]?
  let new: [String: J]
  var key: String { kind + "/" + id }
  var path: String { kind + "/" + id + ".json" }
}

/// The whole ledger in memory, and what the history needs to keep every change valid.
final class LedgerState {
  var rng: SeededRandom
  var records: [String: [String: J]] = [:]  // "kind/id" -> fields
  /// Generated records that history may change, by kind (the sample's stay as they are).
  var ids: [String: [String]] = [:]
  var organizations: [String] = []  // every organisation, the sample's first
  var personSystems: [String: Set<String>] = [:]
  var activeRights: [String: Int] = [:]  // account -> active rights on it
  var peopleOf: [String: Int] = [:]  // organisation -> people
  var touched: [String: Int] = [:]  // "kind/id" -> commits that changed it
  private var taken: Set<String> = []
  private var idBases: [String: Int] = [:]
  private var emailCounters: [String: Int] = [:]
  /// During a branch period: the side that read or wrote each record first. The sides touch
  /// disjoint records, so each side's tree is valid and the merge is their union.
  var claims: [String: Int] = [:]
  var side = -1
  var day = 0

  static let systemRoles: [String: [String]] = [
    "cloud-vm": ["root", "operator"],
    "geonature": ["reader", "contributor", "validator", "sensitive-reader", "admin"],
    "github-tracker": ["triage", "write", "admin"],
    "goaccess": ["view"],
    "matomo": ["view", "admin"],
    "usershub": ["user-admin", "admin"],
    "wiki": ["reader", "editor"],
  ]
  static let systems = systemRoles.keys.sorted()
  static let contracts: [(provider: String, id: String, amount: [String])] = [
    ("github", "2023-06-01-fk3ck", ["40.00", "480.00"]),
    ("scaleway", "2024-01-15-cqt8j", ["155.00", "1860.00", "310.00"]),
    ("natural-solutions", "2025-03-01-kszpr", ["2400.00", "9600.00", "1350.50", "780.00"]),
  ]
  static let biggestOrganization = "cen-paca"
  static let staff = ["cdurand", "mpetit", "sroux", "ybenali"]

  init(seed: UInt64) { rng = SeededRandom(seed: seed) }

  // MARK: - Claims and picks

  /// Whether the current side may use the record; claims it for the side when so.
  func claim(_ key: String) -> Bool {
    guard side >= 0 else { return true }
    if let owner = claims[key] { return owner == side }
    claims[key] = side
    return true
  }

  /// A generated record of `kind` the current side may use, satisfying `accept`.
  func pick(_ kind: String, tries: Int = 30, where accept: ([String: J]) -> Bool = { _ in true }) -> String? {
    guard let list = ids[kind], !list.isEmpty else { return nil }
    for _ in 0..<tries {
      let id = rng.pick(list)
      let key = kind + "/" + id
      guard let fields = records[key], accept(fields) else { continue }
      if side >= 0, let owner = claims[key], owner != side { continue }
      if claim(key) { return id }
    }
    return nil
  }

  /// Any person the current side may refer to (generated or the sample's staff).
  func person() -> String? {
    if rng.chance(0.05) { return rng.pick(LedgerState.staff) }
    return pick("people")
  }

  func organization() -> String {
    if rng.chance(0.08) { return LedgerState.biggestOrganization }
    while true {
      let org = organizations[1 + rng.skewed(organizations.count - 1)]
      if org != LedgerState.biggestOrganization, claim("organizations/" + org) { return org }
    }
  }

  // MARK: - Ids and values

  /// An id as `adminledger add` makes it: the day and five random lowercase alphanumerics.
  func generatedID(_ kind: String, day: Int) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    while true {
      let suffix = String((0..<5).map { _ in rng.pick(alphabet) })
      let id = Day.text(day) + "-" + suffix
      if taken.insert(kind + "/" + id).inserted { return id }
    }
  }

  func personID(first: String, last: String) -> String {
    let base = (String(first.prefix(1)) + last).lowercased()
    let n = (idBases[base] ?? 0) + 1
    idBases[base] = n
    return base + String(n)
  }

  func newEmail(for id: String) -> String {
    let n = (emailCounters[id] ?? 0) + 1
    emailCounters[id] = n
    return "\(id).\(n)@example.net"
  }

  func reserve(_ key: String) { taken.insert(key) }

  func money(_ low: Int, _ high: Int) -> J {
    let cents = rng.chance(0.5) ? 0 : rng.int(1...99)
    return .s("\(rng.int(low...high)).\(cents < 10 ? "0" : "")\(cents)")
  }

  func phone() -> J { .s("+336" + String(rng.int(10_000_000...99_999_999))) }

  func add(_ kind: String, _ id: String, _ fields: [String: J], pickable: Bool = true) {
    records[kind + "/" + id] = fields
    reserve(kind + "/" + id)
    if pickable { ids[kind, default: []].append(id) }
  }
}

extension Dictionary where Key == String, Value == J {
  func text(_ key: String) -> String? {
    if case .s(let value)? = self[key] { return value }
    return nil
  }

  func strings(_ key: String) -> [String] {
    guard case .a(let items)? = self[key] else { return [] }
    return items.compactMap { if case .s(let value) = $0 { return value } else { return nil } }
  }
}
