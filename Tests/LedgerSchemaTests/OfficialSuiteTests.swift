import Foundation
import LedgerJSON
import Testing

@testable import LedgerSchema

/// The JSON-Schema-Test-Suite (draft 2020-12), run data-driven when it is present.
///
/// The suite is not part of this repository: `make test` downloads it (it ships inside the
/// `jsonschema` source package on PyPI) into `.build/json-schema-test-suite`; set
/// `JSON_SCHEMA_TEST_SUITE` to use another copy.
@Suite struct OfficialSuiteTests {
  /// Suite files run: every required-keyword file, and the optional files for what the
  /// validator promises (asserted formats, ECMA-262 patterns, big numbers).
  static let files: [String] = {
    guard let root = suiteRoot else { return [] }
    let folder = root.appendingPathComponent("tests/draft2020-12")
    let required = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let optional = [
      "optional/bignum.json", "optional/ecmascript-regex.json", "optional/format/date.json",
      "optional/format/date-time.json", "optional/format/time.json", "optional/format/email.json",
      "optional/format/uri.json", "optional/format/uuid.json", "optional/non-bmp-regex.json",
      "optional/anchor.json", "optional/id.json", "optional/dynamicRef.json",
      "optional/refOfUnknownKeyword.json", "optional/float-overflow.json",
    ]
    return required.filter { $0.hasSuffix(".json") }.sorted() + optional
  }()

  /// Cases this validator answers differently on purpose, each with the reason.
  static let skipped: [String: String] = [
    // The ledger asserts these formats (the issue asks for it); the suite's format.json
    // expects them to be annotations only.
    "format.json|email format|invalid email string is only an annotation by default": "formats are asserted",
    "format.json|date format|invalid date string is only an annotation by default": "formats are asserted",
    "format.json|date-time format|invalid date-time string is only an annotation by default": "formats are asserted",
    "format.json|time format|invalid time string is only an annotation by default": "formats are asserted",
    "format.json|uri format|invalid uri string is only an annotation by default": "formats are asserted",
    "format.json|uuid format|invalid uuid string is only an annotation by default": "formats are asserted",
    // A keyword the validator does not implement makes the schema an error, never ignored.
    "optional/refOfUnknownKeyword.json|reference of a root arbitrary keyword ": "unknown keywords are refused",
    "optional/refOfUnknownKeyword.json|reference of an arbitrary keyword of a sub-schema": "unknown keywords are refused",
  ]

  static var suiteRoot: URL? {
    let candidates: [String?] = [
      ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"],
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/json-schema-test-suite").path,
    ]
    return candidates.compactMap { $0 }.map(URL.init(fileURLWithPath:)).first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("tests/draft2020-12").path)
    }
  }

  @Test(.enabled(if: suiteRoot != nil, "the JSON-Schema-Test-Suite is not downloaded"), arguments: files)
  func suiteFile(_ file: String) throws {
    let root = try #require(OfficialSuiteTests.suiteRoot)
    let data = try Data(contentsOf: root.appendingPathComponent("tests/draft2020-12/" + file))
    let groups = try #require(try JSONParser.parse(Array(data)).arrayValue)
    for group in groups {
      let description = group.objectValue?["description"]?.stringValue ?? "?"
      let registry = try OfficialSuiteTests.registryWithRemotes(root)
      let schemaValue = try #require(group.objectValue?["schema"])
      guard OfficialSuiteTests.skipped["\(file)|\(description)"] == nil else { continue }
      let schema: Schema
      do {
        schema = try registry.register(schemaValue, uri: "https://test.example/schema.json")
      } catch {
        Issue.record("\(file) | \(description): schema refused: \(error)")
        continue
      }
      for test in group.objectValue?["tests"]?.arrayValue ?? [] {
        let name = test.objectValue?["description"]?.stringValue ?? "?"
        guard OfficialSuiteTests.skipped["\(file)|\(description)|\(name)"] == nil else { continue }
        let expected = test.objectValue?["valid"] == .bool(true)
        let data = test.objectValue?["data"] ?? .null
        let result = schema.validate(data)
        #expect(result.isValid == expected, "\(file) | \(description) | \(name): \(result.errors.map(\.message))")
      }
    }
  }

  /// A standard registry plus the suite's remote documents at `http://localhost:1234/`.
  static func registryWithRemotes(_ root: URL) throws -> SchemaRegistry {
    let registry = SchemaRegistry.standard()
    let remotes = root.appendingPathComponent("remotes")
    let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "json" { files.append(url) }
    }
    // Meta-schemas first, so documents that name them as $schema find them.
    files.sort { ($0.path.contains("metaschema") ? 0 : 1, $0.path) < ($1.path.contains("metaschema") ? 0 : 1, $1.path) }

    var documents: [(JSONValue, String)] = []
    for url in files {
      let relative = String(url.path.dropFirst(remotes.path.count + 1))
      guard !relative.hasPrefix("draft") || relative.hasPrefix("draft2020-12"),
        let value = try? JSONParser.parse(Array(Data(contentsOf: url)))
      else { continue }
      documents.append((value, "http://localhost:1234/" + relative))
    }
    try registry.register(documents: documents, checkAgainstMetaSchema: false)
    return registry
  }
}
