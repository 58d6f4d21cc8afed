import LedgerJSON

// `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum`: compared
// exactly on the decimal text.
extension Evaluator {
  func evaluateNumber(_ node: SchemaNode, _ number: JSONNumber, _ path: JSONPointer, _ outcome: inout Outcome) {
    if case .number(let divisor)? = node.active("multipleOf"), !number.isMultiple(of: divisor) {
      outcome.errors.append(error(node, "multipleOf", path, Messages.multiple(path, of: divisor, found: number)))
    }
    let bounds: [(String, String, (JSONNumber, JSONNumber) -> Bool)] = [
      ("maximum", "at most", { $0 <= $1 }),
      ("exclusiveMaximum", "less than", { $0 < $1 }),
      ("minimum", "at least", { $0 >= $1 }),
      ("exclusiveMinimum", "greater than", { $0 > $1 }),
    ]
    for (keyword, comparison, holds) in bounds {
      guard case .number(let limit)? = node.active(keyword), !holds(number, limit) else { continue }
      outcome.errors.append(error(node, keyword, path, Messages.bound(path, comparison, limit, found: number)))
    }
  }
}
