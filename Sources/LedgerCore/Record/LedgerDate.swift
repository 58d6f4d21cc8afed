import Foundation

/// Calendar days as the ledger writes them (`YYYY-MM-DD`), computed in the ledger's time zone.
public enum LedgerDate {
  /// Whether `text` is a day written `YYYY-MM-DD` (a real calendar day).
  public static func isDay(_ text: String) -> Bool { components(text) != nil }

  /// The instant `day` begins in `timeZone`.
  public static func start(of day: String, in timeZone: TimeZone) -> Date? {
    adding(days: -1, to: day).flatMap { start(ofDayAfter: $0, in: timeZone) }
  }

  /// The instant the day after `day` begins in `timeZone`: the end of `day`.
  public static func start(ofDayAfter day: String, in timeZone: TimeZone) -> Date? {
    guard let (year, month, dayOfMonth) = components(day) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let start = calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth)) else {
      return nil
    }
    return calendar.date(byAdding: .day, value: 1, to: start)
  }

  /// Days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier.
  public static func days(from: String, to: String) -> Int? {
    guard let a = start(ofDayAfter: from, in: .gmt), let b = start(ofDayAfter: to, in: .gmt) else { return nil }
    return Int((b.timeIntervalSince(a) / 86_400).rounded())
  }

  /// `day` moved by `count` days.
  public static func adding(days count: Int, to day: String) -> String? {
    guard let next = start(ofDayAfter: day, in: .gmt) else { return nil }
    return Self.day(of: next.addingTimeInterval(Double(count - 1) * 86_400), in: .gmt)
  }

  private static func components(_ text: String) -> (Int, Int, Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
    else { return nil }
    let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    return (year, month, day)
  }

  /// The day `date` falls on in `timeZone`.
  public static func day(of date: Date, in timeZone: TimeZone) -> String {
    // The zone's offset at that instant, then the proleptic Gregorian day of the shifted
    // count of days (Howard Hinnant's civil_from_days): a history of twenty thousand commits
    // asks this for each, and a Calendar per call cost more than the rest of the work.
    let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", year, month, day)
  }
}

extension LedgerDate {
  /// An instant as RFC 3339 in UTC: `2026-12-06T09:30:00Z`.
  public static func instant(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = .gmt
    return formatter.string(from: date)
  }
}
