import LedgerJSON

/// Evaluates compiled schemas against instances (JSON Schema 2020-12 §7–§11).
///
/// Keywords run in a fixed order, so output is deterministic: references, the generic and
/// type-specific assertions, the in-place applicators, then `unevaluated*`, which need the
/// annotations of all the others. The dynamic scope (for `$dynamicRef`) is the stack of
/// schema resources entered on the way here.
struct Evaluator {
  let registry: SchemaRegistry
  var dynamicScope: [SchemaResource] = []
  private var depth = 0
  /// How deep references may nest before the schema is taken to loop.
  static let maximumDepth = 400

  init(registry: SchemaRegistry) { self.registry = registry }

  mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue, at path: JSONPointer) -> Outcome {
    switch node.body {
    case .always(true):
      return Outcome()
    case .always(false):
      return Outcome(error: error(node, "false", path, Messages.falseSchema(path)))
    case .keywords:
      break
    }
    guard depth < Evaluator.maximumDepth else {
      return Outcome(error: error(node, "$ref", path, Messages.tooDeep(path)))
    }
    depth += 1
    let entered = dynamicScope.last !== node.resource
    if entered { dynamicScope.append(node.resource) }
    defer {
      depth -= 1
      if entered { dynamicScope.removeLast() }
    }
    var outcome = Outcome()
    evaluateReferences(node, instance, path, &outcome)
    evaluateGeneric(node, instance, path, &outcome)
    switch instance {
    case .number(let number): evaluateNumber(node, number, path, &outcome)
    case .string(let text): evaluateString(node, text, path, &outcome)
    case .array(let items): evaluateArray(node, items, path, &outcome)
    case .object(let object): evaluateObject(node, object, path, &outcome)
    default: break
    }
    evaluateInPlaceApplicators(node, instance, path, &outcome)
    evaluateUnevaluated(node, instance, path, &outcome)
    collectLedgerAnnotations(node, instance, path, &outcome)
    return outcome
  }

  func error(_ node: SchemaNode, _ keyword: String, _ path: JSONPointer, _ message: String) -> ValidationError {
    ValidationError(
      instancePath: path, keyword: keyword, schemaLocation: node.location + "/" + keyword, message: message)
  }
}
