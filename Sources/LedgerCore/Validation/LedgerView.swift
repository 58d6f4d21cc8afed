import LedgerJSON
import LedgerSchema

/// The ledger at one commit as readers see it: records loaded on demand, and what the
/// schemas say about their fields (which are references, which are expiry dates).
///
/// Queries and reports read through this; it never writes.
public final class LedgerView {
  let context: RuleContext
  /// The commit shown, or nil for an empty ledger.
  public let revision: String?

  /// A view of `snapshot`.
  public init(_ snapshot: any LedgerSnapshot) throws(StoreError) {
    let state = LedgerState(snapshot)
    context = try RuleContext(state: state, schemas: try RecordSchemas(state))
    revision = snapshot.revision
  }

  /// The settings, when `ledger.json` is readable.
  public func settings() throws(StoreError) -> LedgerSettings? { try context.state.settings() }

  /// The policy of the settings.
  public var policy: Policy { context.policy }

  /// Why each record file read so far and left out is no record, by file: a reader says so
  /// instead of leaving records out in silence.
  public var unreadableFiles: [Diagnostic] {
    context.state.unreadableFiles()
  }

  /// Every readable record of `kind`, sorted by id.
  public func records(of kind: RecordKind) throws(StoreError) -> [Record] {
    try context.state.records(of: kind)
  }

  /// The records of `kind` whose values at the field `path` (as `values` reads them) include
  /// `value`, sorted by id, looked up in a value index kept for that field; nil when the store
  /// keeps no index (read every record instead). A query that filters on a field uses this.
  public func records(
    of kind: RecordKind, indexedAt path: [String], values: @escaping (Record) -> [JSONValue], holding value: JSONValue
  ) throws(StoreError) -> [Record]? {
    let name = KeywordPath(steps: ["query"] + path, value: .string("query"))
    return try context.state.records(of: kind, indexedBy: name, values: values, holding: value)
  }

  /// One record, or nil.
  public func record(_ key: RecordKey) throws(StoreError) -> Record? { try context.state.record(key) }

  /// Why the file of `key` is no record (not JSON, too large, holds an id), or nil when it is
  /// one or is absent: a command that finds no record tells an unreadable file from none.
  public func problems(of key: RecordKey) throws(StoreError) -> [Diagnostic]? {
    guard let bytes = try context.state.bytes(key.path) else { return nil }
    do throws(DiagnosticList) {
      _ = try RecordDecoder.decode(bytes, key: key, file: key.path)
      return nil
    } catch {
      return error.diagnostics
    }
  }

  /// One record by kind and id text, or nil.
  public func record(_ kind: RecordKind, _ id: String) throws(StoreError) -> Record? {
    try context.record(kind, id)
  }

  /// The top-level fields the kind's schema declares, sorted.
  public func fieldNames(of kind: RecordKind) -> [String] {
    context.schemas.schema(for: kind)?.fieldNames() ?? []
  }

  /// Whether the kind's schema allows a field at `path` (a dotted path's components).
  public func allowsField(_ path: [String], in kind: RecordKind) -> Bool {
    guard let schema = context.schemas.schema(for: kind) else { return true }
    return schema.fieldShape(at: path) != nil
  }

  /// Whether the field at `path` of `kind` holds a day (`x-form: day`, or a `date` format):
  /// a query compares it with days.
  public func holdsDays(_ path: [String], in kind: RecordKind) -> Bool {
    context.schemas.schema(for: kind)?.fieldShape(at: path)?.form == .day
  }

  /// Whether days typed as `06/12/2026` are read day first: the ledger's language is French.
  public var readsDaysFirst: Bool { InputConventions(settings: try? settings()).readsDayFirst }

  /// A day typed in a query, in the ledger's form: `2026-12-06` as it is, `06/12/2026` read day
  /// first where the ledger's language is French; nil for what is no day.
  public func typedDay(_ text: String) -> String? {
    if LedgerDate.isDay(text) { return text }
    let conventions = InputConventions(settings: try? settings())
    return (try? InputForms.day(text, field: "", conventions: conventions)) ?? nil
  }

  /// The fields of `kind` that reference other records: their path (`*` for array items)
  /// and the kind they name.
  public func referenceFields(of kind: RecordKind) -> [(steps: [String], target: RecordKind)] {
    context.paths("x-ref", in: kind).compactMap { path in
      path.value.stringValue.flatMap(RecordKind.init(rawValue:)).map { (path.steps, $0) }
    }
  }

  /// The date fields of `kind` marked `x-expiry`, with what expires (`temporary right`).
  public func expiryFields(of kind: RecordKind) -> [(steps: [String], label: String)] {
    context.paths("x-expiry", in: kind).map { path in
      (path.steps, path.value.stringValue ?? path.steps.joined(separator: "."))
    }
  }

  /// The fields of `kind` marked `x-personal` (emails, phones, notes on people): their paths,
  /// with `*` for array items.
  public func personalFields(of kind: RecordKind) -> [[String]] {
    context.paths("x-personal", in: kind).map(\.steps)
  }

  /// The fields of `kind` that hold amounts of money (`x-form: amount`): their paths, with `*`
  /// for array items. The site writes them in the ledger's currency, right-aligned.
  public func amountFields(of kind: RecordKind) -> [[String]] {
    context.paths("x-form", in: kind).filter { $0.value.stringValue == "amount" }.map(\.steps)
  }

  /// The values at a schema path (with `*` for items) in a record, with their pointers.
  public func values(at steps: [String], in record: Record) -> [(JSONPointer, JSONValue)] {
    KeywordPath(steps: steps, value: .null).values(in: .object(record.fields))
  }

  /// The records `record` refers to: where, and which record.
  public func references(of record: Record) -> [(JSONPointer, RecordKey)] {
    context.references(of: record).compactMap { pointer, kind, id, _ in
      guard let kind, let recordID = RecordID(id) else { return nil }
      return (pointer, RecordKey(kind: kind, id: recordID))
    }
  }

  /// The records that refer to `key`, each with the place of the reference.
  public func referrers(of key: RecordKey) throws(StoreError) -> [(Record, JSONPointer)] {
    try context.referrers(of: key).flatMap { record in
      references(of: record).filter { $0.1 == key }.map { (record, $0.0) }
    }
  }
}
