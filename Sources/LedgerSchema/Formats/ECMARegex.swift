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

  // MARK: - Limits against hostile patterns
  //
  // A ledger's own schemas come from whoever can commit, so a pattern is hostile input.
  // ICU is a backtracking engine: `(.*a){25}` against 30 letters runs for minutes, and a
  // pattern of a megabyte costs memory to compile and floods every message that quotes it.
  // Two limits keep `validate` bounded whatever the pattern:
  // - a pattern is at most `maximumLength` UTF-8 bytes (real ones, `^[a-z0-9._-]+$`, are
  //   tens of bytes; 4 KiB leaves room for long alternations of names);
  // - one match gets a step budget. With `.reportProgress`, Foundation calls back after
  //   each start position that fails and ICU every 10,000 or so backtracking steps inside
  //   one attempt (a fraction of a millisecond each). A match may take
  //   `maximumProgressReports` of them (a few million steps, well under a second) plus two
  //   per UTF-16 unit of the text (an unanchored search reports once per position), and at
  //   most `maximumDuration` whatever the length; past either the match stops as
  //   `.tooCostly`, which the validator reports as a finding. Ordinary patterns on ledger
  //   values never come near: the count decides on short values, so findings do not depend
  //   on the machine's load; the clock only bounds hostile patterns on very long values.
  // Refusing nested quantifiers statically was the other choice: it turns away sound
  // patterns such as `^([a-z]+\.)*[a-z]+$` and still misses `(.*a){25}`.

  /// The longest pattern accepted, in UTF-8 bytes.
  public static let maximumLength = 4096
  /// How many of ICU's progress reports one match may take before it is stopped.
  static let maximumProgressReports = 400
  /// The longest one match may run.
  static let maximumDuration = Duration.seconds(2)

  /// What one match found.
  enum Match: Equatable, Sendable { case matched, notMatched, tooCostly }

  /// Compiles `source`; nil when it is not a valid regular expression or is longer than
  /// `maximumLength` (see `problem(_:)` for which).
  init?(_ source: String) {
    self.source = source
    guard source.utf8.count <= ECMARegex.maximumLength,
      let expression = try? NSRegularExpression(pattern: ECMARegex.translate(source))
    else {
      return nil
    }
    self.expression = expression
  }

  /// Why `source` cannot be a pattern, as the schema problem says it.
  static func problem(_ source: String) -> String {
    let length = source.utf8.count
    guard length <= maximumLength else {
      return "the pattern is \(length) bytes long; a pattern has at most \(maximumLength)"
    }
    return "\"\(source)\" is not a valid regular expression"
  }

  /// True when the expression matches somewhere in `text` (a match stopped by the step
  /// budget counts as no match).
  func matches(_ text: String) -> Bool { match(text) == .matched }

  /// Set once a match ran out of budget: every later value is `.tooCostly` at once, so a
  /// hostile pattern costs one budget per command, not one per value (ten thousand values
  /// would take hours).
  private var exhausted = false
  private let lock = NSLock()

  /// Whether the expression matches somewhere in `text`, within the step budget.
  func match(_ text: String) -> Match {
    guard !lock.withLock({ exhausted }) else { return .tooCostly }
    let outcome = boundedMatch(text)
    if outcome == .tooCostly { lock.withLock { exhausted = true } }
    return outcome
  }

  private func boundedMatch(_ text: String) -> Match {
    let range = NSRange(text.startIndex..<text.endIndex, in: text)
    var outcome = Match.notMatched
    var reports = 0
    let budget = ECMARegex.maximumProgressReports + 2 * range.length
    let clock = ContinuousClock()
    let deadline = clock.now + ECMARegex.maximumDuration
    expression.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, flags, stop in
      if result != nil {
        outcome = .matched
        stop.pointee = true
      } else if flags.contains(.progress) {
        reports += 1
        if reports > budget || reports % 1024 == 0 && clock.now > deadline {
          outcome = .tooCostly
          stop.pointee = true
        }
      }
    }
    return outcome
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
