import Foundation

/// A regular expression with ECMA-262 meaning, as far as Foundation's ICU engine allows.
///
/// JSON Schema patterns are ECMA-262 regular expressions, unanchored. ICU differs in places
/// that matter, so the source is translated first: `\d`, `\w` and their negations are
/// ASCII-only in ECMA-262 (ICU makes them Unicode); `\s` also matches U+FEFF; `$` outside a
/// class matches only at the very end (ICU also matches before a final newline).
final class ECMARegex: @unchecked Sendable {
  // @unchecked: NSRegularExpression is immutable and documented as thread-safe.
  let source: String
  private let expression: NSRegularExpression

  /// Compiles `source`; nil when it is not a valid regular expression.
  init?(_ source: String) {
    self.source = source
    guard let expression = try? NSRegularExpression(pattern: ECMARegex.translate(source)) else {
      return nil
    }
    self.expression = expression
  }

  /// True when the expression matches somewhere in `text`.
  func matches(_ text: String) -> Bool {
    let range = NSRange(text.startIndex..<text.endIndex, in: text)
    return expression.firstMatch(in: text, options: [], range: range) != nil
  }

  static func translate(_ source: String) -> String {
    var output = ""
    var inClass = false
    var iterator = source.makeIterator()
    while let character = iterator.next() {
      switch character {
      case "\\":
        guard let next = iterator.next() else {
          output.append("\\")
          continue
        }
        switch next {
        case "d": output += inClass ? "0-9" : "[0-9]"
        case "D": output += inClass ? "\\x{0}-/:-\\x{10FFFF}" : "[^0-9]"
        case "w": output += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
        case "W": output += inClass ? "\\x{0}-/:-@\\[-^`{-\\x{10FFFF}" : "[^a-zA-Z0-9_]"
        case "s": output += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
        case "S" where !inClass: output += "[^\\s\\x{FEFF}]"
        default: output += "\\" + String(next)
        }
      case "[" where !inClass:
        inClass = true
        output.append(character)
      case "]" where inClass:
        inClass = false
        output.append(character)
      case "$" where !inClass:
        output += "(?!.|\\n)"
      default:
        output.append(character)
      }
    }
    return output
  }
}
