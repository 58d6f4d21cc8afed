import LedgerJSON

/// Where in an instance a ledger keyword applies, found by reading the schema alone:
/// `["emails", "*"]` for `x-unique` on the items of `emails`.
public struct KeywordPath: Hashable, Sendable {
  /// Field names, with `*` for "every item of the array" or "every member of the object"
  /// (`additionalProperties`: members named freely, such as the roles of a policy).
  public let steps: [String]
  /// The keyword's value in the schema (`"organizations"` for an `x-ref`).
  public let value: JSONValue

  public init(steps: [String], value: JSONValue) {
    self.steps = steps
    self.value = value
  }

  /// The values at this path in `instance`, each with its JSON pointer.
  public func values(in instance: JSONValue) -> [(JSONPointer, JSONValue)] {
    var current: [(JSONPointer, JSONValue)] = [(.root, instance)]
    for step in steps {
      current = current.flatMap { pointer, value -> [(JSONPointer, JSONValue)] in
        switch (step, value) {
        case ("*", .array(let items)):
          return items.enumerated().map { (pointer.appending($0.offset), $0.element) }
        case ("*", .object(let object)):
          return object.map { (pointer.appending($0.key), $0.value) }
        case (_, .object(let object)):
          return object[step].map { [(pointer.appending(step), $0)] } ?? []
        default:
          return []
        }
      }
    }
    return current
  }
}

extension Schema {
  /// Every place where `keyword` applies, following `properties`, `items`,
  /// `additionalProperties`, `allOf` and `$ref`.
  /// Cross-record rules use this to find references and unique values without validating.
  public func keywordPaths(_ keyword: String) -> [KeywordPath] {
    var found: [KeywordPath] = []
    var visited = Set<String>()
    collect(keyword, root, steps: [], into: &found, visited: &visited)
    return found
  }

  private func collect(
    _ keyword: String, _ node: SchemaNode, steps: [String], into found: inout [KeywordPath],
    visited: inout Set<String>
  ) {
    // A node is read once per path; a recursive schema stops eight fields deep.
    let visit = "\(ObjectIdentifier(node).hashValue)|" + steps.joined(separator: "/")
    guard steps.count < 8, visited.insert(visit).inserted else { return }
    if let value = node.keywords[keyword] { found.append(KeywordPath(steps: steps, value: value)) }
    if case .string(let reference)? = node.keywords["$ref"],
      let target = try? registry.resolve(node.baseURI.resolving(URIReference(reference)))
    {
      collect(keyword, target, steps: steps, into: &found, visited: &visited)
    }
    for (path, child) in node.subschemas.sorted(by: { $0.key < $1.key }) {
      if path.hasPrefix("properties/") {
        collect(keyword, child, steps: steps + [String(path.dropFirst(11))], into: &found, visited: &visited)
      } else if path == "items" || path == "additionalProperties" {
        collect(keyword, child, steps: steps + ["*"], into: &found, visited: &visited)
      } else if path.hasPrefix("allOf/") {
        collect(keyword, child, steps: steps, into: &found, visited: &visited)
      }
    }
  }
}
