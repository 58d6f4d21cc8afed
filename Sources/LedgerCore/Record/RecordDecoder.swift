import LedgerJSON
import LedgerLanguage

/// Turns the bytes of a record file into a `Record`, or the diagnostics saying why not.
public enum RecordDecoder {
  /// Decodes the file of record `key`; `file` is the path messages name.
  ///
  /// - Throws: `DiagnosticList` when the bytes are not JSON, not an object, or hold an `"id"`.
  public static func decode(_ bytes: [UInt8], key: RecordKey, file: String) throws(DiagnosticList)
    -> Record
  {
    // Refused before parsing: a hostile 200 MB file costs nothing more than its size check.
    guard bytes.count <= InputLimits.ledgerFileBytes else {
      throw DiagnosticList([InputLimits.tooLarge(file, size: bytes.count)])
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw DiagnosticList([Diagnostic(parseError: error, file: file)])
    }
    guard case .object(let fields) = value else {
      throw DiagnosticList([
        Diagnostic(
          file: file, rule: "record-object",
          message: tr("a record is a JSON object, found \(value.typeName)"),
          hint: tr("wrap the fields in { }"))
      ])
    }
    if fields["id"] != nil {
      // Rare: parse again, keeping positions, only to place the message.
      let document = try? JSONParser.parseDocument(bytes)
      let location = document?.location(of: JSONPointer(tokens: ["id"])) ?? SourceLocation(line: 1, column: 1)
      var diagnostic = idFieldDiagnostic(key)
      diagnostic.file = file
      diagnostic.line = location.line
      diagnostic.column = location.column
      throw DiagnosticList([diagnostic])
    }
    return Record(key: key, fields: fields)
  }

  /// The finding for a record that holds an `"id"` field.
  static func idFieldDiagnostic(_ key: RecordKey) -> Diagnostic {
    Diagnostic(
      file: key.path, instancePath: JSONPointer(tokens: ["id"]), rule: "no-id-field",
      message: tr("a record does not hold its id; the id is the file name \"\(key.id)\""),
      hint: tr("remove the \"id\" field; name the record with 'adminledger add \(key.kind) ID'"))
  }
}
