import LedgerJSON

/// The schemas that ship inside the tool: the JSON Schema 2020-12 meta-schemas and the
/// ledger's schemas for its settings and its kinds of record. Their one source is the project's
/// `schemas/` folder; `BuiltinSchemaTexts.swift` is generated from it.
public enum BuiltinSchemas {
  /// A built-in schema document.
  struct Document {
    let path: String
    let uri: String
    let value: JSONValue
  }

  /// The 2020-12 dialect's meta-schema URI.
  public static let draft202012 = "https://json-schema.org/draft/2020-12/schema"
  /// Where the ledger's schemas live: `people` is at `BASE + "people.schema.json"`.
  public static let ledgerBase = "https://adminledger.example.org/schemas/"

  static let olderDialects: Set<String> = [
    "http://json-schema.org/draft-03/schema", "http://json-schema.org/draft-04/schema",
    "http://json-schema.org/draft-06/schema", "http://json-schema.org/draft-07/schema",
    "https://json-schema.org/draft/2019-09/schema",
  ]

  /// The URI of the built-in schema for a record folder (`people`) or `ledger`.
  public static func uri(for name: String) -> String { ledgerBase + name + ".schema.json" }

  /// The embedded texts by path under `schemas/`, for the test that compares them with the files.
  public static var embeddedFiles: [(path: String, text: String)] { texts }

  static let metaSchemas: [Document] = documents { $0.hasPrefix("meta/") }
  static let ledgerSchemas: [Document] = documents { !$0.hasPrefix("meta/") }

  private static func documents(where include: (String) -> Bool) -> [Document] {
    texts.filter { include($0.path) }.compactMap { file in
      guard let value = try? JSONParser.parse(file.text), let id = value.objectValue?["$id"]?.stringValue else {
        return nil
      }
      return Document(path: file.path, uri: id, value: value)
    }
  }
}
