import Foundation
import LedgerCore
import LedgerJSON
import LedgerTestSupport
import Testing

/// The limits on what the ledger reads (issue 13's hostile input): files read no further than
/// their limit, records refused on size before parsing, and CSV that cannot be text refused
/// with line and column.
@Suite struct HostileFileTests {
  @Test func anEndlessFileIsReadNoFurtherThanTheLimit() {
    #expect(InputLimits.read(URL(fileURLWithPath: "/dev/zero"), limit: 1 << 20) == .tooLarge(size: (1 << 20) + 1))
    #expect(
      InputLimits.read(URL(fileURLWithPath: "/nonexistent/x.csv"), limit: 10) == .unreadable(reason: "no such file or directory"))
    #expect(InputLimits.read(URL(fileURLWithPath: "/tmp"), limit: 10) == .unreadable(reason: "it is a folder"))
  }

  @Test func aLargeFileIsRefusedOnItsSizeAndASmallOneReadWhole() throws {
    let sandbox = try TemporaryDirectory()
    let sparse = sandbox.path("sparse.bin")
    #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
    let handle = try FileHandle(forWritingTo: sparse)
    try handle.truncate(atOffset: 300 << 20)
    try handle.close()
    #expect(InputLimits.read(sparse, limit: InputLimits.inputFileBytes) == .tooLarge(size: 300 << 20))
    try sandbox.write("small.csv", "id;name\n")
    #expect(InputLimits.read(sandbox.path("small.csv"), limit: 8) == .bytes(Array("id;name\n".utf8)))
    #expect(InputLimits.read(sandbox.path("small.csv"), limit: 7) == .tooLarge(size: 8))
  }

  @Test func aRecordLargerThanTheLimitIsRefusedBeforeParsing() throws {
    let key = try #require(RecordKey(path: "people/huge.json"))
    let bytes = Array(repeating: UInt8(ascii: " "), count: InputLimits.ledgerFileBytes) + Array("{}".utf8)
    #expect(throws: DiagnosticList.self) { try RecordDecoder.decode(bytes, key: key, file: key.path) }
    do {
      _ = try RecordDecoder.decode(bytes, key: key, file: key.path)
    } catch {
      #expect(error.diagnostics.map(\.rule) == ["file-size"])
      #expect(error.diagnostics.first?.message == "the file is 10 MiB; a ledger file holds at most 10 MiB")
    }
    // At the limit exactly, it is read.
    let fits = Array(repeating: UInt8(ascii: " "), count: InputLimits.ledgerFileBytes - 2) + Array("{}".utf8)
    #expect(try RecordDecoder.decode(fits, key: key, file: key.path).fields.isEmpty)
  }

  @Test(arguments: [
    ("id,name,name\nx,A,B\n", 1, "the column \"name\" is named twice (columns 2 and 3)"),
    ("id,name\nx,A,lost\n", 2, "column 3 holds a value, but the header names only 2 columns"),
  ])
  func aValueTheImportWouldDropIsRefused(_ text: String, _ line: Int, _ message: String) {
    do {
      _ = try CSVTable.read(Array(text.utf8))
      Issue.record("read without a problem")
    } catch {
      #expect(error.line == line)
      #expect(error.message.hasPrefix(message), "\(error.message)")
    }
  }

  @Test func anEmptyCellPastTheLastColumnIsATrailingSeparator() throws {
    let table = try CSVTable.read(Array("id,name,\nx,A,\n".utf8))
    #expect(table.header == ["id", "name"])
  }

  @Test(arguments: [
    ("id;name\nx;A\u{0}B\n", 2, 4),
    ("\u{0}id;name\n", 1, 1),
    ("id;name\n\"multi\nline\";b\u{0}\n", 3, 8),
  ])
  func aNULByteInACSVIsRefusedWithLineAndColumn(_ text: String, _ line: Int, _ column: Int) {
    #expect(throws: ImportProblem.self) { try CSVTable.read(Array(text.utf8)) }
    do {
      _ = try CSVTable.read(Array(text.utf8))
    } catch {
      #expect(error.line == line)
      #expect(error.rule == "csv")
      #expect(error.message == "a NUL byte at column \(column); a CSV file holds text only")
    }
  }

  @Test func sizesAreWrittenForPeople() {
    #expect(InputLimits.describe(10 << 20) == "10 MiB")
    #expect(InputLimits.describe((5 << 19) + 1) == "2.5 MiB")
    #expect(InputLimits.describe(300 << 10) == "300 KiB")
    #expect(InputLimits.describe(12) == "12 bytes")
  }
}
