import Foundation
import LedgerTestSupport
import Testing

/// The shared repository's pre-receive hook, installed by `hook install pre-receive --repo`,
/// with the real `git` program pushing into the bare repository: the hook runs the built
/// `adminledger`, which reads the pushed commits from git's quarantine.
@Suite struct PreReceiveTests {
  static let eve = "Eve Intrus <eve@example.org>"

  /// `SharedLedger` with Claire and Marc recorded as administrators (the admin role, and the
  /// email their commits carry in git_identities), published, and the hook installed.
  func server() throws -> SharedLedger {
    let shared = try SharedLedger()
    try shared.recordAdministrators()
    try SharedLedger.succeed(shared.marc, ["sync"])
    let install = try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    #expect(
      install.output
        == "Installed \(shared.bare.path)/hooks/pre-receive: pushes to main are audited, and refused when they break the ledger's policy\n"
        + SharedLedger.trustLines(root: try shared.root(shared.claire), gitDirectory: shared.bare, signs: false))
    return shared
  }

  /// `git push ARGUMENTS` from a runner's clone, with the real git program.
  func push(_ runner: CLIRunner, _ arguments: String...) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "push"] + arguments, in: runner.directory)
  }

  func short(_ commit: String) -> String { String(commit.prefix(7)) }

  /// The lines git shows the pusher from the hook, without git's `remote: ` prefix and the
  /// padding it adds.
  func remoteLines(_ outcome: ExternalProgram.Outcome) -> [String] {
    outcome.error.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("remote: ") else { return nil }
      return String(line.dropFirst("remote: ".count)).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test func anAdministratorsPushLands() throws {
    let shared = try server()
    let before = try shared.bareMain()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611223344"])
    let outcome = try push(shared.claire, "origin", "main")
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(remoteLines(outcome) == ["adminledger: main: 1 commit audited, no findings"])
    let head = try shared.head(shared.claire)
    #expect(try shared.bareMain() == head)
    #expect(head != before)
  }

  @Test func aMergeOfTwoAdministratorsWorkLands() throws {
    let shared = try server()
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33655443322"])
    #expect(try push(shared.marc, "origin", "main").status == 0)
    try SharedLedger.succeed(shared.claire, ["set", "people/paul", "--set", "phone=+33699887766"])
    try SharedLedger.succeed(shared.claire, ["sync", "--no-push"])
    try #require(try shared.parents(shared.claire).count == 2)
    let outcome = try push(shared.claire, "origin", "main")
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(remoteLines(outcome) == ["adminledger: main: 2 commits audited, no findings"])
    #expect(try shared.bareMain() == shared.head(shared.claire))
  }

  @Test func aPushByAnOutsiderIsRefusedAndTheBranchDoesNotMove() throws {
    let shared = try server()
    let before = try shared.bareMain()
    var eve = shared.claire
    eve.author = PreReceiveTests.eve
    try SharedLedger.succeed(eve, ["set", "people/anne", "--set", "phone=+33611223344"])
    let commit = try shared.head(eve)
    let outcome = try push(eve, "origin", "main")
    #expect(outcome.status == 1)
    #expect(
      remoteLines(outcome) == [
        "adminledger: commit \(short(commit)) by Eve Intrus <eve@example.org>:",
        "[unknown-author] Eve Intrus <eve@example.org> is not a known administrator (no person holding a ledger role on 2026-11-18 lists eve@example.org in git_identities)",
        "adminledger: the push to main is refused: 1 finding in 1 pushed commit; main did not move",
        "hint: 'adminledger audit \(short(before))..\(short(commit))' in your clone shows the same; the ledger takes only commits by a known administrator (a person holding a ledger role whose git_identities lists the commit's email and, where ledger.json requires signed commits, whose signing_keys hold the key that signed it), within that person's roles, that leave every record valid, and merges that only combine their sides: redo these changes that way ('git reset \(short(before))' keeps them in your files, 'adminledger commit' commits them as you), then push again",
      ])
    #expect(outcome.error.contains(" ! [remote rejected] main -> main (pre-receive hook declined)\n"))
    #expect(try shared.bareMain() == before)
  }

  @Test func aPushWithAnInvalidRecordCommittedWithoutTheHookIsRefused() throws {
    let shared = try server()
    let before = try shared.bareMain()
    let ghost = shared.claire.directory.appendingPathComponent("people/ghost.json")
    try Data(#"{"name": "Ghost", "organization": "nowhere"}"#.utf8).write(to: ghost)
    try shared.git(shared.claire, "add", "people/ghost.json")
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify",
      "-m", "Add a ghost")
    let commit = try shared.head(shared.claire)
    let outcome = try push(shared.claire, "origin", "main")
    #expect(outcome.status == 1)
    #expect(
      remoteLines(outcome).prefix(3) == [
        "adminledger: commit \(short(commit)) by Claire Durand <claire.durand@example.org>:",
        #"[invalid-result] people/ghost.json: error[ref-exists]: "organization" names organizations/nowhere, which does not exist"#,
        "adminledger: the push to main is refused: 1 finding in 1 pushed commit; main did not move",
      ])
    #expect(try shared.bareMain() == before)
  }

  @Test func aPushWithAnEvilMergeIsRefused() throws {
    let shared = try server()
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33655443322"])
    #expect(try push(shared.marc, "origin", "main").status == 0)
    let before = try shared.bareMain()
    try SharedLedger.succeed(shared.claire, ["set", "people/paul", "--set", "phone=+33699887766"])
    try shared.git(shared.claire, "fetch", "-q", "origin")
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "merge", "-q", "--no-commit",
      "--no-ff", "origin/main")
    // While merging, Claire slips in a change neither side made.
    let anne = shared.claire.directory.appendingPathComponent("people/anne.json")
    let text = try #require(shared.read(shared.claire, "people/anne.json"))
    try Data(text.replacingOccurrences(of: "Anne Martin", with: "Anne Martin-Roux").utf8).write(to: anne)
    try shared.git(shared.claire, "add", "people/anne.json")
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify",
      "-m", "Merge origin/main")
    let merge = try shared.head(shared.claire)
    let outcome = try push(shared.claire, "origin", "main")
    #expect(outcome.status == 1)
    let lines = remoteLines(outcome)
    #expect(lines.count == 4)
    #expect(lines.first == "adminledger: commit \(short(merge)) by Claire Durand <claire.durand@example.org>:", "\(lines)")
    #expect(lines.dropFirst().first?.hasPrefix("[evil-merge] ") == true, "\(lines)")
    #expect(lines.dropFirst().first?.contains("people/anne") == true, "\(lines)")
    #expect(
      lines.dropFirst(2).first == "adminledger: the push to main is refused: 1 finding in 2 pushed commits; main did not move")
    #expect(try shared.bareMain() == before)
  }

  @Test func aForcePushOfARewrittenBranchIsRefused() throws {
    let shared = try server()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611223344"])
    #expect(try push(shared.claire, "origin", "main").status == 0)
    let landed = try shared.bareMain()
    try shared.git(
      shared.claire, "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--amend",
      "-m", "Anne's phone, reworded")
    let rewritten = try shared.head(shared.claire)
    let outcome = try push(shared.claire, "--force", "origin", "main")
    #expect(outcome.status == 1)
    #expect(
      remoteLines(outcome) == [
        "adminledger: the push is refused: it rewrites the ledger's branch main (\(short(rewritten)) does not descend from \(short(landed)), the commit main points at: a force push of a rebased, amended or reset branch)",
        "hint: the shared history is never rewritten, except by an erasure ('adminledger forget', which describes the rewrite in an erasure record of this very branch); bring your clone up to date with 'adminledger sync' (or 'git pull'), undo a change with a new commit, and push again without --force",
      ])
    #expect(try shared.bareMain() == landed)
  }

  @Test func deletingTheLedgersBranchIsRefused() throws {
    let shared = try server()
    let before = try shared.bareMain()
    let outcome = try push(shared.claire, "origin", ":main")
    #expect(outcome.status == 1)
    #expect(
      remoteLines(outcome) == [
        "adminledger: the push is refused: it deletes main, the ledger's branch",
        "hint: the shared ledger's branch is never deleted",
      ])
    #expect(try shared.bareMain() == before)
  }

  @Test func aPushOfAnotherBranchGoesThroughUnchecked() throws {
    let shared = try server()
    let before = try shared.bareMain()
    var eve = shared.claire
    eve.author = PreReceiveTests.eve
    try SharedLedger.succeed(eve, ["set", "people/anne", "--set", "phone=+33611223344"])
    let outcome = try push(eve, "origin", "HEAD:refs/heads/draft")
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(remoteLines(outcome) == [])
    #expect(
      try shared.gitInBare("rev-parse", "refs/heads/draft").trimmingCharacters(in: .whitespacesAndNewlines) == shared.head(eve))
    #expect(try shared.bareMain() == before)
  }

  @Test func theCheckReadsThePushedObjectsOnlyFromTheFoldersGitNames() throws {
    let shared = try server()
    let before = try shared.bareMain()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611223344"])
    let commit = try shared.head(shared.claire)
    // As in git's quarantine: the new objects are in a folder only the environment names
    // (here the clone's own, written quoted as git writes a path holding special characters).
    var check = CLIRunner(directory: shared.bare)
    check.standardInput = Array("\(before) \(commit) refs/heads/main\n".utf8)
    let unseen = check.run("hook", "pre-receive")
    #expect(unseen.status == 3)
    #expect(unseen.error.hasPrefix("adminledger: the push is refused: it could not be checked\n"), "\(unseen)")
    #expect(unseen.error.contains("object not found"))
    let objects = shared.claire.directory.appendingPathComponent(".git/objects").path
    check.variables = ["GIT_DIR": ".", "GIT_ALTERNATE_OBJECT_DIRECTORIES": "/nowhere:\"\(objects)\""]
    let seen = check.run("hook", "pre-receive")
    #expect(seen.status == 0, "\(seen)")
    #expect(seen.output == "adminledger: main: 1 commit audited, no findings\n")
    check.standardInput = Array("\(before) refs/heads/main\n".utf8)
    let garbled = check.run("hook", "pre-receive")
    #expect(garbled.status == 2)
    #expect(
      garbled.error.hasPrefix(
        "adminledger: the push is refused: it could not be checked\nadminledger: error: cannot read the pushed reference '\(before) refs/heads/main': expected 'OLD NEW REFNAME', as git gives its pre-receive hook\n"
      ))
    #expect(try shared.bareMain() == before)
  }

  @Test func theHookIsInstalledOnlyInABareRepositoryHoldingALedger() throws {
    let shared = try server()
    let clone = shared.claire.run("hook", "install", "pre-receive", "--repo", ".")
    #expect(clone.status == 2)
    #expect(
      clone.error.hasPrefix(
        "adminledger: error: \(shared.claire.directory.path) is not a bare repository: the pre-receive hook belongs in the shared repository the clones push to\n"
      ))
    try SharedLedger.git(["init", "-q", "--bare", "--initial-branch=main", "empty.git"], in: shared.directory.url)
    let empty = shared.claire.run("hook", "install", "pre-receive", "--repo", "../empty.git")
    #expect(empty.status == 2)
    #expect(
      empty.error.hasPrefix(
        "adminledger: error: \(shared.directory.path("empty.git").path) holds no ledger the hook can guard: it has no branch yet (HEAD names main); no hook was installed\n"
      ), "\(empty)")
    #expect(!FileManager.default.fileExists(atPath: shared.directory.path("empty.git/hooks/pre-receive").path))
    let missing = shared.claire.run("hook", "install", "pre-receive")
    #expect(missing.status == 2)
    #expect(missing.error.hasPrefix("adminledger: error: 'hook install pre-receive' needs the shared repository\n"))
  }

  @Test func anotherPreReceiveHookIsKept() throws {
    let shared = try SharedLedger()
    let hook = shared.directory.path("shared.git/hooks/pre-receive")
    try Data("#!/bin/sh\nexit 0\n".utf8).write(to: hook)
    let result = shared.claire.run("hook", "install", "pre-receive", "--repo", shared.bare.path)
    #expect(result.status == 1)
    #expect(
      result.error.hasPrefix(
        "adminledger: error: \(hook.path) already exists and is not adminledger's; it was left alone\nhint: make it also run: exec \""
      ))
    #expect(FileManager.default.contents(atPath: hook.path) == Data("#!/bin/sh\nexit 0\n".utf8))
  }

  @Test func hookInstallWithoutArgumentsStillInstallsTheClonesHooks() throws {
    let shared = try SharedLedger()
    let result = shared.claire.run("hook", "install")
    #expect(result.status == 0, "\(result)")
    let hooks = shared.claire.directory.appendingPathComponent(".git/hooks").path
    #expect(
      result.output
        == "Installed \(hooks)/pre-commit\nInstalled \(hooks)/pre-merge-commit\nInstalled \(hooks)/adminledger-merge-driver\n"
        + SharedLedger.trustLines(
          root: try shared.root(shared.claire), gitDirectory: shared.claire.directory.appendingPathComponent(".git"), signs: true)
    )
    #expect(!FileManager.default.fileExists(atPath: shared.directory.path("shared.git/hooks/pre-receive").path))
  }

  @Test func theHelpExplainsTheServerHook() throws {
    let shared = try SharedLedger()
    let install = shared.claire.run("hook", "install", "--help").output
    #expect(install.hasPrefix("usage: adminledger hook install [pre-receive --repo BARE_REPO [--branch BRANCH]]\n"))
    #expect(install.contains("- A bare repository reached over ssh: run this command on the server"))
    #expect(install.contains("DISABLE_GIT_HOOKS = false"))
    #expect(install.contains("'gitaly hooks set --storage STORAGE --repository\n  RELATIVE_PATH --config CONFIG'"))
    #expect(install.contains("'exec /PATH/TO/adminledger hook pre-receive'"))
    let check = shared.claire.run("hook", "pre-receive", "--help").output
    #expect(check.contains("other branches and tags go through untouched"))
  }
}
