import Foundation
import LedgerJSON
import LedgerLanguage

/// How the rows of one kind of file become records.
public enum ImportProfile: String, Sendable, CaseIterable {
  /// Columns named like the kind's fields (or mapped with `--map`); `id` names the record.
  case generic
  /// The back office's (Dolibarr) member export: French headers, one member a row.
  case dolibarrMembers = "dolibarr-members"
  /// The training follow-up sheet: one attendee a row; rows of a session share date,
  /// trainer and theme; people matched by name and organisation.
  case trainingFollowup = "training-followup"
  /// Last-login dates per account (login and date), from a system's logs or analytics, into
  /// the accounts' `last_seen` (`--system` names the system).
  case lastLogin = "last-login"
  /// A partner's filled access review (`report review ORGANIZATION`): each right kept
  /// (validation renewed) or revoked, with the reason.
  case accessReview = "access-review"
  /// Certificate ends per host name, from a certificate transparency search (crt.sh) or an
  /// inventory, into the `certificate_end` of the systems whose url is on that host.
  case certificates = "certificates"

  /// The kind the profile writes, when it is fixed.
  public var kind: RecordKind? {
    switch self {
    case .generic: nil
    case .dolibarrMembers: .people
    case .trainingFollowup: .trainings
    case .lastLogin: .accounts
    case .accessReview: .rights
    case .certificates: .systems
    }
  }

  func plan(_ table: CSVTable, kind: RecordKind, view: LedgerView, options: ImportOptions, now: Date) throws(StoreError)
    -> ImportPlan
  {
    var options = options
    if self == .trainingFollowup {
      // The training sheet is French by definition: days first, decimal commas.
      options.dateFormat = options.dateFormat ?? "DD/MM/YYYY"
      options.decimalComma = true
    }
    var reader = CellReader(options: options, schema: view.context.schemas.schema(for: kind))
    reader.conventions = InputConventions(settings: try view.settings())
    var plan: ImportPlan
    switch self {
    case .generic: plan = try GenericImport.plan(table, kind: kind, view: view, reader: reader, now: now)
    case .dolibarrMembers: plan = try DolibarrMembersImport.plan(table, view: view, reader: reader)
    case .trainingFollowup: plan = try TrainingFollowupImport.plan(table, view: view, reader: reader, now: now)
    case .lastLogin: plan = try LastLoginImport.plan(table, view: view, reader: reader)
    case .accessReview: plan = try AccessReviewImport.plan(table, view: view, reader: reader)
    case .certificates: plan = try CertificatesImport.plan(table, view: view, reader: reader)
    }
    plan.conversions = reader.log.entries
    return plan
  }
}

/// Columns named like fields, or mapped with `--map COLUMN=FIELD`.
enum GenericImport {
  static func plan(_ table: CSVTable, kind: RecordKind, view: LedgerView, reader: CellReader, now: Date) throws(StoreError)
    -> ImportPlan
  {
    var plan = ImportPlan()
    let fields = fieldColumns(table, kind: kind, view: view, reader: reader, plan: &plan)
    var ids = IDAssignment(
      kind: kind, matchesRows: reader.options.matchesRows, now: now,
      used: Set(try view.records(of: kind).map(\.key.id.value)),
      generator: IDGenerator(timeZone: (try view.settings())?.timeZone ?? .gmt))
    for row in table.rows {
      guard let read = rowFields(row, of: table, fields: fields, kind: kind, reader: reader, plan: &plan),
        let (recordID, provisional) = ids.assign(read.id, line: row.line, plan: &plan)
      else { continue }
      plan.records.append(
        ImportedRecord(
          record: Record(key: RecordKey(kind: kind, id: recordID), fields: read.object), line: row.line, columns: read.columns,
          idIsProvisional: provisional))
    }
    return plan
  }

  /// The field each column of the header fills. A column that fills none is skipped, and said
  /// so, unless it holds secrets, which refuses the import; a `--map` naming no column of the
  /// file is a problem too.
  private static func fieldColumns(
    _ table: CSVTable, kind: RecordKind, view: LedgerView, reader: CellReader, plan: inout ImportPlan
  ) -> [String: FieldPath] {
    var fields: [String: FieldPath] = [:]
    let declared = Set(view.fieldNames(of: kind))
    for column in table.header {
      if let mapped = reader.options.mappings.first(where: { $0.column == column }) {
        fields[column] = mapped.field
      } else if column == "id" || declared.contains(column), let path = FieldPath(column) {
        fields[column] = path
      } else if SecretRule.isSecretName(column), let row = table.rows.first(where: { !table.cell($0.cells, column).isEmpty }) {
        // Leaving a password column out would import the sheet as if it were harmless: the
        // administrator is told the file holds secrets, and nothing is imported.
        plan.problems.append(
          ImportProblem(
            line: row.line, column: column, rule: SecretRule.name,
            message: tr("column \"\(column)\" holds a secret; the ledger never stores one"),
            hint: tr(
              "remove the column from the file (and the file from where it is shared); record the hand-over instead (handovers: date and channel); keep the secret in a password manager"
            )))
      } else if !column.isEmpty {
        plan.skipped.append(
          ImportProblem(
            line: 1, column: column, message: tr("column \"\(column)\" is not a field of \(kind); it is left out"),
            hint: tr("map it with --map '\(column)=FIELD'")))
      }
    }
    for missing in reader.options.mappings where !table.header.contains(missing.column) {
      plan.problems.append(
        ImportProblem(
          line: 1, column: missing.column, message: tr("no column \"\(missing.column)\" in the file"),
          hint: "columns: " + table.header.joined(separator: ", ")))
    }
    return fields
  }

  /// One row's non-empty cells as a record's fields, before the record has its id.
  private struct RowFields {
    var object = JSONObject()
    /// The column each top-level field came from.
    var columns: [String: String] = [:]
    /// The row's `id` cell, when it has one.
    var id: String?
  }

  /// The fields of `row`, or nil when a cell does not fit its field (each such cell a problem).
  private static func rowFields(
    _ row: (line: Int, cells: [String]), of table: CSVTable, fields: [String: FieldPath], kind: RecordKind,
    reader: CellReader, plan: inout ImportPlan
  ) -> RowFields? {
    var read = RowFields()
    var failed = false
    for (column, path) in fields.sorted(by: { $0.key < $1.key }) {
      let cell = table.cell(row.cells, column)
      guard !cell.isEmpty else { continue }
      if path.components == ["id"] {
        read.id = cell
        continue
      }
      let value: JSONValue
      do throws(FieldTyping.Refusal) {
        value = try reader.value(cell, for: path, kind: kind, line: row.line)
      } catch {
        let (message, hint) = error.describe(cell)
        plan.problems.append(ImportProblem(line: row.line, column: column, rule: error.rule, message: message, hint: hint))
        failed = true
        continue
      }
      do throws(FieldPath.Problem) {
        read.object = try path.setting(value, in: read.object)
        read.columns[path.components[0]] = column
      } catch {
        plan.problems.append(
          ImportProblem(
            line: row.line, column: column, rule: "type",
            message: tr("column \"\(column)\" and another write the same field \"\(path)\"")))
        failed = true
      }
    }
    return failed ? nil : read
  }

  /// The ids of the rows of one file: the row's own, checked and unique in the file, or one
  /// generated for a kind that generates ids (or, provisionally, for a row `--match` will find).
  private struct IDAssignment {
    let kind: RecordKind
    let matchesRows: Bool
    let now: Date
    /// The ids of the kind's records and of the rows so far: a generated id avoids them all.
    var used: Set<String>
    let generator: IDGenerator
    /// The ids rows named themselves.
    var named = Set<String>()

    /// The id of a row whose `id` cell is `id`, and whether it is provisional; nil, with a
    /// problem, when the row cannot have one.
    mutating func assign(_ id: String?, line: Int, plan: inout ImportPlan) -> (RecordID, provisional: Bool)? {
      let recordID: RecordID
      var provisional = false
      if let id {
        guard let valid = RecordID(id) else {
          plan.problems.append(
            ImportProblem(
              line: line, column: "id", rule: "id", message: tr("\"\(id)\" is not a valid id: \(RecordID.check(id)?.rule ?? "")"))
          )
          return nil
        }
        recordID = valid
      } else if kind.generatesIDs || matchesRows {
        provisional = !kind.generatesIDs
        var generated = generator.makeID(at: now)
        while used.contains(generated.value) { generated = generator.makeID(at: now) }
        recordID = generated
      } else {
        plan.problems.append(
          ImportProblem(
            line: line, column: "id", rule: "id", message: tr("the row has no id; \(kind) are named by an id column"),
            hint: tr("add an id column, or map one with --map 'COLUMN=id'")))
        return nil
      }
      used.insert(recordID.value)
      guard id == nil || named.insert(recordID.value).inserted else {
        plan.problems.append(
          ImportProblem(line: line, column: "id", rule: "id", message: tr("\(kind)/\(recordID) appears twice in the file")))
        return nil
      }
      return (recordID, provisional)
    }
  }

  static func describe(_ problem: FieldInputProblem, _ cell: String) -> String {
    switch problem {
    case .unknownField(let kind, let field, _): return tr("\(kind) have no field \"\(field)\"")
    case .wrongType(_, let field, let expected, _):
      let types = expected.joined(separator: tr(" or "))
      return tr("\"\(cell)\" does not fit \"\(field)\", which takes \(types)")
    }
  }
}
