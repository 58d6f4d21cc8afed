import LedgerJSON
import LedgerLanguage

/// The Dolibarr member export as associations get it (French headers, `;`, ISO-8859-1):
/// `Identifiant` is the id; `Prénom` and `Nom` make the name; `Statut` 1 with a paid-up
/// `Date fin adhésion` is an active member, otherwise lapsed; `Type adhérent` gives the
/// function; the mobile number (`Tél portable`) is written in international form.
/// Organisation members (`Nature` = `mor`) are not people: they are left out, and said so.
enum DolibarrMembersImport {
  static let functions: [String: String] = [
    "délégué départemental": "delegate", "délégué suppléant": "deputy", "suppléant": "deputy",
    "trésorier": "treasurer", "trésorière": "treasurer", "président": "president", "présidente": "president",
    "membre du bureau": "board", "secrétaire": "secretary",
  ]

  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    let required = ["Identifiant", "Nom", "Prénom", "Nature", "Statut"]
    let absent = required.filter { !table.header.contains($0) }
    guard absent.isEmpty else {
      plan.problems.append(
        ImportProblem(
          line: 1,
          message: tr("this is not a Dolibarr member export: no column \(absent.map { "\"\($0)\"" }.joined(separator: ", "))"),
          hint: tr("check the file, or import with --profile generic and --map")))
      return plan
    }
    var seen = Set<String>()
    for row in table.rows {
      let cell = { (column: String) in reader.normalised(table.cell(row.cells, column)) }
      if cell("Nature") != "phy" {
        plan.skipped.append(
          ImportProblem(
            line: row.line, column: "Nature",
            message:
              tr(
                "\"\(cell("Société").isEmpty ? cell("Nom") : cell("Société"))\" is an organisation member (Nature \(cell("Nature"))), not a person; it is left out"
              ),
            hint: tr("record it in organizations")))
        continue
      }
      let login = cell("Identifiant").lowercased()
      guard let id = RecordID(login) else {
        plan.problems.append(
          ImportProblem(
            line: row.line, column: "Identifiant", rule: "id",
            message: tr("\"\(login)\" cannot be an id: \(RecordID.check(login)?.rule ?? "")")))
        continue
      }
      guard seen.insert(login).inserted else {
        plan.problems.append(
          ImportProblem(
            line: row.line, column: "Identifiant", rule: "id", message: tr("people/\(login) appears twice in the file")))
        continue
      }
      let (fields, columns) = person(cell, today: reader.options.today)
      plan.records.append(
        ImportedRecord(record: Record(key: RecordKey(kind: .people, id: id), fields: fields), line: row.line, columns: columns))
    }
    return plan
  }

  /// A member's fields, and the column each came from.
  private static func person(_ cell: (String) -> String, today: String) -> (JSONObject, [String: String]) {
    var fields = JSONObject()
    var columns: [String: String] = ["name": "Nom"]
    fields["name"] = .string([cell("Prénom"), cell("Nom")].filter { !$0.isEmpty }.joined(separator: " "))
    if !cell("Email").isEmpty {
      fields["emails"] = [.string(cell("Email"))]
      columns["emails"] = "Email"
    }
    let mobile = cell("Tél portable").filter { !$0.isWhitespace && $0 != "." }
    if !mobile.isEmpty {
      fields["phone"] = .string(mobile)
      columns["phone"] = "Tél portable"
    }
    if !cell("Code département").isEmpty {
      fields["department"] = .string(cell("Code département"))
      columns["department"] = "Code département"
    }
    let paidUntil = cell("Date fin adhésion")
    if !paidUntil.isEmpty {
      fields["paid_until"] = .string(paidUntil)
      columns["paid_until"] = "Date fin adhésion"
    }
    let active = cell("Statut") == "1" && (paidUntil.isEmpty || paidUntil >= today)
    fields["member_status"] = .string(active ? "active" : "lapsed")
    columns["member_status"] = "Statut"
    var roles: [JSONValue] = ["member"]
    if let function = functions[cell("Type adhérent").lowercased()] { roles.append(.string(function)) }
    fields["functions"] = .array(roles)
    columns["functions"] = "Type adhérent"
    return (fields, columns)
  }
}
