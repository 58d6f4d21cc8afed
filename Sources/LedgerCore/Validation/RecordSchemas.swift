import LedgerJSON
import LedgerLanguage
import LedgerSchema

/// The schemas that apply to one ledger: the built-in ones, each replaced by the ledger's own
/// `schemas/KIND.schema.json` when it has one.
final class RecordSchemas {
  private let registry = SchemaRegistry.standard()
  private var own: [String: Schema] = [:]
  /// Problems in the ledger's own schema files.
  private(set) var problems: [Diagnostic] = []

  /// The folder of a ledger's own schemas.
  static let folder = "schemas"

  init(_ state: LedgerState) throws(StoreError) {
    for name in RecordKind.allCases.map(\.rawValue) + ["ledger"] {
      let path = "\(RecordSchemas.folder)/\(name).schema.json"
      guard let bytes = try state.bytes(path) else { continue }
      guard bytes.count <= InputLimits.ledgerFileBytes else {
        problems.append(InputLimits.tooLarge(path, size: bytes.count))
        continue
      }
      do {
        let value = try JSONParser.parse(bytes)
        own[name] = try registry.register(value, uri: "file:///ledger/" + path)
      } catch let error as JSONParseError {
        problems.append(Diagnostic(parseError: error, file: path))
      } catch let error as SchemaError {
        problems += error.problems.map {
          Diagnostic(
            file: path, instancePath: $0.pointer, rule: "schema", message: $0.message,
            hint: tr("fix the schema, or remove it to use the built-in one"))
        }
      } catch {
        problems.append(Diagnostic(file: path, rule: "schema", message: "\(error)"))
      }
    }
  }

  /// The schema for records of `kind`.
  func schema(for kind: RecordKind) -> Schema? { schema(named: kind.rawValue) }

  /// The schema for `ledger.json`.
  var settingsSchema: Schema? { schema(named: "ledger") }

  /// Resolved once per name: validating a large ledger asks for the same schema per record.
  private var resolved: [String: Schema?] = [:]

  private func schema(named name: String) -> Schema? {
    if let known = resolved[name] { return known }
    let schema = own[name] ?? registry.schema(at: BuiltinSchemas.uri(for: name))
    resolved[name] = schema
    return schema
  }
}
