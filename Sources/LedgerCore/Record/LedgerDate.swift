import Foundation

/// Calendar days as the ledger writes them (`YYYY-MM-DD`), computed in the ledger's time zone.
public enum LedgerDate {
  /// The day `date` falls on in `timeZone`.
  public static func day(of date: Date, in timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let year = parts.year ?? 1970
    let month = parts.month ?? 1
    let day = parts.day ?? 1
    return String(format: "%04d-%02d-%02d", year, month, day)
  }
}
