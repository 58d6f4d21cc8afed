import LedgerJSON
import LedgerSchema

/// No secret is ever stored: a field named like a password, passphrase, token, secret, API
/// key or private key, or a value that looks like one (a PEM private key, a long random
/// token), is refused, unless the schema marks the field `x-not-secret` (a key fingerprint).
enum SecretRule {
  static let name = "no-secret"

  static let hint =
    "record the hand-over instead (handovers: date and channel); keep the secret in a password manager"

  /// Words in a field name that mean it holds a secret, in the languages the ledgers are kept
  /// in (English and French: `mot_de_passe`, `mdp`).
  static let secretWords = [
    "password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "privatekey", "private_key",
    "private-key", "mot_de_passe", "motdepasse", "mot-de-passe", "mdp",
  ]
  .map { Array($0.utf8) }

  /// How cloud providers' and services' keys begin: a value starting so, long enough and
  /// without spaces, is that key whatever its length or randomness.
  static let keyPrefixes: [(prefix: String, minimum: Int, kind: String)] = [
    ("AKIA", 20, "an AWS access key"), ("ASIA", 20, "an AWS access key"), ("AIza", 39, "a Google API key"),
    ("ghp_", 40, "a GitHub token"), ("gho_", 40, "a GitHub token"), ("ghs_", 40, "a GitHub token"),
    ("ghu_", 40, "a GitHub token"), ("github_pat_", 40, "a GitHub token"), ("glpat-", 26, "a GitLab token"),
    ("xoxb-", 20, "a Slack token"), ("xoxp-", 20, "a Slack token"), ("sk_live_", 24, "a Stripe secret key"),
  ]

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
        findings.append(Diagnostic(
          file: record.key.path, instancePath: pointer, rule: name,
          message: "field \"\(key)\" would store a secret; the ledger never holds one", hint: hint))
      } else if case .string(let text) = value, let kind = secretKind(text) {
        findings.append(Diagnostic(
          file: record.key.path, instancePath: pointer, rule: name,
          message: "the value looks like \(kind); the ledger never holds one",
          hint: "remove it; if it is not a secret, mark the field x-not-secret in the ledger's schema"))
      }
    }
    return findings
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
    let bytes = Array(text.utf8)
    if contains(bytes, Array("-----BEGIN".utf8)) && contains(bytes, Array("PRIVATE KEY".utf8)) { return "a private key" }
    for key in keyPrefixes where bytes.count >= key.minimum && text.hasPrefix(key.prefix) {
      if !bytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) { return key.kind }
    }
    guard bytes.count >= 24 else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 24, scalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace }) else {
      return nil
    }
    if contains(bytes, Array("://".utf8)) || bytes.contains(UInt8(ascii: "@"))
      || bytes.contains(UInt8(ascii: "/")) && bytes.contains(UInt8(ascii: "."))
    {
      return nil
    }
    let classes = [
      scalars.contains { ("a"..."z").contains($0) }, scalars.contains { ("A"..."Z").contains($0) },
      scalars.contains { ("0"..."9").contains($0) },
    ].filter { $0 }.count
    guard classes >= 3 || (classes == 2 && scalars.count >= 32) else { return nil }
    return entropy(scalars) >= 3.5 ? "an access token" : nil
  }

  /// Shannon entropy in bits per character.
  private static func entropy(_ scalars: [Unicode.Scalar]) -> Double {
    var counts: [Unicode.Scalar: Int] = [:]
    for scalar in scalars { counts[scalar, default: 0] += 1 }
    let total = Double(scalars.count)
    return counts.values.reduce(0) { sum, count in
      let share = Double(count) / total
      return sum - share * log2(share)
    }
  }

  private static func walk(_ value: JSONValue, at pointer: JSONPointer, key: String? = nil, _ visit: (JSONPointer, String?, JSONValue) -> Void) {
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
