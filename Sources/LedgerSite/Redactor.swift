import Foundation
import LedgerLanguage

/// Hides given words and phrases (an email, a phone number, a person's id or name) wherever
/// they appear in a text, and, for a public site, anything shaped like an email address or a
/// phone number. Matching is by whole words, ignoring case and accents, on runs of up to six
/// words separated by spaces, commas or dots (`Morel, Camille`, `C. Morel`), so a name inside
/// a commit message is caught and a short id inside a longer word is not.
///
/// A phone number is found however it is written in free text: `06 12 34 56 78`,
/// `06.12.34.56.78`, `+33 (0)6 12 34 56 71`, `0033 6 12 34 56 78` (a `+`, `00` or `0`, then
/// 9 to 15 digits with spaces, dots, dashes, slashes or brackets between them).
struct Redactor: Sendable {
  /// What stands for a hidden text, in the pages' language.
  static var placeholder: String { tr("[hidden]") }

  private let forbidden: Set<String>
  private let longest: Int
  private let hidesContactShapes: Bool

  init(forbidden: some Sequence<String>, hidesContactShapes: Bool) {
    let phrases = forbidden.map { Self.words(in: $0).map(\.normalized).joined(separator: " ") }
    let words = Set(phrases.filter { !$0.isEmpty })
    self.forbidden = words
    self.longest = min(6, words.map { $0.split(separator: " ").count }.max() ?? 0)
    self.hidesContactShapes = hidesContactShapes
  }

  static let none = Redactor(forbidden: [], hidesContactShapes: false)

  var isActive: Bool { !forbidden.isEmpty || hidesContactShapes }

  func callAsFunction(_ text: String) -> String {
    guard isActive, !text.isEmpty else { return text }
    var hidden = hidesContactShapes ? Self.phoneRanges(in: text) : []
    let words = Self.words(in: text).filter { word in !hidden.contains { $0.overlaps(word.range) } }
    var index = 0
    while index < words.count {
      var matched = 0
      for count in stride(from: min(longest, words.count - index), through: 1, by: -1) {
        let run = words[index..<index + count]
        guard zip(run, run.dropFirst()).allSatisfy({ Self.isGap(text[$0.range.upperBound..<$1.range.lowerBound]) })
        else { continue }
        if forbidden.contains(run.map(\.normalized).joined(separator: " ")) {
          matched = count
          break
        }
      }
      if matched == 0, hidesContactShapes, Self.isContactShaped(words[index].normalized) { matched = 1 }
      if matched > 0 {
        hidden.append(words[index].range.lowerBound..<words[index + matched - 1].range.upperBound)
        index += matched
      } else {
        index += 1
      }
    }
    guard !hidden.isEmpty else { return text }
    var result = ""
    var position = text.startIndex
    for range in hidden.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= position {
      result += text[position..<range.lowerBound] + Self.placeholder
      position = range.upperBound
    }
    return result + text[position...]
  }

  /// What may stand between the words of a name: spaces, a comma, the dot after an initial or
  /// a title (`C. Morel`, `Morel, Camille`, `M. Morel`).
  private static func isGap(_ text: Substring) -> Bool {
    !text.isEmpty && text.count <= 3 && text.allSatisfy { $0.isWhitespace || $0 == "," || $0 == "." }
  }

  private struct Word {
    let range: Range<String.Index>
    let normalized: String
  }

  /// Runs of letters, digits and the characters inside emails, ids and phone numbers, with
  /// trailing punctuation left out.
  private static func words(in text: String) -> [Word] {
    var result: [Word] = []
    var start: String.Index?
    var index = text.startIndex
    func finish(at end: String.Index) {
      guard var begin = start else { return }
      var stop = end
      while stop > begin, ".-_'+".contains(text[text.index(before: stop)]) { stop = text.index(before: stop) }
      while begin < stop, ".-_'".contains(text[begin]) { begin = text.index(after: begin) }
      if begin < stop { result.append(Word(range: begin..<stop, normalized: normalized(text[begin..<stop]))) }
      start = nil
    }
    while index < text.endIndex {
      let character = text[index]
      if character.isLetter || character.isNumber || "@._+-'".contains(character) {
        if start == nil { start = index }
      } else {
        finish(at: index)
      }
      index = text.index(after: index)
    }
    finish(at: text.endIndex)
    return result
  }

  /// A word folded for matching: lower case, without accents.
  static func normalized(_ word: Substring) -> String {
    guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
      return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
    return word.lowercased()
  }

  /// An email address (something@domain.tld) or a phone number (+ or 0, then 9 to 15 digits).
  private static func isContactShaped(_ word: String) -> Bool {
    if let at = word.firstIndex(of: "@"), at > word.startIndex, word[at...].contains(".") { return true }
    guard let first = word.first, first == "+" || first == "0" else { return false }
    let digits = word.filter(\.isNumber).count
    return (9...15).contains(digits) && word.allSatisfy { $0.isNumber || "+.-".contains($0) }
  }

  // MARK: - Phone numbers in free text

  /// The ranges of `text` written as a phone number: a `+`, `(0` or `0` that starts no longer
  /// word, then digits with single separators between them, 9 to 15 digits in all, ending
  /// where no letter or digit follows.
  static func phoneRanges(in text: String) -> [Range<String.Index>] {
    // Most texts hold too few digits to be a phone number: they are not walked.
    guard text.utf8.reduce(0, { $0 + ($1 >= 0x30 && $1 <= 0x39 ? 1 : 0) }) >= 9 else { return [] }
    let characters = Array(text)
    var offsets: [String.Index] = []
    offsets.reserveCapacity(characters.count + 1)
    var position = text.startIndex
    for _ in characters {
      offsets.append(position)
      position = text.index(after: position)
    }
    offsets.append(text.endIndex)
    func isDigit(_ i: Int) -> Bool { i >= 0 && i < characters.count && characters[i].isASCII && characters[i].isNumber }
    func isWordy(_ i: Int) -> Bool { i >= 0 && i < characters.count && (characters[i].isLetter || characters[i].isNumber) }
    var result: [Range<String.Index>] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let starts =
        (character == "+" && isDigit(index + 1)) || (character == "0" && !isWordy(index - 1))
        || (character == "(" && isDigit(index + 1))
      guard starts, !isWordy(index - 1) else {
        index += 1
        continue
      }
      var digits = 0
      var last = index
      var cursor = index
      var separators = 0
      while cursor < characters.count {
        if isDigit(cursor) {
          digits += 1
          last = cursor
          separators = 0
        } else if " \u{00A0}\u{202F}.-/()".contains(characters[cursor]) || (cursor == index && character == "+") {
          separators += 1
          if separators > 2 { break }
        } else {
          break
        }
        cursor += 1
      }
      if (9...15).contains(digits), !isWordy(last + 1), startsLikePhone(characters[index...last]) {
        result.append(offsets[index]..<offsets[last + 1])
        index = last + 1
      } else {
        index += 1
      }
    }
    return result
  }

  /// Whether digits read from a candidate start as a phone number does: `+`, `00` or `0`.
  private static func startsLikePhone(_ characters: ArraySlice<Character>) -> Bool {
    let significant = characters.filter { $0 == "+" || ($0.isASCII && $0.isNumber) }
    return significant.first == "+" || significant.first == "0"
  }
}
