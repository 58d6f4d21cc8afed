import LedgerJSON
import LedgerLanguage

/// The rules on a ticket's maintenance contract and its test: what the schema cannot say.
enum TicketRules {
  /// The contract a ticket falls under had started by the day the ticket opened, and had not
  /// ended before it. (That it exists and is a contract is `ref-exists`'s rule.)
  static func contractCoversTicket(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .tickets, let id = record.fields["contract"]?.stringValue,
      let opened = record.fields["opened"]?.stringValue, let contract = try context.record(.contracts, id)
    else { return [] }
    if let start = contract.fields["start"]?.stringValue, opened < start {
      return [
        finding(
          record, "contract", "ticket-contract",
          tr("contracts/\(id) starts on \(LocalFormat.day(start)), after the ticket opened (\(LocalFormat.day(opened)))"),
          hint: tr("name the contract in force when the ticket opened, or fix the dates"))
      ]
    }
    if contract.fields["status"]?.stringValue == "ended", let end = contract.fields["renewal"]?.stringValue, end < opened {
      return [
        finding(
          record, "contract", "ticket-contract",
          tr("contracts/\(id) ended on \(LocalFormat.day(end)), before the ticket opened (\(LocalFormat.day(opened)))"),
          hint: tr("name the contract in force when the ticket opened, or fix the dates"))
      ]
    }
    return []
  }

  /// A test is recorded once the work is done: not on a ticket still open or approved (one back
  /// in progress after a failed test, or closed or rejected after one, keeps it); and a result
  /// names who tested.
  static func testIsRecordedAfterWork(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .tickets else { return [] }
    let fields = ["tested_by", "test_result", "test_note"].filter { record.fields[$0] != nil }
    guard let first = fields.first else { return [] }
    let status = record.fields["status"]?.stringValue ?? ""
    if ["open", "approved"].contains(status) {
      return [
        finding(
          record, first, "ticket-test", tr("a ticket that is \(status) has not been tested yet: \(first) is recorded too early"),
          hint: tr("set the status to testing (or in-progress, closed) with the test, or remove \(first)"))
      ]
    }
    if record.fields["tested_by"] == nil {
      return [
        finding(
          record, first, "ticket-test", tr("a test result needs the person who tested"),
          hint: tr("add --set tested_by=PERSON"))
      ]
    }
    return []
  }

  private static func finding(_ record: Record, _ field: String, _ rule: String, _ message: String, hint: String) -> Diagnostic {
    Diagnostic(file: record.key.path, instancePath: JSONPointer(tokens: [field]), rule: rule, message: message, hint: hint)
  }
}
