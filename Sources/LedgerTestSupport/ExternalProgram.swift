import Foundation

/// Runs a program (the real `git` in interoperability tests, the built `adminledger` in
/// end-to-end tests) and collects what it printed.
public enum ExternalProgram {
  public struct Outcome: Sendable {
    public let status: Int32
    public let output: String
    public let error: String
    /// The signal that ended the program (SIGKILL for a crash test's kill), nil when it exited.
    public var signal: Int32? = nil
  }

  /// Runs `executable` with `arguments` in `directory`, with a clean git identity.
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: URL,
    environment extra: [String: String] = [:], input: String? = nil
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = directory.path  // no user config leaks into a test
    environment["NO_COLOR"] = "1"
    // English unless a test asks otherwise: the machine's own locale must not change the output.
    for name in ["ADMINLEDGER_LANG", "LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
    environment["LANG"] = "C.UTF-8"
    // The git program dates its commits like the in-process runner's fixed clock: a history
    // whose dates went back and forth would be one the audit reports as backdated.
    environment["GIT_AUTHOR_DATE"] = ExternalProgram.fixedGitDate
    environment["GIT_COMMITTER_DATE"] = ExternalProgram.fixedGitDate
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inputPipe.fileHandleForWriting.close()
    // Both pipes at once: read one after the other, a program filling the second pipe (64 KiB
    // of warnings on stderr) would block forever while the first is read to its end.
    nonisolated(unsafe) var errData = Data()
    let errorRead = DispatchGroup()
    errorRead.enter()
    DispatchQueue.global().async {
      errData = error.fileHandleForReading.readDataToEndOfFile()
      errorRead.leave()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      error: String(decoding: errData, as: UTF8.self),
      signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
  }

  /// The instant the git program's commits are dated in tests: `CLIRunner.now`.
  public static let fixedGitDate = "1795000000 +0000"

  /// Runs the real `git` program.
  public static func git(_ arguments: String..., in directory: URL) throws -> Outcome {
    try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory)
  }

  /// The `adminledger` binary built next to the test bundle.
  public static func builtTool() throws -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("adminledger")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "adminledger next to the tests; run 'swift build' first"])
  }
}
