import Foundation
import LedgerCore
import LedgerJSON
import LedgerTestSupport
import Testing

let claire = Author(name: "Claire Durand", email: "claire.durand@example.org")
let marc = Author(name: "Marc Petit", email: "marc.petit@example.org")
/// 2026-11-18 in UTC.
let fixedDate = Date(timeIntervalSince1970: 1_795_000_000)
let settings = LedgerSettings(name: "Test", timeZoneIdentifier: "Europe/Paris", currency: "EUR")

/// The two stores every store check runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case git, memory
  var testDescription: String { rawValue }
}

/// Schemas that accept any object, so store tests exercise the store, not validation.
let permissiveSchemas: [String: [UInt8]] = Dictionary(
  uniqueKeysWithValues: RecordKind.allCases.map { kind in
    (
      "schemas/\(kind.rawValue).schema.json",
      Array(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#.utf8)
    )
  })

/// A store of the given kind holding a fresh ledger with permissive schemas; keeps its
/// folder alive.
struct StoreFixture {
  let store: any RecordStore
  let sandbox: TemporaryDirectory?

  init(_ kind: StoreKind) throws {
    switch kind {
    case .git:
      let sandbox = try TemporaryDirectory()
      let ledger = try Ledger.create(at: sandbox.url, settings: settings, by: claire, at: fixedDate)
      for (path, bytes) in permissiveSchemas { try sandbox.write(path, String(decoding: bytes, as: UTF8.self)) }
      _ = try ledger.commitHandEdits(message: "permissive schemas", by: claire, at: fixedDate)
      store = ledger.store
      self.sandbox = sandbox
    case .memory:
      let bytes = CanonicalWriter.bytes(.object(settings.document))
      store = MemoryRecordStore(files: permissiveSchemas.merging([LedgerSettings.fileName: bytes]) { $1 })
      sandbox = nil
    }
  }
}

func key(_ text: String) throws -> RecordKey {
  let parts = text.split(separator: "/")
  guard parts.count == 2, let kind = RecordKind(rawValue: String(parts[0])), let id = RecordID(String(parts[1]))
  else { throw StoreError.revisionNotFound(text) }
  return RecordKey(kind: kind, id: id)
}

func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }
