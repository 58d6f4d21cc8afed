import Foundation
import LedgerJSON
import Testing

@testable import LedgerSchema

/// Patterns are hostile input (a ledger's own schemas come from whoever commits): a ruinous
/// pattern is stopped by the step budget, a huge one is refused when the schema compiles, and
/// ordinary patterns on long values are not stopped.
@Suite struct HostilePatternTests {
  @Test(arguments: ["(.*a){25}", "^(a|a)*b$", "^(a+)+b", "(a*)*(b*)*c"])
  func aRuinousPatternIsStoppedQuickly(_ source: String) throws {
    let regex = try #require(ECMARegex(source))
    let outcome = regex.match(String(repeating: "a", count: 40) + "!")
    // `^(a+)+b` and the like may be cut short by ICU's own optimisations: never a wrong match.
    #expect(outcome != .matched)
    if source == "(.*a){25}" { #expect(outcome == .tooCostly) }
  }

  /// Once a pattern ran out of budget, later values are not matched again: ten thousand
  /// values would cost ten thousand budgets.
  @Test func aPatternThatRanOutOfBudgetIsNotMatchedAgain() throws {
    let regex = try #require(ECMARegex("(.*a){25}"))
    #expect(regex.match(String(repeating: "a", count: 40) + "!") == .tooCostly)
    #expect(try #require(ECMARegex("(.*a){25}")).match("") == .notMatched)
    #expect(regex.match("") == .tooCostly)
  }

  @Test func ordinaryPatternsOnLongValuesAreNotStopped() throws {
    let long = String(repeating: "abc-", count: 250_000)  // 1,000,000 characters
    #expect(try #require(ECMARegex("^[a-z-]+$")).match(long) == .matched)
    #expect(try #require(ECMARegex("x")).match(long) == .notMatched)
    #expect(try #require(ECMARegex("^([a-z]+-)*[a-z]+-$")).match(String(long.prefix(4000))) == .matched)
  }

  @Test func aPatternLongerThanTheLimitIsRefused() throws {
    let huge = String(repeating: "a", count: 1 << 20)
    #expect(ECMARegex(huge) == nil)
    #expect(ECMARegex.problem(huge) == "the pattern is 1048576 bytes long; a pattern has at most 4096")
    #expect(ECMARegex(String(repeating: "a", count: ECMARegex.maximumLength)) != nil)
    let schema = try JSONParser.parse(#"{"pattern": "\#(huge)"}"#)
    #expect(throws: SchemaError.self) { try SchemaRegistry.standard().register(schema, uri: "file:///huge.json") }
  }

  @Test func aValueTooCostlyToMatchIsAFindingNamingThePattern() throws {
    let schema = try SchemaRegistry.standard().register(
      try JSONParser.parse(#"{"properties": {"name": {"pattern": "(.*a){25}"}}}"#), uri: "file:///ruin.json")
    let errors = schema.validate(["name": .string(String(repeating: "a", count: 40) + "!")]).errors
    #expect(errors.count == 1)
    #expect(errors.first?.keyword == "pattern")
    #expect(errors.first?.message.contains("cannot be checked against the pattern (.*a){25}") == true)
  }
}
