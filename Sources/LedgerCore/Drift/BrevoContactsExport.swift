import LedgerJSON
import LedgerLanguage

/// Brevo's contact export: one contact a line, `;`-separated as Brevo's own files are (see
/// `brevo-contacts-import-example.csv`), the contact's fields as Brevo's API documents a
/// contact (`id`, `email`, `emailBlacklisted`, `createdAt`, `modifiedAt`, the attributes
/// `FIRSTNAME`, `LASTNAME`, `SMS`, and `listIds`), named in capitals as Brevo names
/// attributes:
///
///     CONTACT ID;EMAIL;FIRSTNAME;LASTNAME;SMS;EMAIL_BLACKLISTED;ADDED_TIME;MODIFIED_TIME;LIST_IDS
///     9;kbonnet@example.org;Karine;BONNET;+33610203040;false;2023-09-18 19:22:41;...;2
///
/// The lists are the column `LIST_IDS` (or `LISTS`), ids or names separated by commas, each
/// one of the lists the system record describes (`lists`: id, name, who belongs). A list the
/// record does not describe has no rule: its contacts are not compared there, and that is
/// said. A contact blocklisted for email (`EMAIL_BLACKLISTED` true: unsubscribed, or a hard
/// bounce) receives nothing and must not be added back: it is left out, and said.
enum BrevoContactsExport {
  static let listColumns = ["list_ids", "lists", "listids", "list"]

  /// Whether the header is Brevo's: `EMAIL` and a list column.
  static func recognises(_ header: [String]) -> Bool {
    header.contains { $0.uppercased() == "EMAIL" }
      && header.contains { listColumns.contains($0.lowercased()) }
  }

  /// The contacts, their lists named as the system record names them.
  static func read(_ table: CSVTable, rules: [ListRule]) -> SystemExport {
    var export = SystemExport(loginColumn: "EMAIL", emailColumn: "EMAIL", rolesColumn: "LIST_IDS")
    let email = table.header.first { $0.uppercased() == "EMAIL" }
    let lists = table.header.first { listColumns.contains($0.lowercased()) }
    guard let email, let lists else {
      export.problems.append(
        ImportProblem(
          line: 1,
          message: tr("this is not a Brevo contact export: no column \"EMAIL\" and \"LIST_IDS\""),
          hint: tr("export the contacts with their lists (ledger/imports/README.md)")))
      return export
    }
    export.rolesColumn = lists
    guard !rules.isEmpty else {
      export.problems.append(
        ImportProblem(
          line: 1, column: lists, rule: "list",
          message: tr("the system record describes no lists, so nothing says who belongs on them"),
          hint: tr(
            "give the system its lists, with the functions and membership statuses that belong on each (lists: [{\"id\": 2, \"name\": \"Members\", \"functions\": [\"member\"], \"member_status\": [\"active\"]}])"
          )))
      return export
    }
    let blocked = table.header.first { $0.uppercased() == "EMAIL_BLACKLISTED" }
    var unruled = Set<String>()
    for row in table.rows {
      let cell = { (column: String) in table.cell(row.cells, column).trimmingCharacters(in: .whitespaces) }
      let address = cell(email)
      guard !address.isEmpty else { continue }
      if let blocked, ["true", "yes", "1"].contains(cell(blocked).lowercased()) {
        export.leftOut.insert(address.lowercased())
        export.skipped.append(
          ImportProblem(
            line: row.line, column: blocked, rule: "blocklisted",
            message: tr("\(address) is blocklisted in Brevo (unsubscribed or bouncing): it receives nothing and is not compared"))
        )
        continue
      }
      var names: [String] = []
      for token in cell(lists).split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
      where !token.isEmpty {
        if let rule = rules.first(where: { String($0.id) == token || $0.name == token }) {
          names.append(rule.name)
        } else if !unruled.contains(token) {
          unruled.insert(token)
          export.skipped.append(
            ImportProblem(
              line: row.line, column: lists, rule: "list",
              message: tr("the list \(token) has no rule in the system record's lists: who is on it is not compared")))
        }
      }
      export.add(
        SystemAccount(
          line: row.line, login: address.lowercased(), email: address, name: nil, organization: nil,
          roles: Array(Set(names)).sorted(), opened: nil))
    }
    return export
  }
}

/// One list of a mailing system as its record describes it, and who belongs on it: the
/// people with one of `functions` (any when empty) whose `member_status` is one of
/// `statuses` (any when empty), who have an email.
struct ListRule {
  let id: Int
  let name: String
  let functions: [String]
  let statuses: [String]

  /// The system record's `lists`.
  static func all(_ system: Record) -> [ListRule] {
    (system.fields["lists"]?.arrayValue ?? []).compactMap { value in
      guard let list = value.objectValue, let id = list["id"].flatMap(number),
        let name = list["name"]?.stringValue
      else { return nil }
      let strings = { (key: String) in (list[key]?.arrayValue ?? []).compactMap(\.stringValue) }
      return ListRule(id: id, name: name, functions: strings("functions"), statuses: strings("member_status"))
    }
  }

  private static func number(_ value: JSONValue) -> Int? {
    if case .number(let number) = value { return number.intValue }
    return nil
  }

  /// Whether the person belongs on the list.
  func admits(_ person: Record) -> Bool {
    let held = (person.fields["functions"]?.arrayValue ?? []).compactMap(\.stringValue)
    let status = person.fields["member_status"]?.stringValue ?? ""
    return (functions.isEmpty || functions.contains(where: held.contains))
      && (statuses.isEmpty || statuses.contains(status))
      && person.fields["emails"]?.arrayValue?.first?.stringValue != nil
  }
}
