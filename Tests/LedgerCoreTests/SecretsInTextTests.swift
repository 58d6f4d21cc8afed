import Foundation
import LedgerCore
import LedgerJSON
import Testing

/// A person's notes, and the secret the no-secret rule must find inside them (nil: none).
struct TextCase: CustomTestStringConvertible, Sendable {
  let name: String
  let notes: String
  let kind: String?
  var testDescription: String { name }

  init(_ name: String, _ notes: String, _ kind: String?) {
    self.name = name
    self.notes = notes
    self.kind = kind
  }
}

/// Secrets inside text (issue 19): a key of a known shape, a long random word or a phrase such
/// as `password: Summer2026` anywhere in a string is refused, naming the field and the shape;
/// ordinary sentences about passwords, URLs, emails, dates, phone numbers and ticket references
/// pass, and `x-not-secret` lets a field through.
@Suite struct SecretsInTextTests {
  static let secrets: [TextCase] = [
    TextCase("an AWS key between words", "key AKIA2E0A8F3B244C9986 here", "an AWS access key"),
    TextCase("an AWS key starting the text", "AKIA2E0A8F3B244C9986 was shown on screen", "an AWS access key"),
    TextCase(
      "an AWS key in a URL's query", "https://s3.example.org/b?AWSAccessKeyId=AKIA2E0A8F3B244C9986&x=1", "an AWS access key"),
    TextCase("a GitHub token inside a note", "CI uses ghp_R8xT2kQ9vLm4Zp7WcN3yHb6JdF1sGa5Ue0Yi since March", "a GitHub token"),
    TextCase("a GitLab token inside a note", "runner token glpat-AbCdEfGhIjKlMnOpQrSt set", "a GitLab token"),
    TextCase("a Slack token inside a note", "bot xoxb-2026-1186-a8Bf3kQ9Zt installed", "a Slack token"),
    TextCase("a Google key before a full stop", "maps key AIzaSyA-1234567890abcdefghijklmnopqrstu.", "a Google API key"),
    TextCase("a Stripe key inside a note", "shop uses sk_live_4eC39HqLyjWDarjtT1zdp7dc for now", "a Stripe secret key"),
    TextCase(
      "a Brevo key inside a note",
      "newsletter: xkeysib-3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b-Zx8Kq2Lm4Np6Rt8V", "a Brevo API key"
    ),
    TextCase("a random token in brackets", "the deploy key (Xk2mP9qR7vT4wL8nB3cF6hJ1) works", "an access token"),
    TextCase(
      "a fingerprint in a field not marked", "host key SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 checked",
      "an access token"),
    TextCase("a root password after a colon", "root password: Summer2026", "a password"),
    TextCase("a password in capitals", "PASSWORD: Summer2026", "a password"),
    TextCase("a password in a variable", "db_password=Summer2026 in .env", "a password"),
    TextCase("a password after is", "the password is hunter2", "a password"),
    TextCase("a quoted password with a space", #"passwd: "Summer 2026""#, "a password"),
    TextCase("a passphrase", "passphrase = Blue-Horse-42", "a password"),
    TextCase("a pwd", "login jdoe pwd: Tr0ub4dor&3", "a password"),
    TextCase("a French password", "mot de passe : Soleil2026!", "a password"),
    TextCase("a French password after a narrow no-break space", "Mot de passe\u{202F}: Soleil2026", "a password"),
    TextCase("a French password after est", "le mot de passe est Soleil2026", "a password"),
    TextCase("a French password abbreviated mdp", "compte admin, mdp=Ete2026", "a password"),
    TextCase("a French password in guillemets", "mdp : « Ete 2026 »", "a password"),
    TextCase("a door code with a curly apostrophe", "code d’accès : 4521", "an access code"),
    TextCase("a door code without its accent", "Code d'acces: 7788", "an access code"),
    TextCase("a PIN after est", "le code PIN est 4521", "a PIN"),
    TextCase("an API key", "api key = 9f8e7d6c5b4a", "an API key"),
    TextCase("an API key in a variable", "API_KEY=sk-abc123def456", "an API key"),
    TextCase("a client secret", "client secret: Xy8#pQ2!", "a secret"),
    TextCase("a French token", "jeton : a1b2c3d4", "a token"),
    TextCase("a token in a sentence", "the webhook token is Zq9x81Lm", "a token"),
    TextCase("a 32-digit hex token inside a note", "matomo api 8f3a9c2e7b1d4f6a0c5e9b3d7f1a2c4e for reports", "an access token"),
  ]

  static let ordinary: [TextCase] = [
    TextCase("a long compound name", "Nicolas Laurent-Legrand-Lambert-David-Clement", nil),
    TextCase("a commit id quoted in a note", "fixed by commit 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a, see the log", nil),
    TextCase("a UUID quoted in a note", "ticket 5c2d8a1e-3b4f-4a6d-9e8f-1a2b3c4d5e6f at the host", nil),
    TextCase("a password reset", "password reset requested by the member", nil),
    TextCase("a forgotten French password", "mot de passe oublié", nil),
    TextCase("a French password sent", "le mot de passe a été envoyé par SMS le 12/03", nil),
    TextCase("a password said reset", "password: reset", nil),
    TextCase("a password said sent by SMS", "Password: sent by SMS", nil),
    TextCase("a French password said sent", "mot de passe : envoyé le 12/03", nil),
    TextCase("a French password said forgotten", "Mot de passe : oublié", nil),
    TextCase("a password said changed", "the password is changed every year", nil),
    TextCase("a French password to change", "Le mot de passe est à changer", nil),
    TextCase("a French password said changed", "mdp : changé le 2026-03-12", nil),
    TextCase("a password kept in KeePass", "password: KeePass", nil),
    TextCase("a password kept in 1Password", "password: 1Password (shared vault)", nil),
    TextCase("a French password in Bitwarden", "mdp : dans Bitwarden", nil),
    TextCase("a masked password", "mdp : ********", nil),
    TextCase("a password policy", "password policy: 12 characters minimum", nil),
    TextCase("passwords counted", "passwords: 3 resets this year", nil),
    TextCase("a token said to be a ticket", "token: GLPI-12345", nil),
    TextCase("a secret said to be a date", "secret: 12/03/2026", nil),
    TextCase("a PIN said to be a phone number", "PIN: 06 12 34 56 78", nil),
    TextCase("a pwd said to be a phone number", "pwd: 0612345678", nil),
    TextCase("a pwd that is a path", "pwd: /home/jdoe", nil),
    TextCase("a password said to be an email", "password: jdoe@example.org", nil),
    TextCase("a secret said safe", "the secret is safe", nil),
    TextCase("no token", "token: n/a", nil),
    TextCase("a ticket reference", "see GLPI-12345 and INC0012345", nil),
    TextCase("a ticket URL", "https://glpi.example.org/front/ticket.form.php?id=12345", nil),
    TextCase("a meeting link with its pwd", "meeting https://zoom.us/j/123456789?pwd=AbC123xYz9 tomorrow", nil),
    TextCase("a wiki page on passwords", "https://wiki.example.org/docs/password-policy", nil),
    TextCase("an email address", "contact: jdoe@example.org", nil),
    TextCase("a phone number", "+33 6 12 34 56 78", nil),
    TextCase("a date and a time", "2026-03-12T10:15:00+01:00", nil),
    TextCase("a French date", "le 12/03/2026 à 14h30", nil),
    TextCase("an ordinary sentence", "Appointed delegate of department 05 on 2026-11-14", nil),
    TextCase("a sentence starting like a key prefix", "AKIA is how AWS keys begin", nil),
    TextCase("a long French word", "anticonstitutionnellement parlant", nil),
    TextCase("an IBAN", "IBAN FR76 3000 6000 0112 3456 7890 189", nil),
    TextCase("a fingerprint spoken of", "SSH key fingerprint recorded in the systems record", nil),
    TextCase("a pinned note", "pinned: yes, pin the message", nil),
  ]

  /// The no-secret findings for `people/carl.json` holding `notes`, with the ledger's own
  /// people schema when given.
  static func findings(notes: String, path: String = "people/carl.json", record: JSONObject? = nil, schema: String? = nil) throws
    -> [Diagnostic]
  {
    var files = RuleTests.base.mapValues { Array($0.utf8) }
    files[LedgerSettings.fileName] = Array(#"{"name": "T", "timezone": "Europe/Paris", "currency": "EUR"}"#.utf8)
    if let schema { files["schemas/people.schema.json"] = Array(schema.utf8) }
    let snapshot = try MemoryRecordStore(files: files).snapshot(at: nil)
    let fields = record ?? ["name": "Carl", "notes": .string(notes)]
    let content = Array(CanonicalWriter.write(.object(fields)).utf8)
    let change = ChangeSet.FileChange(path: path, content: content)
    return try LedgerValidator(snapshot, changes: [change]).validateChanges([change]).filter { $0.rule == "no-secret" }
  }

  @Test(arguments: secrets)
  func aSecretInsideTextIsRefusedNamingItsShape(_ testCase: TextCase) throws {
    let findings = try Self.findings(notes: testCase.notes)
    let finding = try #require(findings.first, "nothing found in \(testCase.notes)")
    #expect(findings.count == 1)
    #expect(finding.instancePath.description == "/notes")
    #expect(finding.line == 3)
    #expect(finding.message.contains("field \"notes\" holds \(testCase.kind ?? "") inside its text"), "\(finding.message)")
    #expect(finding.message.hasSuffix("; the ledger never holds one"))
  }

  @Test(arguments: ordinary)
  func ordinaryTextPasses(_ testCase: TextCase) throws {
    let findings = try Self.findings(notes: testCase.notes)
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  /// A phrase's finding says which phrase, as written, and never repeats the value.
  @Test func aPhrasesFindingNamesThePhraseAndNotTheValue() throws {
    let finding = try #require(try Self.findings(notes: "compte root, Mot de passe : Soleil2026!").first)
    #expect(
      finding.message == #"field "notes" holds a password inside its text (after "Mot de passe"); the ledger never holds one"#)
    #expect(finding.hint?.hasPrefix("remove the value; record the hand-over instead") == true)
    #expect(!finding.message.contains("Soleil"))
  }

  /// Inside a nested object, the pointer goes down to the string: a handover's note.
  @Test func aSecretInAHandoversNoteIsPlacedThere() throws {
    let account: JSONObject = [
      "person": "ana", "system": "portal", "status": "active", "login": "ana2",
      "handovers": [["date": "2026-03-12", "channel": "sms", "note": "password: Summer2026"]],
    ]
    let finding = try #require(try Self.findings(notes: "", path: "accounts/two.json", record: account).first)
    #expect(finding.instancePath.description == "/handovers/0/note")
    #expect(finding.message.hasPrefix(#"field "note" holds a password inside its text"#))
  }

  /// Recording that credentials were handed over is what the ledger is for.
  @Test func aHandoverRecordedInWordsPasses() throws {
    let account: JSONObject = [
      "person": "ana", "system": "portal", "status": "active", "login": "ana2",
      "handovers": [["date": "2026-03-12", "channel": "sms", "note": "le mot de passe a été envoyé par SMS le 12/03"]],
      "notes": "password reset requested by the member; see GLPI-12345",
    ]
    #expect(try Self.findings(notes: "", path: "accounts/two.json", record: account).isEmpty)
  }

  /// A field the ledger's schema marks `x-not-secret` is let through, whatever its text holds.
  @Test func xNotSecretLetsTheFieldThrough() throws {
    let schema = #"""
      {"type": "object", "properties": {"name": {"type": "string"}, "notes": {"type": "string", "x-not-secret": true}}}
      """#
    for notes in [
      "host key SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 checked", "key AKIA2E0A8F3B244C9986 here",
      "root password: Summer2026",
    ] {
      #expect(try Self.findings(notes: notes, schema: schema).isEmpty, "\(notes)")
    }
    #expect(try Self.findings(notes: "root password: Summer2026").count == 1)
  }
}
