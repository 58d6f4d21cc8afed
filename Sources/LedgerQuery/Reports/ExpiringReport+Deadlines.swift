import LedgerCore
import LedgerJSON
import LedgerLanguage

/// The deadlines no schema marks with `x-expiry` because they are computed from several fields:
///
/// - a contract's notice day: its `renewal` minus its `notice_days` (field `notice_days`), the
///   last day to give notice; a contract renewing 2027-04-01 with 90 days' notice gives
///   2027-01-01;
/// - a payment's `due` day, while it is not paid or cancelled (field `due`);
/// - a duty's next due day: its `last_done` plus its `frequency` (daily, weekly, monthly,
///   quarterly, yearly; field `last_done`). A duty never done, continuous or done on request
///   has no due day.
///
/// Each is a `Deadline`: the day, the record, the field that moves it and what it is.
extension ExpiringReport {
  /// One computed deadline, before the horizon is applied.
  struct Deadline {
    var date: String
    var record: Record
    var label: String
    var field: String
  }

  /// The intervals a duty's `frequency` stands for; the others (continuous, on-request) have
  /// no next due day.
  public static let dutyIntervals: [String: String] = [
    "daily": "1d", "weekly": "1w", "monthly": "1m", "quarterly": "3m", "yearly": "1y",
  ]

  /// Every computed deadline of the ledger, in no particular order.
  static func computedDeadlines(_ view: LedgerView) throws(StoreError) -> [Deadline] {
    var found: [Deadline] = []
    for contract in try view.records(of: .contracts) where !isFinished(contract) {
      guard let notice = noticeDay(of: contract) else { continue }
      found.append(Deadline(date: notice, record: contract, label: tr("contract notice"), field: "notice_days"))
    }
    for payment in try view.records(of: .payments) where isUnpaid(payment) {
      guard let due = payment.fields["due"]?.stringValue, LedgerDate.isDay(due) else { continue }
      found.append(Deadline(date: due, record: payment, label: tr("payment due"), field: "due"))
    }
    for duty in try view.records(of: .duties) {
      guard let next = nextDue(of: duty) else { continue }
      found.append(Deadline(date: next, record: duty, label: tr("duty"), field: "last_done"))
    }
    return found
  }

  /// The last day to give notice on a contract: its renewal minus its `notice_days`; nil
  /// without both, or with no notice to give (0 days: the renewal itself is listed).
  public static func noticeDay(of contract: Record) -> String? {
    guard let renewal = contract.fields["renewal"]?.stringValue, LedgerDate.isDay(renewal),
      case .number(let number)? = contract.fields["notice_days"], let days = number.intValue, days > 0
    else { return nil }
    return LedgerDate.adding(days: -days, to: renewal)
  }

  /// A duty's next due day: its `last_done` plus the interval its `frequency` names.
  public static func nextDue(of duty: Record) -> String? {
    guard let last = duty.fields["last_done"]?.stringValue,
      let interval = duty.fields["frequency"]?.stringValue.flatMap({ dutyIntervals[$0] }).flatMap(ReviewInterval.init)
    else { return nil }
    return interval.end(from: last)
  }

  /// A payment still to pay: received or approved (a payment without status counts too).
  static func isUnpaid(_ payment: Record) -> Bool {
    let status = payment.fields["status"]?.stringValue
    return status != "paid" && status != "cancelled"
  }
}
