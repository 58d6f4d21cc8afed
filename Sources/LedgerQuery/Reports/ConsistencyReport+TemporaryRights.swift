import LedgerCore
import LedgerJSON
import LedgerLanguage

/// The built-in check on temporary rights: one still `active` after its `end` is a finding
/// until someone closes it (`set rights/ID --set status=expired`, or revoked), or moves its
/// end. Like "paid_until>=today", it depends on the day, so it belongs to the consistency
/// report (run on a day) rather than to validation (which judges a commit whenever it is
/// read). It runs when the ledger has temporary rights.
extension ConsistencyReport {
  /// The name of the built-in check on temporary rights, as the report prints it.
  public static let temporaryRightsCheck = Phrase("Temporary rights past their end are closed")

  /// The temporary rights checked, and one finding per active one whose end is before `today`.
  static func temporaryRightsPastEnd(_ view: LedgerView, today: String) throws(StoreError)
    -> (checked: Int, found: [(String, String)])
  {
    let temporary = try view.records(of: .rights).filter { $0.fields["temporary"] == .bool(true) }
    var found: [(String, String)] = []
    for right in temporary where right.fields["status"]?.stringValue == "active" {
      guard let end = right.fields["end"]?.stringValue, LedgerDate.isDay(end), end < today else { continue }
      let days = LedgerDate.days(from: end, to: today) ?? 0
      let ago = Language.singular(days) ? tr("\(days) day ago") : tr("\(days) days ago")
      found.append(
        (
          right.key.description,
          tr("ended on \(LocalFormat.day(end)) (\(ago)) and is still active: set its status to expired or revoked")
        ))
    }
    return (temporary.count, found)
  }
}
