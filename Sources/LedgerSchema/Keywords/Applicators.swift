import LedgerJSON

// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`: subschemas
// applied to the same instance, whose annotations count when they validate.
extension Evaluator {
  mutating func evaluateInPlaceApplicators(
    _ node: SchemaNode, _ instance: JSONValue, _ path: JSONPointer, _ outcome: inout Outcome
  ) {
    guard node.vocabularies.contains(.applicator) else { return }
    for index in 0..<node.branchCount("allOf") {
      guard let schema = node.subschemas["allOf/\(index)"] else { continue }
      outcome.absorb(evaluate(schema, instance, at: path))
    }
    let anyCount = node.branchCount("anyOf")
    if anyCount > 0 {
      let results = (0..<anyCount).compactMap { node.subschemas["anyOf/\($0)"] }.map { evaluate($0, instance, at: path) }
      let valid = results.filter(\.isValid)
      if valid.isEmpty {
        outcome.errors.append(error(node, "anyOf", path, Messages.anyOf(path, count: anyCount)))
      }
      valid.forEach { outcome.absorb($0) }
    }
    let oneCount = node.branchCount("oneOf")
    if oneCount > 0 {
      let results = (0..<oneCount).compactMap { node.subschemas["oneOf/\($0)"] }.map { evaluate($0, instance, at: path) }
      let valid = results.filter(\.isValid)
      if valid.count == 1 {
        valid.forEach { outcome.absorb($0) }
      } else {
        outcome.errors.append(error(node, "oneOf", path, Messages.oneOf(path, matched: valid.count, count: oneCount)))
      }
    }
    if let schema = node.subschemas["not"], evaluate(schema, instance, at: path).isValid {
      outcome.errors.append(error(node, "not", path, Messages.not(path)))
    }
    if let condition = node.subschemas["if"] {
      let result = evaluate(condition, instance, at: path)
      if result.isValid {
        outcome.absorb(result)
        if let then = node.subschemas["then"] { outcome.absorb(evaluate(then, instance, at: path)) }
      } else if let otherwise = node.subschemas["else"] {
        outcome.absorb(evaluate(otherwise, instance, at: path))
      }
    }
  }
}

extension SchemaNode {
  /// How many subschemas an array keyword (`allOf`, `anyOf`, `oneOf`) holds.
  func branchCount(_ keyword: String) -> Int {
    keywords[keyword]?.arrayValue?.count ?? 0
  }
}
