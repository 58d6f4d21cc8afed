import Testing

@testable import LedgerSchema

@Suite struct FormatTests {
  @Test(arguments: [
    ("date", "2026-11-27", true), ("date", "2024-02-29", true), ("date", "2026-02-29", false),
    ("date", "2026-13-01", false), ("date", "27/11/2026", false), ("date", "2026-1-1", false),
    ("date-time", "2026-11-27T14:30:00+01:00", true), ("date-time", "2026-11-27t14:30:00.5z", true),
    ("date-time", "1998-12-31T23:59:60Z", true), ("date-time", "1998-12-31T22:59:60Z", false),
    ("date-time", "2026-11-27 14:30:00Z", false), ("date-time", "2026-11-27T14:30:00", false),
    ("time", "08:30:06Z", true), ("time", "15:59:60-08:00", true), ("time", "24:00:00Z", false),
    ("time", "08:30:06 PST", false),
    ("email", "claire.durand@example.org", true), ("email", "\"quoted local\"@example.org", true),
    ("email", "joe@[127.0.0.1]", true), ("email", "a..b@example.org", false), ("email", ".a@example.org", false),
    ("email", "no-at-sign", false), ("email", "a@-bad-.org", false),
    ("uri", "https://www.cen-paca.org/path?q=1#top", true), ("uri", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", true),
    ("uri", "//no-scheme.org", false), ("uri", "https://bad host.org", false), ("uri", "http://x.org/%zz", false),
    ("uuid", "123e4567-e89b-12d3-a456-426614174000", true), ("uuid", "123e4567e89b12d3a456426614174000", false),
    ("uuid", "123e4567-e89b-12d3-a456-42661417400g", false),
  ])
  func formatIsAsserted(_ format: String, _ text: String, _ valid: Bool) {
    #expect(FormatChecker.check(format, text) == valid)
  }

  @Test func otherFormatsAreOnlyAnnotations() {
    #expect(FormatChecker.check("hostname", "-not a host-") == nil)
  }
}
