import Foundation
import LedgerJSON
import LedgerLanguage

/// `approvals` in ledger.json: costs above a threshold need an approver who holds one of the
/// functions named, such as
///
///     "approvals": {"above": 500, "by": ["treasurer", "president"]}
///
/// A ticket's `cost` above it needs an `approval` given `by` one of them, naming its
/// `approver`; a payment's `amount` above it, once approved or paid, needs an `approved_by`
/// who holds one of them. A person holds a function when their `functions` list it, or when
/// their `ledger_roles` hold a role of that name on the approval's day (a delegation). The
/// audit judges each commit's result with the same rule, so a commit that records such an
/// approval by hand is one of its findings.
enum CostApprovalRule {
  static let name = "cost-approval"

  /// The threshold and the functions ledger.json declares; nil when it declares none.
  struct Threshold {
    let above: Decimal
    let aboveText: String
    let by: [String]

    init?(_ settings: LedgerSettings?) {
      guard let object = settings?.document["approvals"]?.objectValue, case .number(let number)? = object["above"],
        let above = Decimal(string: number.text, locale: Locale(identifier: "en_US_POSIX"))
      else { return nil }
      let by = (object["by"]?.arrayValue ?? []).compactMap(\.stringValue)
      guard !by.isEmpty else { return nil }
      self.above = above
      self.aboveText = number.text
      self.by = by
    }
  }

  static func check(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .tickets || record.key.kind == .payments,
      let threshold = Threshold(try context.state.settings())
    else { return [] }
    let currency = try context.state.settings()?.currency ?? "EUR"
    return record.key.kind == .tickets
      ? try ticket(record, threshold, currency, context) : try payment(record, threshold, currency, context)
  }

  /// A costed ticket's approval: given by one of the functions, by a person who holds it.
  private static func ticket(_ record: Record, _ threshold: Threshold, _ currency: String, _ context: RuleContext)
    throws(StoreError) -> [Diagnostic]
  {
    guard let cost = record.fields["cost"]?.stringValue, exceeds(cost, threshold),
      let approval = record.fields["approval"]?.objectValue
    else { return [] }
    let amount = LocalFormat.amount(cost, currency: currency)
    let names = threshold.by.joined(separator: ", ")
    if let by = approval["by"]?.stringValue, !threshold.by.contains(by) {
      return [
        finding(
          record, ["approval", "by"], tr("a cost of \(amount) needs the approval of one of: \(names); not of the \(by)"),
          hint: hint(threshold, currency))
      ]
    }
    guard let approver = approval["approver"]?.stringValue else {
      return [
        finding(
          record, ["approval"], tr("a cost of \(amount) needs the approver's name: one of \(names)"),
          hint: tr("add --set approval.approver=PERSON"))
      ]
    }
    return try holder(
      record, ["approval", "approver"], approver, day: approval["date"]?.stringValue, amount, threshold, currency, context)
  }

  /// An approved or paid payment's approver, when its amount exceeds the threshold.
  private static func payment(_ record: Record, _ threshold: Threshold, _ currency: String, _ context: RuleContext)
    throws(StoreError) -> [Diagnostic]
  {
    guard let status = record.fields["status"]?.stringValue, status == "approved" || status == "paid",
      let amount = record.fields["amount"]?.stringValue, exceeds(amount, threshold),
      let approver = record.fields["approved_by"]?.stringValue
    else { return [] }
    return try holder(
      record, ["approved_by"], approver, day: record.fields["approved_on"]?.stringValue,
      LocalFormat.amount(amount, currency: currency), threshold, currency, context)
  }

  /// A finding when `approver` holds none of the functions on `day`.
  private static func holder(
    _ record: Record, _ field: [String], _ approver: String, day: String?, _ amount: String, _ threshold: Threshold,
    _ currency: String, _ context: RuleContext
  ) throws(StoreError) -> [Diagnostic] {
    // A missing person is ref-exists's finding.
    guard let person = try context.record(.people, approver) else { return [] }
    let functions = (person.fields["functions"]?.arrayValue ?? []).compactMap(\.stringValue)
    let held = Set(functions + Policy.roles(of: person, on: day))
    guard !threshold.by.contains(where: held.contains) else { return [] }
    let names = threshold.by.joined(separator: ", ")
    return [
      finding(
        record, field, tr("a cost of \(amount) needs the approval of one of: \(names); people/\(approver) is none of them"),
        hint: hint(threshold, currency))
    ]
  }

  private static func exceeds(_ amount: String, _ threshold: Threshold) -> Bool {
    guard let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")) else { return false }
    return value > threshold.above
  }

  private static func hint(_ threshold: Threshold, _ currency: String) -> String {
    let limit = LocalFormat.amount(threshold.aboveText, currency: currency)
    return tr(
      "ledger.json's approvals: costs above \(limit) are approved by a person whose functions (or ledger roles) include one of those"
    )
  }

  private static func finding(_ record: Record, _ tokens: [String], _ message: String, hint: String) -> Diagnostic {
    Diagnostic(file: record.key.path, instancePath: JSONPointer(tokens: tokens), rule: name, message: message, hint: hint)
  }
}
