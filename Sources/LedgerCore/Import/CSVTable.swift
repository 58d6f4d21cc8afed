import Foundation
import LedgerLanguage

/// A CSV file read into a header and rows, as spreadsheets and back offices write them.
///
/// RFC 4180 quoting (`"a;b"`, `""` for a quote), CRLF or LF line ends, `;` or `,` detected
/// from the header, a trailing separator on every line (the back office's habit) ignored,
/// UTF-8 with or without BOM, or ISO-8859-1 when the bytes are not UTF-8 or when asked.
public struct CSVTable: Sendable {
  public enum Encoding: String, Sendable, CaseIterable {
    case automatic = "auto", utf8 = "utf-8", latin1 = "latin1"
  }

  public let header: [String]
  /// Each row with the line of the file it starts on.
  public let rows: [(line: Int, cells: [String])]
  public let delimiter: Character

  /// The cell of `row` under `column`, or "" when the row is shorter.
  public func cell(_ row: [String], _ column: String) -> String {
    guard let index = header.firstIndex(of: column), index < row.count else { return "" }
    return row[index]
  }

  /// Reads a CSV file's bytes.
  ///
  /// - Throws: `ImportProblem` for text that is not in the encoding asked, or a quote left open.
  public static func read(_ bytes: [UInt8], encoding: Encoding = .automatic) throws(ImportProblem) -> CSVTable {
    try refuseNUL(bytes)
    let text = try decode(bytes, encoding)
    var records = try split(text, delimiter: detectDelimiter(text))
    guard !records.isEmpty else { throw ImportProblem(line: 1, message: tr("the file is empty")) }
    let delimiter = detectDelimiter(text)
    // `'=x` written to keep a spreadsheet from running `=x` reads back as `=x` (see below).
    records = records.map { (line: $0.line, cells: $0.cells.map(restoringFormula)) }
    var header = records.removeFirst().cells.map { $0.trimmingCharacters(in: .whitespaces) }
    // A separator at the end of every line makes a last column with no name: drop it.
    if header.last == "" { header.removeLast() }
    let rows = records.filter { !$0.cells.allSatisfy(\.isEmpty) }
    try refuseAmbiguousColumns(header, rows)
    return CSVTable(header: header, rows: rows, delimiter: delimiter)
  }

  /// A column named twice, or a row with a value past the last column, would have one of its
  /// values dropped without a word: refused, with where.
  private static func refuseAmbiguousColumns(_ header: [String], _ rows: [(line: Int, cells: [String])]) throws(ImportProblem) {
    var seen: [String: Int] = [:]
    for (index, name) in header.enumerated() where !name.isEmpty {
      if let first = seen[name] {
        throw ImportProblem(
          line: 1, column: name, rule: "csv",
          message:
            tr(
              "the column \"\(name)\" is named twice (columns \(first + 1) and \(index + 1)); which one holds the value is unclear"
            ),
          hint: tr("rename or remove one of the two columns"))
      }
      seen[name] = index
    }
    for row in rows where row.cells.count > header.count {
      guard let extra = row.cells[header.count...].firstIndex(where: { !$0.isEmpty }) else { continue }
      throw ImportProblem(
        line: row.line, rule: "csv",
        message: tr("column \(extra + 1) holds a value, but the header names only \(header.count) columns"),
        hint: tr("add a name for that column to the header, or remove the value (a comma inside a value needs quotes)"))
    }
  }

  /// A NUL byte is no text: spreadsheets cut the cell there, and the tools the ledger is
  /// compared with (the back office, the mailing service) would read another value than the
  /// ledger stores. Refused with its line and column (in bytes), before anything is read.
  static func refuseNUL(_ bytes: [UInt8]) throws(ImportProblem) {
    guard let offset = bytes.firstIndex(of: 0) else { return }
    let before = bytes[..<offset]
    let line = before.count { $0 == 0x0A } + 1
    let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
    throw ImportProblem(
      line: line, rule: "csv",
      message: tr("a NUL byte at column \(column); a CSV file holds text only"),
      hint: tr("remove the NUL bytes; a file saved as UTF-16 must be saved again as UTF-8"))
  }

  private static func decode(_ bytes: [UInt8], _ encoding: Encoding) throws(ImportProblem) -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    switch encoding {
    case .latin1:
      return String(body.map { Character(Unicode.Scalar($0)) })
    case .utf8, .automatic:
      if let text = String(validating: body, as: UTF8.self) { return text }
      guard encoding == .automatic else {
        throw ImportProblem(
          line: 1, message: tr("the file is not UTF-8"), hint: tr("pass --encoding latin1 for a file saved in ISO-8859-1"))
      }
      return String(body.map { Character(Unicode.Scalar($0)) })
    }
  }

  /// `;` when the header line holds more semicolons than commas (outside quotes), else `,`.
  static func detectDelimiter(_ text: String) -> Character {
    var semicolons = 0
    var commas = 0
    var quoted = false
    // Scalars, as `split` reads them; a lone CR ends the header line there too.
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted.toggle() }
      if quoted { continue }
      if scalar == "\n" || scalar == "\r" { break }
      if scalar == ";" { semicolons += 1 }
      if scalar == "," { commas += 1 }
    }
    return semicolons > commas ? ";" : ","
  }

  private static func split(_ text: String, delimiter: Character) throws(ImportProblem) -> [(line: Int, cells: [String])] {
    var records: [(line: Int, cells: [String])] = []
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var line = 1
    var recordLine = 1
    // Unicode scalars, not Characters: a separator, quote or line end followed by a combining
    // mark (a cell starting with U+0301) would fuse with it into one Character and be missed.
    let separator = delimiter.unicodeScalars.first ?? ","
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          if let next = iterator.next() {
            if next == "\"" {
              cell.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          cell.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where cell.isEmpty: quoted = true
      case separator:
        cells.append(cell)
        cell = ""
      case "\n", "\r":
        // CR LF is one line end.
        if scalar == "\r", let next = iterator.next(), next != "\n" { pending = next }
        cells.append(cell)
        records.append((recordLine, cells))
        cells = []
        cell = ""
        line += 1
        recordLine = line
      default: cell.unicodeScalars.append(scalar)
      }
    }
    if quoted {
      throw ImportProblem(
        line: recordLine, message: tr("a quoted cell is never closed"), hint: tr("check the quotes on that line"))
    }
    if !cell.isEmpty || !cells.isEmpty {
      cells.append(cell)
      records.append((recordLine, cells))
    }
    return records
  }
}

// MARK: - Formula neutralising (OWASP "CSV injection")
//
// A spreadsheet runs a cell that starts with = + - @ TAB or CR as a formula, so a member
// named `=HYPERLINK("http://evil","x")` would run in the treasurer's spreadsheet. Written
// cells get one leading `'`, which spreadsheets show as text; reading takes it off again.
// To keep `read(write(x)) == x` for every text, a text that is already quotes followed by a
// trigger gets one more quote, and reading takes exactly one off:
//
//   text                 written               read back
//   =SUM(A1)             '=SUM(A1)             =SUM(A1)
//   '=already            ''=already            '=already
//   'plain               'plain                'plain      (no trigger after the quotes)
//   -12.50, +33612345678 unchanged             unchanged   (a plain number is no formula)
//
// A plain number, `^[+-]?[0-9]+(\.[0-9]+)?$`, is left alone, as OWASP allows: negative
// amounts stay numbers for the treasurer, and phones in international form stay importable.

extension CSVTable {
  /// The characters that make a spreadsheet read a cell as a formula.
  static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// A cell as written for a spreadsheet: a leading `'` when it could run as a formula.
  ///
  /// A text whose first character other than `'` is one of `= + - @` TAB CR gets one more
  /// `'` in front, unless it is a plain number (`-12.50`, `+33612345678`).
  /// `restoringFormula(neutralisingFormula(x)) == x` for every `x`.
  /// - Parameter text: the cell's text.
  /// - Returns: the text to write.
  public static func neutralisingFormula(_ text: String) -> String {
    guard startsWithTrigger(text.drop { $0 == "'" }), !isPlainNumber(text) else { return text }
    return "'" + text
  }

  /// A cell as the ledger holds it: one leading `'` taken off a neutralised formula.
  ///
  /// Only a cell that is one or more `'` followed by `= + - @` TAB or CR loses one `'`;
  /// any other cell, such as `'plain` or `O'Neil`, is kept as it is.
  /// - Parameter cell: the cell's text as read from the file.
  /// - Returns: the text the cell stands for.
  public static func restoringFormula(_ cell: String) -> String {
    guard cell.first == "'", startsWithTrigger(cell.drop { $0 == "'" }) else { return cell }
    return String(cell.dropFirst())
  }

  private static func startsWithTrigger(_ text: Substring) -> Bool {
    // A CR before LF is one Character ("\r\n"): look at the first scalar.
    text.unicodeScalars.first.map { formulaTriggers.contains(Character($0)) } ?? false
  }

  /// `^[+-]?[0-9]+(\.[0-9]+)?$`: a number a spreadsheet reads as a number, not a formula.
  private static func isPlainNumber(_ text: String) -> Bool {
    var digits = Substring(text)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}

/// A problem with one row (or the whole file) of an import: the line, the column, what to do.
public struct ImportProblem: Error, Equatable, Sendable {
  public var line: Int
  public var column: String?
  public var rule: String
  public var message: String
  public var hint: String?
  /// The character on the line where the problem is, when the file says it exactly (a JSON
  /// file: `FILE:LINE:CHARACTER`); a CSV problem names its column instead.
  public var character: Int?

  public init(
    line: Int, column: String? = nil, rule: String = "import", message: String, hint: String? = nil,
    character: Int? = nil
  ) {
    self.line = line
    self.column = column
    self.rule = rule
    self.message = message
    self.hint = hint
    self.character = character
  }
}
