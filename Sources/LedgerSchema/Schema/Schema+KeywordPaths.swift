import Foundation
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
    // The built-in schemas are shared by every validation of a run (an audit makes one per
    // commit): the paths of a schema node are found once.
    let key = KeywordPathCache.Key(node: ObjectIdentifier(root), keyword: keyword)
    if let known = KeywordPathCache.shared.paths(for: key) { return known }
    var found: [KeywordPath] = []
    var visited = Set<String>()
    collect(keyword, root, steps: [], into: &found, visited: &visited)
    KeywordPathCache.shared.store(found, for: key, keeping: root)
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

/// Keyword paths by schema node. The node is kept alive with its entry, so its identifier is
/// never reused for another node while the entry exists.
final class KeywordPathCache: @unchecked Sendable {
  struct Key: Hashable {
    let node: ObjectIdentifier
    let keyword: String
  }

  static let shared = KeywordPathCache()
  private let lock = NSLock()
  private var entries: [Key: (paths: [KeywordPath], node: AnyObject)] = [:]

  func paths(for key: Key) -> [KeywordPath]? {
    lock.lock()
    defer { lock.unlock() }
    return entries[key]?.paths
  }

  func store(_ paths: [KeywordPath], for key: Key, keeping node: AnyObject) {
    lock.lock()
    defer { lock.unlock() }
    // Schemas a ledger brings itself are compiled per validation: keep the cache bounded.
    if entries.count > 4096 { entries.removeAll() }
    entries[key] = (paths, node)
  }
}
