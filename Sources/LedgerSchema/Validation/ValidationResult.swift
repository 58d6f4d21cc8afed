import LedgerJSON

/// One way an instance breaks its schema.
public struct ValidationError: Equatable, Sendable {
  /// The value concerned, such as `/emails/0`.
  public let instancePath: JSONPointer
  /// The keyword that failed, such as `type` or `required`.
  public let keyword: String
  /// The absolute location of the failing schema, such as `https://…/people#/properties/emails`.
  public let schemaLocation: String
  /// Lowercase start, no trailing period.
  public let message: String
}

/// A ledger keyword met on a part of the instance that validated: the cross-record rules
/// read these (`x-ref` says the value names a record of a kind).
public struct SchemaAnnotation: Equatable, Sendable {
  public let instancePath: JSONPointer
  /// `x-ref`, `x-unique`, `x-expiry` or `x-not-secret`.
  public let keyword: String
  public let value: JSONValue
  /// The annotated instance value.
  public let instance: JSONValue
}

/// What validating one instance found.
public struct ValidationResult: Sendable {
  public let errors: [ValidationError]
  public let annotations: [SchemaAnnotation]
  public var isValid: Bool { errors.isEmpty }
}

/// The result of evaluating one subschema against one instance location.
struct Outcome {
  var errors: [ValidationError] = []
  /// Properties of this instance that a keyword evaluated (for `unevaluatedProperties`), by
  /// code points as JSON tells keys apart.
  var evaluatedProperties: Set<CodePointKey> = []
  /// Items of this instance that a keyword evaluated (for `unevaluatedItems`).
  var evaluatedItems: Set<Int> = []
  var annotations: [SchemaAnnotation] = []

  var isValid: Bool { errors.isEmpty }

  init() {}
  init(error: ValidationError) { errors = [error] }

  /// Takes in what an in-place subschema (same instance) found; its annotations count only
  /// when it validated.
  mutating func absorb(_ other: Outcome) {
    errors += other.errors
    guard other.isValid else { return }
    evaluatedProperties.formUnion(other.evaluatedProperties)
    evaluatedItems.formUnion(other.evaluatedItems)
    annotations += other.annotations
  }

  /// Takes in the annotations of a valid subschema applied to a child instance.
  mutating func absorbChild(_ other: Outcome) {
    errors += other.errors
    if other.isValid { annotations += other.annotations }
  }
}
