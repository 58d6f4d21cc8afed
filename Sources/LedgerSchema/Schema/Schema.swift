import LedgerJSON

/// A compiled schema, ready to validate instances.
public struct Schema {
  let root: SchemaNode
  let registry: SchemaRegistry

  /// Validates `instance`.
  ///
  /// - Returns: every violation (empty when valid) and the ledger annotations (`x-ref`,
  ///   `x-unique`, `x-expiry`, `x-not-secret`) of the parts that validated.
  public func validate(_ instance: JSONValue) -> ValidationResult {
    var evaluator = Evaluator(registry: registry)
    let outcome = evaluator.evaluate(root, instance, at: .root)
    return ValidationResult(
      errors: outcome.errors, annotations: outcome.isValid ? outcome.annotations : [])
  }

  /// The schema's `title`, when it has one.
  public var title: String? { root.keywords["title"]?.stringValue }

  /// The absolute URI of the schema's root.
  public var uri: String { root.location }
}
