import LedgerJSON

/// What a schema says about one field: the JSON types it accepts, and the names of the
/// fields next to it (for "did you mean").
public struct FieldShape: Equatable, Sendable {
  /// JSON type names (`string`, `integer`, ...); empty when the schema does not say.
  public var types: Set<String>
  /// Whether the schema names this field (false: it only tolerates unknown fields).
  public var isDeclared: Bool
  /// The form its value is written in (`x-form`, or `day` for a `date` format), when the schema
  /// names one: what a person types is read by that form before it is stored.
  public var form: FieldForm? = nil
}

extension Schema {
  /// The shape of the field at `path` (`["mailbox", "address"]`), or nil when the schema
  /// forbids such a field.
  public func fieldShape(at path: [String]) -> FieldShape? {
    var nodes = expand([root])
    var declared = true
    for name in path {
      let children = nodes.compactMap { $0.subschemas["properties/" + name] }
      if children.isEmpty {
        let closed = nodes.contains { node in
          if case .always(false)? = node.subschemas["additionalProperties"]?.body { return true }
          if case .always(false)? = node.subschemas["unevaluatedProperties"]?.body { return true }
          return false
        }
        if closed { return nil }
        let additional = nodes.compactMap { $0.subschemas["additionalProperties"] }
        nodes = expand(additional)
        declared = false
      } else {
        nodes = expand(children)
      }
    }
    return FieldShape(types: Schema.types(of: nodes), isDeclared: declared, form: Schema.form(of: nodes))
  }

  /// The names of the fields the schema declares at `path` (`[]` for the top level), sorted.
  public func fieldNames(at path: [String] = []) -> [String] {
    var nodes = expand([root])
    for name in path { nodes = expand(nodes.compactMap { $0.subschemas["properties/" + name] }) }
    let names = nodes.flatMap { node in
      node.keywords["properties"]?.objectValue?.keys ?? []
    }
    return Array(Set(names)).sorted()
  }

  /// The nodes that apply in place: each node, the targets of its `$ref`, and its `allOf`.
  private func expand(_ nodes: [SchemaNode]) -> [SchemaNode] {
    var result: [SchemaNode] = []
    var pending = nodes
    while let node = pending.popLast() {
      guard !result.contains(where: { $0 === node }), result.count < 64 else { continue }
      result.append(node)
      if case .string(let reference)? = node.keywords["$ref"],
        let target = try? registry.resolve(node.baseURI.resolving(URIReference(reference)))
      {
        pending.append(target)
      }
      for index in 0..<node.branchCount("allOf") {
        if let branch = node.subschemas["allOf/\(index)"] { pending.append(branch) }
      }
    }
    return result
  }

  private static func form(of nodes: [SchemaNode]) -> FieldForm? {
    for node in nodes {
      if let form = node.keywords["x-form"]?.stringValue.flatMap(FieldForm.init(rawValue:)) { return form }
    }
    return nodes.contains { $0.keywords["format"]?.stringValue == "date" } ? .day : nil
  }

  private static func types(of nodes: [SchemaNode]) -> Set<String> {
    var types = Set<String>()
    for node in nodes {
      if case .string(let name)? = node.keywords["type"] { types.insert(name) }
      for case .string(let name) in node.keywords["type"]?.arrayValue ?? [] { types.insert(name) }
      for value in node.keywords["enum"]?.arrayValue ?? [] { types.insert(value.typeName) }
      if let constant = node.keywords["const"] { types.insert(constant.typeName) }
    }
    return types
  }
}
