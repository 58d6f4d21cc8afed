/// The twelve kinds of record, each a folder of the ledger.
public enum RecordKind: String, CaseIterable, Sendable, Comparable {
  case people, organizations, systems, accounts, rights, tickets, payments, contracts, trainings
  /// Who does what, with which tool and procedure: the organisation's coordination table.
  case duties
  /// A person forgotten: the signed description of a history rewritten without them (`forget`).
  case erasures
  /// A system's group: its member accounts hold its roles (`accounts.groups` lists them).
  case groups

  /// The folder holding this kind's records, relative to the ledger root.
  public var folder: String { rawValue }

  /// Kinds whose records are events rather than named things: `add` makes up their id
  /// (date plus random suffix) when none is given, so offline administrators never collide.
  public var generatesIDs: Bool {
    switch self {
    case .people, .organizations, .systems, .duties, .groups: false
    case .accounts, .rights, .tickets, .payments, .contracts, .trainings, .erasures: true
    }
  }

  /// The fields `list` shows by default, after the id.
  public var summaryFields: [String] {
    switch self {
    case .people: ["name", "organization", "functions", "member_status"]
    case .organizations: ["name", "type", "website"]
    case .systems: ["name", "type", "url"]
    case .accounts: ["person", "system", "login", "status"]
    case .rights: ["account", "role", "status", "end"]
    case .tickets: ["type", "title", "status", "opened"]
    case .payments: ["provider", "amount", "status", "due"]
    case .contracts: ["provider", "yearly_amount", "renewal", "status"]
    case .trainings: ["date", "topic", "organization"]
    case .duties: ["theme", "mission", "responsible"]
    case .erasures: ["date", "person", "by", "reason"]
    case .groups: ["system", "name", "roles"]
    }
  }

  /// Reads a kind name, also accepting the singular (`person`, `right`).
  public init?(name: String) {
    if let kind = RecordKind(rawValue: name) {
      self = kind
    } else if let kind = RecordKind.allCases.first(where: { $0.singular == name }) {
      self = kind
    } else {
      return nil
    }
  }

  /// The singular noun, for messages: `person`, `right`, `duty`.
  public var singular: String {
    switch self {
    case .people: "person"
    case .duties: "duty"
    case .erasures: "erasure"
    default: String(rawValue.dropLast())
    }
  }

  public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
