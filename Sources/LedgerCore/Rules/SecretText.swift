/// Secrets inside a text (issue 19): what `SecretRule` finds in a string that is not a secret as a
/// whole, such as a note `"key AKIA2E0A8F3B244C9986 here"` or `"root password: Summer2026"`.
///
/// Three things count, each at a word boundary:
///
/// - a key or token of a known shape (`SecretRule.keyPrefixes`: AWS's `AKIA` and 16 capitals or
///   digits, GitHub's `ghp_…`, Slack's `xoxb-…`, ...), anywhere in the text, URLs included;
/// - a long random word (`SecretRule.randomToken`, the whole-value test applied to each word
///   between spaces, stripped of quotes, brackets and sentence punctuation);
/// - a phrase naming a secret followed by `:`, `=`, ` is ` or ` est ` and a plausible value:
///   `password: Summer2026`, `mot de passe : Soleil2026!`, `the PIN is 4521`, `api_key=Xk2…`.
///
/// A phrase without a plausible value is an ordinary sentence and passes: "password reset
/// requested by the member", "le mot de passe a été envoyé par SMS le 12/03" (no separator),
/// "password: reset", "mot de passe : envoyé" (a word of letters), "token: GLPI-12345" (a ticket),
/// "secret: 12/03/2026" (a date), "mdp : ****" (masked). Phrases inside a URL do not count (a
/// meeting link's `?pwd=…`), but a key of a known shape there does.
///
/// The scan works on the string's UTF-8 bytes in one pass, skips strings too short to hold
/// anything, and looks further only at a word start whose first byte begins a known prefix or
/// phrase, and at words long enough to be random tokens: `validate` of a large ledger runs it
/// on every string.
enum SecretText {
  /// What was found: the shape (`"an AWS access key"`), and for a phrase, the phrase as written.
  struct Finding: Equatable, Sendable {
    let kind: String
    let phrase: String?
  }

  /// Shorter strings are not scanned: the shortest finding, `pin: 4521`, has 9 bytes.
  static let minimumLength = 9

  /// The first secret found inside `text`, or nil.
  static func find(in text: String) -> Finding? {
    guard text.utf8.count >= minimumLength else { return nil }
    if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
    return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
  }

  // MARK: - Scanning

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding? {
    let starts = startsSomething  // read once: a global's every read checks it is made
    var wordStart = 0
    var inURL = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if isSpace(byte) {
        if let found = randomWord(bytes, wordStart, index) { return found }
        wordStart = index + 1
        inURL = false
      } else if byte == ASCII.colon, index + 2 < bytes.count, bytes[index + 1] == ASCII.slash,
        bytes[index + 2] == ASCII.slash
      {
        inURL = true
      } else if starts[Int(byte)], index == 0 || !isAlphanumeric(bytes[index - 1]) {
        if let found = key(bytes, at: index) { return found }
        if !inURL, let found = phrase(bytes, at: index) { return found }
      }
      index += 1
    }
    return randomWord(bytes, wordStart, bytes.count)
  }

  /// The bytes a key prefix or a phrase may begin with (phrases in either case).
  private static let startsSomething: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for key in SecretRule.keyPrefixes { table[Int(key.prefix.utf8.first ?? 0)] = true }
    for phrase in phrases {
      let first = phrase.words.utf8.first ?? 0
      table[Int(first)] = true
      table[Int(first & ~0x20)] = true
    }
    return table
  }()

  /// A key of a known shape starting at `start`: its prefix, then a run of the bytes its body
  /// holds, long enough, and not followed by a letter or digit.
  private static func key(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Finding? {
    for key in SecretRule.keyPrefixes where bytes[start] == key.prefix.utf8.first {
      let prefix = key.prefix.utf8
      guard bytes.count - start >= key.minimum,
        bytes[start..<(start + prefix.count)].elementsEqual(prefix)
      else { continue }
      var end = start + prefix.count
      while end < bytes.count, key.body.contains(bytes[end]) { end += 1 }
      if end - start >= key.minimum, end == bytes.count || !isAlphanumeric(bytes[end]) {
        return Finding(kind: key.kind, phrase: nil)
      }
    }
    return nil
  }

  /// The word `start..<end` (between spaces), without its surrounding quotes, brackets and
  /// punctuation, when it is a long random token.
  private static func randomWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Finding? {
    guard end - start >= SecretRule.randomMinimum else { return nil }
    var first = start
    var last = end
    while first < last, isWordPunctuation(bytes[first]) { first += 1 }
    while last > first, isWordPunctuation(bytes[last - 1]) { last -= 1 }
    let word = bytes[first..<last]
    // Among words, one without a digit is a word, however long (a compound name such as
    // Laurent-Legrand-Lambert-David-Clement); a random token of that length nearly always has one.
    guard word.contains(where: { (0x30...0x39).contains($0) }), !isIdentifier(word) else { return nil }
    return SecretRule.randomToken(word) ? Finding(kind: SecretRule.randomKind, phrase: nil) : nil
  }

  /// Whether a word is an identifier a note quotes, random-looking but public: a git commit
  /// id (40 or 64 lowercase hex digits) or a UUID (8-4-4-4-12 hex digits). A 32-digit hex
  /// token (Matomo's token_auth) is neither.
  static func isIdentifier(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    func isHex(_ byte: UInt8) -> Bool {
      (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }
    if word.count == 40 || word.count == 64 {
      return word.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
    guard word.count == 36 else { return false }
    return word.enumerated().allSatisfy { offset, byte in [8, 13, 18, 23].contains(offset) ? byte == 0x2D : isHex(byte) }
  }

  // MARK: - Phrases

  /// A phrase naming a secret, in lowercase, and what its value is. A space in `words` stands
  /// for a space, `-` or `_` (`mot_de_passe`, `api-key`); `'` for `'` or `’`; `è` for `è`, `È`
  /// or `e`. Where one phrase begins another (`secret key`, `secret`), the longer comes first.
  static let phrases: [(words: String, kind: String)] = [
    ("password", "a password"), ("passwd", "a password"), ("passphrase", "a password"),
    ("pwd", "a password"), ("mot de passe", "a password"), ("mdp", "a password"),
    ("phrase de passe", "a password"), ("phrase secrète", "a password"),
    ("passcode", "an access code"), ("access code", "an access code"), ("code d'accès", "an access code"),
    ("code secret", "an access code"), ("code pin", "a PIN"), ("pin", "a PIN"),
    ("secret key", "a secret key"), ("secret", "a secret"), ("clé secrète", "a secret key"),
    ("clef secrète", "a secret key"), ("token", "a token"), ("jeton", "a token"),
    ("api key", "an API key"), ("apikey", "an API key"), ("clé api", "an API key"),
    ("clef api", "an API key"), ("clé d'api", "an API key"), ("access key", "an access key"),
  ]

  private static let phraseBytes = phrases.map { (words: Array($0.words.utf8), kind: $0.kind) }

  /// A phrase starting at `start`, then a separator and a plausible value.
  private static func phrase(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Finding? {
    let first = bytes[start] | 0x20
    for phrase in phraseBytes where phrase.words[0] == first {
      guard let end = match(phrase.words, bytes, at: start),
        let value = separator(bytes, after: end).flatMap({ valueRange(bytes, at: $0) })
      else { continue }
      guard isPlausibleSecret(bytes[value]) else { return nil }
      return Finding(kind: phrase.kind, phrase: String(decoding: bytes[start..<end], as: UTF8.self))
    }
    return nil
  }

  /// Where `words` ends when the text at `start` spells it (see `phrases`), not followed by a
  /// letter or digit.
  private static func match(_ words: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    var word = 0
    var text = start
    while word < words.count {
      guard text < bytes.count else { return nil }
      let expected = words[word]
      let byte = bytes[text]
      if expected == ASCII.space, byte == ASCII.space || byte == ASCII.hyphen || byte == ASCII.underscore {
        (word, text) = (word + 1, text + 1)
      } else if expected == ASCII.apostrophe, byte == 0xE2, text + 2 < bytes.count, bytes[text + 1] == 0x80,
        bytes[text + 2] == 0x99
      {
        (word, text) = (word + 1, text + 3)
      } else if expected == 0xC3, word + 1 < words.count, byte == 0xC3, text + 1 < bytes.count,
        bytes[text + 1] | 0x20 == words[word + 1]
      {
        (word, text) = (word + 2, text + 2)  // an accented letter, either case
      } else if expected == 0xC3, byte | 0x20 == ASCII.lowercaseE {
        (word, text) = (word + 2, text + 1)  // è written e
      } else if isLetter(byte) ? byte | 0x20 == expected : byte == expected {
        (word, text) = (word + 1, text + 1)
      } else {
        return nil
      }
    }
    return text < bytes.count && isAlphanumeric(bytes[text]) ? nil : text
  }

  private static let isWord = Array("is".utf8), estWord = Array("est".utf8)

  /// Where the value starts after a phrase ending at `end`: spaces, then `:` or `=`, or
  /// ` is `/` est ` (optionally followed by `:`), then spaces.
  private static func separator(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
    var index = skipSpaces(bytes, from: end)
    let spaced = index > end
    if index < bytes.count, bytes[index] == ASCII.colon || bytes[index] == ASCII.equals {
      index += 1
    } else if spaced, let after = match(isWord, bytes, at: index) ?? match(estWord, bytes, at: index) {
      index = after
      if index < bytes.count, bytes[index] == ASCII.colon { index += 1 }
      guard skipSpaces(bytes, from: index) > index else { return nil }
    } else {
      return nil
    }
    index = skipSpaces(bytes, from: index)
    return index < bytes.count ? index : nil
  }

  /// The value starting at `start`: what a quote encloses, or the word up to the next space,
  /// without the punctuation that ends a sentence or closes a bracket.
  private static func valueRange(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Range<Int>? {
    var first = start
    var last: Int
    if let close = closingQuote(bytes, at: start) {
      first += bytes[start] < 0x80 ? 1 : (bytes[start] == 0xC2 ? 2 : 3)
      last = first
      while last < bytes.count, !bytes[last...].starts(with: close) { last += 1 }
    } else {
      last = first
      while last < bytes.count, !isSpace(bytes[last]), !isWideSpace(bytes, at: last) { last += 1 }
    }
    while first < last, isWordPunctuation(bytes[first]) { first += 1 }
    while last > first, isWordPunctuation(bytes[last - 1]) || bytes[last - 1] >= 0x80 && isClosingMark(bytes, endingAt: last) {
      last -= bytes[last - 1] >= 0x80 ? (bytes[last - 2] == 0xC2 ? 2 : 3) : 1
    }
    return first < last ? first..<last : nil
  }

  // MARK: - Plausible values

  /// Values that name where a secret is kept, not the secret.
  private static let places = [
    "1password", "keepass", "keepassxc", "bitwarden", "vaultwarden", "lastpass", "dashlane", "passbolt",
  ]
  .map { Array($0.utf8) }

  /// Whether a value after a phrase may be the secret itself: at least 4 bytes and none of
  /// the ordinary things a sentence puts there. A word of letters (`reset`, `envoyé`, `KeePass`,
  /// `SMS/email`) is ordinary; so are a URL, an email address, a path, a date, a time or a
  /// phone number (digits with separators, or 10 digits and more), a ticket reference
  /// (`GLPI-12345`, `INC0012345`, `#123`) and a masked value (`****`, `xxxxxx`). What remains
  /// mixes letters with digits or symbols (`Summer2026`, `P@ss`), or is a short number (a PIN,
  /// a door code).
  private static func isPlausibleSecret(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard value.count >= 4, value.count <= 512 else { return false }
    let lowered = value.map { isLetter($0) ? $0 | 0x20 : $0 }
    if places.contains(where: { $0.elementsEqual(lowered) }) { return false }
    if SecretRule.contains(value, scheme) || value.first == ASCII.slash || value.first == ASCII.tilde
      || value.contains(ASCII.backslash)
    {
      return false
    }
    if isEmail(value) || isMasked(value) || isTicket(value) { return false }
    if value.allSatisfy({ isDigit($0) || numberSeparators.contains($0) }) {
      return value.allSatisfy(isDigit) && value.count <= 9
    }
    let plain = value.allSatisfy { isLetter($0) || $0 >= 0x80 || wordJoiners.contains($0) }
    return !plain
  }

  private static let scheme = Array("://".utf8)

  /// What separates the digits of a date, a time, a phone number or a version.
  private static let numberSeparators: [UInt8] = Array("-/.:+() ".utf8)

  /// What joins words of letters: `e-mail`, `aujourd'hui`, `SMS/email`, `SMS+email`, `e.g.`.
  private static let wordJoiners: [UInt8] = Array("-'/+&.".utf8)

  private static func isEmail(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let at = value.firstIndex(of: ASCII.at) else { return false }
    let domain = value[(at + 1)...]
    return domain.contains(ASCII.period)
      && domain.allSatisfy { isAlphanumeric($0) || $0 == ASCII.period || $0 == ASCII.hyphen }
  }

  private static let maskBytes = Array("*xX.#-_\u{2022}".utf8)

  /// Stars, x's, dots, hashes or bullets only.
  private static func isMasked(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    value.allSatisfy { maskBytes.contains($0) }
  }

  /// `GLPI-12345`, `INC0012345`, `#123`: capitals then at least 3 digits, or `#` and digits.
  private static func isTicket(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = value.startIndex
    while index < value.endIndex, (0x41...0x5A).contains(value[index]) { index += 1 }
    let letters = index - value.startIndex
    if index < value.endIndex, value[index] == ASCII.hyphen || value[index] == ASCII.hash { index += 1 }
    let digits = value[index...]
    return (letters >= 2 || letters == 0 && value.first == ASCII.hash) && digits.count >= (letters == 0 ? 1 : 3)
      && digits.allSatisfy(isDigit)
  }

  // MARK: - Bytes

  private enum ASCII {
    static let space = UInt8(ascii: " "), hyphen = UInt8(ascii: "-"), underscore = UInt8(ascii: "_")
    static let colon = UInt8(ascii: ":"), equals = UInt8(ascii: "="), slash = UInt8(ascii: "/")
    static let backslash = UInt8(ascii: "\\"), tilde = UInt8(ascii: "~"), at = UInt8(ascii: "@")
    static let period = UInt8(ascii: "."), hash = UInt8(ascii: "#"), apostrophe = UInt8(ascii: "'")
    static let lowercaseE = UInt8(ascii: "e")
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == ASCII.space || (0x09...0x0D).contains(byte) }
  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
  private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

  /// Quotes, brackets and sentence punctuation around a word.
  private static func isWordPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "<"),
      UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "!"),
      UInt8(ascii: "?"), UInt8(ascii: ":"):
      return true
    default:
      return false
    }
  }

  /// A no-break space (U+00A0) or narrow no-break space (U+202F), as French puts before `:`.
  private static func isWideSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    if bytes[index] == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xA0 }
    return bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF
  }

  private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      if bytes[index] == ASCII.space || bytes[index] == 0x09 {
        index += 1
      } else if isWideSpace(bytes, at: index) {
        index += bytes[index] == 0xC2 ? 2 : 3
      } else {
        break
      }
    }
    return index
  }

  /// The closing quote of an opening one at `index`: `"`, `'`, `` ` ``, `«` (U+00AB), `“` (U+201C).
  private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8]? {
    switch bytes[index] {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return [bytes[index]]
    case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAB: return [0xC2, 0xBB]
    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9C: return [0xE2, 0x80, 0x9D]
    default: return nil
    }
  }

  /// Whether the bytes before `end` are `»` (U+00BB), `”` (U+201D) or `’` (U+2019).
  private static func isClosingMark(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
    if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xBB { return true }
    return end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99)
  }
}
