import Testing

@testable import LedgerJSON

@Suite struct CanonicalWriterTests {
  @Test func writesSortedKeysOneFieldPerLine() throws {
    let value = try JSONParser.parse(#"{"name":"Hugo","emails":["a@x.org","b@x.org"],"meta":{"z":null,"a":true},"n":[],"o":{}}"#)
    #expect(
      CanonicalWriter.write(value) == """
        {
          "emails": [
            "a@x.org",
            "b@x.org"
          ],
          "meta": {
            "a": true,
            "z": null
          },
          "n": [],
          "name": "Hugo",
          "o": {}
        }

        """)
  }

  @Test(arguments: [
    "{}\n",
    "[]\n",
    "\"text\"\n",
    "{\n  \"amount\": \"1234.50\",\n  \"count\": 3,\n  \"ratio\": 1.50e3\n}\n",
    "{\n  \"nested\": {\n    \"deep\": [\n      1,\n      {\n        \"x\": \"y\"\n      }\n    ]\n  }\n}\n",
    "{\n  \"quote\": \"a\\\"b\\\\c\\n\\u0001é\"\n}\n",
  ])
  func canonicalTextRoundTrips(_ text: String) throws {
    #expect(CanonicalWriter.write(try JSONParser.parse(text)) == text)
  }

  @Test func keysSortByUTF8Bytes() throws {
    let value = try JSONParser.parse(#"{"é": 1, "z": 2, "Z": 3, "a": 4}"#)
    #expect(CanonicalWriter.compact(value) == #"{"Z":3,"a":4,"z":2,"é":1}"#)
  }

  @Test func escapesOnlyWhatJSONRequires() {
    #expect(CanonicalWriter.compact(.string("/é\u{1F}\u{7F}")) == "\"/é\\u001f\u{7F}\"")
  }
}
