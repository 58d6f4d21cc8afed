import Foundation

/*
 A strict HTML5 parser for checking the pages the site generator writes. It accepts the
 well-formed subset a generator should emit and nothing looser:

   <!DOCTYPE html>               required first (any case), after optional whitespace
   <html lang="en"> … </html>    the one root; only whitespace and comments around it
   <br> <br/> <img src=a.png>    void elements: never an end tag
   <td> … </td>                  every other element closed explicitly, in order
   <rect x="0" width="4"/>       self-closing only inside <svg> or <math>
   <script>if (a < b && c)…      raw text up to </script> or </style>
   &amp; &#39; &#x2192;          character references, always ending in ';'
   a & b                         a '&' not followed by a name or '#' is text

 Everything else is an HTMLParseError: the HTML5 recovery rules (implied end tags, a '<' that
 is taken as text, '&copy' without ';') are exactly what hide generator bugs, so there are
 none here. One content rule is checked because a browser would build a different tree: a
 block element such as <div> or <table> may not open inside a <p>.

 The parser reads UTF-8 bytes and keeps byte offsets; lines come from a table of line starts,
 and a column is counted (in characters) only when an error is made.
 */

/// Why a page is not well-formed HTML, and where.
///
/// `description` reads `line:column: message`, compiler style, so a failing test points at
/// the spot in the generated page.
public struct HTMLParseError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The 1-based line of the problem.
  public let line: Int
  /// The 1-based column, counted in characters.
  public let column: Int
  /// What is wrong: lowercase start, no trailing period.
  public let message: String

  /// Makes an error at a position.
  ///
  /// - Parameters:
  ///   - line: The 1-based line.
  ///   - column: The 1-based column, in characters.
  ///   - message: What is wrong.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }
}

struct HTMLParser {
  static let maximumDepth = 256
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  ]
  static let rawTextElements: Set<String> = ["script", "style"]
  static let foreignRoots: Set<String> = ["svg", "math"]
  /// Start tags that end an open `<p>` in a browser (HTML §13.2.6.4.7, "close a p element").
  static let closesParagraph: Set<String> = [
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext",
    "pre", "search", "section", "summary", "table", "ul", "xmp",
  ]
  /// The elements that bound "button scope": a `<p>` outside them is not closed by a start tag.
  static let scopeBoundaries: Set<String> = [
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
  ]

  /// An element whose end tag has not been read yet, and where its start tag began.
  private struct OpenElement {
    var node: HTMLNode
    let offset: Int
  }

  private let bytes: [UInt8]
  private let lineStarts: [Int]
  private var index = 0
  private var open: [OpenElement] = []

  init(_ text: String) {
    bytes = Array(text.utf8)
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == .lineFeed { starts.append(offset + 1) }
    lineStarts = starts
  }

  // MARK: - Document

  mutating func parseDocument() throws(HTMLParseError) -> HTMLDocument {
    skipWhitespace()
    if matches([0xEF, 0xBB, 0xBF]) {
      throw error(at: index, "the page starts with a byte order mark: write UTF-8 without one")
    }
    let doctype = try parseDoctype()
    try skipWhitespaceAndComments()
    guard byte(at: index) == .lessThan, isLetter(byte(at: index + 1)) else {
      throw error(at: index, "expected <html> after the doctype")
    }
    let rootStart = index
    let (html, selfClosing) = try readStartTag()
    guard html.name == "html", !selfClosing else {
      throw error(at: rootStart, "the root element must be <html>, found <\(html.name)>")
    }
    open = [OpenElement(node: html, offset: rootStart)]
    let root = try parseContent()
    try skipWhitespaceAndComments()
    guard index == bytes.count else {
      throw error(at: index, "only whitespace and comments may follow </html>")
    }
    return HTMLDocument(doctype: doctype, root: root)
  }

  /// Reads `<!DOCTYPE html>`, the only doctype HTML5 allows, in any case.
  private mutating func parseDoctype() throws(HTMLParseError) -> String {
    let start = index
    let expected = "expected <!DOCTYPE html> at the start of the page"
    guard matches(Array("<!doctype".utf8), ignoringCase: true) else {
      throw error(at: start, expected)
    }
    index += 9
    guard skipWhitespace(), matches(Array("html".utf8), ignoringCase: true) else {
      throw error(at: start, expected)
    }
    index += 4
    skipWhitespace()
    guard byte(at: index) == .greaterThan else {
      throw error(at: start, "\(expected): HTML5 has no public or system identifiers")
    }
    index += 1
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func skipWhitespaceAndComments() throws(HTMLParseError) {
    skipWhitespace()
    while matches(Array("<!--".utf8)) {
      _ = try readComment()
      skipWhitespace()
    }
  }

  // MARK: - Content

  /// Reads the content of `<html>` through its end tag, and returns the finished element.
  private mutating func parseContent() throws(HTMLParseError) -> HTMLNode {
    while index < bytes.count {
      if bytes[index] != .lessThan {
        try parseText()
      } else if let root = try parseMarkup() {
        return root
      }
    }
    throw unclosed()
  }

  /// Reads what starts with `<` inside an element. Returns `<html>` once its end tag is read.
  private mutating func parseMarkup() throws(HTMLParseError) -> HTMLNode? {
    let next = byte(at: index + 1)
    if isLetter(next) {
      try parseStartTag()
    } else if next == .slash && isLetter(byte(at: index + 2)) {
      return try parseEndTag()
    } else if matches(Array("<!--".utf8)) {
      let start = index
      let comment = try readComment()
      append(HTMLNode(.comment, value: comment, line: line(of: start)))
    } else {
      throw error(at: index, "a '<' that starts no tag must be written &lt;")
    }
    return nil
  }

  private mutating func parseStartTag() throws(HTMLParseError) {
    let start = index
    let (node, selfClosing) = try readStartTag()
    let foreign =
      Self.foreignRoots.contains(node.name)
      || open.contains { Self.foreignRoots.contains($0.node.name) }
    let isVoid = Self.voidElements.contains(node.name)
    if selfClosing && !isVoid && !foreign {
      throw error(
        at: start,
        "<\(node.name)/> does not close itself in HTML (only void elements and SVG or MathML "
          + "ones do): write <\(node.name)></\(node.name)>")
    }
    if !foreign { try checkParagraphScope(for: node.name, at: start) }
    if isVoid || selfClosing {
      append(node)
      return
    }
    guard open.count < Self.maximumDepth else {
      throw error(at: start, "elements are nested more than \(Self.maximumDepth) deep")
    }
    open.append(OpenElement(node: node, offset: start))
    if Self.rawTextElements.contains(node.name) { try readRawText(of: node.name) }
  }

  /// Reads `</name>` and closes the innermost open element, which must have that name.
  /// Returns the closed element when it is the root.
  private mutating func parseEndTag() throws(HTMLParseError) -> HTMLNode? {
    let start = index
    index += 2
    let name = try readTagName()
    skipWhitespace()
    guard byte(at: index) == .greaterThan else {
      throw error(at: start, "end tag </\(name)> must end with '>' and has no attributes")
    }
    index += 1
    if Self.voidElements.contains(name) {
      throw error(at: start, "<\(name)> is a void element and takes no end tag </\(name)>")
    }
    // parseDocument reads content only while an element is open.
    guard let innermost = open.last else { return nil }
    guard innermost.node.name == name else {
      throw error(
        at: start,
        "end tag </\(name)> does not match <\(innermost.node.name)> opened on line "
          + "\(innermost.node.line)")
    }
    open.removeLast()
    if open.isEmpty { return innermost.node }
    append(innermost.node)
    return nil
  }

  /// Reads text up to the next `<`, decoding character references.
  private mutating func parseText() throws(HTMLParseError) {
    let start = index
    var decoded: [UInt8] = []
    while index < bytes.count, bytes[index] != .lessThan {
      if bytes[index] == .ampersand, let reference = try readReference() {
        decoded.append(contentsOf: reference.utf8)
      } else {
        decoded.append(bytes[index])
        index += 1
      }
    }
    append(HTMLNode(.text, value: String(decoding: decoded, as: UTF8.self), line: line(of: start)))
  }

  /// Reads the content of `<script>` or `<style>` verbatim, up to its end tag (left unread).
  private mutating func readRawText(of name: String) throws(HTMLParseError) {
    let contentStart = index
    let endTag = Array("</\(name)".utf8)
    while index < bytes.count {
      if bytes[index] == .lessThan, matches(endTag, ignoringCase: true),
        isTagNameEnd(byte(at: index + endTag.count))
      {
        if index > contentStart {
          let content = String(decoding: bytes[contentStart..<index], as: UTF8.self)
          append(HTMLNode(.text, value: content, line: line(of: contentStart)))
        }
        return
      }
      index += 1
    }
    throw unclosed()
  }

  /// Fails when `name` would end an open `<p>` in a browser, which the page must do itself.
  private func checkParagraphScope(for name: String, at offset: Int) throws(HTMLParseError) {
    guard Self.closesParagraph.contains(name) else { return }
    for element in open.reversed() {
      if element.node.name == "p" {
        throw error(
          at: offset,
          "<\(name)> cannot go inside <p> opened on line \(element.node.line): a browser "
            + "would end the paragraph before it")
      }
      if Self.scopeBoundaries.contains(element.node.name) { return }
    }
  }

  private mutating func append(_ node: HTMLNode) {
    guard !open.isEmpty else { return }
    open[open.count - 1].node.children.append(node)
  }

  /// The error for reaching the end of the page with elements still open.
  private func unclosed() -> HTMLParseError {
    guard let innermost = open.last else { return error(at: index, "unexpected end of the page") }
    return error(
      at: innermost.offset,
      "<\(innermost.node.name)> is never closed: the page ends before </\(innermost.node.name)>")
  }

  // MARK: - Tags

  /// Reads `<name attributes…>` or `<name …/>` at `index`, which is at the `<` of a letter.
  private mutating func readStartTag() throws(HTMLParseError) -> (HTMLNode, selfClosing: Bool) {
    let start = index
    index += 1
    let name = try readTagName()
    var attributes: [HTMLAttribute] = []
    while true {
      let separated = skipWhitespace()
      switch byte(at: index) {
      case nil:
        throw error(at: start, "the <\(name)> tag never ends with '>'")
      case .greaterThan?:
        index += 1
        return (HTMLNode(element: name, attributes: attributes, line: line(of: start)), false)
      case .slash?:
        guard byte(at: index + 1) == .greaterThan else {
          throw error(at: index, "expected '>' after '/' in the <\(name)> tag")
        }
        index += 2
        return (HTMLNode(element: name, attributes: attributes, line: line(of: start)), true)
      default:
        guard separated else {
          throw error(at: index, "attributes of <\(name)> must be separated by whitespace")
        }
        let attributeStart = index
        let attribute = try readAttribute(of: name)
        if attributes.contains(where: { $0.name == attribute.name }) {
          throw error(at: attributeStart, "duplicate attribute '\(attribute.name)' on <\(name)>")
        }
        attributes.append(attribute)
      }
    }
  }

  /// Reads a tag name of ASCII letters, digits and '-', lowercased.
  private mutating func readTagName() throws(HTMLParseError) -> String {
    let start = index
    while let next = byte(at: index), isLetter(next) || isDigit(next) || next == .hyphen {
      index += 1
    }
    guard isTagNameEnd(byte(at: index)) else {
      throw error(at: index, "a tag name has only letters, digits and '-'")
    }
    return String(decoding: bytes[start..<index].map(lowercased), as: UTF8.self)
  }

  /// Reads `name`, `name=value`, `name='value'` or `name="value"`.
  private mutating func readAttribute(of element: String) throws(HTMLParseError) -> HTMLAttribute {
    let start = index
    while let next = byte(at: index), isAttributeNameByte(next) { index += 1 }
    guard index > start else {
      throw error(at: index, "unexpected character in the <\(element)> tag")
    }
    let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    let afterName = index
    skipWhitespace()
    guard byte(at: index) == .equalsSign else {
      index = afterName
      return HTMLAttribute(name: name, value: "")
    }
    index += 1
    skipWhitespace()
    let value = try readAttributeValue(of: "'\(name)' on <\(element)>")
    return HTMLAttribute(name: name, value: value)
  }

  private mutating func readAttributeValue(of attribute: String) throws(HTMLParseError) -> String {
    let start = index
    let quote = byte(at: index)
    let quoted = quote == .quotationMark || quote == .apostrophe
    if quoted { index += 1 }
    var decoded: [UInt8] = []
    while let next = byte(at: index) {
      if quoted ? next == quote : isWhitespace(next) || next == .greaterThan { break }
      if !quoted
        && [.quotationMark, .apostrophe, .lessThan, .equalsSign, .graveAccent].contains(next)
      {
        throw error(at: index, "the unquoted value of \(attribute) holds a character to quote")
      }
      if next == .ampersand, let reference = try readReference() {
        decoded.append(contentsOf: reference.utf8)
      } else {
        decoded.append(next)
        index += 1
      }
    }
    if quoted {
      guard byte(at: index) == quote else {
        throw error(at: start, "the value of \(attribute) never ends")
      }
      index += 1
    } else if decoded.isEmpty {
      throw error(at: start, "\(attribute) has '=' but no value")
    }
    return String(decoding: decoded, as: UTF8.self)
  }

  /// Attribute names are any run of bytes but whitespace, controls and `"'/<=>`.
  private func isAttributeNameByte(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte != 0x7F
      && ![.quotationMark, .apostrophe, .slash, .lessThan, .equalsSign, .greaterThan].contains(byte)
  }

  /// Reads `<!-- … -->` and returns what is between the markers.
  private mutating func readComment() throws(HTMLParseError) -> String {
    let start = index
    index += 4
    if matches([.greaterThan]) || matches([.hyphen, .greaterThan]) {
      throw error(at: start, "a comment cannot end right after '<!--'")
    }
    let end = Array("-->".utf8)
    while index < bytes.count, !matches(end) { index += 1 }
    guard index < bytes.count else { throw error(at: start, "the comment never ends with '-->'") }
    index += 3
    return String(decoding: bytes[(start + 4)..<(index - 3)], as: UTF8.self)
  }

  // MARK: - Character references

  /// Reads a character reference at the `&` at `index` and returns its text, or returns nil
  /// (reading nothing) when the `&` is followed by neither a letter, a digit nor `#`.
  private mutating func readReference() throws(HTMLParseError) -> String? {
    let start = index
    var end = index + 1
    if byte(at: end) == .numberSign {
      return try readNumericReference()
    }
    while let next = byte(at: end), isLetter(next) || isDigit(next) { end += 1 }
    guard end > start + 1 else { return nil }
    let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
    guard byte(at: end) == .semicolon else {
      throw error(at: start, "'&\(name)' must end with ';', or write the '&' as &amp;")
    }
    guard let text = Self.namedReferences[name] else {
      throw error(at: start, "unknown character reference &\(name);")
    }
    index = end + 1
    return text
  }

  /// Reads `&#NNN;` or `&#xHH;`.
  private mutating func readNumericReference() throws(HTMLParseError) -> String {
    let start = index
    index += 2
    let hexadecimal = byte(at: index).map(lowercased) == UInt8(ascii: "x")
    if hexadecimal { index += 1 }
    var value: UInt32 = 0
    let digitsStart = index
    while let next = byte(at: index), let digit = digitValue(next, hexadecimal: hexadecimal) {
      value = min(value * (hexadecimal ? 16 : 10) + digit, 0x11_0000)
      index += 1
    }
    guard index > digitsStart, byte(at: index) == .semicolon else {
      throw error(at: start, "a numeric character reference is '&#' digits ';' or '&#x' hex ';'")
    }
    index += 1
    // NUL, the C1 controls and surrogates are parse errors in HTML5; Unicode.Scalar refuses
    // surrogates and anything past U+10FFFF.
    guard value != 0, !(0x80...0x9F).contains(value), let scalar = Unicode.Scalar(value) else {
      let written = String(decoding: bytes[start..<index], as: UTF8.self)
      throw error(at: start, "\(written) is not a character HTML allows")
    }
    return String(Character(scalar))
  }

  private func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
    if isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
    let letter = lowercased(byte)
    guard hexadecimal, (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(letter) else { return nil }
    return UInt32(letter - UInt8(ascii: "a") + 10)
  }

  /// The named references a generated page may use. Any other name is an error, even one
  /// HTML5 knows (`&alpha;`): add it here, or write the character or `&#NNN;` instead.
  static let namedReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    "nbsp": "\u{00A0}", "shy": "\u{00AD}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    "thinsp": "\u{2009}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
    "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "middot": "\u{00B7}",
    "bull": "\u{2022}", "rarr": "\u{2192}", "larr": "\u{2190}", "uarr": "\u{2191}",
    "darr": "\u{2193}", "harr": "\u{2194}", "times": "\u{00D7}", "divide": "\u{00F7}",
    "minus": "\u{2212}", "plusmn": "\u{00B1}", "deg": "\u{00B0}", "euro": "\u{20AC}",
    "laquo": "\u{00AB}", "raquo": "\u{00BB}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
    "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sect": "\u{00A7}", "check": "\u{2713}",
    "cross": "\u{2717}",
  ]

  // MARK: - Positions

  func line(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle }
    }
    return low + 1
  }

  func error(at offset: Int, _ message: String) -> HTMLParseError {
    let line = line(of: offset)
    let start = lineStarts[line - 1]
    let end = min(max(offset, start), bytes.count)
    let column = String(decoding: bytes[start..<end], as: UTF8.self).count + 1
    return HTMLParseError(line: line, column: column, message: message)
  }

  // MARK: - Bytes

  func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

  /// Whether the bytes at `index` are `expected`; `ignoringCase` folds ASCII letters, and
  /// `expected` must then be lowercase.
  func matches(_ expected: [UInt8], ignoringCase: Bool = false) -> Bool {
    guard index + expected.count <= bytes.count else { return false }
    for (offset, wanted) in expected.enumerated() {
      let found = bytes[index + offset]
      guard found == wanted || (ignoringCase && lowercased(found) == wanted) else { return false }
    }
    return true
  }

  /// Skips HTML whitespace; returns whether there was any.
  @discardableResult
  mutating func skipWhitespace() -> Bool {
    let start = index
    while let next = byte(at: index), isWhitespace(next) { index += 1 }
    return index > start
  }

  func isWhitespace(_ byte: UInt8?) -> Bool {
    byte == .space || byte == .tab || byte == .lineFeed || byte == .formFeed
      || byte == .carriageReturn
  }

  func isLetter(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercased(byte))
  }

  func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  func isTagNameEnd(_ byte: UInt8?) -> Bool {
    isWhitespace(byte) || byte == .slash || byte == .greaterThan
  }

  func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
  }
}

// MARK: - ASCII

// File-private so another file of this target can name its own constants freely.
extension UInt8 {
  fileprivate static let tab = UInt8(ascii: "\t")
  fileprivate static let lineFeed = UInt8(ascii: "\n")
  fileprivate static let formFeed: UInt8 = 0x0C
  fileprivate static let carriageReturn = UInt8(ascii: "\r")
  fileprivate static let space = UInt8(ascii: " ")
  fileprivate static let quotationMark = UInt8(ascii: "\"")
  fileprivate static let numberSign = UInt8(ascii: "#")
  fileprivate static let ampersand = UInt8(ascii: "&")
  fileprivate static let apostrophe = UInt8(ascii: "'")
  fileprivate static let slash = UInt8(ascii: "/")
  fileprivate static let semicolon = UInt8(ascii: ";")
  fileprivate static let lessThan = UInt8(ascii: "<")
  fileprivate static let equalsSign = UInt8(ascii: "=")
  fileprivate static let greaterThan = UInt8(ascii: ">")
  fileprivate static let graveAccent = UInt8(ascii: "`")
  fileprivate static let hyphen = UInt8(ascii: "-")
}
