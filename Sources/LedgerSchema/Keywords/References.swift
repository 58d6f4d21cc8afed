import LedgerJSON

// `$ref` and `$dynamicRef` (JSON Schema 2020-12 §8.2.3).
extension Evaluator {
  mutating func evaluateReferences(_ node: SchemaNode, _ instance: JSONValue, _ path: JSONPointer, _ outcome: inout Outcome) {
    if case .string(let reference)? = node.active("$ref") {
      let target: SchemaNode
      if let known = registry.referenceTargets[ObjectIdentifier(node)] {
        target = known
      } else {
        guard let resolved = try? registry.resolve(node.baseURI.resolving(URIReference(reference))) else {
          outcome.errors.append(error(node, "$ref", path, Messages.unresolved(reference)))
          return
        }
        // The node stays alive with its resource in this registry, so its identifier is never reused.
        registry.referenceTargets[ObjectIdentifier(node)] = resolved
        target = resolved
      }
      outcome.absorb(evaluate(target, instance, at: path))
    }
    if case .string(let reference)? = node.active("$dynamicRef") {
      guard let target = dynamicTarget(reference, from: node) else {
        outcome.errors.append(error(node, "$dynamicRef", path, Messages.unresolved(reference)))
        return
      }
      outcome.absorb(evaluate(target, instance, at: path))
    }
  }

  /// Resolves like `$ref`; when that lands on a `$dynamicAnchor`, the outermost resource of
  /// the dynamic scope with an anchor of the same name wins.
  private func dynamicTarget(_ reference: String, from node: SchemaNode) -> SchemaNode? {
    let uri = node.baseURI.resolving(URIReference(reference))
    guard let initial = try? registry.resolve(uri) else { return nil }
    guard let name = uri.fragment, !name.isEmpty, !name.hasPrefix("/"),
      initial.resource.dynamicAnchors[name] === initial
    else { return initial }
    for resource in dynamicScope {
      if let target = resource.dynamicAnchors[name] { return target }
    }
    return initial
  }
}
