/// The vocabularies of JSON Schema 2020-12, the ledger's own, and which keyword belongs to each.
///
/// A keyword outside every vocabulary is a schema error: an unknown keyword is never silently
/// ignored. A keyword of a vocabulary the schema's meta-schema does not declare is known but
/// not applied (JSON Schema §8.1.2).
enum Vocabulary: String, CaseIterable, Sendable {
  case core = "https://json-schema.org/draft/2020-12/vocab/core"
  case applicator = "https://json-schema.org/draft/2020-12/vocab/applicator"
  case unevaluated = "https://json-schema.org/draft/2020-12/vocab/unevaluated"
  case validation = "https://json-schema.org/draft/2020-12/vocab/validation"
  case metaData = "https://json-schema.org/draft/2020-12/vocab/meta-data"
  case formatAnnotation = "https://json-schema.org/draft/2020-12/vocab/format-annotation"
  case formatAssertion = "https://json-schema.org/draft/2020-12/vocab/format-assertion"
  case content = "https://json-schema.org/draft/2020-12/vocab/content"
  /// AdminLedger's `x-` keywords; always active.
  case ledger = "https://adminledger.example.org/vocab/ledger"

  /// Every vocabulary of the standard 2020-12 dialect, plus the ledger's.
  static let standard: Set<Vocabulary> = [
    .core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content, .ledger,
  ]

  /// The vocabulary a keyword belongs to, or nil for an unknown keyword.
  static func of(_ keyword: String) -> Vocabulary? { keywords[keyword] }

  private static let keywords: [String: Vocabulary] = {
    var table: [String: Vocabulary] = [:]
    let groups: [(Vocabulary, [String])] = [
      (.core, ["$id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs"]),
      (
        .applicator,
        [
          "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
          "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
        ]
      ),
      (.unevaluated, ["unevaluatedItems", "unevaluatedProperties"]),
      (
        .validation,
        [
          "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
          "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
          "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
        ]
      ),
      (.metaData, ["title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples"]),
      (.formatAnnotation, ["format"]),
      (.content, ["contentEncoding", "contentMediaType", "contentSchema"]),
      (.ledger, ["x-ref", "x-unique", "x-expiry", "x-not-secret", "x-personal", "x-form"]),
    ]
    for (vocabulary, names) in groups { for name in names { table[name] = vocabulary } }
    return table
  }()

  /// Keywords of earlier drafts, with what 2020-12 says instead, for the error's hint.
  static let replacedKeywords: [String: String] = [
    "definitions": "$defs", "dependencies": "dependentRequired or dependentSchemas",
    "additionalItems": "items (with prefixItems)", "$recursiveRef": "$dynamicRef",
    "$recursiveAnchor": "$dynamicAnchor",
  ]
}
