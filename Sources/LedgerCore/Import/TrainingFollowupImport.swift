import Foundation
import LedgerJSON
import LedgerLanguage

/// The training follow-up sheet: one attendee a row (`Date;Structure;Nom;Prénom;Formateur;
/// Thème;Durée (h);Commentaire`). Rows sharing date, trainer and theme are one session. People
/// are matched by name and organisation (its id, name or an alias); a trainer by name alone.
/// A row whose person is missing or ambiguous is refused, naming the candidates.
enum TrainingFollowupImport {
  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader, now: Date) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    let required = ["Date", "Structure", "Nom", "Prénom", "Formateur", "Thème"]
    let absent = required.filter { !table.header.contains($0) }
    guard absent.isEmpty else {
      plan.problems.append(
        ImportProblem(
          line: 1,
          message: tr("this is not a training follow-up sheet: no column \(absent.map { "\"\($0)\"" }.joined(separator: ", "))")))
      return plan
    }
    let sheet = Sheet(
      table: table, reader: reader, people: try view.records(of: .people), organizations: try view.records(of: .organizations))
    var used = Set(try view.records(of: .trainings).map(\.key.id.value))
    for session in sessions(of: table) {
      guard let training = sheet.training(session, plan: &plan) else { continue }
      var id = RecordID(generated: training.date + "-" + IDGenerator.suffix())
      while used.contains(id.value) { id = RecordID(generated: training.date + "-" + IDGenerator.suffix()) }
      used.insert(id.value)
      let record = Record(key: RecordKey(kind: .trainings, id: id), fields: training.fields)
      plan.records.append(ImportedRecord(record: record, line: session.line, columns: columns))
    }
    return plan
  }

  /// The column each field of a training comes from.
  static let columns = [
    "date": "Date", "topic": "Thème", "trainers": "Formateur", "attendees": "Nom", "duration_hours": "Durée (h)",
  ]

  /// The rows of one session (one date, trainer and theme), and the line of its first row.
  struct Session {
    var line: Int
    var rows: [(line: Int, cells: [String])]
  }

  /// The table's sessions, in the order of their first rows.
  static func sessions(of table: CSVTable) -> [Session] {
    var sessions: [[String]: Session] = [:]
    var order: [[String]] = []
    for row in table.rows {
      let key = ["Date", "Formateur", "Thème"].map { table.cell(row.cells, $0) }
      if sessions[key] == nil {
        sessions[key] = Session(line: row.line, rows: [])
        order.append(key)
      }
      sessions[key]?.rows.append(row)
    }
    return order.compactMap { sessions[$0] }
  }

  /// The sheet being read, and the people and organisations its rows are matched against.
  struct Sheet {
    let table: CSVTable
    let reader: CellReader
    let people: [Record]
    let organizations: [Record]

    /// The people who attended a session, their comments, and their organisations.
    struct Attendance {
      var attendees: [JSONValue] = []
      var notes: [String] = []
      var organizations = Set<String>()
    }

    /// A row's cell under `column`, normalised.
    func cell(_ cells: [String], _ column: String) -> String {
      reader.normalised(table.cell(cells, column))
    }

    /// The day and fields of the training record a session makes, or nil when its date cannot
    /// be read or a person cannot be matched (each a problem in `plan`).
    func training(_ session: Session, plan: inout ImportPlan) -> (date: String, fields: JSONObject)? {
      let first = session.rows[0].cells
      let date = cell(first, "Date")
      guard LedgerDate.isDay(date) else {
        plan.problems.append(
          ImportProblem(
            line: session.line, column: "Date", rule: "date", message: tr("\"\(table.cell(first, "Date"))\" is not a date"),
            hint: tr("pass --date-format DD/MM/YYYY for dates such as 12/05/2025")))
        return nil
      }
      // Both are matched before giving up, so that every unmatched name is a problem at once.
      let attendance = attendance(session, plan: &plan)
      let trainer = trainer(session, plan: &plan)
      guard let attendance, let trainer else { return nil }
      return (date, fields(first, date: date, trainer: trainer, attendance: attendance))
    }

    /// Who attended, or nil when a row's person is missing or ambiguous.
    func attendance(_ session: Session, plan: inout ImportPlan) -> Attendance? {
      var attendance = Attendance()
      var failed = false
      for row in session.rows {
        let name = cell(row.cells, "Prénom") + " " + cell(row.cells, "Nom")
        let structure = cell(row.cells, "Structure")
        switch match(name: name, organization: structure, people: people, organizations: organizations) {
        case .found(let person):
          attendance.attendees.append(.string(person.key.id.value))
          if let organization = person.fields["organization"]?.stringValue { attendance.organizations.insert(organization) }
          let comment = cell(row.cells, "Commentaire")
          if !comment.isEmpty { attendance.notes.append("\(name): \(comment)") }
        case .problem(let message, let hint):
          plan.problems.append(ImportProblem(line: row.line, column: "Nom", rule: "match", message: message, hint: hint))
          failed = true
        }
      }
      return failed ? nil : attendance
    }

    /// The trainer's id, or nil when the name is missing or ambiguous.
    func trainer(_ session: Session, plan: inout ImportPlan) -> JSONValue? {
      let name = cell(session.rows[0].cells, "Formateur")
      switch match(name: name, organization: nil, people: people, organizations: organizations) {
      case .found(let person):
        return .string(person.key.id.value)
      case .problem(let message, let hint):
        plan.problems.append(ImportProblem(line: session.line, column: "Formateur", rule: "match", message: message, hint: hint))
        return nil
      }
    }

    /// The training record's fields; `first` is the session's first row.
    func fields(_ first: [String], date: String, trainer: JSONValue, attendance: Attendance) -> JSONObject {
      var fields = JSONObject()
      fields["date"] = .string(date)
      fields["topic"] = .string(cell(first, "Thème"))
      fields["trainers"] = .array([trainer])
      fields["attendees"] = .array(attendance.attendees)
      if attendance.organizations.count == 1, let organization = attendance.organizations.first {
        fields["organization"] = .string(organization)
      }
      if let path = FieldPath("duration_hours"),
        case .number(let hours)? = try? reader.value(cell(first, "Durée (h)"), for: path, kind: .trainings)
      {
        fields["duration_hours"] = .number(hours)
      }
      if !attendance.notes.isEmpty { fields["notes"] = .string(attendance.notes.joined(separator: "\n")) }
      return fields
    }
  }

  enum Match {
    case found(Record)
    case problem(String, hint: String)
  }

  /// The one person with this name (in this organisation, when given).
  static func match(name: String, organization: String?, people: [Record], organizations: [Record]) -> Match {
    let words = CellReader.nameWords(name)
    let named = people.filter { CellReader.nameWords($0.fields["name"]?.stringValue ?? "") == words }
    guard let organization, !organization.isEmpty else {
      if named.count == 1 { return .found(named[0]) }
      return named.isEmpty
        ? .problem(
          tr("no person named \(name) in the ledger"), hint: tr("add the person first (adminledger add people ID --set name=...)")
        )
        : .problem(
          tr("\(name) is ambiguous: \(named.map(\.key.description).joined(separator: ", "))"),
          hint: tr("make the names distinct, or import this session by hand"))
    }
    let organizationIDs = Set(organizations.filter { matches(organization, $0) }.map(\.key.id.value))
    let there = named.filter { organizationIDs.contains($0.fields["organization"]?.stringValue ?? "") }
    if there.count == 1 { return .found(there[0]) }
    if there.count > 1 {
      return .problem(
        tr("\(name) at \(organization) is ambiguous: \(there.map(\.key.description).joined(separator: ", "))"),
        hint: tr("make the names distinct, or import this session by hand"))
    }
    if organizationIDs.isEmpty {
      return .problem(
        tr("no organisation matches \"\(organization)\""),
        hint: tr("add it, or give the existing one an alias (aliases: [\"\(organization)\"])"))
    }
    let elsewhere = named.map { person in
      person.fields["organization"]?.stringValue.map { "\(person.key) (\($0))" } ?? tr("\(person.key) (no organisation)")
    }
    return .problem(
      elsewhere.isEmpty
        ? tr("no person named \(name) at \(organization)")
        : tr("no person named \(name) at \(organization); found \(elsewhere.joined(separator: ", "))"),
      hint: tr("add the person with organization=\(organizationIDs.sorted()[0]), or fix the row"))
  }

  /// An organisation matches a cell by id, name or alias, ignoring case, accents and spacing.
  static func matches(_ text: String, _ organization: Record) -> Bool {
    let wanted = CellReader.nameWords(text)
    var names = [organization.key.id.value.replacingOccurrences(of: "-", with: " ")]
    names += [organization.fields["name"]?.stringValue].compactMap { $0 }
    names += (organization.fields["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
    return names.contains { CellReader.nameWords($0) == wanted }
  }
}
