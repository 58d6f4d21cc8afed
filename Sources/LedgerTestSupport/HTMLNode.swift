import Foundation

/// One `name="value"` pair of an element, as written (name lowercased, value decoded).
///
/// A boolean attribute such as `required` has the empty string as its value, as in the DOM.
public struct HTMLAttribute: Equatable, Sendable {
  /// The attribute name, lowercased: `viewBox` is stored as `viewbox`.
  public let name: String
  /// The value with character references decoded; `""` for a boolean attribute.
  public let value: String

  /// Makes an attribute.
  ///
  /// - Parameters:
  ///   - name: The name; it is lowercased.
  ///   - value: The decoded value.
  public init(name: String, value: String) {
    self.name = name.lowercased()
    self.value = value
  }
}

/// One node of a parsed page: an element, a run of text, or a comment.
///
/// A value tree: an element holds its `children` in document order, text between tags is a
/// `#text` node (whitespace-only runs included), and the content of `<script>` and `<style>`
/// is a single `#text` child kept verbatim (no character references decoded).
public struct HTMLNode: Equatable, Sendable {
  /// What a node is.
  public enum Kind: Equatable, Sendable {
    /// An element such as `<td>`; `name` is its lowercased tag name.
    case element
    /// Text between tags; `name` is `#text` and `value` the decoded text.
    case text
    /// `<!-- … -->`; `name` is `#comment` and `value` what is between the markers.
    case comment
  }

  /// Whether this is an element, text or a comment.
  public let kind: Kind
  /// The lowercased element name (SVG's `linearGradient` too), or `#text`, or `#comment`.
  public let name: String
  /// The attributes in the order written; empty for text and comments.
  public internal(set) var attributes: [HTMLAttribute]
  /// The child nodes in document order; empty for text and comments.
  public internal(set) var children: [HTMLNode]
  /// The decoded text of a text node or the content of a comment; `""` for an element.
  public let value: String
  /// The 1-based line where the node starts: the `<` of a start tag, or the first character.
  public let line: Int

  init(element name: String, attributes: [HTMLAttribute], line: Int) {
    self.kind = .element
    self.name = name
    self.attributes = attributes
    self.children = []
    self.value = ""
    self.line = line
  }

  init(_ kind: Kind, value: String, line: Int) {
    self.kind = kind
    self.name = kind == .comment ? "#comment" : "#text"
    self.attributes = []
    self.children = []
    self.value = value
    self.line = line
  }

  // MARK: - Queries

  /// The value of an attribute, or nil when the element does not have it.
  ///
  /// - Parameter name: The attribute name, in any case (`viewBox` finds `viewbox`).
  /// - Returns: The decoded value, `""` for a boolean attribute such as `required`.
  public func attribute(_ name: String) -> String? {
    let wanted = name.lowercased()
    return attributes.first { $0.name == wanted }?.value
  }

  /// The child nodes that are elements, skipping text and comments.
  public var childElements: [HTMLNode] { children.filter { $0.kind == .element } }

  /// Every node below this one, depth-first in document order; the node itself is not included.
  public var descendants: [HTMLNode] {
    var found: [HTMLNode] = []
    collectDescendants(into: &found)
    return found
  }

  private func collectDescendants(into found: inout [HTMLNode]) {
    for child in children {
      found.append(child)
      child.collectDescendants(into: &found)
    }
  }

  /// All descendant text, character references decoded, as a browser's `textContent` would
  /// give it but without the content of `<script>` and `<style>` and without comments.
  ///
  /// Whitespace is kept as written; ``normalizedText`` collapses it.
  public var text: String {
    switch kind {
    case .text: return value
    case .comment: return ""
    case .element:
      if name == "script" || name == "style" { return "" }
      return children.map(\.text).joined()
    }
  }

  /// ``text`` with each run of HTML whitespace (space, tab, line feed, form feed, carriage
  /// return) turned into one space and none at either end: `<th>\n  Name\n</th>` gives `Name`.
  ///
  /// A no-break space (`&nbsp;`) is not whitespace here and stays.
  public var normalizedText: String {
    text.split(whereSeparator: { " \t\n\r\u{0C}\r\n".contains($0) }).joined(separator: " ")
  }

  /// The descendant elements with a tag name, in document order.
  ///
  /// - Parameter name: The tag name, in any case.
  /// - Returns: The matching elements below this node; the node itself is not included.
  public func elements(named name: String) -> [HTMLNode] {
    let wanted = name.lowercased()
    return descendants.filter { $0.kind == .element && $0.name == wanted }
  }

  /// The first descendant element with a tag name, in document order.
  ///
  /// - Parameter name: The tag name, in any case.
  /// - Returns: The element, or nil when there is none below this node.
  public func first(named name: String) -> HTMLNode? { elements(named: name).first }

  /// The first descendant element whose `id` attribute is exactly `id`.
  ///
  /// - Parameter id: The id, compared case-sensitively as in the DOM.
  /// - Returns: The element, or nil when none below this node has that id.
  public func element(id: String) -> HTMLNode? {
    descendants.first { $0.kind == .element && $0.attribute("id") == id }
  }
}

/// A parsed HTML5 page: its doctype and its `<html>` element.
///
/// Comments before and after `<html>` are checked and dropped.
public struct HTMLDocument: Equatable, Sendable {
  /// The doctype as written, such as `<!DOCTYPE html>` or `<!doctype html>`.
  public let doctype: String
  /// The `<html>` element.
  public let root: HTMLNode

  /// Parses a page written in the strict dialect described atop `HTMLParser.swift`.
  ///
  /// - Parameter text: The whole page.
  /// - Returns: The document tree.
  /// - Throws: `HTMLParseError` at the first thing a browser would have to repair, with its
  ///   line and column.
  public static func parse(_ text: String) throws(HTMLParseError) -> HTMLDocument {
    var parser = HTMLParser(text)
    return try parser.parseDocument()
  }

  /// The elements with a tag name, `<html>` itself included, in document order.
  ///
  /// - Parameter name: The tag name, in any case.
  /// - Returns: The matching elements.
  public func elements(named name: String) -> [HTMLNode] {
    (root.name == name.lowercased() ? [root] : []) + root.elements(named: name)
  }

  /// The first element with a tag name, `<html>` itself included.
  ///
  /// - Parameter name: The tag name, in any case.
  /// - Returns: The element, or nil when the page has none.
  public func first(named name: String) -> HTMLNode? { elements(named: name).first }

  /// The first element whose `id` is exactly `id`, `<html>` itself included.
  ///
  /// - Parameter id: The id, compared case-sensitively.
  /// - Returns: The element, or nil when the page has none with that id.
  public func element(id: String) -> HTMLNode? {
    root.attribute("id") == id ? root : root.element(id: id)
  }
}

// MARK: - Validation

extension HTMLDocument {
  /// Accessibility and correctness problems a browser would not reject, as
  /// `line N: message` strings sorted by line; site tests assert the list is empty.
  ///
  /// It finds: an `id` used twice, `<html>` without a non-empty `lang`, no
  /// `<meta charset="utf-8">` in `<head>`, a `<table>` without any `<th>`, an `<img>`
  /// without `alt` (`alt=""` is fine: it marks a decorative image), and a `<th>` with no text.
  ///
  /// - Returns: The problems, or an empty array.
  public func validationProblems() -> [String] {
    var problems: [(line: Int, message: String)] = []
    if (root.attribute("lang") ?? "").isEmpty {
      problems.append((root.line, "<html> has no lang attribute"))
    }
    let head = root.childElements.first { $0.name == "head" }
    let declaresUTF8 = (head?.elements(named: "meta") ?? []).contains {
      $0.attribute("charset")?.lowercased() == "utf-8"
    }
    if !declaresUTF8 {
      problems.append((head?.line ?? root.line, #"<head> has no <meta charset="utf-8">"#))
    }
    var firstLineOfID: [String: Int] = [:]
    for element in [root] + root.descendants where element.kind == .element {
      if let id = element.attribute("id") {
        if let first = firstLineOfID[id] {
          problems.append((element.line, "duplicate id \"\(id)\" (first on line \(first))"))
        } else {
          firstLineOfID[id] = element.line
        }
      }
      if let problem = Self.problem(of: element) { problems.append((element.line, problem)) }
    }
    return problems.enumerated()
      .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
      .map { "line \($0.element.line): \($0.element.message)" }
  }

  /// The problem of one element taken alone, if any.
  private static func problem(of element: HTMLNode) -> String? {
    switch element.name {
    case "img" where element.attribute("alt") == nil:
      return "<img src=\"\(element.attribute("src") ?? "")\"> has no alt attribute"
    case "table" where element.first(named: "th") == nil:
      return "<table> has no <th> header cell"
    case "th" where element.normalizedText.isEmpty:
      return "<th> has no text"
    default:
      return nil
    }
  }
}
