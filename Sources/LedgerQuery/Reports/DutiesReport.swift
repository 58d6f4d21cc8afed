import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report duties`: the coordination table, one row per duty, as the organisation writes it.
/// A row of the platform's, as CSV:
///
///     theme,mission,systems,procedure,link,responsible,deputy,actors,frequency,last_done,next_due,duty
///     Users,User rights,"usershub, geonature",Opening an account and granting a right,
///       https://wiki.biodiv-sud.example.org/procedures/user-rights,Sophie Roux,Marc Petit,
///       cbn-med: validate; lpo-paca: validate,on-request,,,user-rights
///
/// `last_done` is the duty's `last_done` (`adminledger done` sets it), `next_due` that day plus
/// the frequency, as `report expiring` lists it.
///
/// Systems and organisations go by their ids (`geonature`, `lpo-paca`: the names the
/// organisations use), people by their names. Actors are joined with `; ` because an
/// organisation's name may hold a comma. Rows are sorted by theme, then mission (without
/// case or accents), then id. Every format gets these same texts, so a spreadsheet opened from
/// the CSV reads like the note; `show duties/ID` gives a duty's fields as data.
public enum DutiesReport {
  /// The columns of the table, in order.
  public static let columns = [
    Phrase("theme"), Phrase("mission"), Phrase("systems"), Phrase("procedure"), Phrase("link"), Phrase("responsible"),
    Phrase("deputy"), Phrase("actors"), Phrase("frequency"), Phrase("last_done"), Phrase("next_due"), Phrase("duty"),
  ]

  /// Which duties to show; every filter given must hold.
  public struct Filter: Sendable {
    /// A person responsible for the duty, its deputy, or one of its actors.
    public var person: Record?
    /// A system the duty uses.
    public var system: Record?
    /// An organisation taking part: an actor, a person of it who is an actor, or a person of
    /// it who is responsible or deputy.
    public var organization: Record?

    /// A filter; each record given narrows the table, nil leaves it whole.
    public init(person: Record? = nil, system: Record? = nil, organization: Record? = nil) {
      self.person = person
      self.system = system
      self.organization = organization
    }
  }

  /// The table of the duties that meet `filter`.
  ///
  /// - Parameters:
  ///   - view: The ledger read.
  ///   - filter: The person, system and organisation the duties must involve.
  /// - Returns: One section, "Coordination table"; its title names the filters.
  /// - Throws: `StoreError` when the ledger cannot be read.
  public static func make(_ view: LedgerView, filter: Filter = Filter()) throws(StoreError) -> Report {
    let people = Dictionary(try view.records(of: .people).map { ($0.key.id.value, $0) }) { first, _ in first }
    let name = { (id: String) in people[id]?.fields["name"]?.stringValue ?? id }
    let rows = try view.records(of: .duties)
      .filter { involves($0, filter, people: people) }
      .map { row($0, name: name) }
      .sorted { order($0) < order($1) }
    let ledger = try view.settings()?.name
    return Report(
      title: (ledger.map { tr("Duties of \($0)") } ?? tr("Duties of the ledger")) + describe(filter),
      sections: [Report.Section(title: Phrase("Coordination table"), columns: columns, rows: rows)])
  }

  /// What `person` does in `duty`: `responsible`, `deputy`, and the role of each actor entry
  /// naming them (`validate`, `test`, ...), in that order; empty when they take no part.
  public static func parts(of person: String, in duty: Record) -> [String] {
    var parts: [String] = []
    if list(duty, "responsible").contains(person) { parts.append("responsible") }
    if duty.fields["deputy"]?.stringValue == person { parts.append("deputy") }
    parts += actors(of: duty).filter { $0.person == person }.map(\.role)
    return parts
  }

  /// The people a duty relies on: its responsible people, then its deputy, each once.
  public static func keyPeople(of duty: Record) -> [(person: String, part: String)] {
    var found = list(duty, "responsible").map { (person: $0, part: "responsible") }
    if let deputy = duty.fields["deputy"]?.stringValue, !found.contains(where: { $0.person == deputy }) {
      found.append((deputy, "deputy"))
    }
    return found
  }

  // MARK: - Reading a duty

  private struct Actor {
    var organization: String?
    var person: String?
    var role: String
  }

  private static func actors(of duty: Record) -> [Actor] {
    (duty.fields["actors"]?.arrayValue ?? []).compactMap(\.objectValue).map { actor in
      Actor(
        organization: actor["organization"]?.stringValue, person: actor["person"]?.stringValue,
        role: actor["role"]?.stringValue ?? "?")
    }
  }

  /// The strings of an array field.
  private static func list(_ duty: Record, _ field: String) -> [String] {
    (duty.fields[field]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  private static func involves(_ duty: Record, _ filter: Filter, people: [String: Record]) -> Bool {
    if let person = filter.person?.key.id.value, parts(of: person, in: duty).isEmpty { return false }
    if let system = filter.system?.key.id.value, !list(duty, "systems").contains(system) { return false }
    if let organization = filter.organization?.key.id.value {
      let belongs = { (person: String?) in
        person.flatMap { people[$0]?.fields["organization"]?.stringValue } == organization
      }
      let takesPart =
        actors(of: duty).contains { $0.organization == organization || belongs($0.person) }
        || keyPeople(of: duty).contains { belongs($0.person) }
      if !takesPart { return false }
    }
    return true
  }

  // MARK: - Printing

  /// One line of the table, in the order of `columns`. An empty text (no systems, no
  /// actors) is null: an empty cell in text and CSV, and null in JSON.
  private static func row(_ duty: Record, name: (String) -> String) -> [JSONValue] {
    let text = { (field: String) in duty.fields[field]?.stringValue }
    let procedure = duty.fields["procedure"]?.objectValue
    let takingPart = actors(of: duty).map { "\($0.organization ?? $0.person.map(name) ?? "?"): \($0.role)" }
    let cells: [String?] = [
      text("theme"), text("mission"), list(duty, "systems").joined(separator: ", "),
      procedure?["title"]?.stringValue, procedure?["url"]?.stringValue,
      list(duty, "responsible").map(name).joined(separator: ", "), text("deputy").map(name),
      takingPart.joined(separator: "; "), text("frequency"), text("last_done"), ExpiringReport.nextDue(of: duty),
      duty.key.id.value,
    ]
    return cells.map { cell in cell.flatMap { $0.isEmpty ? nil : JSONValue.string($0) } ?? .null }
  }

  /// `, for Sophie Roux (people/sroux), using UsersHub (systems/usershub)`, or nothing.
  private static func describe(_ filter: Filter) -> String {
    let name = { (record: Record) in record.fields["name"]?.stringValue ?? record.key.id.value }
    let parts = [
      filter.person.map { tr("for \(name($0)) (\($0.key))") },
      filter.system.map { tr("using \(name($0)) (\($0.key))") },
      filter.organization.map { tr("with \(name($0)) (\($0.key))") },
    ].compactMap { $0 }
    return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
  }

  /// Theme, mission (without case or accents), id.
  private static func order(_ row: [JSONValue]) -> (String, String, String) {
    let fold = { (value: JSONValue) in
      (value.stringValue ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
    return (fold(row[0]), fold(row[1]), row[11].compactText)
  }
}
