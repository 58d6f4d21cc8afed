import LedgerJSON

/// One compiled subschema: its keywords, the subschemas under them, and where it stands.
///
/// Compilation (`SchemaCompiler`) fills `subschemas` once, keyed by the keyword path
/// (`items`, `properties/name`, `allOf/1`); evaluation then never parses schema text again.
final class SchemaNode {
  /// `true`, `false`, or the keywords of an object schema.
  enum Body {
    case always(Bool)
    case keywords(JSONObject)
  }

  let body: Body
  /// The base URI in effect inside this node (its own `$id` resolved, else its parent's).
  let baseURI: URIReference
  /// The schema resource this node belongs to.
  unowned let resource: SchemaResource
  /// Absolute location, such as `https://adminledger.example.org/schemas/people#/properties/name`.
  let location: String
  /// Vocabularies whose keywords apply here.
  let vocabularies: Set<Vocabulary>
  var subschemas: [String: SchemaNode] = [:]
  /// The subschemas of `properties`, by field name (the hot path of validating a record), and
  /// of `dependentSchemas`: by code points, as JSON tells keys apart ("é" is not "e" + U+0301).
  var properties: [CodePointKey: SchemaNode] = [:]
  var dependentSchemas: [CodePointKey: SchemaNode] = [:]
  /// The keywords whose vocabulary applies here, found once (`active` is asked for every
  /// keyword of every node an instance meets).
  private let activeKeywords: JSONObject
  /// Compiled regular expressions for `pattern` and `patternProperties`, by source.
  var patterns: [String: ECMARegex] = [:]

  init(body: Body, baseURI: URIReference, resource: SchemaResource, location: String, vocabularies: Set<Vocabulary>) {
    self.body = body
    self.baseURI = baseURI
    self.resource = resource
    self.location = location
    self.vocabularies = vocabularies
    var active = JSONObject()
    if case .keywords(let object) = body {
      for member in object {
        guard let vocabulary = Vocabulary.of(member.key) else { continue }
        if vocabulary == .formatAnnotation || vocabularies.contains(vocabulary) { active[member.key] = member.value }
      }
    }
    activeKeywords = active
  }

  var keywords: JSONObject {
    if case .keywords(let object) = body { return object }
    return JSONObject()
  }

  /// The keyword's value when the keyword is present and its vocabulary applies.
  func active(_ keyword: String) -> JSONValue? {
    activeKeywords.isEmpty ? nil : activeKeywords[keyword]
  }
}

/// A schema resource: a document root or a subschema with its own `$id`.
final class SchemaResource {
  let uri: URIReference
  var root: SchemaNode?
  var anchors: [String: SchemaNode] = [:]
  var dynamicAnchors: [String: SchemaNode] = [:]
  /// Every subschema inside, by JSON pointer from the resource's root.
  var nodesByPointer: [JSONPointer: SchemaNode] = [:]

  init(uri: URIReference) { self.uri = uri }
}
