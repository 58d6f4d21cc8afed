import LedgerJSON
import LedgerLanguage
import LedgerSchema

/// No secret is ever stored: a field named like a password, passphrase, token, secret, API
/// key or private key, a value that looks like one (a PEM private key, a long random token), or
/// a text holding one (`SecretText`: a key of a known shape, a long random word, a phrase such
/// as `password: Summer2026`), is refused, unless the schema marks the field `x-not-secret` (a
/// key fingerprint).
enum SecretRule {
  static let name = "no-secret"

  /// What to do instead of storing a secret (a computed phrase: the language is the run's).
  static var hint: String {
    tr("record the hand-over instead (handovers: date and channel); keep the secret in a password manager")
  }

  /// Words in a field name that mean it holds a secret, in the languages the ledgers are kept
  /// in (English and French: `mot_de_passe`, `mdp`).
  static let secretWords = [
    "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "privatekey", "private_key",
    "private-key", "mot_de_passe", "motdepasse", "mot-de-passe", "mdp",
  ]
  .map { Array($0.utf8) }

  /// What follows a key's prefix: the bytes its body is made of.
  enum KeyBody: Sendable {
    case capitalsAndDigits, alphanumeric, alphanumericAndUnderscore, alphanumericAndHyphen, base64URL

    func contains(_ byte: UInt8) -> Bool {
      let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      switch self {
      case .capitalsAndDigits: return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
      case .alphanumeric: return alphanumeric
      case .alphanumericAndUnderscore: return alphanumeric || byte == UInt8(ascii: "_")
      case .alphanumericAndHyphen: return alphanumeric || byte == UInt8(ascii: "-")
      case .base64URL: return alphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      }
    }
  }

  /// How cloud providers' and services' keys begin: a value starting so, long enough and
  /// without spaces, is that key whatever its length or randomness. Inside a text, the prefix
  /// must start a word and be followed by a run of `body` bytes reaching `minimum` in all.
  static let keyPrefixes: [(prefix: String, minimum: Int, body: KeyBody, kind: String)] = [
    ("AKIA", 20, .capitalsAndDigits, "an AWS access key"), ("ASIA", 20, .capitalsAndDigits, "an AWS access key"),
    ("AIza", 39, .base64URL, "a Google API key"),
    ("ghp_", 40, .alphanumeric, "a GitHub token"), ("gho_", 40, .alphanumeric, "a GitHub token"),
    ("ghs_", 40, .alphanumeric, "a GitHub token"), ("ghu_", 40, .alphanumeric, "a GitHub token"),
    ("ghr_", 40, .alphanumeric, "a GitHub token"), ("github_pat_", 40, .alphanumericAndUnderscore, "a GitHub token"),
    ("glpat-", 26, .base64URL, "a GitLab token"),
    ("xoxb-", 20, .alphanumericAndHyphen, "a Slack token"), ("xoxp-", 20, .alphanumericAndHyphen, "a Slack token"),
    ("xoxa-", 20, .alphanumericAndHyphen, "a Slack token"), ("xoxe-", 20, .alphanumericAndHyphen, "a Slack token"),
    ("sk_live_", 24, .alphanumeric, "a Stripe secret key"), ("rk_live_", 24, .alphanumeric, "a Stripe secret key"),
    ("xkeysib-", 60, .alphanumericAndHyphen, "a Brevo API key"), ("xsmtpsib-", 60, .alphanumericAndHyphen, "a Brevo SMTP key"),
  ]

  /// The shortest long random token, and what it is called.
  static let randomMinimum = 24
  static let randomKind = "an access token"

  static func check(_ record: Record, _ context: RuleContext) -> [Diagnostic] {
    check(record, notSecret: context.paths("x-not-secret", in: record.key.kind))
  }

  /// The findings for `record`, given where its schema marks fields `x-not-secret`.
  static func check(_ record: Record, notSecret: [KeywordPath]) -> [Diagnostic] {
    let allowed = Set(notSecret.flatMap { path in path.values(in: .object(record.fields)).map(\.0) })
    var findings: [Diagnostic] = []
    walk(.object(record.fields), at: .root) { pointer, key, value in
      guard !allowed.contains(pointer) else { return }
      if let key, isSecretName(key) {
        findings.append(
          Diagnostic(
            file: record.key.path, instancePath: pointer, rule: name,
            message: tr("field \"\(key)\" would store a secret; the ledger never holds one"), hint: hint))
      } else if case .string(let text) = value, let kind = secretKind(text) {
        findings.append(
          Diagnostic(
            file: record.key.path, instancePath: pointer, rule: name,
            message: tr("the value looks like \(kindName(kind)); the ledger never holds one"), hint: valueHint))
      } else if case .string(let text) = value, let found = SecretText.find(in: text) {
        findings.append(
          Diagnostic(
            file: record.key.path, instancePath: pointer, rule: name, message: inTextMessage(found, key: key),
            hint: found.phrase == nil
              ? valueHint
              : tr(
                "remove the value; record the hand-over instead (handovers: date and channel); keep the secret in a password manager"
              )))
      }
    }
    return findings
  }

  static var valueHint: String { tr("remove it; if it is not a secret, mark the field x-not-secret in the ledger's schema") }

  /// `field "notes" holds an AWS access key inside its text; ...`, and for a phrase, which.
  static func inTextMessage(_ found: SecretText.Finding, key: String?) -> String {
    let kind = kindName(found.kind)
    switch (key, found.phrase) {
    case (let key?, let phrase?):
      return tr("field \"\(key)\" holds \(kind) inside its text (after \"\(phrase)\"); the ledger never holds one")
    case (let key?, nil): return tr("field \"\(key)\" holds \(kind) inside its text; the ledger never holds one")
    case (nil, let phrase?):
      return tr("the value holds \(kind) inside its text (after \"\(phrase)\"); the ledger never holds one")
    case (nil, nil): return tr("the value holds \(kind) inside its text; the ledger never holds one")
    }
  }

  /// A kind of secret (as the tables above name it in English) in the run's language.
  static func kindName(_ kind: String) -> String {
    switch kind {
    case "an AWS access key": tr("an AWS access key")
    case "a Google API key": tr("a Google API key")
    case "a GitHub token": tr("a GitHub token")
    case "a GitLab token": tr("a GitLab token")
    case "a Slack token": tr("a Slack token")
    case "a Stripe secret key": tr("a Stripe secret key")
    case "a Brevo API key": tr("a Brevo API key")
    case "a Brevo SMTP key": tr("a Brevo SMTP key")
    case "an access token": tr("an access token")
    case "a private key": tr("a private key")
    case "a password": tr("a password")
    case "an access code": tr("an access code")
    case "a PIN": tr("a PIN")
    case "a secret key": tr("a secret key")
    case "a secret": tr("a secret")
    case "a token": tr("a token")
    case "an API key": tr("an API key")
    case "an access key": tr("an access key")
    default: kind
    }
  }

  static func isSecretName(_ key: String) -> Bool {
    // ASCII case folding is enough: every secret word is ASCII.
    let lowered = key.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    return secretWords.contains { contains(lowered, $0) }
  }

  /// Whether `needle` occurs in `haystack`, byte for byte (Foundation's search, by
  /// characters, costs most of a large ledger's validation).
  static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
    let bytes = Array(haystack)
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  /// What secret `text` looks like, or nil.
  static func secretKind(_ text: String) -> String? {
    switch text.utf8.withContiguousStorageIfAvailable({ secretKind($0[...]) }) {
    case .some(let kind): return kind
    case .none: return Array(text.utf8).withUnsafeBufferPointer { secretKind($0[...]) }
    }
  }

  private static let pemBegin = Array("-----BEGIN".utf8), pemKey = Array("PRIVATE KEY".utf8)
  private static let scheme = Array("://".utf8)

  /// What secret the whole of `bytes` looks like, or nil.
  static func secretKind(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
    if contains(bytes, pemBegin) && contains(bytes, pemKey) { return "a private key" }
    for key in keyPrefixes where bytes.count >= key.minimum && bytes.starts(with: key.prefix.utf8) {
      if !bytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) { return key.kind }
    }
    return randomToken(bytes) ? randomKind : nil
  }

  /// Whether `needle` occurs in `bytes`, without copying them.
  static func contains(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = bytes.startIndex
    while index <= bytes.endIndex - needle.count {
      if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  /// Whether `bytes` is a long random token: at least 24 printable ASCII bytes, not a URL, an
  /// email address or a path, mixing capitals, small letters and digits (or two of them over
  /// 32 bytes), with a Shannon entropy of 3.5 bits a byte or more.
  static func randomToken(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard bytes.count >= randomMinimum,
      bytes.allSatisfy({ $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) })
    else {
      return false
    }
    if contains(bytes, scheme) || bytes.contains(UInt8(ascii: "@"))
      || bytes.contains(UInt8(ascii: "/")) && bytes.contains(UInt8(ascii: "."))
    {
      return false
    }
    let classes = [
      bytes.contains { (0x61...0x7A).contains($0) }, bytes.contains { (0x41...0x5A).contains($0) },
      bytes.contains { (0x30...0x39).contains($0) },
    ].filter { $0 }.count
    guard classes >= 3 || (classes == 2 && bytes.count >= 32) else { return false }
    return entropy(bytes) >= 3.5
  }

  /// Shannon entropy in bits per byte.
  private static func entropy(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double {
    var counts = [Int](repeating: 0, count: 128)
    for byte in bytes { counts[Int(byte & 0x7F)] += 1 }
    let total = Double(bytes.count)
    return counts.reduce(0) { sum, count in
      guard count > 0 else { return sum }
      let share = Double(count) / total
      return sum - share * log2(share)
    }
  }

  private static func walk(
    _ value: JSONValue, at pointer: JSONPointer, key: String? = nil, _ visit: (JSONPointer, String?, JSONValue) -> Void
  ) {
    visit(pointer, key, value)
    switch value {
    case .object(let object):
      for member in object { walk(member.value, at: pointer.appending(member.key), key: member.key, visit) }
    case .array(let items):
      for (index, item) in items.enumerated() { walk(item, at: pointer.appending(index), visit) }
    default:
      break
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
