import LedgerSchema

/// How each file of a ledger merges: records, `ledger.json` and the ledger's own schemas as
/// JSON (with the set arrays their schema declares), any other file as text.
final class MergeRules {
  private let schemas: RecordSchemas
  private var cache: [RecordKind: SetArrays] = [:]

  /// The rules of the ledger as `snapshot` holds it (its own schemas, else the built-in ones).
  init(_ snapshot: any LedgerSnapshot) throws(StoreError) {
    schemas = try RecordSchemas(LedgerState(snapshot))
  }

  /// The set arrays of a ledger file when it merges as JSON; nil when it merges as text.
  func sets(forLedgerPath path: String) -> SetArrays? {
    if let key = RecordKey(path: path) {
      if let known = cache[key.kind] { return known }
      let sets = SetArrays(schema: schemas.schema(for: key.kind))
      cache[key.kind] = sets
      return sets
    }
    if path == LedgerSettings.fileName { return SetArrays(schema: schemas.settingsSchema) }
    if path.hasPrefix(RecordSchemas.folder + "/"), path.hasSuffix(".json") { return .empty }
    return nil
  }
}
