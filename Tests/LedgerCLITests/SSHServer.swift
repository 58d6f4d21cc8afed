import Foundation
import LedgerTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Debian's OpenSSH server on 127.0.0.1 and a free port, configured from `folder`: a host key
/// made for the test, and one authorized client key restricted to `git-shell`, so a client can
/// fetch and push any repository the user reaches by absolute path and run nothing else.
final class SSHServer {
  static let program = "/usr/sbin/sshd"
  static var isInstalled: Bool {
    ServerProcess.installed(program) && ServerProcess.installed("git-shell") && ServerProcess.installed("ssh-agent")
  }

  let port: Int
  /// The client's private key (its public half is `clientKey.pub`), authorized on the server.
  let clientKey: URL
  /// The line a client's `~/.ssh/known_hosts` needs to know this server.
  let knownHostsLine: String
  private let process: ServerProcess

  init(in folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let hostKey = folder.appendingPathComponent("host_key")
    clientKey = folder.appendingPathComponent("client_key")
    for key in [hostKey, clientKey] {
      try ServerProcess.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", key.lastPathComponent, "-f", key.path])
    }
    let clientPublic = try String(contentsOf: clientKey.appendingPathExtension("pub"), encoding: .utf8)
    let restriction =
      #"command="git-shell -c \"$SSH_ORIGINAL_COMMAND\"",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty"#
    let authorized = folder.appendingPathComponent("authorized_keys")
    try (restriction + " " + clientPublic).write(to: authorized, atomically: true, encoding: .utf8)
    // As root, sshd wants its privilege-separation folder (made by the init system otherwise).
    if getuid() == 0 { try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
    (port, process) = try ServerProcess.onFreePort { port in
      // StrictModes no: the temporary folder's modes are not what sshd wants of a home folder;
      // UsePAM no: no login session, so sshd runs unprivileged as well as as root.
      let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(hostKey.path)
        PidFile \(folder.appendingPathComponent("sshd.pid").path)
        AuthorizedKeysFile \(authorized.path)
        AllowUsers \(ServerProcess.userName)
        StrictModes no
        UsePAM no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password

        """
      let configFile = folder.appendingPathComponent("sshd_config")
      try config.write(to: configFile, atomically: true, encoding: .utf8)
      let process = try ServerProcess(
        "sshd", SSHServer.program, ["-f", configFile.path, "-D", "-e"],
        environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"], log: folder.appendingPathComponent("sshd.log"))
      try process.wait(until: "listening") { process.output.contains("Server listening on 127.0.0.1 port \(port)") }
      return (port, process)
    }
    let hostPublic = try String(contentsOf: hostKey.appendingPathExtension("pub"), encoding: .utf8)
    knownHostsLine = "[127.0.0.1]:\(port) " + hostPublic.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
  }

  /// The ssh URL of the repository at `path` on this server.
  func url(_ path: URL) -> String { "ssh://\(ServerProcess.userName)@127.0.0.1:\(port)\(path.path)" }

  /// What the server logged (for a failing test's message).
  var log: String { process.output }

  /// Ends the server (deinit does too; a `defer` keeps the server alive until then).
  func stop() { process.stop() }

  /// `git push` with the real git program and ssh, as the test's key and known_hosts allow.
  func gitPush(_ arguments: [String], in clone: URL, knownHosts: URL) throws -> ExternalProgram.Outcome {
    let ssh = "ssh -i \(clientKey.path) -o IdentitiesOnly=yes -o UserKnownHostsFile=\(knownHosts.path) -o BatchMode=yes"
    return try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "push"] + arguments, in: clone,
      environment: ["GIT_SSH_COMMAND": ssh, "SSH_AUTH_SOCK": ""])
  }
}

/// An ssh agent holding one key, on a socket in a test's folder; deinit ends it.
final class SSHAgent {
  let socket: URL
  private let process: ServerProcess

  init(in folder: URL, holding key: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    socket = folder.appendingPathComponent("agent.sock")
    process = try ServerProcess(
      "ssh-agent", "/usr/bin/ssh-agent", ["-D", "-a", socket.path], environment: [:],
      log: folder.appendingPathComponent("agent.log"))
    let path = socket.path
    try process.wait(until: "its socket") { FileManager.default.fileExists(atPath: path) }
    try ServerProcess.run("ssh-add", ["-q", key.path], environment: ["SSH_AUTH_SOCK": socket.path])
  }

  /// Ends the agent.
  func stop() { process.stop() }
}
