import Foundation
import LedgerJSON

/// What forgetting one person does to each file, message and author of the history: a pure
/// function of the file's path and bytes, so the rewrite is the same in every clone that
/// repeats it (the audit and the hook verify an erasure by repeating it on the former commits).
///
/// - The person's file `people/FORMER.json` becomes `people/NEUTRAL.json`, without the
///   personal fields (`fields`), its name replaced by the neutral id.
/// - Everywhere else (records, ledger.json, any file, commit messages), every *term* is
///   replaced by the neutral id, ignoring case and accents: the former id, every name the person
///   had, every value of their personal fields (emails, phones with their national spellings).
///   A value that is exactly one of the person's emails becomes `NEUTRAL@erased.invalid`, so an
///   email field stays an email.
/// - What is not personal stays byte for byte: a file without a term is not even parsed.
public struct PersonalScrub: Sendable {
  /// One string to erase, folded for matching (lower case, no accents).
  struct Term: Sendable {
    let text: String
    let folded: String
    var isEmail: Bool { text.contains("@") }
  }

  public let formerID: String
  public let neutralID: String
  /// The fields removed from the person's record (top-level names; `name` is replaced).
  public let fields: [String]
  /// The ledger's folder in the repository, `""` at its root.
  let prefix: String
  let terms: [Term]
  /// Finds which terms a text holds in one pass, however many terms there are (a person edited
  /// for years had hundreds of emails and phones).
  let matcher: TermMatcher
  /// The author identities (lowercased emails) whose name and email become neutral; empty when
  /// authorship is kept.
  let erasedAuthors: Set<String>
  /// Fields of the person's record kept as they are (`git_identities`, while authorship is
  /// kept: the audit matches the commits' authors with them), though their values are erased
  /// everywhere else.
  let keptFields: Set<String>

  /// - Parameters:
  ///   - versions: every version of the person's record in the history (their terms are erased).
  ///   - fields: the personal fields of a person's record; `name` is always erased.
  ///   - keptFields: fields left in the person's record and not erased elsewhere (the
  ///     `git_identities` authorship needs while it is kept).
  public init(
    formerID: String, neutralID: String, versions: [JSONObject], fields: [String], keptFields: Set<String> = [],
    prefix: String = "", erasesAuthorship: Bool = false
  ) {
    self.formerID = formerID
    self.neutralID = neutralID
    self.prefix = prefix
    self.keptFields = keptFields
    let removed = Set(fields + ["name"]).subtracting(keptFields)
    self.fields = removed.sorted()
    var texts: Set<String> = [formerID]
    var identities: Set<String> = []
    for version in versions {
      for field in removed { PersonalScrub.strings(in: version[field]).forEach { texts.insert($0) } }
      PersonalScrub.strings(in: version["git_identities"]).forEach { identities.insert($0.lowercased()) }
    }
    for phone in texts where phone.hasPrefix("+") { PersonalScrub.nationalForms(of: phone).forEach { texts.insert($0) } }
    // Longest first: an email is replaced before the name it may hold.
    terms = texts.filter { $0.count >= 3 }.sorted { ($0.count, $0) > ($1.count, $1) }
      .map { Term(text: $0, folded: PersonalScrub.fold($0)) }
    matcher = TermMatcher(terms.map(\.folded))
    if erasesAuthorship {
      for version in versions { PersonalScrub.strings(in: version["emails"]).forEach { identities.insert($0.lowercased()) } }
      erasedAuthors = identities
    } else {
      erasedAuthors = []
    }
  }

  /// The JSON pointers of what the person's record loses.
  public var pointers: [String] { fields.map { "/" + $0 } }

  // MARK: - Paths, files, messages, authors

  /// Where the file at `path` (in the repository) goes: a record whose id holds a term (the
  /// person's own file, an account named after them) takes the id the same replacement gives
  /// every reference to it.
  public func path(_ path: String) -> String {
    let inLedger: Substring
    if prefix.isEmpty {
      inLedger = path[...]
    } else if path.hasPrefix(prefix + "/") {
      inLedger = path.dropFirst(prefix.count + 1)
    } else {
      return path
    }
    let parts = inLedger.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, RecordKind(rawValue: String(parts[0])) != nil, parts[1].hasSuffix(".json") else { return path }
    let id = String(parts[1].dropLast(5))
    let renamed = id == formerID ? neutralID : text(id)
    guard renamed != id else { return path }
    return (prefix.isEmpty ? "" : prefix + "/") + parts[0] + "/" + renamed + ".json"
  }

  /// Whether `path` (in the repository) is a person's record.
  func isPeopleRecord(_ path: String) -> Bool {
    path.hasPrefix((prefix.isEmpty ? "" : prefix + "/") + RecordKind.people.folder + "/")
  }

  /// Whether `path` (in the repository) is the person's own file.
  public func isPersonFile(_ path: String) -> Bool { path == personPath(formerID) }

  /// The person's file for `id`, in the repository.
  func personPath(_ id: String) -> String {
    let inLedger = RecordKey(kind: .people, id: RecordID(generated: id)).path
    return prefix.isEmpty ? inLedger : prefix + "/" + inLedger
  }

  /// The file's new bytes, or nil when it holds nothing of the person.
  public func content(_ bytes: [UInt8], at path: String) -> [UInt8]? {
    let isPerson = isPersonFile(path)
    let text = String(decoding: bytes, as: UTF8.self)
    // A JSON escape (`\u00e9`) could hide a term from the folded text: such files are parsed.
    guard isPerson || mayHold(text) || bytes.contains(UInt8(ascii: "\\")) && path.hasSuffix(".json") else { return nil }
    guard path.hasSuffix(".json"), case .object(var object)? = try? JSONParser.parse(bytes) else {
      let scrubbed = self.text(text)
      return scrubbed == text ? nil : Array(scrubbed.utf8)
    }
    if isPerson {
      for field in fields { object[field] = nil }
      object["name"] = .string(neutralID)
    }
    var result = value(.object(object))
    // Another person's name is theirs, even when a namesake is forgotten.
    let kept = isPerson ? keptFields : isPeopleRecord(path) ? ["name"] : []
    if case .object(var scrubbed) = result, !kept.isEmpty {
      for field in kept { scrubbed[field] = object[field] }
      result = .object(scrubbed)
    }
    // A file that held nothing after all stays as it was written, canonical or not.
    if !isPerson, result == .object(object) { return nil }
    let written = CanonicalWriter.bytes(result)
    return written == bytes ? nil : written
  }

  /// A commit message or any text, with every term replaced where it stands as a whole: not
  /// inside a longer word or id (`Hugon`, `Jeanne`), but between spaces, punctuation, `-`, `.`,
  /// `/` or `@` (`hugo-geonature`, `people/hugo.json`, `hugo@example.org`).
  public func text(_ text: String) -> String {
    let folded = PersonalScrub.fold(text)
    let found = matcher.matches(in: folded)
    guard !found.isEmpty else { return text }
    let candidates = found.sorted().map { terms[$0] }
    if candidates.contains(where: { $0.isEmail && $0.folded == folded }) { return neutralID + "@erased.invalid" }
    return replacingWholeTerms(in: text, candidates)
  }

  /// `text` with each whole occurrence of `candidates` (longest first) replaced by the neutral
  /// id. Matching runs on each character's folded form, so a match maps back to the characters
  /// as written, whatever their case and accents.
  private func replacingWholeTerms(in text: String, _ candidates: [Term]) -> String {
    let characters = Array(text)
    var folded: [UInt8] = []
    var starts: [Int] = []  // where each character's folded bytes start
    var owner: [Int] = []  // which character each folded byte belongs to
    for (index, character) in characters.enumerated() {
      starts.append(folded.count)
      let bytes = Array(PersonalScrub.fold(String(character)).utf8)
      folded += bytes
      owner += Array(repeating: index, count: bytes.count)
    }
    func isWord(_ index: Int) -> Bool {
      guard index >= 0, index < characters.count else { return false }
      let character = characters[index]
      return character.isLetter || character.isNumber || character == "_"
    }
    var result = ""
    var index = 0
    while index < characters.count {
      let start = starts[index]
      let match = candidates.first { term in
        let bytes = Array(term.folded.utf8)
        let end = start + bytes.count
        guard end <= folded.count, folded[start..<end].elementsEqual(bytes) else { return false }
        // The match must end on a character's end, and stand as a whole where its own edges are word characters.
        let last = owner[end - 1]
        guard end == folded.count || owner[end] != last else { return false }
        let termStartsWord = term.text.first.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
        let termEndsWord = term.text.last.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
        return !(termStartsWord && isWord(index - 1)) && !(termEndsWord && isWord(last + 1))
      }
      if let match {
        result += neutralID
        index = owner[start + match.folded.utf8.count - 1] + 1
      } else {
        result.append(characters[index])
        index += 1
      }
    }
    return result
  }

  /// A commit's author or committer: neutral when it is the person and authorship is erased.
  public func author(name: String, email: String) -> (name: String, email: String) {
    guard erasedAuthors.contains(email.lowercased()) else { return (name, email) }
    return (neutralID, neutralID + "@erased.invalid")
  }

  /// Whether `text` may hold a term (a fast check before replacing).
  func mayHold(_ text: String) -> Bool {
    !matcher.matches(in: PersonalScrub.fold(text)).isEmpty
  }

  // MARK: - Values

  private func value(_ value: JSONValue) -> JSONValue {
    switch value {
    case .string(let string):
      return .string(string == formerID ? neutralID : text(string))
    case .array(let items):
      var seen: Set<JSONValue> = []
      var result: [JSONValue] = []
      for item in items {
        let new = self.value(item)
        // Two erased emails become one value: a set keeps it once.
        if new != item, !seen.insert(new).inserted { continue }
        if new == item { seen.insert(new) }
        result.append(new)
      }
      return .array(result)
    case .object(let object):
      var result = JSONObject()
      for member in object { result[text(member.key)] = self.value(member.value) }
      return .object(result)
    default:
      return value
    }
  }

  // MARK: - Terms

  /// Every string in `value`, at any depth.
  static func strings(in value: JSONValue?) -> [String] {
    switch value {
    case .string(let string)?: [string]
    case .array(let items)?: items.flatMap { strings(in: $0) }
    case .object(let object)?: object.flatMap { strings(in: $0.value) }
    default: []
    }
  }

  /// The ways a French number is written at home: `+33612345678` as `0612345678`,
  /// `06 12 34 56 78`, `06.12.34.56.78`, `06-12-34-56-78`.
  static func nationalForms(of phone: String) -> [String] {
    guard phone.hasPrefix("+33"), phone.count == 12 else { return [] }
    let national = "0" + phone.dropFirst(3)
    let pairs = stride(from: 0, to: 10, by: 2).map { offset in
      String(national.dropFirst(offset).prefix(2))
    }
    return [national] + [" ", ".", "-"].map { pairs.joined(separator: $0) }
  }

  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
