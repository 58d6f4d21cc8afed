import Foundation
import LedgerJSON
import LedgerSchema

/// How to read the cells of an import.
public struct ImportOptions: Sendable {
  /// `COLUMN=FIELD` mappings given with `--map`, in order.
  public var mappings: [(column: String, field: FieldPath)] = []
  /// The form dates are written in, such as `DD/MM/YYYY`; nil when they are ISO already.
  public var dateFormat: String?
  /// Whether numbers are written with a decimal comma (`3,5`).
  public var decimalComma = false
  /// Today, in the ledger's time zone, for statuses that depend on it.
  public var today: String
  /// The system the file comes from (`--system`), for files that do not say it.
  public var system: String?
  /// Rows may name no id: `--match` finds their record.
  public var matchesRows = false

  public init(today: String) { self.today = today }
}

/// A record an import would write, the line it came from, and which column fed each field.
public struct ImportedRecord: Sendable {
  public var record: Record
  public var line: Int
  public var columns: [String: String]
  /// The row named no id: the record must be found by `--match`, or the row is refused.
  public var idIsProvisional = false
}

/// The newest date a file gives for one record (a certificate's end, an account's last login),
/// with the row that gave it.
struct DatedRow {
  var record: Record
  var day: String
  var line: Int
}

/// What an import would do: the records, the rows it refuses (with why), and the rows it
/// leaves out on purpose (with why).
public struct ImportPlan: Sendable {
  public var records: [ImportedRecord] = []
  public var problems: [ImportProblem] = []
  public var skipped: [ImportProblem] = []
  /// Cells read from a person's form into the ledger's, with their lines.
  public var conversions: [InputConversion] = []
}

/// The conversions a reading of cells made, in order: the profiles read cells through a
/// `CellReader` value, and this is where they all land.
final class ConversionLog {
  var entries: [InputConversion] = []
}

/// Turning cells into typed values, shared by the import profiles.
struct CellReader {
  let options: ImportOptions
  let schema: Schema?
  /// How the ledger's people write amounts, phone numbers and dates.
  var conventions = InputConventions()
  /// Where the cells read from another form are noted.
  let log = ConversionLog()

  /// The cell's text with dates and decimal commas normalised.
  func normalised(_ cell: String) -> String {
    // Spaces around a cell are padding; a tab is kept (a neutralised formula may start with one).
    let text = cell.trimmingCharacters(in: CharacterSet(charactersIn: " "))
    if let format = options.dateFormat, let iso = CellReader.isoDate(text, format: format) { return iso }
    if options.decimalComma, text.range(of: #"^-?[0-9]+,[0-9]+$"#, options: .regularExpression) != nil {
      return text.replacingOccurrences(of: ",", with: ".")
    }
    return text
  }

  /// The value of a cell for `field`, typed by the schema and read in the ledger's input forms
  /// (`1 234,50`, `06 12 34 56 78`).
  ///
  /// `--date-format` and `--decimal-comma` apply only to a field that holds a day, an amount or
  /// a number: an invoice reference `2024,12` or a period written `10/01/2027` in a text field
  /// stays as it is. Every cell read from another form is noted, with its line.
  func value(_ cell: String, for field: FieldPath, kind: RecordKind, line: Int? = nil) throws(FieldTyping.Refusal)
    -> JSONValue
  {
    let trimmed = cell.trimmingCharacters(in: CharacterSet(charactersIn: " "))
    let text = readsSpreadsheetForms(field) ? normalised(cell) : trimmed
    let read = try FieldTyping.read(.text(text), for: field, kind: kind, schema: schema, conventions: conventions)
    let conversion =
      read.conversion.map { InputConversion(field: $0.field, given: trimmed, stored: $0.stored) }
      ?? (text != trimmed ? InputConversion(field: field.description, given: trimmed, stored: text) : nil)
    if var conversion {
      conversion.line = line
      log.entries.append(conversion)
    }
    return read.value
  }

  /// Whether the field holds what a spreadsheet writes in its own way: a day, an amount, a number.
  private func readsSpreadsheetForms(_ field: FieldPath) -> Bool {
    guard let schema else { return true }
    guard let shape = schema.fieldShape(at: field.components) else { return false }
    if shape.form == .amount || shape.form == .day { return true }
    return !shape.types.isEmpty && shape.types.isSubset(of: ["number", "integer", "null"])
  }

  /// `12/05/2025` read with `DD/MM/YYYY` as `2025-05-12`; nil when it does not fit.
  static func isoDate(_ text: String, format: String) -> String? {
    let pattern = Array(format)
    let characters = Array(text)
    guard pattern.count == characters.count else { return nil }
    var year = ""
    var month = ""
    var day = ""
    for (token, character) in zip(pattern, characters) {
      switch token {
      case "Y": year.append(character)
      case "M": month.append(character)
      case "D": day.append(character)
      default: if token != character { return nil }
      }
    }
    guard [year, month, day].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
    let iso = "\(year)-\(month)-\(day)"
    return LedgerDate.isDay(iso) ? iso : nil
  }

  /// Letters of a name, lowercased and without accents, as a set of words: "Durand Claire"
  /// and "Claire DURAND" match.
  static func nameWords(_ text: String) -> Set<String> {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return Set(folded.split(whereSeparator: { !$0.isLetter }).map(String.init))
  }
}
