import Foundation
import LedgerTestSupport
import Testing

/// The pre-receive hook finds the ledger's branch itself, or is told it, and fails closed
/// when it cannot tell. The shared repository is as `git init --bare` leaves it: its HEAD
/// names `master`, and the clones push `main`. The real `git` program pushes; the hook runs
/// the built `adminledger`. Refusals read one block per commit, through `git push` and
/// through `adminledger sync` alike.
@Suite struct PreReceiveBranchTests {
  static let eve = "Eve Intrus <eve@example.org>"

  /// `SharedLedger` with Claire and Marc recorded as administrators and published, then the
  /// shared repository's HEAD pointed at `master`, which nobody pushed (as after
  /// `git init --bare` and a `git push` of main).
  func server() throws -> SharedLedger {
    let shared = try SharedLedger()
    try shared.recordAdministrators()
    try SharedLedger.succeed(shared.marc, ["sync"])
    try shared.gitInBare("symbolic-ref", "HEAD", "refs/heads/master")
    return shared
  }

  /// The two lines the README gives for hosted servers, calling `adminledger` on PATH.
  func writeTwoLineHook(_ shared: SharedLedger, extra: String = "") throws {
    let hook = shared.bare.appendingPathComponent("hooks/pre-receive")
    try Data("#!/bin/sh\nexec adminledger hook pre-receive\(extra)\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
  }

  /// `git push ARGUMENTS` from a runner's clone, with the built adminledger on PATH.
  func push(_ runner: CLIRunner, _ arguments: String...) throws -> ExternalProgram.Outcome {
    let tools = try ExternalProgram.builtTool().deletingLastPathComponent().path
    let path = tools + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    return try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push"] + arguments, in: runner.directory, environment: ["PATH": path])
  }

  /// The lines git shows the pusher from the hook, without its `remote: ` prefix and padding.
  func remoteLines(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("remote: ") else { return nil }
      return String(line.dropFirst("remote: ".count)).trimmingCharacters(in: .whitespaces)
    }
  }

  func short(_ commit: String) -> String { String(commit.prefix(7)) }

  /// Two commits by Eve, whom the ledger does not know.
  func evesTwoCommits(_ shared: SharedLedger) throws -> (runner: CLIRunner, first: String, second: String) {
    var eve = shared.claire
    eve.author = PreReceiveBranchTests.eve
    try SharedLedger.succeed(eve, ["set", "people/anne", "--set", "phone=+33611223344"])
    let first = try shared.head(eve)
    try SharedLedger.succeed(eve, ["set", "people/lea", "--set", "phone=+33655443322"])
    return (eve, first, try shared.head(eve))
  }

  /// The refusal of Eve's two commits: one block per commit, the summary, the hint.
  func evesRefusal(_ first: String, _ second: String, before: String) -> [String] {
    let rule = { (email: String) in
      "[unknown-author] Eve Intrus <\(email)> is not a known administrator (no person holding a ledger role on 2026-11-18 lists \(email) in git_identities)"
    }
    return [
      "adminledger: commit \(short(first)) by Eve Intrus <eve@example.org>:",
      rule("eve@example.org"),
      "adminledger: commit \(short(second)) by Eve Intrus <eve@example.org>:",
      rule("eve@example.org"),
      "adminledger: the push to main is refused: 2 findings in 2 pushed commits; main did not move",
      "hint: 'adminledger audit \(short(before))..\(short(second))' in your clone shows the same; the ledger takes only commits by a known administrator (a person holding a ledger role whose git_identities lists the commit's email and, where ledger.json requires signed commits, whose signing_keys hold the key that signed it), within that person's roles, that leave every record valid, and merges that only combine their sides: redo these changes that way ('git reset \(short(before))' keeps them in your files, 'adminledger commit' commits them as you), then push again",
    ]
  }

  @Test func installFindsMainAndRecordsIt() throws {
    let shared = try server()
    let install = try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    #expect(
      install.output
        == "Installed \(shared.bare.path)/hooks/pre-receive: pushes to main are audited, and refused when they break the ledger's policy\n"
        + SharedLedger.trustLines(root: try shared.root(shared.claire), gitDirectory: shared.bare, signs: false))
    #expect(try shared.gitInBare("config", "adminledger.branch") == "main\n")
    let before = try shared.bareMain()
    let (eve, first, second) = try evesTwoCommits(shared)
    let outcome = try push(eve, "origin", "main")
    #expect(outcome.status == 1)
    #expect(remoteLines(outcome.error) == evesRefusal(first, second, before: before))
    #expect(try shared.bareMain() == before)
  }

  @Test func installTakesTheBranchItIsGiven() throws {
    let shared = try server()
    let wrong = shared.claire.run("hook", "install", "pre-receive", "--repo", shared.bare.path, "--branch", "master")
    #expect(wrong.status == 2)
    #expect(
      wrong.error.hasPrefix(
        "adminledger: error: \(shared.bare.path) has no branch master (its branches: main); no hook was installed\n"), "\(wrong)")
    try shared.git(shared.claire, "checkout", "-q", "--orphan", "notes")
    try shared.git(shared.claire, "rm", "-q", "-r", "--cached", ".")
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify",
      "--allow-empty", "-m", "Notes")
    #expect(try push(shared.claire, "origin", "notes").status == 0)  // no hook yet
    let notes = shared.claire.run("hook", "install", "pre-receive", "--repo", shared.bare.path, "--branch", "notes")
    #expect(notes.status == 2)
    #expect(
      notes.error.hasPrefix(
        "adminledger: error: \(shared.bare.path) holds no ledger on notes (no ledger.json at the root of notes); no hook was installed\n"
      ), "\(notes)")
    #expect(!FileManager.default.fileExists(atPath: shared.bare.appendingPathComponent("hooks/pre-receive").path))
    try SharedLedger.git(["init", "-q", "--bare", "--initial-branch=master", "empty.git"], in: shared.directory.url)
    let empty = shared.directory.path("empty.git")
    let ahead = try SharedLedger.succeed(
      shared.claire, ["hook", "install", "pre-receive", "--repo", empty.path, "--branch", "main"])
    #expect(
      ahead.output.hasSuffix(
        "pushes to main are audited, and refused when they break the ledger's policy\nmain does not exist yet: the push that creates it is audited in full\n"
      ))
    #expect(try SharedLedger.git(["config", "adminledger.branch"], in: empty) == "main\n")
  }

  @Test func theTwoLineHookGuardsMainWithoutInstall() throws {
    let shared = try server()
    try writeTwoLineHook(shared)
    let before = try shared.bareMain()
    let (eve, first, second) = try evesTwoCommits(shared)
    let refused = try push(eve, "origin", "main")
    #expect(refused.status == 1)
    #expect(remoteLines(refused.error) == evesRefusal(first, second, before: before))
    #expect(try shared.bareMain() == before)
    try SharedLedger.succeed(shared.marc, ["set", "people/paul", "--set", "phone=+33699887766"])
    let landed = try push(shared.marc, "origin", "main")
    #expect(landed.status == 0, "\(landed.error)")
    #expect(remoteLines(landed.error) == ["adminledger: main: 1 commit audited, no findings"])
    #expect(try shared.bareMain() == shared.head(shared.marc))
  }

  @Test func anUnjudgeableRepositoryRefusesEveryPushUntilItIsTold() throws {
    let shared = try server()
    try writeTwoLineHook(shared)
    // main is the only branch holding the ledger: a draft branch goes through unchecked...
    #expect(try push(shared.claire, "origin", "HEAD:refs/heads/draft").status == 0)
    // ...and then two branches hold one, and HEAD names neither.
    try shared.git(shared.claire, "tag", "v1")
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611223344"])
    let expected = [
      "adminledger: the push is refused: cannot tell which branch holds the ledger: several branches hold ledger.json at their root (draft, main), and HEAD names master, which does not hold one; every push is refused until the hook is told",
      "hint: tell the hook which branch holds the ledger: on the server, 'adminledger hook install pre-receive --repo BARE_REPO --branch BRANCH' (or 'git config adminledger.branch BRANCH' in the shared repository), or add '--branch BRANCH' to the hook's 'adminledger hook pre-receive' line",
    ]
    for target in ["main", "refs/tags/v1"] {
      let outcome = try push(shared.claire, "origin", target)
      #expect(outcome.status == 1, "\(target)")
      #expect(remoteLines(outcome.error) == expected, "\(target)")
    }
    #expect(try shared.gitInBare("tag", "--list") == "")
    // Told by --branch in the hook, it judges again.
    try writeTwoLineHook(shared, extra: " --branch main")
    let landed = try push(shared.claire, "origin", "main")
    #expect(landed.status == 0, "\(landed.error)")
    #expect(remoteLines(landed.error) == ["adminledger: main: 1 commit audited, no findings"])
  }

  @Test func anEmptyRepositoryTakesTheOneLedgerBranchItsFirstPushCreates() throws {
    let shared = try server()
    try SharedLedger.git(["init", "-q", "--bare", "--initial-branch=master", "fresh.git"], in: shared.directory.url)
    let fresh = shared.directory.path("fresh.git")
    let hook = fresh.appendingPathComponent("hooks/pre-receive")
    try Data("#!/bin/sh\nexec adminledger hook pre-receive\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    // A first push holding no ledger cannot be judged.
    try shared.git(shared.claire, "checkout", "-q", "--orphan", "notes")
    try shared.git(shared.claire, "rm", "-q", "-r", "--cached", ".")
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify",
      "--allow-empty", "-m", "Notes")
    let notes = try push(shared.claire, fresh.path, "notes")
    #expect(notes.status == 1)
    #expect(
      remoteLines(notes.error).first
        == "adminledger: the push is refused: cannot tell which branch holds the ledger: it has no branch yet (HEAD names master), and the push creates no branch holding ledger.json at its root; every push is refused until the hook is told"
    )
    try shared.git(shared.claire, "checkout", "-q", "-f", "main")
    // The ledger's first push is audited in full, and lands.
    let first = try push(shared.claire, fresh.path, "main")
    #expect(first.status == 0, "\(first.error)")
    #expect(remoteLines(first.error).first?.hasPrefix("adminledger: main: ") == true, "\(first.error)")
    #expect(try SharedLedger.git(["rev-parse", "refs/heads/main"], in: fresh) == shared.git(shared.claire, "rev-parse", "main"))
  }

  @Test func anErrorWhileJudgingRefusesThePush() throws {
    let shared = try server()
    try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    let before = try shared.bareMain()
    var check = CLIRunner(directory: shared.bare)
    check.standardInput = Array("\(before) \(String(repeating: "1", count: 40)) refs/heads/main\n".utf8)
    let outcome = check.run("hook", "pre-receive")
    #expect(outcome.status == 3)
    #expect(
      outcome.error.hasPrefix("adminledger: the push is refused: it could not be checked\nadminledger: error: "), "\(outcome)")
  }

  @Test func syncShowsTheRefusalOneBlockPerCommit() throws {
    let shared = try server()
    try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    let before = try shared.bareMain()
    let (eve, first, second) = try evesTwoCommits(shared)
    let refused = eve.run("sync")
    #expect(refused.status == 1, "\(refused)")
    let lines = refused.error.split(separator: "\n").map(String.init)
    #expect(remoteLines(refused.error) == evesRefusal(first, second, before: before), "\(refused)")
    #expect(
      lines.dropFirst(6) == [
        "adminledger: error: origin (\(shared.bare.path)) refused the push to main (pre-receive hook declined); your commits stay in this clone, and main there did not move",
        "hint: the shared repository's hook judges every push with the ledger's policy; mend what it names (see 'adminledger audit'), then run 'adminledger sync' again",
      ], "\(refused)")
    #expect(try shared.bareMain() == before)
    #expect(try shared.gitInBare("for-each-ref", "refs/adminledger/") == "")
    // An administrator's sync goes through the same gate, and shows what it said.
    try SharedLedger.succeed(shared.marc, ["set", "people/paul", "--set", "phone=+33699887766"])
    let landed = try SharedLedger.succeed(shared.marc, ["sync"])
    #expect(landed.error == "remote: adminledger: main: 1 commit audited, no findings\n")
    #expect(try shared.bareMain() == shared.head(shared.marc))
  }
}
