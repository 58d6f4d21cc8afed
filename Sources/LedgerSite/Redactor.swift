import LedgerLanguage

/// Hides given words and phrases (an email, a phone number, a person's id or name) wherever
/// they appear in a text, and, for a public site, anything shaped like an email address or a
/// phone number. Matching is by whole words, ignoring case, on runs of up to four words, so a
/// name inside a commit message is caught and a short id inside a longer word is not.
struct Redactor: Sendable {
  /// What stands for a hidden text, in the pages' language.
  static var placeholder: String { tr("[hidden]") }

  private let forbidden: Set<String>
  private let longest: Int
  private let hidesContactShapes: Bool

  init(forbidden: some Sequence<String>, hidesContactShapes: Bool) {
    let words = Set(forbidden.map { Self.normalized($0) }.filter { !$0.isEmpty })
    self.forbidden = words
    self.longest = min(4, words.map { $0.split(separator: " ").count }.max() ?? 0)
    self.hidesContactShapes = hidesContactShapes
  }

  static let none = Redactor(forbidden: [], hidesContactShapes: false)

  var isActive: Bool { !forbidden.isEmpty || hidesContactShapes }

  func callAsFunction(_ text: String) -> String {
    guard isActive, !text.isEmpty else { return text }
    let words = Self.words(in: text)
    guard !words.isEmpty else { return text }
    var hidden: [Range<String.Index>] = []
    var index = 0
    while index < words.count {
      var matched = 0
      for count in stride(from: min(longest, words.count - index), through: 1, by: -1) {
        let run = words[index..<index + count]
        guard zip(run, run.dropFirst()).allSatisfy({ text[$0.range.upperBound..<$1.range.lowerBound].allSatisfy(\.isWhitespace) })
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
    for range in hidden {
      result += text[position..<range.lowerBound] + Self.placeholder
      position = range.upperBound
    }
    return result + text[position...]
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
      if begin < stop { result.append(Word(range: begin..<stop, normalized: normalized(String(text[begin..<stop])))) }
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

  private static func normalized(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// An email address (something@domain.tld) or a phone number (+ or 0, then 9 to 15 digits).
  private static func isContactShaped(_ word: String) -> Bool {
    if let at = word.firstIndex(of: "@"), at > word.startIndex, word[at...].contains(".") { return true }
    guard let first = word.first, first == "+" || first == "0" else { return false }
    let digits = word.filter(\.isNumber).count
    return (9...15).contains(digits) && word.allSatisfy { $0.isNumber || "+.-".contains($0) }
  }
}
