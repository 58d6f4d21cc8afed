import LedgerJSON
import Testing

/// Strings compare by code points (RFC 8259), not by Swift's canonical equivalence: "é"
/// (U+00E9) and "e" + U+0301 are different values and different keys.
@Suite struct CodePointTests {
  static let composed = "\u{E9}"
  static let decomposed = "e\u{301}"

  static let equalities: [(String, JSONValue, JSONValue, Bool)] = [
    ("composed and decomposed strings differ", .string(composed), .string(decomposed), false),
    ("the same code points are equal", .string(composed), .string("\u{E9}"), true),
    ("arrays compare their strings by code points", .array([.string(composed)]), .array([.string(decomposed)]), false),
    (
      "objects compare their keys by code points",
      .object(JSONObject([(composed, .null)])), .object(JSONObject([(decomposed, .null)])), false
    ),
    (
      "objects compare their values by code points",
      .object(JSONObject([("name", .string(composed))])), .object(JSONObject([("name", .string(decomposed))])), false
    ),
    (
      "objects still equal in any member order",
      .object(JSONObject([(composed, .null), (decomposed, .bool(true))])),
      .object(JSONObject([(decomposed, .bool(true)), (composed, .null)])), true
    ),
  ]

  @Test(arguments: equalities)
  func valuesCompareByCodePoints(_ name: String, _ left: JSONValue, _ right: JSONValue, _ equal: Bool) {
    #expect((left == right) == equal, "\(name)")
    #expect(Set([left, right]).count == (equal ? 1 : 2), "\(name)")
    if equal { #expect(left.hashValue == right.hashValue, "\(name)") }
  }

  /// Small objects scan their members, large ones use a table: both tell the keys apart.
  @Test(arguments: [0, 20])
  func keysDifferByCodePoints(_ padding: Int) throws {
    var object = JSONObject((0..<padding).map { ("k\($0)", JSONValue.null) })
    object[Self.composed] = .number(try #require(JSONNumber("1")))
    object[Self.decomposed] = .number(try #require(JSONNumber("2")))
    #expect(object.count == padding + 2)
    #expect(object[Self.composed] == .number(try #require(JSONNumber("1"))))
    #expect(object[Self.decomposed] == .number(try #require(JSONNumber("2"))))
    object[Self.decomposed] = nil
    #expect(object[Self.decomposed] == nil)
    #expect(object[Self.composed] != nil)
  }

  @Test func keysThatDifferByCodePointsAreTwoMembers() throws {
    let value = try JSONParser.parse(#"{"\#(Self.composed)": 1, "\#(Self.decomposed)": 2}"#)
    let object = try #require(value.objectValue)
    #expect(object.count == 2)
    #expect(object.keys.map { Array($0.utf8) } == [Array(Self.composed.utf8), Array(Self.decomposed.utf8)])
  }

  @Test(arguments: [composed, decomposed, #"\u00e9"#])
  func theSameKeyTwiceIsStillADuplicate(_ key: String) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"\#(key)": 1, "\#(key)": 2}"#) }
  }

  @Test func anEscapedKeyIsTheSameKeyAsItsCharacter() {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"\u00e9": 1, "\#(Self.composed)": 2}"#) }
  }
}
