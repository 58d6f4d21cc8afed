import Foundation
import LedgerTestSupport
import Testing

/// `clone` and `sync` over real servers started on this machine: OpenSSH's sshd (a key
/// restricted to git-shell) and git's smart HTTP behind lighttpd (TLS with a self-signed
/// certificate, basic authentication by token). Each test starts its servers and ends them,
/// and every command is the built `adminledger`, so libgit2 reads `HOME` (known_hosts, key
/// files, git's user configuration) as it would for an administrator.
@Suite struct RealTransportTests {
  static let eve = "Eve Intrus <eve@example.org>"

  /// One administrator's machine: a home folder, and the environment the tool runs with there.
  struct Machine {
    let home: URL
    var environment: [String: String]

    /// A home with `~/.ssh/known_hosts` holding `knownHosts`; no agent, token or CA unless set.
    init(_ name: String, in shared: SharedLedger, knownHosts: String = "") throws {
      home = shared.directory.path("home-\(name)")
      try FileManager.default.createDirectory(at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
      try knownHosts.write(to: home.appendingPathComponent(".ssh/known_hosts"), atomically: true, encoding: .utf8)
      // Set, even empty, so that nothing of the environment the tests run in gets through.
      environment = [
        "HOME": home.path, "SSH_AUTH_SOCK": "", "GIT_SSL_CAINFO": "", "ADMINLEDGER_GIT_TOKEN": "",
        "ADMINLEDGER_GIT_USERNAME": "",
      ]
    }

    /// Copies `key` to `~/.ssh/id_ed25519`, where the tool looks for a key file.
    func installKeyFile(_ key: URL) throws {
      let target = home.appendingPathComponent(".ssh/id_ed25519")
      try FileManager.default.copyItem(at: key, to: target)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
    }

    /// Runs the built `adminledger ARGUMENTS` in `directory` under `author`'s name.
    func run(_ arguments: [String], in directory: URL, author: String = BuiltTool.claire) throws -> ExternalProgram.Outcome {
      var variables = environment
      variables["ADMINLEDGER_AUTHOR"] = author
      return try ExternalProgram.run(try ExternalProgram.builtTool(), arguments, in: directory, environment: variables)
    }

    /// Runs a command that must succeed, and returns its standard output.
    @discardableResult
    func succeed(_ arguments: [String], in directory: URL, author: String = BuiltTool.claire) throws -> String {
      let outcome = try run(arguments, in: directory, author: author)
      try #require(
        outcome.status == 0, "adminledger \(arguments.joined(separator: " ")): exit \(outcome.status)\n\(outcome.error)")
      return outcome.output
    }
  }

  // MARK: - Syncing both ways

  @Test(.enabled(if: SSHServer.isInstalled, "needs openssh-server: make test-deps installs it"))
  func twoClonesSyncBothWaysOverSSHThroughTheAgent() throws {
    let shared = try SharedLedger()
    let server = try SSHServer(in: shared.directory.path("sshd"))
    defer { server.stop() }
    let agent = try SSHAgent(in: shared.directory.path("agent"), holding: server.clientKey)
    defer { agent.stop() }
    var claire = try Machine("claire", in: shared, knownHosts: server.knownHostsLine)
    claire.environment["SSH_AUTH_SOCK"] = agent.socket.path
    var marc = try Machine("marc", in: shared, knownHosts: server.knownHostsLine)
    marc.environment["SSH_AUTH_SOCK"] = agent.socket.path
    try roundTrip(shared, url: server.url(shared.bare), claire, marc)
  }

  @Test(.enabled(if: SSHServer.isInstalled, "needs openssh-server: make test-deps installs it"))
  func twoClonesSyncBothWaysOverSSHWithAKeyFile() throws {
    let shared = try SharedLedger()
    let server = try SSHServer(in: shared.directory.path("sshd"))
    defer { server.stop() }
    let claire = try Machine("claire", in: shared, knownHosts: server.knownHostsLine)
    try claire.installKeyFile(server.clientKey)
    let marc = try Machine("marc", in: shared, knownHosts: server.knownHostsLine)
    try marc.installKeyFile(server.clientKey)
    try roundTrip(shared, url: server.url(shared.bare), claire, marc)
  }

  /// Claire trusts the self-signed certificate in her git configuration (`~/.gitconfig`'s
  /// http.sslCAInfo, which the clone reads); Marc clones with GIT_SSL_CAINFO, then syncs with
  /// http.sslCAInfo in the clone's own configuration and no variable.
  @Test(.enabled(if: HTTPSServer.isInstalled, "needs lighttpd and openssl: make test-deps installs them"))
  func twoClonesSyncBothWaysOverHTTPSWithATokenAndASelfSignedCertificate() throws {
    let shared = try SharedLedger()
    let server = try HTTPSServer(in: shared.directory.path("https"), serving: shared.directory.url)
    defer { server.stop() }
    var claire = try Machine("claire", in: shared)
    claire.environment["ADMINLEDGER_GIT_TOKEN"] = HTTPSServer.token
    claire.environment["ADMINLEDGER_GIT_USERNAME"] = HTTPSServer.user
    try "[http]\n\tsslCAInfo = \(server.certificate.path)\n".write(
      to: claire.home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
    var marc = try Machine("marc", in: shared)
    marc.environment["ADMINLEDGER_GIT_TOKEN"] = HTTPSServer.token
    marc.environment["ADMINLEDGER_GIT_USERNAME"] = HTTPSServer.user
    var marcCloning = marc
    marcCloning.environment["GIT_SSL_CAINFO"] = server.certificate.path
    try roundTrip(shared, url: server.url("shared.git"), claire, marc, marcClones: marcCloning) { clone in
      // Before the clone trusts the certificate, its sync says how to.
      let untrusted = try marc.run(["sync"], in: clone, author: SharedLedger.marcPetit)
      #expect(untrusted.status == 3)
      #expect(
        untrusted.error.hasPrefix(
          "adminledger: error: cannot fetch from origin (\(server.url("shared.git"))): the https server's certificate is not signed by an authority this machine trusts ("
        ),
        "\(untrusted.error)")
      #expect(
        untrusted.error.contains(
          "hint: for a server with a self-signed or private certificate, trust its authority: 'git config http.sslCAInfo /path/to/ca.pem' in the clone (or --global), or GIT_SSL_CAINFO=/path/to/ca.pem\n"
        ))
      try SharedLedger.git(["config", "http.sslCAInfo", server.certificate.path], in: clone)
    }
  }

  /// Claire and Marc clone `url`, each edits another person, and each syncs: Claire's push
  /// lands, Marc's sync merges it and pushes the merge, Claire's next sync fast-forwards to it.
  func roundTrip(
    _ shared: SharedLedger, url: String, _ claire: Machine, _ marc: Machine, marcClones: Machine? = nil,
    afterMarcsClone: (URL) throws -> Void = { _ in }
  ) throws {
    let start = try shared.bareMain()
    let x = shared.directory.path("x")
    let y = shared.directory.path("y")
    let cloned = try claire.succeed(["clone", url, "x"], in: shared.directory.url)
    #expect(cloned.hasPrefix("Cloned \(url) into \(x.path): 8 records\n"), "\(cloned)")
    try (marcClones ?? marc).succeed(["clone", url, "y"], in: shared.directory.url, author: SharedLedger.marcPetit)
    try afterMarcsClone(y)

    try claire.succeed(["set", "people/anne", "--set", "phone=+33611223344"], in: x)
    let pushed = try claire.succeed(["sync"], in: x)
    #expect(pushed == "Already up to date with origin/main.\nPushed main to origin/main (\(url))\n")
    let claires = try SharedLedger.git(["rev-parse", "HEAD"], in: x)
    #expect(try shared.bareMain() + "\n" == claires)
    #expect(try shared.bareMain() != start)

    try marc.succeed(["set", "people/lea", "--set", "phone=+33655443322"], in: y, author: SharedLedger.marcPetit)
    let merged = try marc.succeed(["sync"], in: y, author: SharedLedger.marcPetit)
    #expect(merged.hasPrefix("Merged origin/main into main: 1 record (commit "), "\(merged)")
    #expect(merged.hasSuffix("Pushed main to origin/main (\(url))\n"), "\(merged)")
    let marcs = try SharedLedger.git(["rev-parse", "HEAD"], in: y)
    #expect(try shared.bareMain() + "\n" == marcs)

    let forwarded = try claire.succeed(["sync"], in: x)
    #expect(forwarded.hasPrefix("Fast-forwarded main to origin/main (commit \(marcs.prefix(7)))\n"), "\(forwarded)")
    #expect(try SharedLedger.git(["rev-parse", "HEAD"], in: x) == marcs)
    let lea = try String(contentsOf: x.appendingPathComponent("people/lea.json"), encoding: .utf8)
    #expect(lea.contains(#""phone": "+33655443322""#))
    let anne = try String(contentsOf: y.appendingPathComponent("people/anne.json"), encoding: .utf8)
    #expect(anne.contains(#""phone": "+33611223344""#))
  }

  // MARK: - The shared repository's hook

  /// The ledger with Claire and Marc as its administrators, and the pre-receive hook installed
  /// in the shared repository (as `PreReceiveTests` sets it up).
  func guardedLedger() throws -> SharedLedger {
    let shared = try SharedLedger()
    try shared.recordAdministrators()
    try SharedLedger.succeed(shared.claire, ["hook", "install", "pre-receive", "--repo", shared.bare.path])
    return shared
  }

  /// An outsider's commit, synced through `url`: the hook's verdict reaches the terminal as
  /// `remote:` lines, the very lines `git push` (`gitPush` in the clone) shows over the same
  /// transport, sync exits 1, and the shared branch does not move; Claire's own sync lands.
  func hookVerdicts(
    _ shared: SharedLedger, url: String, _ machine: Machine, gitPush: (URL) throws -> ExternalProgram.Outcome
  ) throws {
    let eve = shared.directory.path("eve")
    try machine.succeed(["clone", url, "eve"], in: shared.directory.url, author: RealTransportTests.eve)
    let before = try shared.bareMain()
    try machine.succeed(["set", "people/anne", "--set", "phone=+33611223344"], in: eve, author: RealTransportTests.eve)
    let commit = try SharedLedger.git(["rev-parse", "--short=7", "HEAD"], in: eve).trimmingCharacters(in: .whitespacesAndNewlines)
    let refused = try machine.run(["sync"], in: eve, author: RealTransportTests.eve)
    #expect(refused.status == 1, "\(refused.error)")
    let remote = RealTransportTests.remoteLines(refused.error)
    #expect(remote.count > 1)
    #expect(remote.first == "remote: adminledger: commit \(commit) by Eve Intrus <eve@example.org>:", "\(refused.error)")
    #expect(
      refused.error.contains("adminledger: error: origin (\(url)) refused the push to main (pre-receive hook declined)"),
      "\(refused.error)")
    #expect(try shared.bareMain() == before)
    let pushed = try gitPush(eve)
    #expect(pushed.status != 0)
    #expect(remote == RealTransportTests.remoteLines(pushed.error), "sync:\n\(refused.error)\ngit push:\n\(pushed.error)")
    #expect(try shared.bareMain() == before)

    let x = shared.directory.path("x")
    try machine.succeed(["clone", url, "x"], in: shared.directory.url)
    try machine.succeed(["set", "people/lea", "--set", "phone=+33655443322"], in: x)
    let outcome = try machine.run(["sync"], in: x)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.error == "remote: adminledger: main: 1 commit audited, no findings\n")
    #expect(try shared.bareMain() + "\n" == SharedLedger.git(["rev-parse", "HEAD"], in: x))
  }

  /// The `remote:` lines of git's standard error, without the padding git adds at their end.
  static func remoteLines(_ error: String) -> [String] {
    error.split(separator: "\n").filter { $0.hasPrefix("remote: ") }.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test(.enabled(if: SSHServer.isInstalled, "needs openssh-server: make test-deps installs it"))
  func theHooksRefusalReachesTheTerminalOverSSH() throws {
    let shared = try guardedLedger()
    let server = try SSHServer(in: shared.directory.path("sshd"))
    defer { server.stop() }
    let machine = try Machine("eve", in: shared, knownHosts: server.knownHostsLine)
    try machine.installKeyFile(server.clientKey)
    let knownHosts = machine.home.appendingPathComponent(".ssh/known_hosts")
    try hookVerdicts(shared, url: server.url(shared.bare), machine) { clone in
      try server.gitPush(["origin", "main"], in: clone, knownHosts: knownHosts)
    }
  }

  @Test(.enabled(if: HTTPSServer.isInstalled, "needs lighttpd and openssl: make test-deps installs them"))
  func theHooksRefusalReachesTheTerminalOverHTTPS() throws {
    let shared = try guardedLedger()
    let server = try HTTPSServer(in: shared.directory.path("https"), serving: shared.directory.url)
    defer { server.stop() }
    var machine = try Machine("eve", in: shared)
    machine.environment["ADMINLEDGER_GIT_TOKEN"] = HTTPSServer.token
    machine.environment["ADMINLEDGER_GIT_USERNAME"] = HTTPSServer.user
    machine.environment["GIT_SSL_CAINFO"] = server.certificate.path
    try hookVerdicts(shared, url: server.url("shared.git"), machine) { clone in
      try server.gitPush("shared.git", "main", in: clone)
    }
  }

  // MARK: - Clear errors

  /// A clone that must fail with exit 3, an error naming `cause` and a hint holding `hint`.
  func expectFailure(
    _ machine: Machine, _ url: String, in shared: SharedLedger, cause: String, hint: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let outcome = try machine.run(["clone", url, "z-\(UUID().uuidString.prefix(8))"], in: shared.directory.url)
    #expect(outcome.status == 3, "\(outcome.error)", sourceLocation: sourceLocation)
    #expect(
      outcome.error.hasPrefix("adminledger: error: cannot clone (\(url)): \(cause) ("), "\(outcome.error)",
      sourceLocation: sourceLocation)
    let hintLine = outcome.error.split(separator: "\n").first { $0.hasPrefix("hint: ") }
    #expect(hintLine?.contains(hint) == true, "\(outcome.error)", sourceLocation: sourceLocation)
  }

  @Test(.enabled(if: SSHServer.isInstalled, "needs openssh-server: make test-deps installs it"))
  func anUnknownHostKeyAndAnUnauthorizedKeyAreClearErrors() throws {
    let shared = try SharedLedger()
    let server = try SSHServer(in: shared.directory.path("sshd"))
    defer { server.stop() }
    let stranger = try Machine("stranger", in: shared)
    try stranger.installKeyFile(server.clientKey)
    try expectFailure(
      stranger, server.url(shared.bare), in: shared,
      cause: "the ssh server's host key is not one this machine knows",
      hint: "ssh-keyscan -p \(server.port) 127.0.0.1 >> ~/.ssh/known_hosts")

    let outsider = try Machine("outsider", in: shared, knownHosts: server.knownHostsLine)
    let otherKey = shared.directory.path("other_key")
    try ServerProcess.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey.path])
    try outsider.installKeyFile(otherKey)
    try expectFailure(
      outsider, server.url(shared.bare), in: shared, cause: "the ssh server accepted none of the keys offered",
      hint: "load your key into the ssh agent (ssh-add)")
  }

  @Test(.enabled(if: HTTPSServer.isInstalled, "needs lighttpd and openssl: make test-deps installs them"))
  func aWrongTokenAnUntrustedCertificateAndAMissingAuthorityFileAreClearErrors() throws {
    let shared = try SharedLedger()
    let server = try HTTPSServer(in: shared.directory.path("https"), serving: shared.directory.url)
    defer { server.stop() }
    var machine = try Machine("claire", in: shared)
    machine.environment["ADMINLEDGER_GIT_USERNAME"] = HTTPSServer.user
    machine.environment["ADMINLEDGER_GIT_TOKEN"] = "glpat-wrong"
    machine.environment["GIT_SSL_CAINFO"] = server.certificate.path
    try expectFailure(
      machine, server.url("shared.git"), in: shared, cause: "the https server refused the token",
      hint: "set ADMINLEDGER_GIT_TOKEN to a valid access token")

    machine.environment["ADMINLEDGER_GIT_TOKEN"] = HTTPSServer.token
    machine.environment["GIT_SSL_CAINFO"] = ""
    try expectFailure(
      machine, server.url("shared.git"), in: shared,
      cause: "the https server's certificate is not signed by an authority this machine trusts",
      hint: "trust its authority: 'git config --global http.sslCAInfo /path/to/ca.pem', or GIT_SSL_CAINFO=/path/to/ca.pem")

    machine.environment["GIT_SSL_CAINFO"] = shared.directory.path("no-such-ca.pem").path
    try expectFailure(
      machine, server.url("shared.git"), in: shared,
      cause: "the certificate authorities file named for https cannot be used",
      hint: "check the file that git's http.sslCAInfo (or GIT_SSL_CAINFO) names")
  }

  @Test(.enabled(if: HTTPSServer.isInstalled, "needs lighttpd and openssl: make test-deps installs them"))
  func anExpiredCertificateIsAClearError() throws {
    let shared = try SharedLedger()
    let server = try HTTPSServer(in: shared.directory.path("https"), serving: shared.directory.url, expired: true)
    defer { server.stop() }
    var machine = try Machine("claire", in: shared)
    machine.environment["ADMINLEDGER_GIT_USERNAME"] = HTTPSServer.user
    machine.environment["ADMINLEDGER_GIT_TOKEN"] = HTTPSServer.token
    machine.environment["GIT_SSL_CAINFO"] = server.certificate.path
    try expectFailure(
      machine, server.url("shared.git"), in: shared, cause: "the https server's certificate has expired",
      hint: "the server's administrator must renew it")
  }
}
