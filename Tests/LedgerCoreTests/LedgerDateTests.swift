import Foundation
import LedgerCore
import Testing

/// The day of an instant in a zone, computed without a Calendar, agrees with Foundation's
/// Gregorian calendar: across centuries, before 1970, and on both sides of daylight-saving
/// changes and midnight.
@Suite struct LedgerDateTests {
  @Test(arguments: ["UTC", "Europe/Paris", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"])
  func theDayOfAnInstantIsTheCalendarsDay(_ zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    // Every 7 hours and 13 minutes from 1899 to 2101: every hour of the day, every month.
    var instant = -2_240_524_800.0
    while instant < 4_133_980_800 {
      let date = Date(timeIntervalSince1970: instant)
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
      let day = LedgerDate.day(of: date, in: timeZone)
      guard day == expected else {
        Issue.record("\(date) in \(zone): \(day), the calendar says \(expected)")
        return
      }
      instant += 26_003.5
    }
  }

  @Test func midnightBelongsToTheDayItStarts() throws {
    let paris = try #require(TimeZone(identifier: "Europe/Paris"))
    let start = try #require(LedgerDate.start(of: "2026-03-29", in: paris))
    #expect(LedgerDate.day(of: start, in: paris) == "2026-03-29")
    #expect(LedgerDate.day(of: start.addingTimeInterval(-1), in: paris) == "2026-03-28")
    let utc = try #require(TimeZone(identifier: "UTC"))
    #expect(LedgerDate.day(of: Date(timeIntervalSince1970: -1), in: utc) == "1969-12-31")
  }
}
