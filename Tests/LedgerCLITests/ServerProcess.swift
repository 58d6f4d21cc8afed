import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A server a test starts (sshd, lighttpd, ssh-agent), in a process group of its own, with its
/// output in a log file. `deinit` ends the whole group (SIGTERM, then SIGKILL) and reaps the
/// process, so nothing is left behind when a test fails or throws half-way.
final class ServerProcess {
  let name: String
  let log: URL
  private let pid: pid_t
  private var reaped = false

  /// Starts `executable ARGUMENTS` with `environment` (the whole environment) and its standard
  /// output and error in `log`.
  init(_ name: String, _ executable: String, _ arguments: [String], environment: [String: String], log: URL) throws {
    self.name = name
    self.log = log
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)  // a new group, led by the server
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      throw ServerFailure(message: "cannot start \(executable) (log \(log.path)): \(String(cString: strerror(status)))")
    }
    pid = child
  }

  deinit { stop() }

  /// What the server wrote so far.
  var output: String {
    (FileManager.default.contents(atPath: log.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  /// Waits until `ready()` holds, failing when the server exits first or after 15 seconds.
  func wait(until what: String, _ ready: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(15)
    while !ready() {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        reaped = true
        throw ServerFailure(message: "\(name) exited before \(what):\n\(output)")
      }
      guard Date() < deadline else { throw ServerFailure(message: "\(name): no \(what) after 15 s:\n\(output)") }
      usleep(20_000)
    }
  }

  /// Ends the process group: SIGTERM, then SIGKILL after two seconds.
  func stop() {
    guard !reaped else { return }
    kill(-pid, SIGTERM)
    var status: Int32 = 0
    for _ in 0..<100 {
      if waitpid(pid, &status, WNOHANG) == pid { break }
      usleep(20_000)
    }
    kill(-pid, SIGKILL)  // whatever of the group is left (a CGI, a session)
    if waitpid(pid, &status, WNOHANG) != pid { waitpid(pid, &status, 0) }
    reaped = true
  }

  /// What `start` returns, given a free port: it writes the server's configuration, starts it
  /// and waits until it listens. Another process may take the port between the choice and the
  /// server's bind (tests run in parallel); then the server fails saying so, and another port
  /// is tried, three in all.
  static func onFreePort<Server>(_ start: (Int) throws -> Server) throws -> Server {
    var attempt = 1
    while true {
      do {
        return try start(try freePort())
      } catch let failure as ServerFailure where attempt < 3 && failure.message.contains("in use") {
        attempt += 1
      }
    }
  }

  /// A TCP port free on 127.0.0.1 now (the kernel's choice for port 0).
  static func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ServerFailure(message: "socket: \(String(cString: strerror(errno)))") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
      }
    }
    guard bound else { throw ServerFailure(message: "bind: \(String(cString: strerror(errno)))") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Runs a program to its end (ssh-keygen, openssl, ssh-add); it must succeed.
  @discardableResult
  static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    var variables = ProcessInfo.processInfo.environment
    variables.merge(environment) { _, new in new }
    process.environment = variables
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw ServerFailure(message: "\(program) \(arguments.joined(separator: " ")) failed:\n\(text)")
    }
    return text
  }

  /// Whether `program` is on PATH (or is an absolute path to an executable).
  static func installed(_ program: String) -> Bool {
    if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
  }

  /// The name of the user the tests run as (the one the ssh server lets in).
  static var userName: String {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "root" }
    return String(cString: name)
  }
}

/// A server that could not be started, with what it printed.
struct ServerFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
