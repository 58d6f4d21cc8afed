import Foundation
import LedgerJSON

/// The schemas a validator can reach, by URI: the 2020-12 meta-schemas and the ledger's
/// built-in schemas ship inside the tool, so every `$ref` resolves offline; nothing is ever
/// fetched from the network.
public final class SchemaRegistry {
  var resources: [URIReference: SchemaResource] = [:]
  /// The node each `$ref` leads to, by the node holding it: resolving a reference parses and
  /// joins URIs, once per reference rather than once per validated instance.
  var referenceTargets: [ObjectIdentifier: SchemaNode] = [:]
  /// Where each registered document came from, for messages.
  private(set) var documentNames: [URIReference: String] = [:]

  /// An empty registry.
  public init() {}

  /// A registry holding the 2020-12 meta-schemas and the ledger's built-in schemas.
  ///
  /// The built-in schemas are compiled once per process and shared: a new registry starts
  /// from a copy of their table, and what it registers later stays its own.
  public static func standard() -> SchemaRegistry {
    let registry = SchemaRegistry()
    registry.resources = BuiltinPrototype.shared.resources
    return registry
  }

  /// Compiles a schema document and makes it and its embedded resources reachable.
  ///
  /// - Parameters:
  ///   - uri: where the document came from (a file URL or its `$id`); its own `$id` wins.
  ///   - checkAgainstMetaSchema: also validate the document against its meta-schema.
  /// - Throws: `SchemaError` naming every problem: unknown keywords, malformed values,
  ///   references that resolve nowhere, and meta-schema violations.
  @discardableResult
  public func register(_ document: JSONValue, uri: String, checkAgainstMetaSchema: Bool = true)
    throws(SchemaError) -> Schema
  {
    let schemas = try register(documents: [(document, uri)], checkAgainstMetaSchema: checkAgainstMetaSchema)
    return schemas[0]
  }

  /// Registers documents that may refer to each other, all or none.
  ///
  /// - Returns: one compiled schema per document, in order.
  @discardableResult
  public func register(documents: [(JSONValue, String)], checkAgainstMetaSchema: Bool = true)
    throws(SchemaError) -> [Schema]
  {
    var compilers: [SchemaCompiler] = []
    var roots: [SchemaNode] = []
    for (document, uri) in documents {
      var compiler = SchemaCompiler(registry: self, documentURI: URIReference(uri).withoutFragment)
      roots.append(compiler.compileDocument(document))
      compilers.append(compiler)
    }
    var problems = compilers.flatMap(\.problems)
    if problems.isEmpty { problems += compilers.flatMap { $0.unresolvedReferences() } }
    if problems.isEmpty, checkAgainstMetaSchema {
      for ((document, uri), root) in zip(documents, roots) {
        problems += metaSchemaProblems(document, uri: URIReference(uri).withoutFragment.description, root: root)
      }
    }
    guard problems.isEmpty else {
      compilers.forEach { $0.rollBack() }
      throw SchemaError(problems)
    }
    return roots.map { Schema(root: $0, registry: self) }
  }

  /// The schema registered at `uri`, if any.
  public func schema(at uri: String) -> Schema? {
    guard let node = try? resolve(URIReference(uri)) else { return nil }
    return Schema(root: node, registry: self)
  }

  /// The node a reference names: a resource, a JSON pointer inside it, or an anchor.
  func resolve(_ reference: URIReference) throws(SchemaError) -> SchemaNode {
    let notFound = SchemaError(document: reference.description, pointer: .root, "no schema has this URI")
    guard let resource = resources[reference.withoutFragment] else { throw notFound }
    let fragment = (reference.fragment ?? "").removingPercentEncoding
    if fragment.isEmpty {
      guard let root = resource.root else { throw notFound }
      return root
    }
    if fragment.hasPrefix("/") {
      guard let pointer = JSONPointer(parsing: fragment) else { throw notFound }
      if let node = resource.nodesByPointer[pointer] { return node }
      // A pointer into a place that is not a subschema (inside "examples", say): compile
      // the value found there as a schema of the same resource, once.
      guard let root = resource.root, case .keywords(let object) = root.body,
        let value = pointer.resolve(in: .object(object))
      else { throw notFound }
      // Shared built-in resources may be reached from several threads: one compiles at a time.
      SchemaRegistry.fragmentLock.lock()
      defer { SchemaRegistry.fragmentLock.unlock() }
      if let node = resource.nodesByPointer[pointer] { return node }
      var compiler = SchemaCompiler(registry: self, documentURI: resource.uri)
      let node = compiler.compileFragment(value, at: pointer, in: resource, vocabularies: root.vocabularies)
      guard compiler.problems.isEmpty else { throw notFound }
      return node
    }
    guard let node = resource.anchors[fragment] else { throw notFound }
    return node
  }

  private static let fragmentLock = NSLock()

  private func metaSchemaProblems(_ document: JSONValue, uri: String, root: SchemaNode) -> [SchemaError.Problem] {
    let dialect = document.objectValue?["$schema"]?.stringValue ?? BuiltinSchemas.draft202012
    guard let meta = schema(at: dialect) else { return [] }
    return meta.validate(document).errors.map {
      SchemaError.Problem(document: uri, pointer: $0.instancePath, message: $0.message)
    }
  }
}

extension String {
  /// The string with `%XX` escapes decoded; invalid escapes are kept as they are.
  var removingPercentEncoding: String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    let utf8 = Array(self.utf8)
    var index = 0
    while index < utf8.count {
      if utf8[index] == 0x25, index + 2 < utf8.count,
        let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The built-in schemas, compiled once. After compilation nothing mutates them except the
/// rare fragment compilation in `resolve`, which holds `fragmentLock`.
private final class BuiltinPrototype: @unchecked Sendable {
  static let shared = BuiltinPrototype()
  let resources: [URIReference: SchemaResource]

  private init() {
    let registry = SchemaRegistry()
    let documents = (BuiltinSchemas.metaSchemas + BuiltinSchemas.ledgerSchemas).map { ($0.value, $0.uri) }
    // Built-in documents are checked by tests; a failure here is a build defect.
    _ = try? registry.register(documents: documents, checkAgainstMetaSchema: false)
    resources = registry.resources
  }
}
