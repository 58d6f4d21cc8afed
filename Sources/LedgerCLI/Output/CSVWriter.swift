import LedgerCore
import LedgerJSON

/// RFC 4180 CSV: comma-separated, CRLF-free (`\n` lines), fields quoted when they hold a
/// comma, quote or line break, quotes doubled.
///
/// Every cell, header included, is neutralised against spreadsheet formulas first
/// (`=SUM(A1)` is written `'=SUM(A1)`; see `CSVTable.neutralisingFormula`), and `CSVTable`
/// takes the `'` off again, so `import` reads back exactly what `export` wrote.
package enum CSVWriter {
  /// Records as rows: `id` first, then every top-level field any record has, sorted.
  static func write(records: [Record]) -> String {
    var fieldSet = Set<String>()
    for record in records { fieldSet.formUnion(record.fields.keys) }
    let fields = fieldSet.sorted()
    var lines = [(["id"] + fields).map(quoteHeader).joined(separator: ",")]
    for record in records {
      let cells = [record.key.id.value] + fields.map { cell(record.fields[$0]) }
      lines.append(cells.map(quote).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Rows under a header, each cell a value or nothing.
  package static func write(header: [String], rows: [[JSONValue?]]) -> String {
    var lines = [header.map(quoteHeader).joined(separator: ",")]
    for row in rows { lines.append(row.map { quote(cell($0)) }.joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A value as CSV text: strings bare, absent and null empty, anything else compact JSON.
  static func cell(_ value: JSONValue?) -> String {
    switch value {
    case nil, .null?: ""
    case .string(let text)?: text
    case let other?: other.compactText
    }
  }

  /// A cell as written: neutralised against formulas, then quoted if it needs to be.
  static func quote(_ cell: String) -> String {
    let text = CSVTable.neutralisingFormula(cell)
    // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
    let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
    guard text.unicodeScalars.contains(where: special.contains) else { return text }
    // Quotes doubled by scalar too: a quote followed by a combining mark is one Character.
    let parts = text.unicodeScalars.split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
    return "\"" + parts.joined(separator: "\"\"") + "\""
  }

  /// A header cell as written: quoted also when it holds `;` or U+FEFF, since `CSVTable` takes
  /// a header line with more `;` than `,` to be `;`-separated, and a U+FEFF starting the file
  /// for a byte order mark.
  static func quoteHeader(_ cell: String) -> String {
    let text = quote(cell)
    let special: Set<Unicode.Scalar> = [";", "\u{FEFF}"]
    guard text.unicodeScalars.first != "\"", text.unicodeScalars.contains(where: special.contains) else { return text }
    return "\"" + text + "\""
  }
}
