import Foundation
import LedgerJSON

// The record verbs every store offers: add, set, rm. Each is one commit.
extension RecordStore {
  /// Adds a record; a kind that generates ids makes one when `id` is nil.
  ///
  /// - Throws: `.recordExists`, `.idRequired`, `.invalid` (an `"id"` field).
  public func add(
    _ kind: RecordKind, id: RecordID?, fields: JSONObject, by author: Author, at date: Date
  ) throws(StoreError) -> WriteResult {
    let result = try write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      let settings = try snapshot.settings()
      let key = try newKey(kind, id: id, in: snapshot, date: date, timeZone: settings.timeZone)
      if fields["id"] != nil {
        throw .invalid(DiagnosticList([Diagnostic(
          file: key.path, instancePath: JSONPointer(tokens: ["id"]), rule: "no-id-field",
          message: "a record does not hold its id; the id is the file name \"\(key.id)\"",
          hint: "give the id as 'adminledger add \(kind) ID' and drop the \"id\" field")]))
      }
      let record = Record(key: key, fields: fields)
      let body = FieldChange.between(nil, fields).map(\.summary)
      let message = CommitMessage(subject: "Add \(key)", body: body, actions: [.add], records: [key])
      return ChangeSet(putting: [record], removing: [], message: message)
    }
    guard let result else { throw .nothingChanged }
    return result
  }

  /// Sets and removes fields of an existing record.
  ///
  /// - Returns: the commit, or nil when the record already had those values.
  public func update(
    _ key: RecordKey, setting assignments: [(FieldPath, JSONValue)], unsetting removals: [FieldPath],
    by author: Author, at date: Date
  ) throws(StoreError) -> WriteResult? {
    try write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let record = try snapshot.record(key) else { throw .recordNotFound(key) }
      var fields = record.fields
      for (path, value) in assignments {
        do throws(FieldPath.Problem) {
          fields = try path.setting(value, in: fields)
        } catch {
          guard case .notAnObject(let prefix, let found) = error else { continue }
          throw .fieldNotAnObject(key, field: prefix, found: found)
        }
      }
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
      return ChangeSet(putting: [Record(key: key, fields: fields)], removing: [], message: message)
    }
  }

  /// Removes a record.
  public func remove(_ key: RecordKey, by author: Author, at date: Date) throws(StoreError)
    -> WriteResult
  {
    let result = try write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let record = try snapshot.record(key) else { throw .recordNotFound(key) }
      let body = FieldChange.between(record.fields, nil).map(\.summary)
      let message = CommitMessage(subject: "Remove \(key)", body: body, actions: [.rm], records: [key])
      return ChangeSet(putting: [], removing: [key], message: message)
    }
    guard let result else { throw .nothingChanged }
    return result
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
