import Foundation
import LedgerTestSupport
import Testing

/// Secrets inside text (issue 19), end to end: what a user tried. A note holding an AWS key
/// between words, a GitHub token, or `root password: Summer2026` is refused by `set` and `add`
/// (and by the other ways in: an import, a hand edit committed) with exit 1, naming the field
/// and the shape, and nothing is committed. A sentence saying credentials were handed over is
/// stored, and a field the ledger's schema marks `x-not-secret` is let through.
@Suite struct SecretsInTextCLITests {
  static let aws = "key AKIA2E0A8F3B244C9986 here"
  static let github = "CI deploys with ghp_R8xT2kQ9vLm4Zp7WcN3yHb6JdF1sGa5Ue0Yi since March"
  static let password = "root password: Summer2026"

  static let arrivals: [SecretArrival] = [
    SecretArrival(
      name: "set with an AWS key in a note", arguments: ["set", "people/hugo", "--set", "notes=" + aws],
      message: [
        #"people/hugo.json:6:12: error[no-secret]: field "notes" holds an AWS access key inside its text; the ledger never holds one (at /notes)"#
      ]),
    SecretArrival(
      name: "set with a GitHub token in a note", arguments: ["set", "people/hugo", "--set", "notes=" + github],
      message: [#"error[no-secret]: field "notes" holds a GitHub token inside its text"#]),
    SecretArrival(
      name: "set with a root password in a note", arguments: ["set", "people/hugo", "--set", "notes=" + password],
      message: [#"error[no-secret]: field "notes" holds a password inside its text (after "password")"#]),
    SecretArrival(
      name: "add with an AWS key in a note", arguments: ["add", "people", "zoe", "--set", "name=Zoé", "--set", "notes=" + aws],
      message: [#"error[no-secret]: field "notes" holds an AWS access key inside its text"#]),
    SecretArrival(
      name: "add with a GitHub token in a note",
      arguments: ["add", "people", "zoe", "--set", "name=Zoé", "--set", "notes=" + github],
      message: [#"error[no-secret]: field "notes" holds a GitHub token inside its text"#]),
    SecretArrival(
      name: "add with a French password in a note",
      arguments: ["add", "people", "zoe", "--set", "name=Zoé", "--set", "notes=mot de passe : Soleil2026!"],
      message: [#"error[no-secret]: field "notes" holds a password inside its text (after "mot de passe")"#]),
    SecretArrival(
      name: "import with a password in a notes cell",
      files: ["people.csv": "id;name;organization;notes\nzoe;Zoé;cen-paca;\(password)\n"],
      arguments: ["import", "people", "people.csv"],
      message: ["people.csv:2: error[no-secret]:", "holds a password inside its text"]),
    SecretArrival(
      name: "hand edit committed with adminledger commit",
      files: ["people/hugo.json": "{\n  \"name\": \"Hugo\",\n  \"notes\": \"\(aws)\",\n  \"organization\": \"cen-paca\"\n}\n"],
      arguments: ["commit", "-m", "hand edit"],
      message: [#"people/hugo.json:3:12: error[no-secret]: field "notes" holds an AWS access key inside its text"#]),
  ]

  @Test(arguments: arrivals)
  func aSecretInsideTextIsRefusedAndNothingIsCommitted(_ arrival: SecretArrival) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    for (path, text) in arrival.files { try ledger.directory.write(path, text) }
    let head = try ledger.head()
    let files = try SharedLedger.files(in: ledger.directory.url)
    let result = ledger.cli.run(arrival.arguments)
    #expect(result.status == 1, "\(result)")
    let printed = result.output + result.error
    for words in arrival.message { #expect(printed.contains(words), "\(printed)") }
    #expect(!printed.contains("Summer2026") && !printed.contains("AKIA2E0A8F3B244C9986"), "\(printed)")
    #expect(try ledger.head() == head)
    #expect(try SharedLedger.files(in: ledger.directory.url) == files)
  }

  /// Saying that credentials were handed over, or that a password was reset, is what the
  /// ledger is for: such notes are stored.
  @Test func sentencesAboutPasswordsAreStored() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    for notes in [
      "le mot de passe a été envoyé par SMS le 12/03", "password reset requested by the member, see GLPI-12345",
      "mot de passe oublié; rappeler au +33 6 12 34 56 78 ou hugo@example.org",
    ] {
      let result = ledger.run("set", "people/hugo", "--set", "notes=" + notes)
      #expect(result.status == 0, "\(result)")
      #expect(ledger.directory.read("people/hugo.json")?.contains(notes) == true)
    }
  }

  /// A field the ledger's schema marks `x-not-secret` is let through with any of the three
  /// notes; back without the mark, the same note is refused.
  @Test func xNotSecretStillLetsAFieldThrough() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    try ledger.directory.write(
      "schemas/people.schema.json",
      #"""
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["name"],
        "properties": {
          "name": {"type": "string"},
          "organization": {"type": "string"},
          "emails": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
          "notes": {"type": "string", "x-not-secret": true}
        },
        "additionalProperties": false
      }
      """#)
    try SharedLedger.succeed(ledger.cli, ["commit", "-m", "People's notes may look like secrets"])
    for notes in [Self.aws, Self.github, Self.password] {
      let result = ledger.run("set", "people/hugo", "--set", "notes=" + notes)
      #expect(result.status == 0, "\(result)")
      #expect(ledger.directory.read("people/hugo.json")?.contains(notes) == true)
    }
    let added = ledger.run("add", "people", "zoe", "--set", "name=Zoé", "--set", "notes=" + Self.password)
    #expect(added.status == 0, "\(added)")
  }
}
