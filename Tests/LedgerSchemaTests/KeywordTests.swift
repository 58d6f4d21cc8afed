import LedgerJSON
import Testing

@testable import LedgerSchema

/// One schema, one instance, and whether it must validate.
struct KeywordCase: CustomTestStringConvertible, Sendable {
  let name: String
  let schema: String
  let instance: String
  let valid: Bool
  var testDescription: String { name }

  init(_ name: String, _ schema: String, _ instance: String, _ valid: Bool) {
    self.name = name
    self.schema = schema
    self.instance = instance
    self.valid = valid
  }
}

/// Every implemented keyword with a valid and an invalid case, independent of the official
/// suite (which `make test` downloads when it can).
@Suite struct KeywordTests {
  static let cases: [KeywordCase] = [
    KeywordCase("type string accepts a string", #"{"type": "string"}"#, #""a""#, true),
    KeywordCase("type string refuses a number", #"{"type": "string"}"#, "1", false),
    KeywordCase("type integer accepts 1.0", #"{"type": "integer"}"#, "1.0", true),
    KeywordCase("type integer refuses 1.5", #"{"type": "integer"}"#, "1.5", false),
    KeywordCase("type list accepts null", #"{"type": ["string", "null"]}"#, "null", true),
    KeywordCase("type list refuses a boolean", #"{"type": ["string", "null"]}"#, "true", false),
    KeywordCase("enum accepts a member", #"{"enum": ["a", 1]}"#, "1.0", true),
    KeywordCase("enum refuses others", #"{"enum": ["a", 1]}"#, #""b""#, false),
    KeywordCase("const compares objects by content", #"{"const": {"a": 1, "b": 2}}"#, #"{"b": 2, "a": 1}"#, true),
    KeywordCase("const tells false from 0", #"{"const": false}"#, "0", false),
    KeywordCase("properties validate members", #"{"properties": {"a": {"type": "string"}}}"#, #"{"a": "x"}"#, true),
    KeywordCase("properties refuse a bad member", #"{"properties": {"a": {"type": "string"}}}"#, #"{"a": 1}"#, false),
    KeywordCase("required accepts present fields", #"{"required": ["a"]}"#, #"{"a": null}"#, true),
    KeywordCase("required refuses a missing field", #"{"required": ["a"]}"#, "{}", false),
    KeywordCase(
      "additionalProperties false refuses extras", #"{"properties": {"a": {}}, "additionalProperties": false}"#,
      #"{"a": 1, "b": 2}"#, false),
    KeywordCase(
      "additionalProperties schema applies to extras", #"{"additionalProperties": {"type": "integer"}}"#, #"{"b": 2}"#, true),
    KeywordCase(
      "patternProperties applies by name", #"{"patternProperties": {"^x-": {"type": "string"}}}"#, #"{"x-a": 1}"#, false),
    KeywordCase(
      "patternProperties counts for additionalProperties", #"{"patternProperties": {"^x-": {}}, "additionalProperties": false}"#,
      #"{"x-a": 1}"#, true),
    KeywordCase("propertyNames checks every name", #"{"propertyNames": {"maxLength": 3}}"#, #"{"abcd": 1}"#, false),
    KeywordCase("propertyNames accepts good names", #"{"propertyNames": {"pattern": "^[a-z]+$"}}"#, #"{"abc": 1}"#, true),
    KeywordCase("minProperties refuses too few", #"{"minProperties": 2}"#, #"{"a": 1}"#, false),
    KeywordCase("maxProperties refuses too many", #"{"maxProperties": 1}"#, #"{"a": 1, "b": 2}"#, false),
    KeywordCase("maxProperties accepts enough", #"{"maxProperties": 2, "minProperties": 1}"#, #"{"a": 1}"#, true),
    KeywordCase("dependentRequired refuses a lone field", #"{"dependentRequired": {"end": ["start"]}}"#, #"{"end": 1}"#, false),
    KeywordCase(
      "dependentRequired accepts both", #"{"dependentRequired": {"end": ["start"]}}"#, #"{"end": 1, "start": 0}"#, true),
    KeywordCase(
      "dependentSchemas applies when present", #"{"dependentSchemas": {"a": {"required": ["b"]}}}"#, #"{"a": 1}"#, false),
    KeywordCase("dependentSchemas ignores absent", #"{"dependentSchemas": {"a": {"required": ["b"]}}}"#, #"{"c": 1}"#, true),
    KeywordCase("items checks every item", #"{"items": {"type": "integer"}}"#, "[1, 2, 3]", true),
    KeywordCase("items refuses a bad item", #"{"items": {"type": "integer"}}"#, #"[1, "2"]"#, false),
    KeywordCase(
      "prefixItems checks positions", #"{"prefixItems": [{"type": "string"}, {"type": "integer"}]}"#, #"["a", 1, null]"#, true),
    KeywordCase("prefixItems with items false refuses extras", #"{"prefixItems": [{}], "items": false}"#, "[1, 2]", false),
    KeywordCase("contains needs a match", #"{"contains": {"const": 3}}"#, "[1, 2]", false),
    KeywordCase("contains finds a match", #"{"contains": {"const": 3}}"#, "[1, 3]", true),
    KeywordCase("minContains counts matches", #"{"contains": {"const": 1}, "minContains": 2}"#, "[1, 2]", false),
    KeywordCase("maxContains caps matches", #"{"contains": {"const": 1}, "maxContains": 1}"#, "[1, 1]", false),
    KeywordCase("minContains 0 accepts none", #"{"contains": {"const": 1}, "minContains": 0}"#, "[]", true),
    KeywordCase("minItems refuses too few", #"{"minItems": 1}"#, "[]", false),
    KeywordCase("maxItems refuses too many", #"{"maxItems": 1}"#, "[1, 2]", false),
    KeywordCase("uniqueItems refuses 1 and 1.0", #"{"uniqueItems": true}"#, "[1, 1.0]", false),
    KeywordCase(
      "uniqueItems compares objects by content", #"{"uniqueItems": true}"#, #"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#, false),
    KeywordCase("uniqueItems accepts distinct", #"{"uniqueItems": true}"#, #"[1, "1", true]"#, true),
    KeywordCase("minLength counts code points", #"{"minLength": 2}"#, #""é""#, false),
    KeywordCase("maxLength counts an emoji as one", #"{"maxLength": 1}"#, #""😀""#, true),
    KeywordCase("pattern is unanchored", #"{"pattern": "b"}"#, #""abc""#, true),
    KeywordCase("pattern refuses a non-match", #"{"pattern": "^[0-9]+$"}"#, #""12a""#, false),
    KeywordCase("pattern \\d is ASCII only", #"{"pattern": "^\\d$"}"#, #""٣""#, false),
    KeywordCase("pattern $ does not match before a final newline", #"{"pattern": "^abc$"}"#, #""abc\n""#, false),
    KeywordCase("minimum is inclusive", #"{"minimum": 1.5}"#, "1.50", true),
    KeywordCase("minimum refuses below", #"{"minimum": 1.5}"#, "1.4999999999999999999", false),
    KeywordCase("exclusiveMinimum refuses equal", #"{"exclusiveMinimum": 0}"#, "0", false),
    KeywordCase("maximum refuses above", #"{"maximum": 100}"#, "100.0000000000000000001", false),
    KeywordCase("exclusiveMaximum accepts below", #"{"exclusiveMaximum": 100}"#, "99.99", true),
    KeywordCase("multipleOf is exact on decimals", #"{"multipleOf": 0.01}"#, "19.99", true),
    KeywordCase("multipleOf refuses a remainder", #"{"multipleOf": 0.01}"#, "19.991", false),
    KeywordCase("multipleOf handles huge numbers", #"{"multipleOf": 0.123456789}"#, "1e308", false),
    KeywordCase("allOf needs every branch", #"{"allOf": [{"minimum": 1}, {"maximum": 2}]}"#, "3", false),
    KeywordCase("anyOf needs one branch", #"{"anyOf": [{"type": "string"}, {"minimum": 5}]}"#, "6", true),
    KeywordCase("anyOf refuses none", #"{"anyOf": [{"type": "string"}, {"minimum": 5}]}"#, "4", false),
    KeywordCase("oneOf refuses two matches", #"{"oneOf": [{"minimum": 1}, {"maximum": 5}]}"#, "3", false),
    KeywordCase("oneOf accepts exactly one", #"{"oneOf": [{"minimum": 1}, {"maximum": 5}]}"#, "7", true),
    KeywordCase("not refuses a match", #"{"not": {"type": "null"}}"#, "null", false),
    KeywordCase("if-then applies then", #"{"if": {"const": 1}, "then": {"type": "string"}}"#, "1", false),
    KeywordCase("if-else applies else", #"{"if": {"const": 1}, "else": {"type": "string"}}"#, #""x""#, true),
    KeywordCase("$ref to $defs", ##"{"$defs": {"d": {"type": "integer"}}, "$ref": "#/$defs/d"}"##, #""x""#, false),
    KeywordCase(
      "$ref to an $anchor", ##"{"$defs": {"d": {"$anchor": "num", "type": "integer"}}, "items": {"$ref": "#num"}}"##, "[1, 2]",
      true),
    KeywordCase(
      "$ref to an embedded $id",
      #"{"$defs": {"d": {"$id": "https://x.example/d", "type": "integer"}}, "$ref": "https://x.example/d"}"#, "1.5", false),
    KeywordCase(
      "$ref recursion", ##"{"properties": {"child": {"$ref": "#"}}, "required": ["name"]}"##,
      #"{"name": 1, "child": {"child": {}}}"#, false),
    KeywordCase(
      "$ref to the built-in date", #"{"$ref": "https://adminledger.example.org/schemas/common.schema.json#/$defs/date"}"#,
      #""2026-02-30""#, false),
    KeywordCase(
      "$ref to the meta-schema", #"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#, #"{"minLength": -1}"#, false),
    KeywordCase(
      "$dynamicRef follows the dynamic scope",
      ##"{"$id": "https://x.example/list", "$ref": "https://x.example/generic", "$defs": {"item": {"$dynamicAnchor": "item", "type": "string"}, "generic": {"$id": "https://x.example/generic", "type": "array", "items": {"$dynamicRef": "#item"}, "$defs": {"default": {"$dynamicAnchor": "item"}}}}}"##,
      "[1]", false),
    KeywordCase(
      "unevaluatedProperties sees through allOf", #"{"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": false}"#,
      #"{"a": 1}"#, true),
    KeywordCase(
      "unevaluatedProperties refuses the rest", #"{"allOf": [{"properties": {"a": {}}}], "unevaluatedProperties": false}"#,
      #"{"a": 1, "b": 2}"#, false),
    KeywordCase("unevaluatedItems sees prefixItems", #"{"prefixItems": [{}], "unevaluatedItems": false}"#, "[1]", true),
    KeywordCase("unevaluatedItems refuses the rest", #"{"prefixItems": [{}], "unevaluatedItems": false}"#, "[1, 2]", false),
    KeywordCase("boolean schema false refuses all", "false", "{}", false),
    KeywordCase(
      "annotations never assert",
      #"{"title": "t", "description": "d", "default": 1, "examples": [2], "deprecated": true, "readOnly": true, "writeOnly": false, "$comment": "c"}"#,
      #""anything""#, true),
    KeywordCase(
      "ledger keywords never assert", #"{"x-ref": "people", "x-unique": true, "x-expiry": "renewal", "x-not-secret": true}"#, "3",
      true),
    KeywordCase(
      "$schema 2020-12 is accepted", #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "null"}"#, "null", true
    ),
  ]

  @Test(arguments: cases)
  func keywordDecides(_ testCase: KeywordCase) throws {
    let schema = try SchemaRegistry.standard().register(try JSONParser.parse(testCase.schema), uri: "https://test.example/s")
    let result = schema.validate(try JSONParser.parse(testCase.instance))
    #expect(result.isValid == testCase.valid, "\(result.errors.map(\.message))")
  }

  static let badSchemas: [(String, String)] = [
    (#"{"definitions": {}}"#, "unknown keyword \"definitions\" (2020-12 says $defs)"),
    (#"{"typo": 1}"#, "unknown keyword \"typo\""),
    (#"{"minLength": -1}"#, "-1"),
    (#"{"type": "text"}"#, "type"),
    (#"{"pattern": "(unclosed"}"#, "is not a valid regular expression"),
    (#"{"$ref": "other.json"}"#, "cannot resolve \"other.json\""),
    (#"{"$id": "https://x.example/a#frag"}"#, "$id must not hold a fragment"),
    (#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#, "older JSON Schema dialect"),
    (#"{"$anchor": "1bad"}"#, "$anchor must be a name"),
  ]

  @Test(arguments: badSchemas)
  func invalidSchemasAreRefusedWithTheReason(_ schema: String, _ reason: String) throws {
    let registry = SchemaRegistry.standard()
    do {
      _ = try registry.register(try JSONParser.parse(schema), uri: "https://test.example/bad")
      Issue.record("\(schema) was accepted")
    } catch let error as SchemaError {
      #expect(error.description.contains(reason), "\(error)")
    }
  }

  @Test func errorsNameThePlaceTheKeywordAndTheValue() throws {
    let schema = try SchemaRegistry.standard().register(
      try JSONParser.parse(#"{"properties": {"emails": {"items": {"format": "email"}}}, "required": ["name"]}"#),
      uri: "https://test.example/person")
    let result = schema.validate(try JSONParser.parse(#"{"emails": ["a@example.org", "not an email"]}"#))
    #expect(result.errors.map(\.keyword) == ["format", "required"])
    #expect(result.errors.map(\.instancePath.description) == ["/emails/1", ""])
    #expect(
      result.errors[0].message == "item 1 of \"emails\" must be an email address such as name@example.org, found \"not an email\""
    )
    #expect(result.errors[1].message == "missing required field \"name\"")
    #expect(result.errors[0].schemaLocation == "https://test.example/person#/properties/emails/items/format")
  }

  @Test func ledgerAnnotationsComeFromValidParts() throws {
    let schema = try SchemaRegistry.standard().register(
      try JSONParser.parse(#"{"properties": {"org": {"type": "string", "x-ref": "organizations"}}}"#),
      uri: "https://test.example/ann")
    let result = schema.validate(try JSONParser.parse(#"{"org": "cen-paca"}"#))
    #expect(result.annotations.map(\.keyword) == ["x-ref"])
    #expect(result.annotations.first?.instance == .string("cen-paca"))
    #expect(schema.keywordPaths("x-ref").map(\.steps) == [["org"]])
  }
}
