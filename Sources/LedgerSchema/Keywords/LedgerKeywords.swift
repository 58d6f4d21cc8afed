import LedgerJSON

// The ledger's keywords are annotations the cross-record rules read: `x-ref` (the value names
// a record of a kind), `x-unique` (no two records share it), `x-expiry` (a date after which
// something must be renewed), `x-not-secret` (a value that may look like a secret and is not).
extension Evaluator {
  func collectLedgerAnnotations(_ node: SchemaNode, _ instance: JSONValue, _ path: JSONPointer, _ outcome: inout Outcome) {
    for keyword in ["x-ref", "x-unique", "x-expiry", "x-not-secret"] {
      guard let value = node.keywords[keyword] else { continue }
      outcome.annotations.append(
        SchemaAnnotation(instancePath: path, keyword: keyword, value: value, instance: instance))
    }
  }
}
