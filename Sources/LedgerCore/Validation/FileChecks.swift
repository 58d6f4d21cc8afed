import Foundation
import LedgerGit
import LedgerJSON
import LedgerSchema

/// What each file of a ledger says alone: whether it is a record (its name, its JSON), whether
/// its kind's schema holds, whether it holds a secret. Nothing here reads another file, so the
/// files are shared out between the machine's cores, each with its own copy of the schemas
/// (a schema registry keeps caches, and is not shared between threads).
enum FileChecks {
  struct Result: Sendable {
    var record: Record?
    var findings: [Diagnostic]
    /// The content's blob id when it passed every check (kept, to skip them next time).
    var passed: ObjectID?
  }

  static func run(
    _ files: [(kind: RecordKind, name: String, bytes: [UInt8])], state: LedgerState, context: RuleContext
  ) throws(StoreError) -> [Result] {
    let workers = Concurrently.workers(for: files.count)
    var notSecret: [RecordKind: [KeywordPath]] = [:]
    for kind in RecordKind.allCases { notSecret[kind] = context.paths("x-not-secret", in: kind) }
    var schemas: [[RecordKind: Schema]] = []
    for _ in 0..<workers {
      let copy = try RecordSchemas(state)
      var byKind: [RecordKind: Schema] = [:]
      for kind in RecordKind.allCases { byKind[kind] = copy.schema(for: kind) }
      schemas.append(byKind)
    }
    let checked = try CheckedFiles(state: state, directory: state.indexDirectory)
    let passedBefore = checked.passed
    let results = Concurrently.map(files.count, workers: workers) { worker, index in
      check(files[index], schema: schemas[worker][files[index].kind], notSecret: notSecret, checked: passedBefore)
    }
    let passed = Set(results.compactMap(\.passed))
    if passed != checked.passed { checked.save(Array(passed)) }
    return results
  }

  /// One file's findings, with the record when it is one.
  static func check(
    _ file: (kind: RecordKind, name: String, bytes: [UInt8]), schema: Schema?, notSecret: [RecordKind: [KeywordPath]],
    checked: Set<ObjectID> = []
  ) -> Result {
    let path = file.kind.folder + "/" + file.name
    guard let key = RecordKey(path: path) else { return Result(record: nil, findings: [RecordFileName.diagnostic(for: path)]) }
    let record: Record
    do throws(DiagnosticList) {
      record = try RecordDecoder.decode(file.bytes, key: key, file: path)
    } catch {
      return Result(record: nil, findings: error.diagnostics)
    }
    // A content seen passing under the same schemas passes again: its checks read nothing else.
    let blob = try? Repository.blobID(of: file.bytes)
    if let blob, checked.contains(blob) { return Result(record: record, findings: [], passed: blob) }
    let findings = schemaFindings(record, schema) + SecretRule.check(record, notSecret: notSecret[file.kind] ?? [])
    return Result(record: record, findings: findings, passed: findings.isEmpty ? blob : nil)
  }

  /// A record's findings against its kind's schema.
  static func schemaFindings(_ record: Record, _ schema: Schema?) -> [Diagnostic] {
    guard let schema else { return [] }
    return schema.validate(.object(record.fields)).errors.map { error in
      Diagnostic(
        file: record.key.path, instancePath: error.instancePath, rule: "schema/" + error.keyword,
        message: error.message, hint: SchemaHints.hint(for: error, kind: record.key.kind))
    }
  }
}
