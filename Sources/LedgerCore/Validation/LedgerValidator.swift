import LedgerJSON
import LedgerLanguage
import LedgerSchema

/// Validates a ledger: each record against its kind's schema, the no-secret rule, the
/// cross-record rules and uniqueness; `ledger.json` against its schema; the ledger's own
/// schemas. Findings are diagnostics placed at their file, line and column.
///
/// A write validates only what it can affect (`validateChanges`): the records it writes,
/// the records that refer to what it touches, and uniqueness within the touched kinds.
/// `validateAll` reads everything.
public struct LedgerValidator {
  let state: LedgerState
  let schemas: RecordSchemas
  let context: RuleContext

  init(_ state: LedgerState) throws(StoreError) {
    self.state = state
    self.schemas = try RecordSchemas(state)
    self.context = try RuleContext(state: state, schemas: schemas)
  }

  /// A validator for a snapshot as `changes` would leave it.
  public init(_ snapshot: any LedgerSnapshot, changes: [ChangeSet.FileChange] = []) throws(StoreError) {
    try self.init(LedgerState(snapshot, changes: changes))
  }

  /// Everything in the ledger, sorted by file, line and column.
  ///
  /// What each file says alone (is it a record, does its schema hold, does it hold a secret)
  /// is checked on every core at once; the rules across records then run on the records read.
  public func validateAll() throws(StoreError) -> [Diagnostic] {
    var findings = schemas.problems + (try validateSettings())
    var files: [(kind: RecordKind, name: String, bytes: [UInt8])] = []
    for kind in RecordKind.allCases {
      for file in try state.files(of: kind) { files.append((kind, file.name, file.bytes)) }
      findings += try state.irregularEntries(of: kind).map { $0.diagnostic() }
    }
    let alone = try FileChecks.run(files, state: state, context: context)
    var records: [RecordKind: [Record]] = [:]
    for result in alone {
      findings += result.findings
      if let record = result.record { records[record.key.kind, default: []].append(record) }
    }
    // With every kind held and every reference path read, the rules across records only read
    // the state: they run on every core too.
    for kind in RecordKind.allCases {
      state.adopt(records[kind] ?? [], of: kind)
      _ = context.paths("x-ref", in: kind)
    }
    let all = RecordKind.allCases.flatMap { records[$0] ?? [] }
    let context = self.context
    let across = Concurrently.map(all.count, workers: Concurrently.workers(for: all.count)) { _, index in
      Result { () throws(StoreError) in try CrossRecordRules.check(all[index], context) }
    }
    for result in across { findings += try result.get() }
    for kind in RecordKind.allCases { findings += try UniquenessRule.check(records[kind] ?? [], kind: kind, context) }
    return try place(findings)
  }

  /// What a change set can break, sorted by file, line and column.
  public func validateChanges(_ changes: [ChangeSet.FileChange]) throws(StoreError) -> [Diagnostic] {
    var findings = schemas.problems
    var touched: [RecordKey] = []
    var rechecked = Set<RecordKey>()
    for change in changes {
      if change.path == LedgerSettings.fileName { findings += try validateSettings() }
      if change.path.hasPrefix(RecordSchemas.folder + "/") { return try validateAll() }
      guard let key = RecordKey(path: change.path) else {
        // Removing what is not a record (a planted folder, a misnamed file) only mends the
        // ledger: only an irregular entry that is added or changed is refused.
        if change.content != nil, Ledger.isLedgerFile(change.path), !change.path.hasPrefix(RecordSchemas.folder + "/"),
          change.path != LedgerSettings.fileName
        {
          findings.append(RecordFileName.diagnostic(for: change.path))
        }
        continue
      }
      touched.append(key)
      guard let bytes = change.content else { continue }
      let record: Record
      do throws(DiagnosticList) {
        record = try RecordDecoder.decode(bytes, key: key, file: key.path)
      } catch {
        findings += error.diagnostics
        continue
      }
      findings += try validateRecord(record)
      rechecked.insert(key)
    }
    for key in touched {
      for referrer in try context.referrers(of: key) where rechecked.insert(referrer.key).inserted {
        findings += try CrossRecordRules.check(referrer, context)
      }
    }
    if changes.contains(where: { $0.path == LedgerSettings.fileName }) {
      for payment in try state.records(of: .payments) where rechecked.insert(payment.key).inserted {
        findings += try CrossRecordRules.check(payment, context)
      }
    }
    for kind in Set(touched.map(\.kind)) {
      var written: [Record] = []
      for key in touched where key.kind == kind {
        if let record = try state.record(key) { written.append(record) }
      }
      findings += try UniquenessRule.check(written, kind: kind, context)
    }
    return try place(findings)
  }

  private func validateRecord(_ record: Record) throws(StoreError) -> [Diagnostic] {
    FileChecks.schemaFindings(record, schemas.schema(for: record.key.kind)) + SecretRule.check(record, context)
      + (try CrossRecordRules.check(record, context))
  }

  private func validateSettings() throws(StoreError) -> [Diagnostic] {
    guard let bytes = try state.bytes(LedgerSettings.fileName) else {
      return [
        Diagnostic(
          file: LedgerSettings.fileName, rule: "settings", message: tr("ledger.json is missing"),
          hint: tr("restore it from history (git checkout HEAD~1 -- ledger.json)"))
      ]
    }
    do {
      _ = try LedgerSettings.read(bytes)
    } catch {
      return error.diagnostics
    }
    guard let schema = schemas.settingsSchema, let value = try? JSONParser.parse(bytes) else { return [] }
    let shape = schema.validate(value).errors.map {
      Diagnostic(
        file: LedgerSettings.fileName, instancePath: $0.instancePath, rule: "schema/" + $0.keyword, message: $0.message,
        hint: tr("see schemas/ledger.schema.json for the settings' fields"))
    }
    // Entitlements name systems and roles: checked against the records once the shape holds.
    return shape.isEmpty ? try EntitlementRule.check(context) : shape
  }

  /// Fills in line and column from each file's text, then sorts.
  private func place(_ findings: [Diagnostic]) throws(StoreError) -> [Diagnostic] {
    var documents: [String: JSONDocument?] = [:]
    var placed: [Diagnostic] = []
    for var finding in findings {
      if finding.line == 1, finding.column == 1, !finding.instancePath.tokens.isEmpty {
        if documents[finding.file] == nil {
          documents[finding.file] = try state.bytes(finding.file).flatMap { try? JSONParser.parseDocument($0) }
        }
        if let document = documents[finding.file] ?? nil {
          let location = document.location(of: finding.instancePath)
          finding.line = location.line
          finding.column = location.column
        }
      }
      placed.append(finding)
    }
    return placed.sorted()
  }
}

/// What to do about a schema error, in the words of the ledger.
enum SchemaHints {
  static func hint(for error: ValidationError, kind: RecordKind) -> String {
    switch error.keyword {
    case "required": tr("add the field with --set FIELD=VALUE")
    case "additionalProperties", "unevaluatedProperties":
      tr("remove the field, or check its spelling against schemas/\(kind).schema.json")
    case "enum": tr("use one of the listed values")
    case "type": tr("give a value of the expected type")
    case "format", "pattern": tr("write the value in the form the message names")
    default: tr("see schemas/\(kind).schema.json for what the field accepts")
    }
  }
}
