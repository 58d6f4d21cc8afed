import Foundation
import LedgerFuzzing
import Testing

/// One committed fuzz input: `Tests/FuzzCorpus/<target>/<name>`.
struct CorpusInput: CustomTestStringConvertible, Sendable {
  let target: FuzzTarget
  let url: URL
  var testDescription: String { "\(target.rawValue)/\(url.lastPathComponent)" }

  /// The corpus folder, found from this file's path so the test runs from any directory.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

  /// Every input of `target`, sorted by name.
  static func all(_ target: FuzzTarget) -> [CorpusInput] {
    let folder = root.appendingPathComponent(target.rawValue)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map {
      CorpusInput(target: target, url: folder.appendingPathComponent($0))
    }
  }

  static let everything = FuzzTarget.allCases.flatMap(all)
}

/// Replays the committed corpus through the properties the fuzzer checks (`make fuzz`), so the
/// inputs it once found stay regression tests in `make test`.
@Suite struct FuzzCorpusTests {
  @Test(arguments: FuzzTarget.allCases)
  func everyTargetHasACorpus(_ target: FuzzTarget) {
    #expect(CorpusInput.all(target).count >= 5, "Tests/FuzzCorpus/\(target.rawValue) is (nearly) empty")
  }

  @Test(arguments: CorpusInput.everything)
  func corpusInputHoldsItsProperty(_ input: CorpusInput) throws {
    let bytes = try [UInt8](Data(contentsOf: input.url))
    #expect(throws: Never.self) { try input.target.check(bytes) }
  }
}
