import Testing

@testable import LedgerJSON

@Suite struct JSONNumberTests {
  @Test(arguments: [("1.50", "1.5"), ("15e-1", "1.5"), ("0", "-0"), ("100", "1e2"), ("0.0", "0")])
  func equalValuesCompareEqual(_ lhs: String, _ rhs: String) throws {
    #expect(try #require(JSONNumber(lhs)) == #require(JSONNumber(rhs)))
  }

  @Test(arguments: [
    ("1", "2"), ("-2", "-1"), ("0.1", "0.11"), ("9", "10"), ("-1", "0"), ("99999999999999999998", "99999999999999999999"),
    ("1e-400", "1e-399"),
  ])
  func orderIsByExactValue(_ lower: String, _ higher: String) throws {
    let a = try #require(JSONNumber(lower))
    let b = try #require(JSONNumber(higher))
    #expect(a < b)
    #expect(!(b < a))
  }

  @Test(arguments: ["01", "1.", ".1", "+1", "1e", "--1", "0x10", "", "1.5.2"])
  func invalidTextIsRefused(_ text: String) {
    #expect(JSONNumber(text) == nil)
  }

  @Test func integersAreRecognised() throws {
    #expect(try #require(JSONNumber("1.0e2")).intValue == 100)
    #expect(try #require(JSONNumber("2.5")).isInteger == false)
    #expect(try #require(JSONNumber("-30")).intValue == -30)
  }
}
