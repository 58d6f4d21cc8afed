import Foundation
import LedgerJSON
import LedgerLanguage

/// Certificate ends per host name into the systems' `certificate_end`
/// (`import systems FILE --profile certificates`), from either of two files.
///
/// A certificate transparency search: crt.sh answers `https://crt.sh/?q=%25.DOMAIN&output=json`
/// with one object a logged certificate, and the file is that JSON written as CSV with its
/// keys as columns (`jq -r '(.[0] | keys_unsorted) as $k | ($k | @csv), (.[] | [.[$k[]]] | @csv)'`).
/// `common_name` and `name_value` (every name of the certificate, one a line in a quoted cell)
/// give the hosts, `not_after` the end:
///
/// ```
/// "issuer_ca_id","issuer_name","common_name","name_value","id","entry_timestamp","not_before",...
/// 295815,"C=US, O=Let's Encrypt, CN=R11","example.org","example.org
/// www.example.org",17312640871,"2026-10-15T04:12:09.527","2026-10-15T03:13:38","2027-01-13T03:13:37",...
/// ```
///
/// An inventory: a host column (`host`, `hostname`, `fqdn`, `domain`, `url`, ...) and an end
/// column (`certificate_end`, `expires`, `not_after`, ...), found by name (case, accents,
/// spaces and dashes ignored) or named with `--map 'COLUMN=host'` and
/// `--map 'COLUMN=certificate_end'`. A date is `YYYY-MM-DD`, with a time after a space or a
/// `T` (the day as written: crt.sh writes UTC), `DD/MM/YYYY`, openssl's `Dec 31 23:59:59 2026
/// GMT`, or what `--date-format` says.
///
/// A certificate dates the systems whose url's host it names, as TLS matches names: the same
/// host in any case, or a wildcard `*.example.org` for a host one label below it (not
/// `example.org` itself, nor `a.b.example.org`); a certificate for `example.org` says nothing
/// of `www.example.org`. A host listed several times (the log lists every renewal, and the
/// precertificate beside the certificate) takes its latest end. Certificates for no system's
/// host are left out with a note, one per host; a date that cannot be read refuses the file.
enum CertificatesImport {
  /// crt.sh's columns holding the names of a certificate; both are read when present.
  static let logColumns = ["common_name", "name_value"]
  /// Names of an inventory's host column, in order of preference, folded.
  static let hostColumns = [
    "host", "hostname", "host_name", "fqdn", "domain", "domain_name", "server", "site", "url", "name", "cn",
  ]
  /// Names of the end column, in order of preference, folded.
  static let endColumns = [
    "certificate_end", "not_after", "notafter", "expires", "expires_on", "expiry", "expiry_date", "expiration",
    "expiration_date", "valid_until", "valid_to", "end", "end_date", "date_expiration", "expire_le", "fin_validite",
  ]

  /// Certificates for no system's host, under the first name they give.
  private struct Stray {
    var name: String
    var line: Int
    var count: Int
  }

  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    guard let (nameColumns, endColumn) = columns(of: table, reader: reader, problems: &plan.problems) else { return plan }
    let hosts = try view.records(of: .systems).compactMap { system in host(of: system).map { (host: $0, system: system) } }
    var latest: [RecordKey: DatedRow] = [:]
    var strays: [Stray] = []
    for row in table.rows {
      guard let (names, day) = read(row, table, names: nameColumns, end: endColumn, reader: reader, plan: &plan) else { continue }
      let dated = hosts.filter { entry in names.contains { covers($0, entry.host) } }.map(\.system)
      for system in dated where latest[system.key].map({ $0.day < day }) ?? true {
        latest[system.key] = DatedRow(record: system, day: day, line: row.line)
      }
      guard dated.isEmpty else { continue }
      if let index = strays.firstIndex(where: { $0.name == names[0] }) {
        strays[index].count += 1
      } else {
        strays.append(Stray(name: names[0], line: row.line, count: 1))
      }
    }
    plan.skipped += strays.map { note($0, column: nameColumns[0]) }
    plan.records = latest.values.sorted { ($0.line, $0.record.key.description) < ($1.line, $1.record.key.description) }.map {
      ImportedRecord(
        record: Record(key: $0.record.key, fields: ["certificate_end": .string($0.day)]), line: $0.line,
        columns: ["certificate_end": endColumn])
    }
    if plan.records.isEmpty, plan.problems.isEmpty, !strays.isEmpty {
      let names = strays.prefix(5).map(\.name).joined(separator: ", ") + (strays.count > 5 ? ", ..." : "")
      plan.problems.append(
        ImportProblem(
          line: 1, rule: "match", message: tr("no certificate of the file names the host of a system's url: \(names)"),
          hint: tr("the systems' hosts: \(hosts.map(\.host).sorted().joined(separator: ", "))")))
    }
    return plan
  }

  /// A row's host names and end day; nil when the row is left out (with a note) or its date
  /// cannot be read (with a problem).
  private static func read(
    _ row: (line: Int, cells: [String]), _ table: CSVTable, names nameColumns: [String], end endColumn: String,
    reader: CellReader, plan: inout ImportPlan
  ) -> ([String], String)? {
    let names = nameColumns.flatMap { Self.names(in: table.cell(row.cells, $0)) }
    let cell = table.cell(row.cells, endColumn).trimmingCharacters(in: .whitespaces)
    guard !names.isEmpty, !cell.isEmpty else {
      plan.skipped.append(
        ImportProblem(
          line: row.line, column: names.isEmpty ? nameColumns[0] : endColumn,
          message: names.isEmpty ? tr("the row has no host name; it is left out") : tr("the row has no end date; it is left out"))
      )
      return nil
    }
    guard let day = day(cell, reader: reader) else {
      plan.problems.append(
        ImportProblem(
          line: row.line, column: endColumn, rule: "date", message: tr("\"\(cell)\" is not a date"),
          hint: tr(
            "write YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS (as crt.sh does), DD/MM/YYYY or 'Dec 31 23:59:59 2026 GMT', or pass --date-format"
          )))
      return nil
    }
    return (names, day)
  }

  /// The note for certificates of a host no system has.
  private static func note(_ stray: Stray, column: String) -> ImportProblem {
    let host = stray.name.replacingOccurrences(of: "*.", with: "")
    return ImportProblem(
      line: stray.line, column: column, rule: "match",
      message: Language.singular(stray.count)
        ? tr("\"\(stray.name)\" is the host of no system's url (\(stray.count) certificate); left out")
        : tr("\"\(stray.name)\" is the host of no system's url (\(stray.count) certificates); left out"),
      hint: tr(
        "if the organisation runs it, add it (adminledger add systems ID --set url=https://\(host) ...), or set that url on the system that answers there"
      ))
  }

  // MARK: - Columns

  /// The columns naming hosts (crt.sh's two, or an inventory's one) and the end column, or nil
  /// with the problems.
  private static func columns(of table: CSVTable, reader: CellReader, problems: inout [ImportProblem]) -> ([String], String)? {
    let logged = logColumns.compactMap { name in table.header.first { LastLoginImport.folded($0) == name } }
    let names = column(in: table, field: "host", names: hostColumns, reader: reader).map { [$0] } ?? logged
    let end = column(in: table, field: "certificate_end", names: endColumns, reader: reader)
    if let end, !names.isEmpty { return (names, end) }
    if names.isEmpty {
      problems.append(
        ImportProblem(
          line: 1,
          message: tr(
            "no host column: expected crt.sh's common_name and name_value, or one named \(hostColumns.joined(separator: ", "))"),
          hint: tr("columns: \(table.header.joined(separator: ", ")); or name it with --map 'COLUMN=host'")))
    }
    if end == nil {
      problems.append(
        ImportProblem(
          line: 1, message: tr("no end date column: expected one named \(endColumns.joined(separator: ", "))"),
          hint: tr("columns: \(table.header.joined(separator: ", ")); or name it with --map 'COLUMN=certificate_end'")))
    }
    return nil
  }

  /// The column holding `field`: the one `--map` names, else the first of `names` in the header.
  private static func column(in table: CSVTable, field: String, names: [String], reader: CellReader) -> String? {
    if let mapped = reader.options.mappings.first(where: { $0.field.components == [field] }), table.header.contains(mapped.column)
    {
      return mapped.column
    }
    for name in names {
      if let column = table.header.first(where: { LastLoginImport.folded($0) == name }) { return column }
    }
    return nil
  }

  // MARK: - Hosts

  /// The host names of a cell, lowercased: crt.sh's `name_value` holds one a line; a URL
  /// gives its host; an email address (an S/MIME certificate's) gives none.
  static func names(in cell: String) -> [String] {
    cell.split(whereSeparator: { $0.isWhitespace || $0 == "," }).compactMap { piece in
      var name = String(piece).lowercased()
      if name.contains("://") { name = URL(string: name)?.host ?? "" }
      if name.hasSuffix(".") { name.removeLast() }
      return name.isEmpty || name.contains("@") ? nil : name
    }
  }

  /// The host of a system's url, lowercased; nil when it has none.
  static func host(of system: Record) -> String? {
    system.fields["url"]?.stringValue.flatMap { URL(string: $0)?.host?.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether a certificate for `name` serves `host`: the same name, or a wildcard one label up.
  static func covers(_ name: String, _ host: String) -> Bool {
    if name == host { return true }
    guard name.hasPrefix("*."), let dot = host.firstIndex(of: "."), dot != host.startIndex else { return false }
    return host[host.index(after: dot)...] == name.dropFirst(2)
  }

  // MARK: - Dates

  /// Months as openssl writes them.
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// The day a cell names, as `YYYY-MM-DD`; nil when it names none.
  static func day(_ cell: String, reader: CellReader) -> String? {
    if let day = LastLoginImport.day(cell, reader: reader) { return day }
    // openssl x509 -enddate: `Dec 31 23:59:59 2026 GMT`, the day padded with a space.
    let parts = cell.split(separator: " ")
    guard parts.count == 5 || parts.count == 4, let month = months.firstIndex(of: parts[0].lowercased()),
      let date = Int(parts[1]), parts[2].contains(":"), parts[3].count == 4, Int(parts[3]) != nil
    else { return nil }
    let iso = "\(parts[3])-" + [month + 1, date].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: "-")
    return LedgerDate.isDay(iso) ? iso : nil
  }
}
