import LedgerJSON

// `type`, `enum`, `const`: assertions on any instance.
extension Evaluator {
  func evaluateGeneric(_ node: SchemaNode, _ instance: JSONValue, _ path: JSONPointer, _ outcome: inout Outcome) {
    if let type = node.active("type") {
      let expected: [String] = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
      if !expected.contains(where: { Evaluator.instance(instance, hasType: $0) }) {
        outcome.errors.append(error(node, "type", path, Messages.type(path, expected: expected, found: instance)))
      }
    }
    if case .array(let allowed)? = node.active("enum"), !allowed.contains(instance) {
      outcome.errors.append(error(node, "enum", path, Messages.enumeration(path, allowed: allowed, found: instance)))
    }
    if let expected = node.active("const"), expected != instance {
      outcome.errors.append(error(node, "const", path, Messages.constant(path, expected: expected, found: instance)))
    }
  }

  /// JSON Schema's type names; an integer is any number without a fractional part (`1.0`).
  static func instance(_ value: JSONValue, hasType name: String) -> Bool {
    switch (name, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
      ("array", .array), ("object", .object):
      true
    case ("integer", .number(let number)): number.isInteger
    default: false
    }
  }
}
