import Foundation
import Testing

@testable import LedgerLanguage

/// Every phrase in the sources has a French entry, every entry is used, and each entry keeps
/// its key's placeholders: a missing translation fails here rather than showing English.
@Suite struct CatalogueTests {
  static let sourcesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  static func phrasesInSources() throws -> (found: [PhraseLiteralScanner.Found], unreadable: [String]) {
    var found: [PhraseLiteralScanner.Found] = []
    var unreadable: [String] = []
    let files = FileManager.default.enumerator(at: sourcesFolder, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift", !file.path.contains("/LedgerLanguage/") else { continue }
      let name = String(file.path.dropFirst(sourcesFolder.path.count + 1))
      let result = PhraseLiteralScanner.scan(try String(contentsOf: file, encoding: .utf8), file: name)
      found += result.found
      unreadable += result.unreadable
    }
    return (found, unreadable)
  }

  @Test func everyPhraseInTheSourcesHasAFrenchEntry() throws {
    let (found, unreadable) = try Self.phrasesInSources()
    #expect(unreadable.isEmpty, "\(unreadable.joined(separator: "\n"))")
    let missing = found.filter { French.entries[$0.template] == nil }
    let listed = Set(missing.map(\.template)).sorted().map { template in
      let place = missing.first { $0.template == template }!
      return "\(place.file):\(place.line): \(template)"
    }
    #expect(listed.isEmpty, "\(listed.count) phrases have no French entry:\n\(listed.joined(separator: "\n"))")
  }

  @Test func everyFrenchEntryIsUsed() throws {
    let used = Set(try Self.phrasesInSources().found.map(\.template))
    let unused = French.entries.keys.filter { !used.contains($0) }.sorted()
    #expect(unused.isEmpty, "entries no source says:\n\(unused.joined(separator: "\n"))")
  }

  @Test func noKeyIsInTwoParts() {
    var seen: [String: String] = [:]
    var twice: [String] = []
    for part in French.parts {
      for key in part.entries.keys {
        if let other = seen[key] { twice.append("\(key) (\(other), \(part.area))") }
        seen[key] = part.area
      }
    }
    #expect(twice.isEmpty, "\(twice.joined(separator: "\n"))")
  }

  @Test func eachEntryKeepsItsPlaceholders() {
    let broken = French.entries.filter { placeholders($0.key) != placeholders($0.value) }.map(\.key).sorted()
    #expect(broken.isEmpty, "entries that lose or add a {N}:\n\(broken.joined(separator: "\n"))")
  }

  private func placeholders(_ template: String) -> [String] {
    template.matches(of: /\{[0-9]+\}/).map { String(template[$0.range]) }.sorted()
  }
}
