/// Which of many terms occur in a text, in one pass over its bytes: each term is filed under
/// its first four bytes, and a rolling four-byte window over the text looks them up, so the
/// cost follows the text's length, not texts x terms. Terms shorter than four bytes are
/// searched for one by one.
struct TermMatcher: Sendable {
  private var byPrefix: [UInt32: [(index: Int, bytes: [UInt8])]] = [:]
  private var short: [(index: Int, text: String)] = []

  init(_ terms: [String]) {
    for (index, term) in terms.enumerated() {
      let bytes = Array(term.utf8)
      guard bytes.count >= 4 else {
        short.append((index, term))
        continue
      }
      byPrefix[TermMatcher.key(bytes, 0), default: []].append((index, bytes))
    }
  }

  /// The indexes of the terms `text` holds.
  func matches(in text: String) -> Set<Int> {
    var found: Set<Int> = []
    for (index, term) in short where text.contains(term) { found.insert(index) }
    guard !byPrefix.isEmpty else { return found }
    let bytes = Array(text.utf8)
    guard bytes.count >= 4 else { return found }
    var window = TermMatcher.key(bytes, 0)
    var start = 0
    while true {
      if let candidates = byPrefix[window] {
        for (index, term) in candidates where !found.contains(index) && TermMatcher.holds(bytes, term, at: start) {
          found.insert(index)
        }
      }
      guard start + 4 < bytes.count else { break }
      window = window << 8 | UInt32(bytes[start + 4])
      start += 1
    }
    return found
  }

  private static func key(_ bytes: [UInt8], _ start: Int) -> UInt32 {
    UInt32(bytes[start]) << 24 | UInt32(bytes[start + 1]) << 16 | UInt32(bytes[start + 2]) << 8 | UInt32(bytes[start + 3])
  }

  private static func holds(_ bytes: [UInt8], _ term: [UInt8], at start: Int) -> Bool {
    guard start + term.count <= bytes.count else { return false }
    for offset in 0..<term.count where bytes[start + offset] != term[offset] { return false }
    return true
  }
}
