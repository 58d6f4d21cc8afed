import LedgerJSON

// `prefixItems`, `items`, `contains` with `minContains`/`maxContains`, `maxItems`,
// `minItems`, `uniqueItems`.
extension Evaluator {
  mutating func evaluateArray(_ node: SchemaNode, _ items: [JSONValue], _ path: JSONPointer, _ outcome: inout Outcome) {
    var prefixCount = 0
    if node.vocabularies.contains(.applicator) {
      while let schema = node.subschemas["prefixItems/\(prefixCount)"], prefixCount < items.count {
        outcome.absorbChild(evaluate(schema, items[prefixCount], at: path.appending(prefixCount)))
        outcome.evaluatedItems.insert(prefixCount)
        prefixCount += 1
      }
      if let schema = node.subschemas["items"], node.active("items") != nil {
        for index in prefixCount..<max(prefixCount, items.count) {
          outcome.absorbChild(evaluate(schema, items[index], at: path.appending(index)))
          outcome.evaluatedItems.insert(index)
        }
      }
      evaluateContains(node, items, path, &outcome)
    }
    if let limit = node.active("maxItems")?.integer, items.count > limit {
      outcome.errors.append(error(node, "maxItems", path, Messages.count(path, "at most", limit, "item", found: items.count)))
    }
    if let limit = node.active("minItems")?.integer, items.count < limit {
      outcome.errors.append(error(node, "minItems", path, Messages.count(path, "at least", limit, "item", found: items.count)))
    }
    if node.active("uniqueItems") == .bool(true), let (first, second) = Evaluator.firstDuplicate(items) {
      outcome.errors.append(
        error(node, "uniqueItems", path, Messages.duplicate(path, first: first, second: second, value: items[first])))
    }
  }

  private mutating func evaluateContains(_ node: SchemaNode, _ items: [JSONValue], _ path: JSONPointer, _ outcome: inout Outcome)
  {
    guard let schema = node.subschemas["contains"], node.active("contains") != nil else { return }
    var matches: [Int] = []
    var annotations: [SchemaAnnotation] = []
    for (index, item) in items.enumerated() {
      let result = evaluate(schema, item, at: path.appending(index))
      if result.isValid {
        matches.append(index)
        annotations += result.annotations
      }
    }
    let minimum = node.active("minContains")?.integer ?? 1
    if matches.count < minimum {
      outcome.errors.append(
        error(
          node, node.active("minContains") == nil ? "contains" : "minContains", path,
          Messages.contains(path, "at least", minimum, found: matches.count)))
    }
    if let maximum = node.active("maxContains")?.integer, matches.count > maximum {
      outcome.errors.append(error(node, "maxContains", path, Messages.contains(path, "at most", maximum, found: matches.count)))
    }
    outcome.evaluatedItems.formUnion(matches)
    outcome.annotations += annotations
  }

  /// The first two positions holding equal values (numbers equal by value, objects by content).
  static func firstDuplicate(_ items: [JSONValue]) -> (Int, Int)? {
    var seen: [JSONValue: Int] = [:]
    for (index, item) in items.enumerated() {
      if let first = seen[item] { return (first, index) }
      seen[item] = index
    }
    return nil
  }
}
