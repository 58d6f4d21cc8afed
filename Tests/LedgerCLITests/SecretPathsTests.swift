import Foundation
import LedgerTestSupport
import Testing

/// A secret reaching the ledger by one path: what is written first, the command, and the
/// words its finding must hold.
struct SecretArrival: CustomTestStringConvertible, Sendable {
  let name: String
  var files: [String: String] = [:]
  let arguments: [String]
  let message: [String]
  var testDescription: String { name }
}

/// No secret is ever stored, whatever way it comes (issue 13): `add`/`set`, a CSV import
/// (a password column in French, a PEM key or a cloud key in a notes cell), a hand edit
/// committed with `adminledger commit` or the plain git program, and another administrator's
/// commit brought by `sync`, merged or fast-forwarded. Each is refused with exit 1 and
/// `error[no-secret]`, and nothing is committed. `x-not-secret` lets a fingerprint through.
@Suite struct SecretPathsTests {
  static let pem = """
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    -----END OPENSSH PRIVATE KEY-----
    """
  static let aws = "AKIAIOSFODNN7EXAMPLE"

  static let arrivals: [SecretArrival] = [
    SecretArrival(
      name: "add with a French password field",
      arguments: ["add", "people", "zoe", "--set", "name=Zoé", "--set", "mot_de_passe=Soleil2026!"],
      message: ["error[no-secret]: field \"mot_de_passe\" would store a secret"]),
    SecretArrival(
      name: "set with mdp", arguments: ["set", "people/hugo", "--set", "mdp=Soleil2026!"],
      message: ["error[no-secret]: field \"mdp\" would store a secret"]),
    SecretArrival(
      name: "set with a PEM key in notes", arguments: ["set", "people/hugo", "--set", "notes=" + pem],
      message: ["error[no-secret]: the value looks like a private key"]),
    SecretArrival(
      name: "add from a file with an AWS key",
      files: ["zoe.json": #"{"name": "Zoé", "organization": "cen-paca", "notes": "AKIAIOSFODNN7EXAMPLE"}"#],
      arguments: ["add", "people", "zoe", "--file", "zoe.json"],
      message: ["people/zoe.json:3:12: error[no-secret]: the value looks like an AWS access key"]),
    SecretArrival(
      name: "import with a mot_de_passe column",
      files: ["people.csv": "id;name;organization;mot_de_passe\nzoe;Zoé;cen-paca;Soleil2026!\n"],
      arguments: ["import", "people", "people.csv"],
      message: ["people.csv:2: error[no-secret]: column \"mot_de_passe\" holds a secret; the ledger never stores one"]),
    SecretArrival(
      name: "import with a PEM key in a notes cell",
      files: ["people.csv": "id;name;organization;notes\nzoe;Zoé;cen-paca;\"\(pem)\"\n"],
      arguments: ["import", "people", "people.csv"],
      message: ["people.csv:2: error[no-secret]: the value looks like a private key", "(column \"notes\")"]),
    SecretArrival(
      name: "import with an AWS key in a notes cell",
      files: ["people.csv": "id,name,organization,notes\nzoe,Zoé,cen-paca,\(aws)\n"],
      arguments: ["import", "people", "people.csv"],
      message: ["people.csv:2: error[no-secret]: the value looks like an AWS access key"]),
    SecretArrival(
      name: "import mapping a secret column onto notes",
      files: ["people.csv": "id;name;organization;token\nzoe;Zoé;cen-paca;ghp_R8xT2kQ9vLm4Zp7WcN3yHb6JdF1sGa5Ue0Yi\n"],
      arguments: ["import", "people", "people.csv", "--map", "token=notes"],
      message: ["error[no-secret]: the value looks like a GitHub token"]),
    SecretArrival(
      name: "hand edit committed with adminledger commit",
      files: [
        "people/hugo.json": "{\n  \"name\": \"Hugo\",\n  \"organization\": \"cen-paca\",\n  \"password\": \"hunter2\"\n}\n"
      ], arguments: ["commit", "-m", "hand edit"],
      message: ["people/hugo.json:4:15: error[no-secret]: field \"password\" would store a secret"]),
    SecretArrival(
      name: "new hand-written record with a token",
      files: ["people/zoe.json": "{\n  \"name\": \"Zoé\",\n  \"notes\": \"xoxb-2026-1186-a8Bf3kQ9Zt\"\n}\n"],
      arguments: ["commit", "-m", "hand edit"],
      message: ["people/zoe.json:3:12: error[no-secret]: the value looks like a Slack token"]),
  ]

  @Test(arguments: arrivals)
  func aSecretIsRefusedAndNothingIsCommitted(_ arrival: SecretArrival) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    for (path, text) in arrival.files { try ledger.directory.write(path, text) }
    let head = try ledger.head()
    let files = try SharedLedger.files(in: ledger.directory.url)
    let result = ledger.cli.run(arrival.arguments)
    #expect(result.status == 1, "\(result)")
    let printed = result.output + result.error
    for words in arrival.message { #expect(printed.contains(words), "\(printed)") }
    #expect(try ledger.head() == head)
    #expect(try SharedLedger.files(in: ledger.directory.url) == files)
  }

  /// The plain git program's commit runs the pre-commit hook `init` installed.
  @Test func aHandEditCommittedWithGitIsRefusedByTheHook() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    try ledger.directory.write(
      "people/hugo.json", "{\n  \"name\": \"Hugo\",\n  \"organization\": \"cen-paca\",\n  \"mdp\": \"Soleil2026!\"\n}\n")
    let head = try ledger.head()
    try SharedLedger.git(["add", "people/hugo.json"], in: ledger.directory.url)
    let git = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Hugo", "-c", "user.email=hugo@example.org", "commit", "-q", "-m", "hand edit"],
      in: ledger.directory.url, environment: ["PATH": HostileInputTests.pathWithTool()])
    #expect(git.status != 0, "\(git.error)")
    #expect(git.error.contains("error[no-secret]: field \"mdp\" would store a secret"), "\(git.error)")
    #expect(try ledger.head() == head)
  }

  /// Marc pushes, with the plain git program and past his hook, a record holding a key.
  private func marcPushesASecret(_ shared: SharedLedger) throws -> String {
    try Data(#"{"name": "Eve", "organization": "cen-paca", "notes": "AKIAIOSFODNN7EXAMPLE"}"#.utf8)
      .write(to: shared.marc.directory.appendingPathComponent("people/eve.json"))
    try shared.git(shared.marc, "add", "people/eve.json")
    try shared.git(
      shared.marc, "-c", "user.name=Marc Petit", "-c", "user.email=marc.petit@example.org", "commit", "-q", "--no-verify", "-m",
      "Add Eve")
    try shared.git(shared.marc, "push", "-q", "origin", "main")
    return try shared.head(shared.marc)
  }

  /// Claire has no change of her own: the sync would fast-forward, which validates nothing
  /// else, so the secret is refused there, naming the record and the commit.
  @Test func aSecretArrivingByFastForwardIsRefusedNamingTheCommit() throws {
    let shared = try SharedLedger()
    let commit = try marcPushesASecret(shared)
    let before = try shared.state(shared.claire)
    let result = shared.claire.run("sync")
    #expect(result.status == 1, "\(result)")
    let printed = result.output + result.error
    #expect(printed.contains("people/eve.json:1:54: error[no-secret]: the value looks like an AWS access key"), "\(printed)")
    #expect(
      printed.contains(
        "brought by the incoming commit \(commit.prefix(7)), by Marc Petit <marc.petit@example.org>; nothing was merged"),
      "\(printed)")
    #expect(printed.contains("hint: ask Marc Petit to remove it in a new commit and to change the secret"), "\(printed)")
    #expect(try shared.state(shared.claire) == before)
    #expect(shared.read(shared.claire, "people/eve.json") == nil)

    // Marc removes it in a new commit: the sync goes through, and the key is in no file here.
    try shared.git(shared.marc, "rm", "-q", "people/eve.json")
    try shared.git(
      shared.marc, "-c", "user.name=Marc Petit", "-c", "user.email=marc.petit@example.org", "commit", "-q", "--no-verify", "-m",
      "Remove Eve")
    try shared.git(shared.marc, "push", "-q", "origin", "main")
    let again = shared.claire.run("sync")
    #expect(again.status == 0, "\(again)")
    #expect(try SharedLedger.files(in: shared.claire.directory).values.allSatisfy { !$0.contains(Data(Self.aws.utf8)) })
  }

  /// Claire has a change of her own: the merge's validation stops it; nothing is committed
  /// or pushed, and `--abort` goes back.
  @Test func aSecretArrivingByMergeStopsTheMerge() throws {
    let shared = try SharedLedger()
    _ = try marcPushesASecret(shared)
    try SharedLedger.succeed(shared.claire, ["set", "people/hugo", "--set", "phone=+33612345678"])
    let head = try shared.head(shared.claire)
    let bare = try shared.bareMain()
    let result = shared.claire.run("sync")
    #expect(result.status == 1, "\(result)")
    let printed = result.output + result.error
    #expect(printed.contains("people/eve.json:1:54: error[no-secret]: the value looks like an AWS access key"), "\(printed)")
    #expect(printed.contains("the merge stopped; nothing was committed or pushed"), "\(printed)")
    #expect(try shared.head(shared.claire) == head)
    #expect(try shared.merges(shared.claire).isEmpty)
    #expect(try shared.bareMain() == bare)
    #expect(shared.claire.run("sync", "--continue").status != 0)
    #expect(try shared.head(shared.claire) == head)
    #expect(shared.claire.run("sync", "--abort").status == 0)
    #expect(try shared.head(shared.claire) == head)
  }

  /// A field the ledger's schema marks `x-not-secret` (an ssh host key fingerprint) is let
  /// through; the same value in a field not so marked is refused.
  @Test func xNotSecretLetsAFingerprintThrough() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    try ledger.directory.write(
      "schemas/systems.schema.json",
      #"""
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["name", "type"],
        "properties": {
          "name": {"type": "string"},
          "type": {"type": "string"},
          "roles": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
          "notes": {"type": "string"},
          "host_key_fingerprint": {"type": "string", "x-not-secret": true}
        },
        "additionalProperties": false
      }
      """#)
    try SharedLedger.succeed(ledger.cli, ["commit", "-m", "Systems record their host key fingerprint"])
    let fingerprint = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"
    let marked = ledger.run(
      "add", "systems", "bastion", "--set", "name=Bastion", "--set", "type=host", "--set", "host_key_fingerprint=" + fingerprint)
    #expect(marked.status == 0, "\(marked)")
    #expect(ledger.directory.read("systems/bastion.json")?.contains(fingerprint) == true)
    let head = try ledger.head()
    let unmarked = ledger.run("set", "systems/bastion", "--set", "notes=" + fingerprint)
    #expect(unmarked.status == 1, "\(unmarked)")
    #expect(unmarked.error.contains("error[no-secret]: the value looks like an access token"), "\(unmarked.error)")
    #expect(try ledger.head() == head)
  }
}
