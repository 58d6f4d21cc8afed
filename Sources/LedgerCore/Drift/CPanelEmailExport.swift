import LedgerJSON
import LedgerLanguage

/// cPanel's mailboxes and forwarders, as `uapi --output=json Email list_pops` and
/// `uapi --output=json Email list_forwarders` print them on the host (cPanel's UAPI
/// documentation, "Email::list_pops" and "Email::list_forwarders"): each an object naming
/// the call, with the rows in `result.data`:
///
///     {"apiversion":3,"func":"list_pops","module":"Email",
///      "result":{"data":[{"email":"delegue31@naturalistes.example.org",
///        "login":"delegue31@naturalistes.example.org","suspended_incoming":0,
///        "suspended_login":0}],"errors":null,"messages":null,"metadata":{},"status":1,...}}
///     {"apiversion":3,"func":"list_forwarders","module":"Email",
///      "result":{"data":[{"dest":"delegue31@naturalistes.example.org",
///        "forward":"cmichel@example.org","html_dest":...,"uri_forward":...}],...}}
///
/// The two answers come as two files, or as one file holding both (a JSON array of the two
/// objects, as `jq -s . pops.json forwarders.json` writes it). A mailbox is an account of the
/// mail system, matched by its address (the account's `mailbox.address`, else its login); a
/// mailbox whose login or incoming mail is suspended is suspended. A forwarder whose address
/// is a mailbox is that mailbox's `redirect_to`; any other forwarder is an alias, the system's
/// `forwarders`. The cPanel account's own main mailbox (an `email` without `@`) is the host
/// account, not the mail system's, and is left out, said.
enum CPanelEmailExport {
  /// Whether one of the files is a UAPI answer of the Email module.
  static func recognises(_ files: [DriftJSONFile]) -> Bool {
    files.contains { !answers(in: $0).isEmpty }
  }

  /// The mailboxes, with their forwarders when the forwarders' answer is given, and the aliases.
  static func read(_ files: [DriftJSONFile]) -> SystemExport {
    var export = SystemExport(loginColumn: "/email", emailColumn: "/email", rolesColumn: "")
    export.comparesRoles = false
    export.matchesByAddress = true
    var pops: (file: DriftJSONFile, rows: [(JSONObject, JSONPointer)])?
    var forwarders: (file: DriftJSONFile, rows: [(JSONObject, JSONPointer)])?
    for file in files {
      for (answer, pointer) in answers(in: file) {
        guard let rows = rows(of: answer, at: pointer, in: file, into: &export) else { continue }
        switch answer["func"]?.stringValue {
        case "list_pops": pops = (file, rows)
        case "list_forwarders": forwarders = (file, rows)
        default: break
        }
      }
    }
    guard export.problems.isEmpty else { return export }
    guard let pops else {
      export.problemFile = files.first?.name
      export.problems.append(
        ImportProblem(
          line: 1, rule: "file",
          message: tr("no answer of Email list_pops: the mailboxes are needed"),
          hint: tr("save the output of 'uapi --output=json Email list_pops' and give it beside the forwarders")))
      return export
    }
    readMailboxes(pops.rows, of: pops.file, into: &export)
    if let forwarders { readForwarders(forwarders.rows, of: forwarders.file, into: &export) }
    return export
  }

  // MARK: - Answers

  /// The Email module's answers a file holds: the document itself, or each of an array.
  private static func answers(in file: DriftJSONFile) -> [(JSONObject, JSONPointer)] {
    let value = file.document.value
    let candidates: [(JSONValue, JSONPointer)] =
      value.arrayValue.map { items in items.enumerated().map { ($1, JSONPointer.root.appending($0)) } }
      ?? [(value, .root)]
    return candidates.compactMap { candidate, pointer in
      guard let object = candidate.objectValue, object["module"]?.stringValue == "Email",
        object["func"] != nil
      else { return nil }
      return (object, pointer)
    }
  }

  /// The rows of an answer's `result.data`, or nil with the problem when the call failed.
  private static func rows(
    of answer: JSONObject, at pointer: JSONPointer, in file: DriftJSONFile,
    into export: inout SystemExport
  ) -> [(JSONObject, JSONPointer)]? {
    let result = answer["result"]?.objectValue
    let errors = (result?["errors"]?.arrayValue ?? []).compactMap(\.stringValue)
    let data = pointer.appending("result").appending("data")
    guard result?["status"] != .number(JSONNumber(0)), errors.isEmpty,
      let items = result?["data"]?.arrayValue
    else {
      export.problemFile = file.name
      export.problems.append(
        file.problem(
          at: errors.isEmpty ? data : pointer.appending("result").appending("errors"),
          errors.isEmpty
            ? tr("the answer of \(answer["func"]?.stringValue ?? "") holds no list in result.data")
            : tr("cPanel reported an error: \(errors.joined(separator: "; "))"),
          hint: tr("run the uapi command again on the host and save its whole output")))
      return nil
    }
    return items.enumerated().compactMap { index, item in
      item.objectValue.map { ($0, data.appending(index)) }
    }
  }

  // MARK: - Rows

  private static func readMailboxes(
    _ rows: [(JSONObject, JSONPointer)], of file: DriftJSONFile, into export: inout SystemExport
  ) {
    for (row, pointer) in rows {
      let line = file.document.location(of: pointer).line
      guard let email = row["email"]?.stringValue, !email.isEmpty else {
        export.problemFile = file.name
        export.problems.append(
          file.problem(at: pointer.appending("email"), tr("a mailbox without an email address")))
        continue
      }
      guard email.contains("@") else {
        export.skipped.append(
          ImportProblem(
            line: line, column: pointer.appending("email").description, rule: "main-account",
            message: tr("\(email) is the cPanel account's main mailbox, the host's account; it is left out"),
            character: file.document.location(of: pointer.appending("email")).column))
        continue
      }
      var account = SystemAccount(
        line: line, login: email.lowercased(), email: email, name: nil, organization: nil,
        roles: [], opened: nil)
      account.suspended =
        MatomoUsersExport.isTrue(row["suspended_login"])
        || MatomoUsersExport.isTrue(row["suspended_incoming"])
      export.ownAddresses.insert(email.lowercased())
      export.add(account)
    }
  }

  /// Forwarders of a mailbox become its `forwards`; the others, aliases.
  private static func readForwarders(
    _ rows: [(JSONObject, JSONPointer)], of file: DriftJSONFile, into export: inout SystemExport
  ) {
    var aliases: [SystemAlias] = []
    for index in export.accounts.indices { export.accounts[index].forwards = [] }
    for (row, pointer) in rows {
      guard let dest = row["dest"]?.stringValue?.lowercased(), let forward = row["forward"]?.stringValue
      else {
        export.problemFile = file.name
        export.problems.append(
          file.problem(at: pointer, tr("a forwarder without \"dest\" and \"forward\"")))
        continue
      }
      let target = forward.lowercased()
      if let index = export.accounts.firstIndex(where: { $0.login == dest }) {
        export.accounts[index].forwards = Array(Set((export.accounts[index].forwards ?? []) + [target])).sorted()
      } else if let index = aliases.firstIndex(where: { $0.address == dest }) {
        aliases[index].forwards = Array(Set(aliases[index].forwards + [target])).sorted()
      } else {
        let line = file.document.location(of: pointer).line
        aliases.append(SystemAlias(line: line, address: dest, forwards: [target]))
        export.ownAddresses.insert(dest)
      }
    }
    export.aliases = aliases
  }
}
