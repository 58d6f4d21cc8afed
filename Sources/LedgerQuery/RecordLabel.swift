import LedgerCore

/// A few words naming a record for people: its name, title, topic, login or role.
public enum RecordLabel {
  public static func label(_ record: Record) -> String {
    for field in ["name", "title", "topic", "mission", "login", "role", "invoice_ref"] {
      if let text = record.fields[field]?.stringValue { return text }
    }
    return ""
  }
}
