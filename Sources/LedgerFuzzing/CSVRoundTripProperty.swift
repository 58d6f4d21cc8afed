import LedgerCLI
import LedgerCore
import LedgerJSON

/// Read, write as `export` writes, read is stable for `CSVTable` and the CSV writer.
///
/// The input is a CSV file's bytes (any encoding `CSVTable` detects). When `CSVTable.read`
/// accepts it, writing its header and rows with `CSVWriter` (formula cells neutralised,
/// RFC 4180 quoting) and reading that back gives the same header and the same cells, row by
/// row; line numbers may differ (a CR alone becomes LF). Writing the second table again gives
/// the same bytes. Tables whose last column has no name are left out (see `check`).
public enum CSVRoundTripProperty {
  /// - Throws: `PropertyViolation` naming the first difference.
  public static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
    // A header whose last name is empty even after the reader dropped one (`a,,,`) cannot be
    // written back: a trailing separator is taken for the back office's habit and dropped.
    // Exports always name their columns.
    guard let table = try? CSVTable.read(bytes), table.header.last != "" else { return }
    let written = write(table)
    let again: CSVTable
    do {
      again = try CSVTable.read(Array(written.utf8), encoding: .utf8)
    } catch {
      throw violation("the written table does not read back (\(error.message)):\n\(written.debugDescription)")
    }
    // Compared by UTF-8 bytes, stricter than String's canonical equivalence.
    guard again.header.map(utf8) == table.header.map(utf8) else {
      throw violation("header \(table.header) reads back as \(again.header)")
    }
    let cells = table.rows.map(\.cells)
    let cellsAgain = again.rows.map(\.cells)
    guard cellsAgain.map({ $0.map(utf8) }) == cells.map({ $0.map(utf8) }) else {
      throw violation("rows \(cells.debugDescription) read back as \(cellsAgain.debugDescription)")
    }
    guard write(again) == written else { throw violation("writing the table is not stable") }
  }

  private static func write(_ table: CSVTable) -> String {
    CSVWriter.write(header: table.header, rows: table.rows.map { $0.cells.map { .string($0) } })
  }

  private static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

  private static func violation(_ message: String) -> PropertyViolation {
    PropertyViolation(.csv, message)
  }
}
