import Foundation

/// The examples of the README that a test runs: each code block preceded by
/// `<!-- example: CONTEXT -->` holds `$ COMMAND` lines, each followed by the output the README
/// promises. Blocks of one context run in README order on one ledger, so a later block sees what
/// an earlier one wrote.
///
/// A command is `adminledger …` (run in-process), `echo '…' > FILE`, or `cd FOLDER`; it may end
/// with `| grep WORD` (keeps the lines holding WORD), `> FILE` (writes the output there) and a
/// `# comment`; a line ending with `\` goes on on the next one. In the promised output a line
/// `...` stands for any number of lines.
struct ReadmeExamples {
  struct Step: Sendable, CustomStringConvertible {
    var line: Int
    var command: String
    var expected: [String]

    var description: String { "README.md:\(line): $ \(command)" }
  }

  struct Block: Sendable {
    var context: String
    var steps: [Step]
  }

  static func blocks(in readme: String) -> [Block] {
    let lines = readme.components(separatedBy: "\n")
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      guard let context = marker(lines[index]), index + 1 < lines.count,
        lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("```")
      else {
        index += 1
        continue
      }
      var body: [(number: Int, text: String)] = []
      index += 2
      while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
        body.append((index + 1, lines[index]))
        index += 1
      }
      blocks.append(Block(context: context, steps: steps(body)))
    }
    return blocks
  }

  private static func marker(_ line: String) -> String? {
    let text = line.trimmingCharacters(in: .whitespaces)
    guard text.hasPrefix("<!-- example: "), text.hasSuffix(" -->") else { return nil }
    return String(text.dropFirst(14).dropLast(4))
  }

  private static func steps(_ body: [(number: Int, text: String)]) -> [Step] {
    let indent = body.first.map { $0.text.prefix { $0 == " " }.count } ?? 0
    var steps: [Step] = []
    var continuing = false
    for (number, raw) in body {
      let text = String(raw.dropFirst(min(indent, raw.prefix { $0 == " " }.count)))
      if continuing, var last = steps.popLast() {
        let piece = text.trimmingCharacters(in: .whitespaces)
        continuing = piece.hasSuffix("\\")
        last.command += " " + (continuing ? String(piece.dropLast()) : piece)
        steps.append(last)
      } else if text.hasPrefix("$ ") {
        let command = String(text.dropFirst(2))
        continuing = command.hasSuffix("\\")
        steps.append(Step(line: number, command: continuing ? String(command.dropLast()) : command, expected: []))
      } else if var last = steps.popLast() {
        last.expected.append(text)
        steps.append(last)
      }
    }
    return steps
  }

  // MARK: - Comparing

  /// Lines with what changes from run to run made neutral: commit ids, generated record ids,
  /// days and instants, trailing spaces.
  static func normalized(_ line: String) -> String {
    var text = line
    text = text.replacing(/[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]{5}/, with: "<id>")
    text = text.replacing(
      /[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?/, with: "<day>")
    text = text.replacing(/\b[0-9a-f]{7,40}\b/, with: "<commit>")
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// Whether `actual` is what `expected` promises, `...` lines matching any lines.
  static func matches(_ actual: [String], _ expected: [String]) -> Bool {
    let actual = actual.map(normalized)
    let expected = expected.map(normalized)
    func match(_ a: Int, _ e: Int) -> Bool {
      if e == expected.count { return a == actual.count }
      if expected[e].trimmingCharacters(in: .whitespaces) == "..." {
        return (a...actual.count).contains { match($0, e + 1) }
      }
      return a < actual.count && actual[a] == expected[e] && match(a + 1, e + 1)
    }
    return match(0, 0)
  }

  /// A command line split into words as a shell would: quotes and backslashes.
  static func words(_ command: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character? = nil
    var escaped = false
    for character in command {
      if escaped {
        current.append(character)
        escaped = false
      } else if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\" && open == "\"" {
          escaped = true
        } else {
          current.append(character)
        }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == "\\" {
        escaped = true
        inWord = true
      } else if character == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
