import LedgerJSON
import Testing

@testable import LedgerSchema

/// JSON Schema compares strings by code points: "é" (U+00E9) is not "e" + U+0301.
@Suite struct CodePointKeywordTests {
  static let composed = "\u{E9}"
  static let decomposed = "e\u{301}"

  static let cases: [KeywordCase] = [
    KeywordCase("const accepts the same code points", #"{"const": "\#(composed)"}"#, #""\#(composed)""#, true),
    KeywordCase("const refuses a canonically equivalent string", #"{"const": "\#(composed)"}"#, #""\#(decomposed)""#, false),
    KeywordCase("enum refuses a canonically equivalent string", #"{"enum": ["\#(decomposed)"]}"#, #""\#(composed)""#, false),
    KeywordCase(
      "const compares object keys by code points", #"{"const": {"\#(composed)": 1}}"#, #"{"\#(decomposed)": 1}"#, false),
    KeywordCase(
      "uniqueItems accepts canonically equivalent strings", #"{"uniqueItems": true}"#, #"["\#(composed)", "\#(decomposed)"]"#,
      true),
    KeywordCase(
      "uniqueItems refuses the same string twice", #"{"uniqueItems": true}"#, #"["\#(composed)", "\#(composed)"]"#, false),
    KeywordCase("required looks keys up by code points", #"{"required": ["\#(composed)"]}"#, #"{"\#(decomposed)": 1}"#, false),
    KeywordCase(
      "properties match keys by code points",
      #"{"properties": {"\#(composed)": {"type": "string"}}, "additionalProperties": false}"#, #"{"\#(decomposed)": "x"}"#, false),
    KeywordCase(
      "unevaluatedProperties tells keys apart by code points",
      #"{"properties": {"\#(composed)": true}, "unevaluatedProperties": false}"#,
      #"{"\#(composed)": 1, "\#(decomposed)": 2}"#, false),
  ]

  @Test(arguments: cases)
  func keywordComparesByCodePoints(_ testCase: KeywordCase) throws {
    let schema = try SchemaRegistry.standard().register(try JSONParser.parse(testCase.schema), uri: "https://test.example/s")
    let result = schema.validate(try JSONParser.parse(testCase.instance))
    #expect(result.isValid == testCase.valid, "\(result.errors.map(\.message))")
  }
}
