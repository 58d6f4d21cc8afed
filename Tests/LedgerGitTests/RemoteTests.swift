import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

/// Clone, fetch and push between temporary repositories on disk (no network).
@Suite struct RemoteTests {
  let signature = Signature(
    name: "Claire Durand", email: "claire@example.org",
    date: Date(timeIntervalSince1970: 1_790_000_000))
  let noCredentials = TransferOptions(useSSHAgent: false)

  /// Commits `files` on top of branch `main` in `repository` (bare or not) and moves `main`.
  @discardableResult
  func commitOnMain(_ repository: Repository, _ files: [String: String]) throws -> ObjectID {
    let parent = try repository.referenceTarget("refs/heads/main")
    var updates: [TreeUpdate] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      updates.append(.upsert(path: path, blob: try repository.writeBlob(Array(text.utf8))))
    }
    let tree = try repository.updatedTree(
      try parent.map { try repository.commit($0).tree }, applying: updates)
    let id = try repository.createCommit(
      tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature,
      message: "test\n")
    try repository.moveReference(
      "refs/heads/main", to: id, expecting: parent, reflogMessage: "test")
    return id
  }

  /// A bare repository at `origin.git` in `sandbox` with `count` commits on `main`.
  func bareOrigin(in sandbox: TemporaryDirectory, commits count: Int) throws -> Origin {
    let origin = try Repository.create(at: sandbox.path("origin.git"), bare: true)
    var ids: [ObjectID] = []
    for number in 0..<count {
      ids.append(try commitOnMain(origin, ["people/\(number).json": "{\"n\": \(number)}\n"]))
    }
    return (origin, ids)
  }
  typealias Origin = (repository: Repository, commits: [ObjectID])

  /// Clones `origin.git` of `sandbox` by path into `clone`.
  func cloneOrigin(_ sandbox: TemporaryDirectory) throws -> Repository {
    try Repository.clone(
      from: sandbox.path("origin.git").path, into: sandbox.path("clone"), options: noCredentials)
  }

  /// Pushes `main` to `main` on `origin`.
  func pushMain(_ repository: Repository, localRef: String = "refs/heads/main") throws {
    try repository.push(
      remote: "origin", localRef: localRef, remoteRef: "refs/heads/main", options: noCredentials)
  }

  @Test(arguments: [false, true])
  func cloneChecksOutTheDefaultBranch(byFileURL: Bool) throws {
    let sandbox = try TemporaryDirectory()
    let (_, ids) = try bareOrigin(in: sandbox, commits: 2)
    let originPath = sandbox.path("origin.git")
    let url = byFileURL ? originPath.absoluteString : originPath.path
    let clone = try Repository.clone(from: url, into: sandbox.path("clone"), options: noCredentials)
    #expect(try clone.head() == .branch(name: "refs/heads/main", commit: ids[1]))
    #expect(try clone.referenceTarget("refs/remotes/origin/main") == ids[1])
    #expect(try clone.commit(ids[1]).parents == [ids[0]])
    #expect(sandbox.read("clone/people/1.json") == "{\"n\": 1}\n")
    #expect(try clone.remoteURL("origin") == url)
    // The real git agrees the work tree matches the checked-out commit.
    let status = try ExternalProgram.git("status", "--porcelain", in: sandbox.path("clone"))
    #expect(status.status == 0)
    #expect(status.output.isEmpty)
  }

  @Test func cloneOfAnEmptyRemoteGivesAnUnbornBranch() throws {
    let sandbox = try TemporaryDirectory()
    _ = try bareOrigin(in: sandbox, commits: 0)
    let clone = try cloneOrigin(sandbox)
    guard case .unborn = try clone.head() else {
      Issue.record("expected an unborn HEAD, got \(try clone.head())")
      return
    }
    #expect(clone.workingDirectory != nil)
  }

  @Test func cloneReportsProgress() throws {
    let sandbox = try TemporaryDirectory()
    _ = try bareOrigin(in: sandbox, commits: 12)
    final class Log { var reports: [TransferProgress] = [] }
    let log = Log()
    var options = noCredentials
    options.progress = { log.reports.append($0) }
    _ = try Repository.clone(
      from: sandbox.path("origin.git").absoluteString, into: sandbox.path("clone"), options: options
    )
    let last = try #require(log.reports.last)
    #expect(last.totalObjects > 12)
    #expect(last.receivedObjects == last.totalObjects)
    #expect(last.indexedObjects == last.totalObjects)
    #expect(last.receivedBytes > 0)
  }

  @Test func fetchBringsNewCommitsIntoTheRemoteTrackingBranch() throws {
    let sandbox = try TemporaryDirectory()
    let (origin, ids) = try bareOrigin(in: sandbox, commits: 1)
    let clone = try cloneOrigin(sandbox)
    let newer = try commitOnMain(origin, ["people/new.json": "{}\n"])
    try clone.fetch(remote: "origin", options: noCredentials)
    #expect(try clone.referenceTarget("refs/remotes/origin/main") == newer)
    #expect(try clone.referenceTarget("refs/heads/main") == ids[0])  // fetch moves no branch
    #expect(try clone.commit(newer).parents == ids)
  }

  @Test func pushCreatesABranchThenFastForwardsIt() throws {
    let sandbox = try TemporaryDirectory()
    let (origin, _) = try bareOrigin(in: sandbox, commits: 0)
    let local = try Repository.create(at: sandbox.path("local"))
    try local.addRemote("origin", url: sandbox.path("origin.git").path)
    let first = try commitOnMain(local, ["a.json": "1\n"])
    try pushMain(local)
    #expect(try origin.referenceTarget("refs/heads/main") == first)
    #expect(try local.referenceTarget("refs/remotes/origin/main") == first)

    let second = try commitOnMain(local, ["a.json": "2\n"])
    try pushMain(local)
    #expect(try origin.referenceTarget("refs/heads/main") == second)
    #expect(try local.referenceTarget("refs/remotes/origin/main") == second)
    let log = try ExternalProgram.git("log", "--format=%H", "main", in: sandbox.path("origin.git"))
    #expect(log.output == "\(second)\n\(first)\n")
  }

  /// The remote moved on to `theirs` while the local branch made `ours` on the same parent.
  @Test(arguments: [false, true])
  func pushOfADivergedBranchIsRefused(afterFetching: Bool) throws {
    let sandbox = try TemporaryDirectory()
    let (origin, _) = try bareOrigin(in: sandbox, commits: 1)
    let clone = try cloneOrigin(sandbox)
    let theirs = try commitOnMain(origin, ["a.json": "theirs\n"])
    try commitOnMain(clone, ["a.json": "ours\n"])
    if afterFetching { try clone.fetch(remote: "origin", options: noCredentials) }
    let error = try #require(throws: GitError.self) {
      try pushMain(clone)
    }
    #expect(error.code == .nonFastForward)
    #expect(try origin.referenceTarget("refs/heads/main") == theirs)
  }

  /// A ref update the remote itself refuses (here: its ref is locked) reaches the status
  /// callback while `git_remote_push` succeeds; it must still be an error.
  @Test func pushRefusedByTheRemoteIsAnError() throws {
    let sandbox = try TemporaryDirectory()
    let (origin, ids) = try bareOrigin(in: sandbox, commits: 1)
    let clone = try cloneOrigin(sandbox)
    try commitOnMain(clone, ["a.json": "ours\n"])
    try sandbox.write("origin.git/refs/heads/main.lock", "")
    let error = try #require(throws: GitError.self) {
      try pushMain(clone)
    }
    #expect(error.code == .nonFastForward)
    #expect(error.message.hasPrefix("the remote refused refs/heads/main: "))
    #expect(try origin.referenceTarget("refs/heads/main") == ids[0])
    #expect(try clone.referenceTarget("refs/remotes/origin/main") == ids[0])
  }

  @Test func pushNeverForcesThroughItsRefNames() throws {
    let sandbox = try TemporaryDirectory()
    let (origin, ids) = try bareOrigin(in: sandbox, commits: 1)
    let local = try Repository.create(at: sandbox.path("local"))
    try local.addRemote("origin", url: sandbox.path("origin.git").path)
    try commitOnMain(local, ["other.json": "{}\n"])
    #expect(throws: GitError.self) {
      try pushMain(local, localRef: "+refs/heads/main")
    }
    #expect(try origin.referenceTarget("refs/heads/main") == ids[0])
  }

  @Test func remotesRoundTripAndTheRealGitSeesThem() throws {
    let sandbox = try TemporaryDirectory()
    let repository = try Repository.create(at: sandbox.url)
    #expect(try repository.remoteNames().isEmpty)
    try repository.addRemote("origin", url: "git@example.org:team/ledger.git")
    try repository.addRemote("backup", url: "/srv/ledger.git")
    #expect(try repository.remoteNames() == ["backup", "origin"])
    #expect(try repository.remoteURL("origin") == "git@example.org:team/ledger.git")
    #expect(try repository.remoteURL("nowhere") == nil)
    #expect(throws: GitError.self) { try repository.addRemote("origin", url: "/elsewhere") }
    let listed = try ExternalProgram.git("remote", "-v", in: sandbox.url)
    #expect(listed.output.contains("origin\tgit@example.org:team/ledger.git (fetch)"))
    #expect(listed.output.contains("backup\t/srv/ledger.git (push)"))
    let refspec = try ExternalProgram.git("config", "remote.origin.fetch", in: sandbox.url)
    #expect(refspec.output == "+refs/heads/*:refs/remotes/origin/*\n")
  }

  @Test func failuresAreThrownErrors() throws {
    let sandbox = try TemporaryDirectory()
    for missing in [sandbox.path("missing").path, sandbox.path("missing").absoluteString] {
      let error = try #require(throws: GitError.self) {
        try Repository.clone(from: missing, into: sandbox.path("a"), options: noCredentials)
      }
      #expect(error.code == .notFound)
    }
    _ = try bareOrigin(in: sandbox, commits: 1)
    try sandbox.write("full/file.txt", "x")
    let occupied = try #require(throws: GitError.self) {
      try Repository.clone(
        from: sandbox.path("origin.git").path, into: sandbox.path("full"), options: noCredentials)
    }
    #expect(occupied.code == .exists)
    let repository = try Repository.create(at: sandbox.path("local"))
    let unknown = try #require(throws: GitError.self) {
      try repository.fetch(remote: "nowhere", options: noCredentials)
    }
    #expect(unknown.code == .notFound)
  }

  @Test(.timeLimit(.minutes(1)))
  func anUnreachableSSHHostFailsPromptly() throws {
    let sandbox = try TemporaryDirectory()
    let error = try #require(throws: GitError.self) {
      try Repository.clone(
        from: "ssh://nobody@127.0.0.1:1/x.git", into: sandbox.path("c"), options: noCredentials)
    }
    #expect(!error.message.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("c").path))
  }
}

// The credential callback's choices, as libgit2 would ask again after each refusal.
extension RemoteTests {
  @Test func sshTriesTheAgentThenEachKeyFileOnceThenGivesUp() throws {
    let sandbox = try TemporaryDirectory()
    try sandbox.write("keys/id_ed25519", "private")
    try sandbox.write("keys/id_ed25519.pub", "public")
    try sandbox.write("keys/id_rsa", "private")
    let keys = ["id_ed25519", "id_ecdsa", "id_rsa"].map { sandbox.path("keys/\($0)") }
    let session = TransferSession(options: TransferOptions(sshKeyFiles: keys))
    let url = "git@example.org:team/ledger.git"
    func next(_ user: String?) -> CredentialStep {
      session.nextStep(url: url, usernameFromURL: user, allowed: .sshKey)
    }
    #expect(
      session.nextStep(url: url, usernameFromURL: nil, allowed: .username) == .username("git"))
    #expect(next("git") == .sshAgent(user: "git"))
    #expect(
      next("git")
        == .sshKey(user: "git", privateKey: keys[0].path, publicKey: keys[0].path + ".pub"))
    #expect(next("git") == .sshKey(user: "git", privateKey: keys[2].path, publicKey: nil))
    #expect(
      next("git")
        == .refuse(
          "ssh authentication failed for git@example.org; tried: the ssh agent, \(keys[0].path), "
            + "\(keys[1].path) (missing), \(keys[2].path)"))
  }

  @Test func sshWithNothingToTryOrNoKeyMethodRefuses() {
    let none = TransferSession(options: TransferOptions(useSSHAgent: false))
    let url = "ssh://deploy@example.org:2222/ledger.git"
    let expected = "ssh authentication failed for deploy@example.org; tried: nothing"
    #expect(
      none.nextStep(url: url, usernameFromURL: "deploy", allowed: .sshKey)
        == .refuse(expected + " (no ssh agent, no key files)"))
    let passwordOnly = TransferSession(options: TransferOptions())
    guard
      case .refuse = passwordOnly.nextStep(url: url, usernameFromURL: "deploy", allowed: .plaintext)
    else {
      Issue.record("an ssh server asking for a password must not get the https token")
      return
    }
  }

  @Test func httpsSendsTheTokenOnce() {
    let url = "https://example.org/team/ledger.git"
    let session = TransferSession(options: TransferOptions(httpsToken: "secret"))
    #expect(
      session.nextStep(url: url, usernameFromURL: nil, allowed: .plaintext)
        == .plaintext(user: "x-access-token", password: "secret"))
    #expect(
      session.nextStep(url: url, usernameFromURL: nil, allowed: .plaintext)
        == .refuse("https authentication failed for x-access-token at example.org"))
    let named = TransferSession(options: TransferOptions(httpsUsername: "claire", httpsToken: "t"))
    #expect(
      named.nextStep(url: url, usernameFromURL: "bot", allowed: .plaintext)
        == .plaintext(user: "claire", password: "t"))
    let fromURL = TransferSession(options: TransferOptions(httpsToken: "t"))
    #expect(
      fromURL.nextStep(url: url, usernameFromURL: "bot", allowed: .plaintext)
        == .plaintext(user: "bot", password: "t"))
    let tokenless = TransferSession(options: TransferOptions())
    #expect(
      tokenless.nextStep(url: url, usernameFromURL: nil, allowed: .plaintext)
        == .refuse("no token was given for https (example.org)"))
  }

  @Test func localPathsAreToldFromHostPaths() {
    #expect(Repository.localPath(of: "/srv/ledger.git") == "/srv/ledger.git")
    #expect(Repository.localPath(of: "../ledger.git") == "../ledger.git")
    #expect(Repository.localPath(of: "./a:b") == "./a:b")
    #expect(Repository.localPath(of: "file:///srv/ledger.git") == "/srv/ledger.git")
    #expect(Repository.localPath(of: "git@example.org:ledger.git") == nil)
    #expect(Repository.localPath(of: "ssh://example.org/ledger.git") == nil)
    #expect(Repository.localPath(of: "https://example.org/ledger.git") == nil)
  }

  @Test func hostsAreReadFromEveryURLForm() {
    #expect(TransferSession.host(of: "git@example.org:team/ledger.git") == "example.org")
    #expect(TransferSession.host(of: "ssh://git@example.org:2222/ledger.git") == "example.org")
    #expect(TransferSession.host(of: "https://example.org/ledger.git") == "example.org")
    #expect(TransferSession.host(of: "example.org:ledger.git") == "example.org")
  }
}
