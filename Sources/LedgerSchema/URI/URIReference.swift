/// An RFC 3986 URI reference split into its five parts, with reference resolution.
///
/// Schemas name each other by URI (`$id`, `$ref`); resolution must follow RFC 3986 §5.2
/// exactly, including URNs and fragment-only references, which `Foundation.URL` bends.
struct URIReference: Hashable, Sendable, CustomStringConvertible {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  /// Splits `text` with the regular expression of RFC 3986 appendix B.
  init(_ text: String) {
    var rest = Substring(text)
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: question)...])
      rest = rest[..<question]
    }
    if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
      rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
    {
      scheme = String(rest[..<colon])
      rest = rest[rest.index(after: colon)...]
    }
    if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
      let end = rest.firstIndex(of: "/") ?? rest.endIndex
      authority = String(rest[..<end])
      rest = rest[end...]
    }
    path = String(rest)
  }

  /// True when the reference has a scheme: it names something on its own.
  var isAbsolute: Bool { scheme != nil }

  /// The reference without its fragment.
  var withoutFragment: URIReference {
    var copy = self
    copy.fragment = nil
    return copy
  }

  /// `reference` resolved against this base (RFC 3986 §5.2.2).
  func resolving(_ reference: URIReference) -> URIReference {
    var target = reference
    if reference.scheme != nil {
      target.path = URIReference.removeDotSegments(reference.path)
      return target
    }
    target.scheme = scheme
    if reference.authority != nil {
      target.path = URIReference.removeDotSegments(reference.path)
      return target
    }
    target.authority = authority
    if reference.path.isEmpty {
      target.path = path
      target.query = reference.query ?? query
    } else if reference.path.hasPrefix("/") {
      target.path = URIReference.removeDotSegments(reference.path)
    } else {
      target.path = URIReference.removeDotSegments(merge(reference.path))
    }
    return target
  }

  private func merge(_ relative: String) -> String {
    if authority != nil, path.isEmpty { return "/" + relative }
    guard let slash = path.lastIndex(of: "/") else { return relative }
    return String(path[...slash]) + relative
  }

  static func removeDotSegments(_ path: String) -> String {
    var input = Substring(path)
    var output: [Substring] = []
    var absolute = false
    if input.hasPrefix("/") {
      absolute = true
    }
    let segments = input.split(separator: "/", omittingEmptySubsequences: false)
    input = ""
    var trailingSlash = false
    for (index, segment) in segments.enumerated() {
      if index == 0 && absolute { continue }
      let last = index == segments.count - 1
      switch segment {
      case ".":
        trailingSlash = last
      case "..":
        if !output.isEmpty { output.removeLast() }
        trailingSlash = last
      default:
        output.append(segment)
        trailingSlash = false
      }
    }
    var result = (absolute ? "/" : "") + output.joined(separator: "/")
    if trailingSlash && !result.hasSuffix("/") { result += "/" }
    return result
  }

  var description: String {
    var text = ""
    if let scheme { text += scheme + ":" }
    if let authority { text += "//" + authority }
    text += path
    if let query { text += "?" + query }
    if let fragment { text += "#" + fragment }
    return text
  }
}
