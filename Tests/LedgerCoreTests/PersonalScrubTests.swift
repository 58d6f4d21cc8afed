import Foundation
import LedgerCore
import LedgerJSON
import Testing

/// What forgetting one person does to each file and text of the history (issue 22): the
/// person's file renamed and stripped, their id, names, emails and phones replaced wherever
/// written, and nothing else touched.
@Suite struct PersonalScrubTests {
  static let neutral = "forgotten-k3f9q"

  /// Hugo as his record read over time: he changed his email and his name's spelling once.
  static let versions: [JSONObject] = [
    object(
      #"{"emails":["hugo@example.org"],"name":"Hugo Lefèvre","organization":"cen-paca","phone":"+33612345678"}"#),
    object(
      #"""
      {"emails":["h.lefevre@asso.example","hugo@example.org"],"functions":["member"],"git_identities":["hugo@example.org"],
       "name":"Hugo Lefèvre-Roux","notes":"prefers calls","organization":"cen-paca","phone":"+33612345678"}
      """#),
  ]

  static func object(_ text: String) -> JSONObject {
    guard case .object(let object)? = try? JSONParser.parse(text) else { fatalError("not an object: \(text)") }
    return object
  }

  func scrub(prefix: String = "", erasesAuthorship: Bool = false) -> PersonalScrub {
    PersonalScrub(
      formerID: "hlefevre", neutralID: PersonalScrubTests.neutral, versions: PersonalScrubTests.versions,
      fields: ["emails", "notes", "phone"], keptFields: erasesAuthorship ? [] : ["git_identities"], prefix: prefix,
      erasesAuthorship: erasesAuthorship)
  }

  /// The scrubbed file, parsed; nil when the scrub left it alone.
  func scrubbed(_ text: String, at path: String, by scrub: PersonalScrub? = nil) throws -> JSONObject? {
    guard let bytes = (scrub ?? self.scrub()).content(Array(text.utf8), at: path) else { return nil }
    guard case .object(let object) = try JSONParser.parse(bytes) else {
      Issue.record("not an object: \(String(decoding: bytes, as: UTF8.self))")
      return nil
    }
    return object
  }

  /// Whether `text` still holds anything of Hugo's, ignoring case and accents.
  func holdsHugo(_ text: String) -> Bool {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let terms = [
      "hlefevre", "hugo lefevre", "hugo@example.org", "h.lefevre@asso.example", "+33612345678", "0612345678",
      "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
    ]
    return terms.contains { folded.contains($0) }
  }

  // MARK: The person's own file

  @Test func thePersonsFileIsRenamedAndStrippedOfPersonalFieldsAndName() throws {
    let scrub = scrub()
    #expect(scrub.path("people/hlefevre.json") == "people/\(PersonalScrubTests.neutral).json")
    #expect(scrub.path("people/anne.json") == "people/anne.json")
    // A record named after the person (an account `hlefevre`) takes the neutral id with its references.
    #expect(scrub.path("accounts/hlefevre.json") == "accounts/\(PersonalScrubTests.neutral).json")
    #expect(scrub.pointers == ["/emails", "/name", "/notes", "/phone"])
    let text = #"""
      {
        "emails": [
          "hugo@example.org"
        ],
        "functions": [
          "member"
        ],
        "git_identities": [
          "hugo@example.org"
        ],
        "name": "Hugo Lefèvre",
        "notes": "prefers calls",
        "organization": "cen-paca",
        "phone": "+33612345678"
      }

      """#
    let person = try #require(try scrubbed(text, at: "people/hlefevre.json"))
    #expect(person.keys.sorted() == ["functions", "git_identities", "name", "organization"])
    #expect(person["name"] == .string(PersonalScrubTests.neutral))
    #expect(person["organization"] == .string("cen-paca"))
    #expect(person["functions"] == .array([.string("member")]))
  }

  @Test func authorshipKeptKeepsTheIdentityTheCommitsName() throws {
    let text = #"{"emails":["hugo@example.org"],"git_identities":["hugo@example.org"],"name":"Hugo Lefèvre"}"#
    let person = try #require(try scrubbed(text, at: "people/hlefevre.json"))
    #expect(scrub().author(name: "Hugo Lefèvre", email: "hugo@example.org") == ("Hugo Lefèvre", "hugo@example.org"))
    // The commits keep their author's email: the record must still list it, or the audit no
    // longer knows who wrote them (unknown-author). The identity is also one of the emails,
    // an erased term, and is replaced.
    #expect(person["git_identities"] == .array([.string("hugo@example.org")]))
  }

  @Test func authorshipErasedTakesTheIdentitiesAndTheCommitAuthorToo() throws {
    let scrub = scrub(erasesAuthorship: true)
    #expect(scrub.pointers == ["/emails", "/name", "/notes", "/phone"])
    let text = #"{"git_identities":["hugo@example.org"],"name":"Hugo Lefèvre","organization":"cen-paca"}"#
    let person = try #require(try scrubbed(text, at: "people/hlefevre.json", by: scrub))
    #expect(person["git_identities"] == .array([.string(PersonalScrubTests.neutral + "@erased.invalid")]))
    let author = scrub.author(name: "Hugo Lefèvre", email: "Hugo@Example.org")
    #expect(author.name == PersonalScrubTests.neutral)
    #expect(author.email == PersonalScrubTests.neutral + "@erased.invalid")
    #expect(scrub.author(name: "Anne Martin", email: "anne@example.org") == ("Anne Martin", "anne@example.org"))
    // Kept by default.
    #expect(self.scrub().author(name: "Hugo Lefèvre", email: "hugo@example.org") == ("Hugo Lefèvre", "hugo@example.org"))
  }

  @Test func aLedgerInAFolderRenamesThePersonsFileThere() throws {
    let scrub = scrub(prefix: "admin/ledger")
    #expect(scrub.path("admin/ledger/people/hlefevre.json") == "admin/ledger/people/\(PersonalScrubTests.neutral).json")
    #expect(scrub.path("people/hlefevre.json") == "people/hlefevre.json")
    let person = try #require(try scrubbed(#"{"name":"Hugo Lefèvre"}"#, at: "admin/ledger/people/hlefevre.json", by: scrub))
    #expect(person["name"] == .string(PersonalScrubTests.neutral))
  }

  // MARK: Other files

  @Test func aReferenceTakesTheNeutralID() throws {
    let account = try #require(
      try scrubbed(#"{"person":"hlefevre","status":"active","system":"mail"}"#, at: "accounts/2026-01-02-abcde.json"))
    #expect(account["person"] == .string(PersonalScrubTests.neutral))
    #expect(account["system"] == .string("mail"))
    let training = try #require(
      try scrubbed(#"{"attendees":["anne","hlefevre","lea"],"topic":"GeoNature"}"#, at: "trainings/intro.json"))
    #expect(training["attendees"] == .array([.string("anne"), .string(PersonalScrubTests.neutral), .string("lea")]))
    #expect(training["topic"] == .string("GeoNature"))
  }

  @Test func aNameInFreeTextIsReplacedInAnyCaseAndWithoutAccents() throws {
    let text = #"""
      {"description":"HUGO LEFÈVRE called; hugo lefevre will call back. Hugo Lefèvre-Roux signed. Anne Martin too.",
       "subject":"Mailbox for Hugo Lefevre"}
      """#
    let ticket = try #require(try scrubbed(text, at: "tickets/2026-01-02-abcde.json"))
    let description = try #require(ticket["description"]?.stringValue)
    let subject = try #require(ticket["subject"]?.stringValue)
    #expect(!holdsHugo(description), "\(description)")
    #expect(!holdsHugo(subject), "\(subject)")
    #expect(subject == "Mailbox for \(PersonalScrubTests.neutral)")
    #expect(description.contains("Anne Martin too."))
    #expect(description.contains("will call back"))
    // A JSON escape does not hide a name.
    let escaped = try #require(try scrubbed(#"{"description":"Met Hugo Lef\u00e8vre"}"#, at: "tickets/escaped.json"))
    #expect(escaped["description"] == .string("Met \(PersonalScrubTests.neutral)"))
    // A commit message too.
    let message = scrub().text("Add people/hlefevre: Hugo Lefèvre joins\n\nAsked by hugo@example.org")
    #expect(!holdsHugo(message), "\(message)")
    #expect(message.hasPrefix("Add people/\(PersonalScrubTests.neutral): "))
  }

  @Test func anEmailValueStaysAnEmail() throws {
    let neutralEmail = PersonalScrubTests.neutral + "@erased.invalid"
    let record = try #require(
      try scrubbed(
        #"{"contact":"Hugo@Example.org","copies":["h.lefevre@asso.example","hugo@example.org","anne@example.org"],"note":"write to hugo@example.org"}"#,
        at: "organizations/cen-paca.json"))
    #expect(record["contact"] == .string(neutralEmail))
    // Two erased emails become one value: a list keeps it once.
    #expect(record["copies"] == .array([.string(neutralEmail), .string("anne@example.org")]))
    let note = try #require(record["note"]?.stringValue)
    #expect(!holdsHugo(note), "\(note)")
    #expect(scrub().text("hugo@example.org") == neutralEmail)
  }

  @Test func aPhoneIsReplacedInItsNationalForms() throws {
    let text = #"""
      {"notes":"mobile 06 12 34 56 78, or 06.12.34.56.78, 06-12-34-56-78, 0612345678, +33612345678; desk 04 91 00 00 00"}
      """#
    let record = try #require(try scrubbed(text, at: "organizations/cen-paca.json"))
    let notes = try #require(record["notes"]?.stringValue)
    #expect(!holdsHugo(notes), "\(notes)")
    #expect(notes.contains("desk 04 91 00 00 00"))
    #expect(notes.components(separatedBy: PersonalScrubTests.neutral).count == 6, "\(notes)")
    let plain = scrub().content(Array("Hugo: 06 12 34 56 78\n".utf8), at: "contacts.txt")
    #expect(plain.map { String(decoding: $0, as: UTF8.self) } == "Hugo: \(PersonalScrubTests.neutral)\n")
  }

  @Test(arguments: [
    ("people/anne.json", "{\n  \"name\": \"Anne Martin\",\n  \"organization\": \"cen-paca\"\n}\n"),
    // Not in the canonical layout: still left as it is.
    ("accounts/2026-01-02-abcde.json", #"{"person" : "anne",   "system":"mail"}"#),
    ("README.md", "# Our ledger\n\nHugo keeps it.\n"),
    ("ledger.json", #"{"name":"Shared ledger","timezone":"Europe/Paris"}"#),
    // A JSON escape makes the file parsed: still nothing of Hugo's, still untouched.
    ("tickets/2026-01-02-abcde.json", "{\n  \"description\": \"line one\\nline two, café\"\n}\n"),
  ])
  func aFileWithoutATermIsLeftByteForByte(_ path: String, _ text: String) throws {
    #expect(scrub().content(Array(text.utf8), at: path) == nil)
    #expect(scrub().path(path) == path)
  }

  @Test(arguments: [#"{"description" : "line one\nline two"}"#, #"{"description": "caf\u00e9"}"#])
  func aNonCanonicalFileWithAnEscapeAndNoTermIsLeftByteForByte(_ text: String) throws {
    #expect(scrub().content(Array(text.utf8), at: "tickets/2026-01-02-abcde.json") == nil)
  }

  @Test func aTermIsReplacedWhereItStandsWholeAndARecordNamedAfterThePersonIsRenamedWithItsReferences() {
    // A person `hugo` and their account `hugo-geonature`; a person named Anne Roux, and others
    // named Jeanne Roux and Marianne Rouxel. The id stands whole in `hugo-geonature` (a hyphen
    // ends a word), so the account takes the neutral id there, in its file name and in every
    // reference alike; a name inside a longer word is someone else's.
    let scrub = PersonalScrub(
      formerID: "hugo", neutralID: PersonalScrubTests.neutral, versions: [Self.object(#"{"name":"Anne Roux"}"#)],
      fields: ["emails"])
    let renamed = PersonalScrubTests.neutral + "-geonature"
    #expect(scrub.path("accounts/hugo-geonature.json") == "accounts/\(renamed).json")
    #expect(scrub.path("accounts/hugon-geonature.json") == "accounts/hugon-geonature.json")
    let right = scrub.content(Array(#"{"account":"hugo-geonature","role":"reader"}"#.utf8), at: "rights/r1.json")
    #expect(right.map { String(decoding: $0, as: UTF8.self) }?.contains(#""account": "\#(renamed)""#) == true)
    #expect(
      scrub.text("Hugon and Jeanne Roux asked; Marianne Rouxel agreed") == "Hugon and Jeanne Roux asked; Marianne Rouxel agreed"
    )
    #expect(
      scrub.text("Anne Roux and ANNE ROUX asked") == "\(PersonalScrubTests.neutral) and \(PersonalScrubTests.neutral) asked")
  }

  @Test func aTextWithoutATermIsTheSame() {
    let message = "Set tickets/2026-01-02-abcde: priority\n\nAnne Martin asked."
    #expect(scrub().text(message) == message)
  }

  // MARK: The erasure map

  static func rename(_ former: String, _ now: String) -> CommitRename {
    CommitRename(former: String(repeating: former, count: 40), now: String(repeating: now, count: 40))
  }

  static func record(_ id: String, _ commits: [CommitRename]) throws -> ErasureRecord {
    ErasureRecord(
      key: try #require(RecordKey(path: "erasures/\(id).json")), by: "claire", date: "2026-12-01", reason: "request",
      person: "forgotten-aaaaa", formerID: "hugo", salt: "00", fields: ["/emails", "/name"], authorshipKept: true,
      commits: commits)
  }

  @Test func theMapFollowsACommitThroughTwoErasures() throws {
    let first = try PersonalScrubTests.record("2026-12-01-aaaaa", [Self.rename("a", "b"), Self.rename("c", "d")])
    let second = try PersonalScrubTests.record("2026-12-03-bbbbb", [Self.rename("b", "e"), Self.rename("d", "f")])
    // The order the records are given in does not matter: they are read by key.
    let map = ErasureMap(records: [second, first])
    let id = { (letter: String) in String(repeating: letter, count: 40) }
    #expect(map.current(id("a")) == id("e"))
    #expect(map.current(id("c")) == id("f"))
    #expect(map.current(id("b")) == id("e"))
    #expect(map.current(id("e")) == id("e"))
    #expect(map.current(id("9")) == id("9"))
    #expect(map.wasRewritten(id("a")))
    #expect(!map.wasRewritten(id("e")))
    #expect(map.voucher(of: id("b")) == first.key)
    #expect(map.voucher(of: id("f")) == second.key)
    #expect(map.voucher(of: id("a")) == nil)
    #expect(map.records.map(\.key) == [first.key, second.key])
  }

  @Test func aRecordRoundTripsAndKnowsItsPersonOnlyByDigest() throws {
    let record = try PersonalScrubTests.record("2026-12-01-aaaaa", [Self.rename("a", "b")])
    let stored = record.record
    let text = String(decoding: stored.canonicalBytes, as: UTF8.self)
    #expect(!text.contains("hugo"), "\(text)")
    #expect(record.erased("hugo"))
    #expect(!record.erased("anne"))
    #expect(ErasureRecord(stored) == record)
  }
}
