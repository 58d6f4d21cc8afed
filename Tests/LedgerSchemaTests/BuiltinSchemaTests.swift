import Foundation
import LedgerJSON
import Testing

@testable import LedgerSchema

@Suite struct BuiltinSchemaTests {
  static let schemasFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

  @Test func embeddedCopyEqualsTheFilesOfSchemasFolder() throws {
    let enumerator = FileManager.default.enumerator(at: BuiltinSchemaTests.schemasFolder, includingPropertiesForKeys: nil)
    var onDisk: [String: String] = [:]
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "json" else { continue }
      let relative = String(url.path.dropFirst(BuiltinSchemaTests.schemasFolder.path.count + 1))
      onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
    }
    let embedded = Dictionary(uniqueKeysWithValues: BuiltinSchemas.embeddedFiles.map { ($0.path, $0.text + "\n") })
    #expect(embedded.keys.sorted() == onDisk.keys.sorted(), "run 'make schemas' after changing schemas/")
    for (path, text) in onDisk {
      #expect(embedded[path] == text, "\(path) differs from its embedded copy: run 'make schemas'")
    }
  }

  @Test(arguments: BuiltinSchemas.embeddedFiles.map(\.path))
  func everyBuiltInSchemaIsAValid2020_12Schema(_ path: String) throws {
    let registry = SchemaRegistry.standard()
    let text = try #require(BuiltinSchemas.embeddedFiles.first { $0.path == path }).text
    let value = try JSONParser.parse(text)
    do {
      try registry.register(value, uri: "file:///schemas/" + path)
    } catch {
      Issue.record("\(path): \(error)")
    }
  }
}
