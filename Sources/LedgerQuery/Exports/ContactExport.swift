import LedgerCore
import LedgerJSON

/// The contact list a mailing service imports (Brevo): `EMAIL;FIRSTNAME;LASTNAME;SMS`, one
/// active member a line, with a paid-up membership and an email; the first word of the name
/// is the first name, the rest the last name in capitals; the phone in international form.
///
/// The file is opened in spreadsheets too, so each cell is neutralised against formulas as
/// `CSVTable.neutralisingFormula` does (a name `=HYPERLINK(...)` is written `'=HYPERLINK(...)`).
/// The SMS column only ever holds `+` and digits (`+33612345678`): a plain number, which the
/// rule leaves alone, so Brevo still reads it; any other phone is left out of that column.
public enum ContactExport {
  public static let header = "EMAIL;FIRSTNAME;LASTNAME;SMS"

  /// The file's lines: the header, then one line per contact, cells cleaned and neutralised.
  ///
  /// - Parameters:
  ///   - view: the ledger to read the people from.
  ///   - today: the day (`YYYY-MM-DD`) a membership must be paid until.
  /// - Returns: the lines, without line ends.
  /// - Throws: `StoreError` when the people cannot be read.
  public static func lines(_ view: LedgerView, today: String) throws(StoreError) -> [String] {
    let cells = try rows(view, today: today).map { row in
      row.map { CSVTable.neutralisingFormula(clean($0)) }.joined(separator: ";")
    }
    return [header] + cells
  }

  /// The contacts as cells (email, first name, last name, SMS), as the ledger holds them:
  /// not cleaned nor neutralised, for formats other than the mailing service's file.
  ///
  /// - Parameters:
  ///   - view: the ledger to read the people from.
  ///   - today: the day (`YYYY-MM-DD`) a membership must be paid until.
  /// - Returns: one row of four cells per contact.
  /// - Throws: `StoreError` when the people cannot be read.
  public static func rows(_ view: LedgerView, today: String) throws(StoreError) -> [[String]] {
    var rows: [[String]] = []
    for person in try view.records(of: .people) {
      guard person.fields["member_status"]?.stringValue == "active",
        (person.fields["paid_until"]?.stringValue ?? today) >= today,
        let email = person.fields["emails"]?.arrayValue?.first?.stringValue
      else { continue }
      let words = (person.fields["name"]?.stringValue ?? "").split(separator: " ").map(String.init)
      let first = words.first ?? ""
      let last = words.dropFirst().joined(separator: " ").uppercased()
      let phone = person.fields["phone"]?.stringValue.flatMap(internationalNumber) ?? ""
      rows.append([email, first, last, phone])
    }
    return rows
  }

  /// The phone when it is `+` and digits (`+33612345678`, as the schema asks); else nil.
  private static func internationalNumber(_ phone: String) -> String? {
    let digits = phone.dropFirst()
    let isNumber = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    return phone.first == "+" && isNumber ? phone : nil
  }

  /// The mailing service's format has no quoting: separators and line breaks become spaces.
  private static func clean(_ text: String) -> String {
    String(text.map { $0 == ";" || $0.isNewline ? " " : $0 })
  }
}
