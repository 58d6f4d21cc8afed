import LedgerJSON

// `unevaluatedItems` and `unevaluatedProperties` (JSON Schema 2020-12 §11): they apply to
// what no other keyword of this schema, or of its valid in-place subschemas, evaluated.
extension Evaluator {
  mutating func evaluateUnevaluated(_ node: SchemaNode, _ instance: JSONValue, _ path: JSONPointer, _ outcome: inout Outcome) {
    guard node.vocabularies.contains(.unevaluated) else { return }
    if case .array(let items) = instance, let schema = node.subschemas["unevaluatedItems"] {
      for index in items.indices where !outcome.evaluatedItems.contains(index) {
        let result = evaluate(schema, items[index], at: path.appending(index))
        if case .always(false) = schema.body {
          outcome.errors.append(
            error(node, "unevaluatedItems", path.appending(index), Messages.unevaluatedItem(path, index: index)))
        } else {
          outcome.absorbChild(result)
        }
        outcome.evaluatedItems.insert(index)
      }
    }
    if case .object(let object) = instance, let schema = node.subschemas["unevaluatedProperties"] {
      for member in object where !outcome.evaluatedProperties.contains(CodePointKey(member.key)) {
        let result = evaluate(schema, member.value, at: path.appending(member.key))
        if case .always(false) = schema.body {
          outcome.errors.append(
            error(node, "unevaluatedProperties", path.appending(member.key), Messages.additionalProperty(path, member.key)))
        } else {
          outcome.absorbChild(result)
        }
        outcome.evaluatedProperties.insert(CodePointKey(member.key))
      }
    }
  }
}
