/// Builds one HTML page as text. Markup comes from the site's own constants; every text and
/// attribute value from the ledger goes through `text` or an attribute, which escape it and
/// pass it through the scope's redaction first, so no ledger value can become markup.
struct HTMLWriter {
  private(set) var html = ""
  /// Applied to every text and attribute value before escaping (the scope's redaction).
  let redact: (String) -> String

  init(redact: @escaping (String) -> String) {
    self.redact = redact
    html.reserveCapacity(16_384)
  }

  /// Markup the site writes itself (a doctype, a constant stylesheet link, a script).
  mutating func raw(_ markup: String) { html += markup }

  mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
    html += "<" + tag
    for (name, value) in attributes {
      html += " " + name + "=\"" + Self.escape(redact(value)) + "\""
    }
    html += ">"
  }

  mutating func close(_ tag: String) { html += "</" + tag + ">" }

  /// A void element (`meta`, `input`, `br`).
  mutating func void(_ tag: String, _ attributes: [(String, String)] = []) { open(tag, attributes) }

  /// Text, escaped.
  mutating func text(_ value: String) { html += Self.escape(redact(value)) }

  /// An element holding only text.
  mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text value: String) {
    open(tag, attributes)
    text(value)
    close(tag)
  }

  /// An element whose content `body` writes.
  mutating func element(_ tag: String, _ attributes: [(String, String)] = [], _ body: (inout HTMLWriter) -> Void) {
    open(tag, attributes)
    body(&self)
    close(tag)
  }

  /// A link, or only the text when there is nowhere to go.
  mutating func link(_ label: String, to href: String?, _ attributes: [(String, String)] = []) {
    guard let href else { return text(label) }
    element("a", [("href", href)] + attributes, text: label)
  }

  /// Text safe in an element's content and in a quoted attribute value.
  static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text.unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
