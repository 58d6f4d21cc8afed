import Foundation
import LedgerJSON
import LedgerLanguage

/// Last-login dates per account, as a system's logs or analytics give them, into the accounts'
/// `last_seen` (`import accounts FILE --profile last-login --system SYSTEM`).
///
/// The file has a header with a login column and a date column, found by name (case, accents,
/// spaces and dashes ignored), or named with `--map 'COLUMN=login'` and `--map 'COLUMN=last_seen'`:
///
/// ```
/// identifiant,derniere_connexion
/// cdurand,2026-11-17 09:12:44
/// oclement,
/// ```
///
/// A date is `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS…]` (or with `T`: the day as written, the time
/// and any offset ignored), `DD/MM/YYYY [HH:MM…]`, or what `--date-format` says. Each login is
/// the account with that login on the system; a login listed several times (a log) counts
/// once, at its newest date. A date only moves `last_seen` forward: an older export leaves the
/// account as it is. Logins with no account on the system, and rows with no date (never logged
/// in), are left out with a note; a date that cannot be read, or lies after today, refuses the
/// import.
enum LastLoginImport {
  /// Names of the login column, in order of preference, folded as `folded` folds them.
  static let loginColumns = [
    "login", "identifiant", "username", "user_name", "user", "userid", "user_id", "utilisateur", "account", "compte",
  ]
  /// Names of the date column, in order of preference.
  static let dateColumns = [
    "last_seen", "last_login", "lastlogin", "last_login_date", "last_connection", "last_visit", "derniere_connexion",
    "date_derniere_connexion", "derniere_visite", "date", "day", "jour",
  ]

  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    guard let system = reader.options.system else {
      plan.problems.append(
        ImportProblem(
          line: 1, column: "--system", message: tr("a last-login file does not say which system it comes from"),
          hint: tr("pass --system SYSTEM (the system's id, such as geonature)")))
      return plan
    }
    guard try view.record(.systems, system) != nil else {
      plan.problems.append(
        ImportProblem(
          line: 1, column: "--system", rule: "ref-exists", message: tr("no system \"\(system)\" in the ledger"),
          hint: tr("'adminledger list systems' shows them")))
      return plan
    }
    guard let (loginColumn, dateColumn) = columns(of: table, reader: reader, problems: &plan.problems) else { return plan }
    let accounts = try view.records(of: .accounts).filter { $0.fields["system"]?.stringValue == system }
    let sightings = newest(
      table, login: loginColumn, date: dateColumn, system: system, accounts: accounts, reader: reader, plan: &plan)
    for sighting in sightings {
      // Never move back: an older export gives the record the value it holds, which changes nothing.
      let current = sighting.record.fields["last_seen"]?.stringValue
      let day = current.map { max($0, sighting.day) } ?? sighting.day
      plan.records.append(
        ImportedRecord(
          record: Record(key: sighting.record.key, fields: ["last_seen": .string(day)]), line: sighting.line,
          columns: ["last_seen": dateColumn]))
    }
    return plan
  }

  /// The login and date columns, or nil with the problems.
  private static func columns(of table: CSVTable, reader: CellReader, problems: inout [ImportProblem]) -> (String, String)? {
    let loginColumn = column(in: table, field: "login", names: loginColumns, reader: reader)
    let dateColumn = column(in: table, field: "last_seen", names: dateColumns, reader: reader)
    if let loginColumn, let dateColumn { return (loginColumn, dateColumn) }
    let absent = [loginColumn == nil ? ("login", loginColumns) : nil, dateColumn == nil ? ("last_seen", dateColumns) : nil]
      .compactMap { $0 }
    for (field, names) in absent {
      problems.append(
        ImportProblem(
          line: 1,
          message: field == "login"
            ? tr("no login column: expected one named \(names.joined(separator: ", "))")
            : tr("no date column: expected one named \(names.joined(separator: ", "))"),
          hint: tr("columns: \(table.header.joined(separator: ", ")); or name it with --map 'COLUMN=\(field)'")))
    }
    return nil
  }

  /// Each account's newest row; rows left out go to `plan.skipped`, unreadable ones to its problems.
  private static func newest(
    _ table: CSVTable, login loginColumn: String, date dateColumn: String, system: String, accounts: [Record],
    reader: CellReader, plan: inout ImportPlan
  ) -> [DatedRow] {
    var sightings: [RecordKey: DatedRow] = [:]
    for row in table.rows {
      let login = table.cell(row.cells, loginColumn).trimmingCharacters(in: .whitespaces)
      let cell = table.cell(row.cells, dateColumn).trimmingCharacters(in: .whitespaces)
      guard !login.isEmpty else { continue }
      guard let account = account(login, in: accounts) else {
        plan.skipped.append(
          ImportProblem(
            line: row.line, column: loginColumn, rule: "match",
            message: tr("\"\(login)\" is not an account of \(system) in the ledger; it is left out"),
            hint: tr(
              "add the account (adminledger add accounts --set system=\(system) --set login=\(login) ...) if it is a person's")
          ))
        continue
      }
      guard !cell.isEmpty else {
        plan.skipped.append(
          ImportProblem(
            line: row.line, column: dateColumn,
            message: tr("\"\(login)\" has no date (never logged in); \(account.key) is left as it is")))
        continue
      }
      let parsed = Self.day(cell, reader: reader)
      guard let day = parsed, day <= reader.options.today else {
        let known = parsed != nil
        plan.problems.append(
          ImportProblem(
            line: row.line, column: dateColumn, rule: "date",
            message: known ? tr("\"\(cell)\" is after today (\(reader.options.today))") : tr("\"\(cell)\" is not a date"),
            hint: known
              ? tr("check the file and the system's clock")
              : tr("write YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or DD/MM/YYYY, or pass --date-format")))
        continue
      }
      if let seen = sightings[account.key], seen.day >= day { continue }
      sightings[account.key] = DatedRow(record: account, day: day, line: row.line)
    }
    return sightings.values.sorted { $0.line < $1.line }
  }

  /// The column holding `field`: the one `--map` names, else the first of `names` in the header.
  private static func column(in table: CSVTable, field: String, names: [String], reader: CellReader) -> String? {
    if let mapped = reader.options.mappings.first(where: { $0.field.components == [field] }), table.header.contains(mapped.column)
    {
      return mapped.column
    }
    for name in names {
      if let column = table.header.first(where: { folded($0) == name }) { return column }
    }
    return nil
  }

  /// `Dernière connexion` as `derniere_connexion`, `userId` as `userid`.
  static func folded(_ name: String) -> String {
    let plain = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    return String(plain.map { $0 == " " || $0 == "-" ? "_" : $0 })
  }

  /// The account with this login: the one written the same, else the only one differing in case.
  private static func account(_ login: String, in accounts: [Record]) -> Record? {
    if let exact = accounts.first(where: { $0.fields["login"]?.stringValue == login }) { return exact }
    let alike = accounts.filter { $0.fields["login"]?.stringValue?.lowercased() == login.lowercased() }
    return alike.count == 1 ? alike[0] : nil
  }

  /// The day a cell names, as `YYYY-MM-DD`; nil when it names none.
  static func day(_ cell: String, reader: CellReader) -> String? {
    if let format = reader.options.dateFormat, let iso = CellReader.isoDate(cell, format: format) { return iso }
    var date = Substring(cell)
    if let separator = cell.firstIndex(where: { $0 == " " || $0 == "T" }) {
      let time = cell[cell.index(after: separator)...]
      guard time.range(of: #"^[0-9]{1,2}:[0-9]{2}"#, options: .regularExpression) != nil else { return nil }
      date = cell[..<separator]
    }
    if LedgerDate.isDay(String(date)) { return String(date) }
    return CellReader.isoDate(String(date), format: "DD/MM/YYYY")
  }
}
