import LedgerJSON

/// Turns a schema document into `SchemaNode`s, registering its resources and anchors.
///
/// Checks what evaluation relies on: every keyword is known, subschemas are schemas,
/// `$id` has no fragment, anchors are well-formed and unique, patterns compile, and the
/// dialect (`$schema`) is one the validator speaks.
struct SchemaCompiler {
  let registry: SchemaRegistry
  let documentURI: URIReference
  private(set) var problems: [SchemaError.Problem] = []
  private var registered: [URIReference] = []
  private var references: [(SchemaNode, String, JSONPointer)] = []

  /// Keywords whose value is one subschema.
  static let singleSubschema: Set<String> = [
    "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not",
    "unevaluatedItems", "unevaluatedProperties", "items", "contentSchema",
  ]
  /// Keywords whose value maps names to subschemas.
  static let subschemaMap: Set<String> = ["properties", "patternProperties", "dependentSchemas", "$defs"]
  /// Keywords whose value is a non-empty array of subschemas.
  static let subschemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

  init(registry: SchemaRegistry, documentURI: URIReference) {
    self.registry = registry
    self.documentURI = documentURI
  }

  mutating func compileDocument(_ document: JSONValue) -> SchemaNode {
    let resource = SchemaResource(uri: documentURI)
    let standard = Vocabulary.standard
    let node = compile(document, at: .root, base: documentURI, scope: [(resource, .root)], vocabularies: standard)
    if resource.root == nil {
      resource.root = node
      register(resource)
    }
    return node
  }

  /// Compiles a value found at `pointer` inside `resource` that was not compiled as a
  /// subschema, because a `$ref` points at it.
  mutating func compileFragment(
    _ value: JSONValue, at pointer: JSONPointer, in resource: SchemaResource, vocabularies: Set<Vocabulary>
  ) -> SchemaNode {
    compile(value, at: pointer, base: resource.uri, scope: [(resource, .root)], vocabularies: vocabularies)
  }

  /// Problems for `$ref` and `$dynamicRef` values that resolve nowhere.
  func unresolvedReferences() -> [SchemaError.Problem] {
    references.compactMap { node, reference, pointer in
      let target = node.baseURI.resolving(URIReference(reference))
      if (try? registry.resolve(target)) != nil { return nil }
      return problem(
        at: pointer,
        "cannot resolve \"\(reference)\" (\(target)): only the built-in schemas, the 2020-12 meta-schema and schemas given to the tool resolve; nothing is fetched from the network"
      )
    }
  }

  /// Forgets the resources this compilation registered, after a failure.
  func rollBack() {
    for uri in registered { registry.resources[uri] = nil }
  }

  // MARK: - Nodes

  private mutating func compile(
    _ value: JSONValue, at pointer: JSONPointer, base: URIReference,
    scope: [(SchemaResource, JSONPointer)], vocabularies: Set<Vocabulary>
  ) -> SchemaNode {
    var base = base
    var scope = scope
    var vocabularies = vocabularies
    var newResource: SchemaResource?
    guard case .object(let object) = value else {
      guard case .bool(let flag) = value else {
        problems.append(problem(at: pointer, "a schema is an object or a boolean, found \(value.typeName)"))
        return node(.always(true), base, scope, pointer, vocabularies)
      }
      return node(.always(flag), base, scope, pointer, vocabularies)
    }
    if case .string(let id)? = object["$id"] {
      let reference = URIReference(id)
      if let fragment = reference.fragment, !fragment.isEmpty {
        problems.append(problem(at: pointer.appending("$id"), "$id must not hold a fragment (\"#\(fragment)\"); use $anchor"))
      }
      base = base.resolving(reference).withoutFragment
      if scope.last?.0.uri != base {
        let resource = SchemaResource(uri: base)
        scope.append((resource, pointer))
        newResource = resource
      }
    }
    if let dialect = object["$schema"] {
      vocabularies = self.vocabularies(for: dialect, at: pointer.appending("$schema"))
    }
    let compiled = node(.keywords(object), base, scope, pointer, vocabularies)
    if let newResource {
      newResource.root = compiled
      register(newResource)
    }
    registerAnchors(object, compiled, scope: scope, at: pointer)
    for member in object {
      compileKeyword(member.key, member.value, in: compiled, at: pointer.appending(member.key), scope: scope)
    }
    return compiled
  }

  private func node(
    _ body: SchemaNode.Body, _ base: URIReference, _ scope: [(SchemaResource, JSONPointer)],
    _ pointer: JSONPointer, _ vocabularies: Set<Vocabulary>
  ) -> SchemaNode {
    let resource = scope.last?.0 ?? SchemaResource(uri: base)
    let node = SchemaNode(
      body: body, baseURI: base, resource: resource, location: "\(documentURI)#\(pointer)",
      vocabularies: vocabularies)
    for (enclosing, prefix) in scope {
      enclosing.nodesByPointer[JSONPointer(tokens: Array(pointer.tokens.dropFirst(prefix.tokens.count)))] = node
    }
    return node
  }

  private mutating func compileKeyword(
    _ keyword: String, _ value: JSONValue, in node: SchemaNode, at pointer: JSONPointer,
    scope: [(SchemaResource, JSONPointer)]
  ) {
    guard Vocabulary.of(keyword) != nil else {
      let hint = Vocabulary.replacedKeywords[keyword].map { " (2020-12 says \($0))" } ?? ""
      problems.append(
        problem(
          at: pointer,
          "unknown keyword \"\(keyword)\"\(hint); the validator refuses keywords it does not implement rather than ignore them"))
      return
    }
    let compileChild = { (compiler: inout SchemaCompiler, child: JSONValue, childPointer: JSONPointer) -> SchemaNode in
      compiler.compile(child, at: childPointer, base: node.baseURI, scope: scope, vocabularies: node.vocabularies)
    }
    if SchemaCompiler.singleSubschema.contains(keyword) {
      node.subschemas[keyword] = compileChild(&self, value, pointer)
    } else if SchemaCompiler.subschemaMap.contains(keyword) {
      guard case .object(let map) = value else {
        problems.append(problem(at: pointer, "\(keyword) must be an object of schemas"))
        return
      }
      for member in map {
        let child = compileChild(&self, member.value, pointer.appending(member.key))
        node.subschemas[keyword + "/" + member.key] = child
        if keyword == "properties" { node.properties[CodePointKey(member.key)] = child }
        if keyword == "dependentSchemas" { node.dependentSchemas[CodePointKey(member.key)] = child }
        if keyword == "patternProperties" { compilePattern(member.key, in: node, at: pointer.appending(member.key)) }
      }
    } else if SchemaCompiler.subschemaArray.contains(keyword) {
      guard case .array(let items) = value, !items.isEmpty else {
        problems.append(problem(at: pointer, "\(keyword) must be a non-empty array of schemas"))
        return
      }
      for (index, item) in items.enumerated() {
        node.subschemas[keyword + "/" + String(index)] = compileChild(&self, item, pointer.appending(index))
      }
    } else if keyword == "$ref" || keyword == "$dynamicRef" {
      guard case .string(let reference) = value else {
        problems.append(problem(at: pointer, "\(keyword) must be a string"))
        return
      }
      references.append((node, reference, pointer))
    } else if keyword == "pattern", case .string(let source) = value {
      compilePattern(source, in: node, at: pointer)
    }
  }

  private mutating func compilePattern(_ source: String, in node: SchemaNode, at pointer: JSONPointer) {
    guard node.patterns[source] == nil else { return }
    guard let regex = ECMARegex(source) else {
      problems.append(problem(at: pointer, ECMARegex.problem(source)))
      return
    }
    node.patterns[source] = regex
  }

  private mutating func registerAnchors(
    _ object: JSONObject, _ node: SchemaNode, scope: [(SchemaResource, JSONPointer)], at pointer: JSONPointer
  ) {
    guard let resource = scope.last?.0 else { return }
    for keyword in ["$anchor", "$dynamicAnchor"] {
      guard let value = object[keyword] else { continue }
      guard case .string(let name) = value, SchemaCompiler.isAnchorName(name) else {
        problems.append(
          problem(
            at: pointer.appending(keyword),
            "\(keyword) must be a name such as \"item\" (a letter or _, then letters, digits, -, _ or .)"))
        continue
      }
      if let existing = resource.anchors[name], existing !== node {
        problems.append(problem(at: pointer.appending(keyword), "anchor \"\(name)\" is defined twice in \(resource.uri)"))
      }
      resource.anchors[name] = node
      if keyword == "$dynamicAnchor" { resource.dynamicAnchors[name] = node }
    }
  }

  /// Makes a resource reachable; registering a URI again replaces the older schema.
  private mutating func register(_ resource: SchemaResource) {
    registry.resources[resource.uri] = resource
    registered.append(resource.uri)
  }

  /// The vocabularies a `$schema` value turns on.
  private mutating func vocabularies(for dialect: JSONValue, at pointer: JSONPointer) -> Set<Vocabulary> {
    guard case .string(let text) = dialect else {
      problems.append(problem(at: pointer, "$schema must be a URI string"))
      return Vocabulary.standard
    }
    let uri = URIReference(text).withoutFragment
    if uri.description == BuiltinSchemas.draft202012 { return Vocabulary.standard }
    if BuiltinSchemas.olderDialects.contains(uri.description) {
      problems.append(
        problem(
          at: pointer,
          "\(text) is an older JSON Schema dialect; AdminLedger validates 2020-12 schemas (\(BuiltinSchemas.draft202012))"))
      return Vocabulary.standard
    }
    guard let meta = registry.resources[uri]?.root else {
      problems.append(
        problem(at: pointer, "unknown meta-schema \(text); only 2020-12 and meta-schemas given to the tool are known"))
      return Vocabulary.standard
    }
    guard case .object(let declared)? = meta.keywords["$vocabulary"] else { return Vocabulary.standard }
    var result: Set<Vocabulary> = [.core, .ledger]
    for member in declared {
      if let vocabulary = Vocabulary(rawValue: member.key) {
        result.insert(vocabulary)
      } else if member.value == .bool(true) {
        problems.append(
          problem(
            at: pointer, "the meta-schema \(text) requires the vocabulary \(member.key), which this validator does not implement")
        )
      }
    }
    return result
  }

  private func problem(at pointer: JSONPointer, _ message: String) -> SchemaError.Problem {
    SchemaError.Problem(document: documentURI.description, pointer: pointer, message: message)
  }

  static func isAnchorName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
    return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
  }
}

extension Unicode.Scalar {
  var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
