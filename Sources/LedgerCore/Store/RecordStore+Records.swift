import Foundation
import LedgerJSON
import LedgerLanguage

// The record verbs every store offers: add, set, rm. Each is one commit.
extension RecordStore {
  /// Adds a record; a kind that generates ids makes one when `id` is nil. `assignments`
  /// apply on top of `fields`, typed by the kind's schema.
  ///
  /// - Throws: `.recordExists`, `.idRequired`, `.fieldInput`, `.invalid` (the record or a
  ///   rule it breaks; nothing is written).
  public func add(
    _ kind: RecordKind, id: RecordID?, fields base: JSONObject = JSONObject(),
    setting assignments: [(FieldPath, FieldInput)] = [], by author: Author, at date: Date
  ) throws(StoreError) -> WriteResult {
    let result = try validatedWrite(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      let settings = try snapshot.settings()
      let key = try newKey(kind, id: id, in: snapshot, date: date, timeZone: settings.timeZone)
      var conversions: [InputConversion] = []
      let fields = try apply(assignments, to: base, kind: kind, key: key, in: snapshot, conversions: &conversions)
      if fields["id"] != nil { throw .invalid(DiagnosticList([RecordDecoder.idFieldDiagnostic(key)])) }
      let record = Record(key: key, fields: fields)
      let body = FieldChange.between(nil, fields).map(\.summary)
      let message = CommitMessage(subject: "Add \(key)", body: body, actions: [.add], records: [key])
      var changes = ChangeSet(putting: [record], removing: [], message: message)
      changes.conversions = conversions
      return changes
    }
    guard let result else { throw .nothingChanged }
    return result
  }

  /// Sets and removes fields of an existing record, typed by the kind's schema.
  ///
  /// - Returns: the commit, or nil when the record already had those values.
  public func update(
    _ key: RecordKey, setting assignments: [(FieldPath, FieldInput)], unsetting removals: [FieldPath],
    by author: Author, at date: Date
  ) throws(StoreError) -> WriteResult? {
    try validatedWrite(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let record = try snapshot.record(key) else { throw .recordNotFound(key) }
      var conversions: [InputConversion] = []
      var fields = try apply(assignments, to: record.fields, kind: key.kind, key: key, in: snapshot, conversions: &conversions)
      for path in removals {
        do throws(FieldPath.Problem) {
          fields = try path.removing(from: fields)
        } catch {
          throw .fieldNotFound(key, field: path.description)
        }
      }
      let changes = FieldChange.between(record.fields, fields)
      guard !changes.isEmpty else { return nil }
      var fieldNames: [String] = []
      for change in changes {
        let top = String(change.path.split(separator: ".").first ?? "")
        if !fieldNames.contains(top) { fieldNames.append(top) }
      }
      let message = CommitMessage(
        subject: "Set \(key): \(fieldNames.joined(separator: ", "))", body: changes.map(\.summary),
        actions: [.set], records: [key])
      var result = ChangeSet(putting: [Record(key: key, fields: fields)], removing: [], message: message)
      result.conversions = conversions
      return result
    }
  }

  /// Removes a record; refused when others still refer to it.
  public func remove(_ key: RecordKey, by author: Author, at date: Date) throws(StoreError)
    -> WriteResult
  {
    let result = try validatedWrite(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let record = try snapshot.record(key) else { throw .recordNotFound(key) }
      let body = FieldChange.between(record.fields, nil).map(\.summary)
      let message = CommitMessage(subject: "Remove \(key)", body: body, actions: [.rm], records: [key])
      return ChangeSet(putting: [], removing: [key], message: message)
    }
    guard let result else { throw .nothingChanged }
    return result
  }

  /// Makes one commit from `plan` after validating what it changes; refuses it, writing
  /// nothing, when the validation finds an error.
  public func validatedWrite(
    by author: Author, at date: Date, _ plan: (any LedgerSnapshot) throws(StoreError) -> ChangeSet?
  ) throws(StoreError) -> WriteResult? {
    try write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let changes = try plan(snapshot) else { return nil }
      let findings = try LedgerValidator(snapshot, changes: changes.files).validateChanges(changes.files)
      let errors = findings.filter { $0.severity == .error }
      guard errors.isEmpty else { throw .invalid(DiagnosticList(errors)) }
      return changes
    }
  }

  /// `fields` with `assignments` applied, each value typed by the kind's schema and read in the
  /// ledger's input forms (each value read from another form added to `conversions`).
  private func apply(
    _ assignments: [(FieldPath, FieldInput)], to fields: JSONObject, kind: RecordKind, key: RecordKey,
    in snapshot: any LedgerSnapshot, conversions: inout [InputConversion]
  ) throws(StoreError) -> JSONObject {
    guard !assignments.isEmpty else { return fields }
    let schema = try RecordSchemas(LedgerState(snapshot)).schema(for: kind)
    let conventions = InputConventions(settings: try snapshot.settings())
    var result = fields
    for (path, input) in assignments {
      if path.components == ["id"] { throw .invalid(DiagnosticList([RecordDecoder.idFieldDiagnostic(key)])) }
      if let secret = path.components.first(where: SecretRule.isSecretName) {
        throw .invalid(
          DiagnosticList([
            Diagnostic(
              file: key.path, instancePath: path.pointer, rule: SecretRule.name,
              message: tr("field \"\(secret)\" would store a secret; the ledger never holds one"),
              hint: SecretRule.hint)
          ]))
      }
      let value: JSONValue
      do throws(FieldTyping.Refusal) {
        let read = try FieldTyping.read(input, for: path, kind: kind, schema: schema, conventions: conventions)
        value = read.value
        if let conversion = read.conversion { conversions.append(conversion) }
      } catch {
        throw located(error.storeError(file: key.path, field: path), at: path, input: input, in: result)
      }
      do throws(FieldPath.Problem) {
        result = try path.setting(value, in: result)
      } catch {
        guard case .notAnObject(let prefix, let found) = error else { continue }
        throw .fieldNotAnObject(key, field: prefix, found: found)
      }
    }
    return result
  }

  /// A refused value's finding placed where the field stands in the record as it would be
  /// written (its canonical form with the text typed), rather than at the file's first line.
  private func located(_ error: StoreError, at path: FieldPath, input: FieldInput, in fields: JSONObject) -> StoreError {
    guard case .invalid(let list) = error else { return error }
    let typed: JSONValue =
      switch input {
      case .text(let text): .string(text)
      case .json(let value): value
      }
    guard let shown = try? path.setting(typed, in: fields),
      let document = try? JSONParser.parseDocument(Array(CanonicalWriter.write(.object(shown)).utf8))
    else { return error }
    let place = document.location(of: path.pointer)
    return .invalid(
      DiagnosticList(
        list.diagnostics.map { diagnostic in
          var moved = diagnostic
          moved.line = place.line
          moved.column = place.column
          return moved
        }))
  }

  private func newKey(
    _ kind: RecordKind, id: RecordID?, in snapshot: any LedgerSnapshot, date: Date,
    timeZone: TimeZone
  ) throws(StoreError) -> RecordKey {
    if let id {
      let key = RecordKey(kind: kind, id: id)
      if try snapshot.fileBytes(key.path) != nil { throw .recordExists(key) }
      return key
    }
    guard kind.generatesIDs else { throw .idRequired(kind) }
    let generator = IDGenerator(timeZone: timeZone)
    while true {
      let key = RecordKey(kind: kind, id: generator.makeID(at: date))
      if try snapshot.fileBytes(key.path) == nil { return key }
    }
  }
}
