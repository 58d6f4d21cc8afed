import LedgerCore
import LedgerJSON

/// The contact list a mailing service imports (Brevo): `EMAIL;FIRSTNAME;LASTNAME;SMS`, one
/// active member a line, with a paid-up membership and an email; the first word of the name
/// is the first name, the rest the last name in capitals; the phone in international form.
public enum ContactExport {
  public static let header = "EMAIL;FIRSTNAME;LASTNAME;SMS"

  public static func lines(_ view: LedgerView, today: String) throws(StoreError) -> [String] {
    var lines = [header]
    for person in try view.records(of: .people) {
      guard person.fields["member_status"]?.stringValue == "active",
        (person.fields["paid_until"]?.stringValue ?? today) >= today,
        let email = person.fields["emails"]?.arrayValue?.first?.stringValue
      else { continue }
      let words = (person.fields["name"]?.stringValue ?? "").split(separator: " ").map(String.init)
      let first = words.first ?? ""
      let last = words.dropFirst().joined(separator: " ").uppercased()
      let phone = person.fields["phone"]?.stringValue.flatMap { $0.hasPrefix("+") ? $0 : nil } ?? ""
      lines.append([email, first, last, phone].map(clean).joined(separator: ";"))
    }
    return lines
  }

  /// The mailing service's format has no quoting: separators and line breaks become spaces.
  private static func clean(_ text: String) -> String {
    String(text.map { $0 == ";" || $0.isNewline ? " " : $0 })
  }
}
