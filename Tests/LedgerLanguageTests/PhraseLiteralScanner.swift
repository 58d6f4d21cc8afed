import Foundation

/// Reads the templates of every `tr("…")` and `Phrase("…")` literal in Swift source, as `Phrase`
/// makes them at run time: text segments unescaped, each interpolation `\(…)` replaced by `{N}`.
///
/// Single-line and multi-line (`"""`) literals are read; a raw literal (`#"…"#`) or one the
/// scanner cannot read is reported so the test fails rather than missing it.
struct PhraseLiteralScanner {
  struct Found: Hashable {
    var template: String
    var file: String
    var line: Int
  }

  static let calls = ["tr(", "Phrase("]

  /// The templates in `source`, and the lines of literals it cannot read.
  static func scan(_ source: String, file: String) -> (found: [Found], unreadable: [String]) {
    let characters = Array(source)
    var found: [Found] = []
    var unreadable: [String] = []
    var index = 0
    var line = 1
    while index < characters.count {
      if characters[index] == "\n" { line += 1 }
      guard let call = calls.first(where: { matches($0, characters, at: index) }) else {
        index += 1
        continue
      }
      var start = index + call.count
      while start < characters.count, characters[start] == " " || characters[start] == "\n" { start += 1 }
      guard start < characters.count, characters[start] == "\"" else {
        index += 1
        continue
      }
      start += 1
      let multiline = start + 1 < characters.count && characters[start] == "\"" && characters[start + 1] == "\""
      if let (template, end) = multiline ? multilineLiteral(characters, from: start + 2) : literal(characters, from: start) {
        found.append(Found(template: template, file: file, line: line))
        line += characters[index..<end].filter { $0 == "\n" }.count
        index = end
      } else {
        unreadable.append("\(file):\(line): unreadable phrase literal")
        index = start
      }
    }
    return (found, unreadable)
  }

  /// Whether `call` starts at `index` and is not the tail of a longer name (`attr("`).
  private static func matches(_ call: String, _ characters: [Character], at index: Int) -> Bool {
    if index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "_" {
      return false
    }
    var position = index
    for expected in call {
      guard position < characters.count, characters[position] == expected else { return false }
      position += 1
    }
    return true
  }

  /// The template of a `"""` literal whose opening delimiter ends before `start`: its lines less
  /// the closing delimiter's indentation, as Swift reads them.
  private static func multilineLiteral(_ characters: [Character], from start: Int) -> (String, Int)? {
    guard start < characters.count, characters[start] == "\n" else { return nil }
    var lines: [[Character]] = [[]]
    var index = start + 1
    while index < characters.count {
      if characters[index] == "\n" {
        lines.append([])
      } else {
        lines[lines.count - 1].append(characters[index])
      }
      index += 1
      let current = lines[lines.count - 1]
      if current.count >= 3, current.suffix(3) == ["\"", "\"", "\""], current.dropLast(3).allSatisfy({ $0 == " " }) {
        let indent = current.count - 3
        var body = ""
        for (number, text) in lines.dropLast().enumerated() {
          let stripped = String(text.dropFirst(min(indent, text.prefix { $0 == " " }.count)))
          if stripped.hasSuffix("\\"), !stripped.hasSuffix("\\\\") {
            body += stripped.dropLast()
          } else {
            body += stripped + (number == lines.count - 2 ? "" : "\n")
          }
        }
        guard let (template, _) = literal(Array(body + "\""), from: 0, multiline: true) else { return nil }
        return (template, index)
      }
    }
    return nil
  }

  /// The template of the literal whose first character (after the opening quote) is at `start`,
  /// and the index after its closing quote.
  private static func literal(_ characters: [Character], from start: Int, multiline: Bool = false) -> (String, Int)? {
    var text = ""
    var placeholders = 0
    var index = start
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\"" where !multiline || index == characters.count - 1: return (text, index + 1)
      case "\n" where !multiline: return nil
      case "\\":
        guard index + 1 < characters.count else { return nil }
        let next = characters[index + 1]
        switch next {
        case "(":
          guard let end = interpolationEnd(characters, from: index + 2) else { return nil }
          placeholders += 1
          text += "{\(placeholders)}"
          index = end
          continue
        case "n": text += "\n"
        case "t": text += "\t"
        case "\"": text += "\""
        case "\\": text += "\\"
        case "'": text += "'"
        case "0": text += "\0"
        case "u":
          guard let close = characters[(index + 2)...].firstIndex(of: "}"),
            let scalar = UInt32(String(characters[(index + 3)..<close]), radix: 16).flatMap(Unicode.Scalar.init)
          else { return nil }
          text.unicodeScalars.append(scalar)
          index = close + 1
          continue
        default: return nil
        }
        index += 2
      default:
        text.append(character)
        index += 1
      }
    }
    return nil
  }

  /// The index after the `)` closing an interpolation whose content starts at `start`, skipping
  /// nested parentheses and string literals.
  private static func interpolationEnd(_ characters: [Character], from start: Int) -> Int? {
    var depth = 1
    var index = start
    var inString = false
    while index < characters.count {
      let character = characters[index]
      if inString {
        if character == "\\" {
          index += 2
          continue
        }
        if character == "\"" { inString = false }
      } else {
        switch character {
        case "\"": inString = true
        case "(": depth += 1
        case ")":
          depth -= 1
          if depth == 0 { return index + 1 }
        default: break
        }
      }
      index += 1
    }
    return nil
  }
}
