import Testing

@testable import LedgerJSON

@Suite struct JSONPointerTests {
  @Test func escapesSlashAndTilde() throws {
    let pointer = JSONPointer(tokens: ["a/b", "c~d", "0"])
    #expect(pointer.description == "/a~1b/c~0d/0")
    #expect(JSONPointer(parsing: pointer.description) == pointer)
  }

  @Test func resolvesIntoObjectsAndArrays() throws {
    let value = try JSONParser.parse(#"{"a": {"b": [10, 20]}, "": 1}"#)
    #expect(try #require(JSONPointer(parsing: "/a/b/1")).resolve(in: value) == 20)
    #expect(try #require(JSONPointer(parsing: "/")).resolve(in: value) == 1)
    #expect(try #require(JSONPointer(parsing: "/a/b/01")).resolve(in: value) == nil)
    #expect(try #require(JSONPointer(parsing: "/a/x")).resolve(in: value) == nil)
  }

  @Test(arguments: ["a", "/~2", "/~"])
  func malformedPointersAreRefused(_ text: String) {
    #expect(JSONPointer(parsing: text) == nil)
  }
}
