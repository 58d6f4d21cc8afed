import LedgerJSON
import LedgerSchema

/// What cross-record rules read: the ledger as the write leaves it, its schemas and policy.
final class RuleContext {
  let state: LedgerState
  let schemas: RecordSchemas
  let policy: Policy
  private var pathCache: [String: [KeywordPath]] = [:]

  init(state: LedgerState, schemas: RecordSchemas) throws(StoreError) {
    self.state = state
    self.schemas = schemas
    self.policy = Policy(try state.settings())
  }

  func record(_ kind: RecordKind, _ id: String) throws(StoreError) -> Record? {
    guard let id = RecordID(id) else { return nil }
    return try state.record(RecordKey(kind: kind, id: id))
  }

  /// Whether the record exists, without reading it when the store can tell.
  func exists(_ kind: RecordKind, _ id: String) throws(StoreError) -> Bool {
    guard let id = RecordID(id) else { return false }
    return try state.exists(RecordKey(kind: kind, id: id))
  }

  /// Where `keyword` applies in records of `kind`, read from its schema once.
  func paths(_ keyword: String, in kind: RecordKind) -> [KeywordPath] {
    let cacheKey = keyword + "|" + kind.rawValue
    if let cached = pathCache[cacheKey] { return cached }
    let paths = schemas.schema(for: kind)?.keywordPaths(keyword) ?? []
    pathCache[cacheKey] = paths
    return paths
  }

  /// The references a record makes: pointer, target kind, target id.
  func references(of record: Record) -> [(JSONPointer, RecordKind?, String, JSONValue)] {
    paths("x-ref", in: record.key.kind).flatMap { path in
      path.values(in: .object(record.fields)).compactMap { pointer, value in
        guard case .string(let id) = value else { return nil }
        return (pointer, path.value.stringValue.flatMap(RecordKind.init(rawValue:)), id, path.value)
      }
    }
  }

  /// Records that refer to `key`, found through the schemas' `x-ref` paths.
  func referrers(of key: RecordKey) throws(StoreError) -> [Record] {
    var result: [Record] = []
    for kind in RecordKind.allCases {
      let paths = self.paths("x-ref", in: kind).filter { $0.value.stringValue == key.kind.rawValue }
      guard !paths.isEmpty else { continue }
      if let found = try indexedReferrers(of: key, in: kind, paths) {
        result += found
        continue
      }
      for record in try state.records(of: kind)
      where paths.contains(where: { path in
        path.values(in: .object(record.fields)).contains { $0.1 == .string(key.id.value) }
      }) {
        result.append(record)
      }
    }
    return result
  }

  /// The referrers a history walk's index knows (nil without one), read one by one.
  private func indexedReferrers(of key: RecordKey, in kind: RecordKind, _ paths: [KeywordPath]) throws(StoreError)
    -> [Record]?
  {
    var keys = Set<RecordKey>()
    for path in paths {
      guard let owners = try state.valueOwners(kind, path) else { return nil }
      keys.formUnion(owners[.string(key.id.value)])
    }
    var records: [Record] = []
    for referrer in keys.sorted() {
      if let record = try state.record(referrer) { records.append(record) }
    }
    return records
  }
}
