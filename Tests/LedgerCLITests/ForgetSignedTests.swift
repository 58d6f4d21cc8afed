import Foundation
import LedgerTestSupport
import Testing

/// `forget` on a ledger that requires signed commits (issue 22): the rewritten commits lose
/// their signatures and the signed erasure record vouches for them, so the hook admits the
/// rewrite and the audit stays clean; a clone's unpublished commits, moved by its sync onto
/// the rewritten history, are signed again with that clone's key.
@Suite struct ForgetSignedTests {
  static let policy = """
      "policy": {
        "roles": {
          "admin": {"change_policy": true, "forget_people": true, "grant_rights": true, "write": ["*"]}
        },
        "signed_commits_from": "2026-11-18"
      },

    """

  /// Julie, the person forgotten, and what of hers must vanish (folded).
  static let terms = [
    "jdumas", "julie dumas", "julie.dumas@example.net", "+33687654321", "0687654321", "06 87 65 43 21",
  ]

  @Test func signedCommitsRewrittenByAnErasureAreVouchedForAndMovedOnesSignedAgain() throws {
    let shared = try SharedLedger()
    let keys = shared.directory.path("keys")
    try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
    let claireKey = try SSHKeyPair(name: "claire", in: keys)
    let marcKey = try SSHKeyPair(name: "marc", in: keys)
    let (claire, marc) = (shared.claire, shared.marc)
    for (id, name, email, key) in [
      ("claire", "Claire Durand", "claire.durand@example.org", claireKey),
      ("marc", "Marc Petit", "marc.petit@example.org", marcKey),
    ] {
      try SharedLedger.succeed(
        claire,
        [
          "add", "people", id, "--set", "name=\(name)", "--set", "organization=cen-paca", "--set",
          #"ledger_roles=[{"role":"admin"}]"#,
          "--set", "git_identities=[\"\(email)\"]", "--set", #"signing_keys=[{"key":"\#(key.publicKey)"}]"#,
        ])
    }
    try SharedLedger.succeed(claire, ["hook", "install", "--signing-key", claireKey.privateKey.path])
    let settings = claire.directory.appendingPathComponent("ledger.json")
    let text = try String(contentsOf: settings, encoding: .utf8)
    try text.replacingOccurrences(of: "  \"timezone\"", with: ForgetSignedTests.policy + "  \"timezone\"")
      .write(to: settings, atomically: true, encoding: .utf8)
    try SharedLedger.succeed(claire, ["commit", "-m", "Require signed commits"])
    // Julie, signed in: a person with an email, a phone, and a training she attended.
    try SharedLedger.succeed(
      claire,
      [
        "add", "people", "jdumas", "--set", "name=Julie Dumas", "--set", "organization=cen-paca",
        "--set", #"emails=["julie.dumas@example.net"]"#, "--set", "phone=+33687654321",
      ])
    try SharedLedger.succeed(
      claire,
      [
        "add", "trainings", "gis", "--set", "date=2026-11-10", "--set", "topic=QGIS for Julie Dumas and Anne",
        "--set", #"attendees=["jdumas","anne"]"#, "--set", "duration_hours=2", "--set", "location=Marseille",
      ])
    try SharedLedger.succeed(claire, ["sync"])
    try SharedLedger.succeed(marc, ["sync"])
    try SharedLedger.succeed(marc, ["hook", "install", "--signing-key", marcKey.privateKey.path])
    try SharedLedger.succeed(claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    let rulesBefore = try ForgetLedger.auditedRules(claire)
    #expect(rulesBefore.isEmpty)
    let julieAdded = try shared.git(claire, "log", "--format=%H", "-1", "--", "people/jdumas.json")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try shared.git(claire, "cat-file", "commit", julieAdded).contains("gpgsig -----BEGIN SSH SIGNATURE-----"))

    // Marc works offline, signing: on Julie's training, and on another record.
    try SharedLedger.succeed(marc, ["set", "trainings/gis", "--set", "duration_hours=3"])
    try SharedLedger.succeed(marc, ["set", "people/paul", "--set", "phone=+33699887766"])

    let (neutral, erasure) = try ForgetLedger.forget(claire, "jdumas")
    let erasureCommit = try shared.head(claire)
    try SharedLedger.succeed(claire, ["sync"])
    #expect(try shared.bareMain() == erasureCommit)
    let followed = try SharedLedger.succeed(marc, ["sync"])
    #expect(followed.output.contains("Followed \(erasure)"), "\(followed)")
    #expect(followed.output.contains("2 unpublished commits of this clone rewritten onto it"), "\(followed)")
    try SharedLedger.succeed(claire, ["sync"])
    let tip = try shared.bareMain()
    #expect(try shared.head(claire) == tip)
    #expect(try shared.head(marc) == tip)

    // The erasure commit is signed by Claire; what it rewrote is not signed any more.
    #expect(try ExternalProgram.git("verify-commit", erasureCommit, in: claire.directory).status == 0)
    let rewritten = try shared.git(claire, "log", "--format=%H", "-1", "--", "people/\(neutral).json")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(rewritten != julieAdded)
    #expect(try !shared.git(claire, "cat-file", "commit", rewritten).contains("gpgsig"))
    // Marc's moved commits are signed again with his key, and git verifies them.
    let moved = try shared.git(marc, "log", "--format=%H %s", erasureCommit + "..HEAD").split(separator: "\n")
      .filter { $0.contains("Set trainings/gis") || $0.contains("Set people/paul") }.map { String($0.prefix(40)) }
    #expect(moved.count == 2)
    for commit in moved {
      let verified = try ExternalProgram.git("verify-commit", commit, in: marc.directory)
      #expect(verified.status == 0, "\(verified.error)")
      #expect(verified.error.contains("Good \"git\" signature for marc.petit@example.org"), "\(verified.error)")
    }
    let training = try #require(shared.read(claire, "trainings/gis.json"))
    #expect(training.contains("\"duration_hours\": 3"))
    #expect(training.contains("\"\(neutral)\""))

    for (name, gitDirectory) in [
      ("a", claire.directory.appendingPathComponent(".git")), ("b", marc.directory.appendingPathComponent(".git")),
      ("shared.git", shared.bare),
    ] {
      let scan = try ForgetLedger.termsInObjects(of: gitDirectory, ForgetSignedTests.terms)
      #expect(scan.found.isEmpty, "\(name): \(scan.found)")
    }
    for runner in [claire, marc] {
      #expect(try ForgetLedger.auditedRules(runner) == rulesBefore, "\(runner.run("audit"))")
    }
  }
}
