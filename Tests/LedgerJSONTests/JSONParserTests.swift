import Testing

@testable import LedgerJSON

/// One malformed input, what the parser must say, and where.
struct InvalidCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: String
  let reason: JSONParseError.Reason
  let line: Int
  let column: Int
  var testDescription: String { name }
}

@Suite struct JSONParserTests {
  static let invalid: [InvalidCase] = [
    InvalidCase(name: "empty input", input: "", reason: .empty, line: 1, column: 1),
    InvalidCase(
      name: "trailing comma in object", input: "{\n  \"a\": 1,\n}",
      reason: .unexpectedCharacter(found: "'}'", expected: "a string key"), line: 3, column: 1),
    InvalidCase(
      name: "trailing comma in array", input: "[1,]",
      reason: .unexpectedCharacter(found: "']'", expected: "a value"), line: 1, column: 4),
    InvalidCase(
      name: "line comment", input: "{\"a\": 1 // note\n}",
      reason: .unexpectedCharacter(found: "'/'", expected: "',' or '}'"), line: 1, column: 9),
    InvalidCase(
      name: "NaN", input: "[NaN]", reason: .unexpectedCharacter(found: "'NaN'", expected: "a value"),
      line: 1, column: 2),
    InvalidCase(
      name: "Infinity", input: "[-Infinity]", reason: .invalidNumber("-"), line: 1, column: 2),
    InvalidCase(name: "leading zero", input: "[012]", reason: .invalidNumber("012"), line: 1, column: 2),
    InvalidCase(
      name: "bare fraction", input: "[.5]", reason: .unexpectedCharacter(found: "'.'", expected: "a value"), line: 1, column: 2),
    InvalidCase(name: "exponent without digits", input: "[1e]", reason: .invalidNumber("1e"), line: 1, column: 2),
    InvalidCase(
      name: "duplicate key", input: "{\"a\": 1,\n \"a\": 2}", reason: .duplicateKey("a"), line: 2,
      column: 2),
    InvalidCase(
      name: "single quotes", input: "{'a': 1}",
      reason: .unexpectedCharacter(found: "'''", expected: "a string key"), line: 1, column: 2),
    InvalidCase(
      name: "raw newline in string", input: "[\"a\nb\"]", reason: .controlCharacterInString, line: 1,
      column: 4),
    InvalidCase(
      name: "bad escape", input: #"["\x"]"#, reason: .invalidEscape(#"'\x"]'"#), line: 1, column: 3),
    InvalidCase(name: "lone high surrogate", input: #"["\ud800"]"#, reason: .loneSurrogate, line: 1, column: 3),
    InvalidCase(name: "lone low surrogate", input: #"["\udc00"]"#, reason: .loneSurrogate, line: 1, column: 3),
    InvalidCase(
      name: "two values", input: "{} {}", reason: .trailingContent(found: "'{'"), line: 1, column: 4),
    InvalidCase(
      name: "unterminated string", input: "[\"abc", reason: .unexpectedEnd(expected: "'\"' closing the string"),
      line: 1, column: 6),
    InvalidCase(
      name: "missing colon", input: "{\"a\" 1}", reason: .unexpectedCharacter(found: "'1'", expected: "':'"),
      line: 1, column: 6),
    InvalidCase(
      name: "true misspelt", input: "[tru]", reason: .unexpectedCharacter(found: "'tru'", expected: "a value"),
      line: 1, column: 2),
    InvalidCase(
      name: "column counts characters not bytes", input: "{\"é\": x}",
      reason: .unexpectedCharacter(found: "'x'", expected: "a value"), line: 1, column: 7),
  ]

  @Test(arguments: invalid)
  func malformedInputIsRefusedWithItsPlace(_ testCase: InvalidCase) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(testCase.input) }
    do {
      _ = try JSONParser.parse(testCase.input)
    } catch {
      #expect(error.reason == testCase.reason)
      #expect(error.location == SourceLocation(line: testCase.line, column: testCase.column))
    }
  }

  @Test func byteOrderMarkIsRefused() {
    #expect(throws: JSONParseError(.byteOrderMark, offset: 0, in: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D])) {
      try JSONParser.parse([0xEF, 0xBB, 0xBF, 0x7B, 0x7D])
    }
  }

  @Test(arguments: [
    [UInt8]([0x22, 0xFF, 0x22]),  // not UTF-8 at all
    [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
    [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
    [0x22, 0xE2, 0x82, 0x22],  // truncated sequence
  ])
  func invalidUTF8IsRefused(_ bytes: [UInt8]) {
    #expect(throws: JSONParseError(.invalidUTF8, offset: 1, in: bytes)) { try JSONParser.parse(bytes) }
  }

  @Test func nestingIsCappedAt256Levels() throws {
    let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
    _ = try JSONParser.parse(deepest)
    let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
    #expect(throws: JSONParseError(.tooDeep(limit: 256), offset: 256, in: Array(tooDeep.utf8))) {
      try JSONParser.parse(tooDeep)
    }
  }

  @Test func numbersKeepTheirExactText() throws {
    let value = try JSONParser.parse(#"{"amount": 1234.50, "big": 12345678901234567890123, "e": -1.5E+3}"#)
    guard case .object(let object) = value else {
      Issue.record("expected an object")
      return
    }
    #expect(object["amount"] == .number(try #require(JSONNumber("1234.50"))))
    #expect(object["amount"]?.compactText == "1234.50")
    #expect(object["big"]?.compactText == "12345678901234567890123")
    #expect(object["e"]?.compactText == "-1.5E+3")
  }

  @Test func escapesDecodeToTheirCharacters() throws {
    let value = try JSONParser.parse(#"["a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"]"#)
    #expect(value == .array([.string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀")]))
  }

  @Test func objectKeepsMemberOrder() throws {
    let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
    #expect(value.objectValue?.keys == ["z", "a", "m"])
  }

  @Test func documentLocatesValuesByPointer() throws {
    let text = "{\n  \"emails\": [\n    \"a@example.org\",\n    \"b@example.org\"\n  ]\n}\n"
    let document = try JSONParser.parseDocument(Array(text.utf8))
    #expect(document.location(of: try #require(JSONPointer(parsing: "/emails/1"))) == SourceLocation(line: 4, column: 5))
    #expect(document.location(of: try #require(JSONPointer(parsing: "/emails"))) == SourceLocation(line: 2, column: 13))
    // An absent member is placed at its nearest existing parent.
    #expect(document.location(of: try #require(JSONPointer(parsing: "/name"))) == SourceLocation(line: 1, column: 1))
  }
}
