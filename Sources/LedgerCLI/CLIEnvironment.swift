import Foundation

/// Everything a command reads from or writes to the outside world, so every command runs
/// in-process in tests with captured output, a fixed clock and fixed variables.
public struct CLIEnvironment: Sendable {
  /// Environment variables (`ADMINLEDGER_AUTHOR`, `NO_COLOR`: no colour when set and not empty,
  /// `COLUMNS`).
  public var variables: [String: String]
  /// Where relative paths start and where the ledger is searched from.
  public var currentDirectory: URL
  /// The clock: the instant writes are dated.
  public var now: @Sendable () -> Date
  /// Standard input, read whole when a command is given `-`.
  public var readStandardInput: @Sendable () -> [UInt8]
  public var standardOutput: TextSink
  public var standardError: TextSink
  /// The `adminledger` executable, for the git hooks `init` installs.
  public var toolPath: String?

  public init(
    variables: [String: String], currentDirectory: URL, now: @escaping @Sendable () -> Date,
    readStandardInput: @escaping @Sendable () -> [UInt8], standardOutput: TextSink,
    standardError: TextSink, toolPath: String? = nil
  ) {
    self.variables = variables
    self.currentDirectory = currentDirectory
    self.now = now
    self.readStandardInput = readStandardInput
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.toolPath = toolPath
  }

  /// The real process: its variables, folder, clock, stdin, stdout and stderr.
  public static func process() -> CLIEnvironment {
    CLIEnvironment(
      variables: ProcessInfo.processInfo.environment,
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      now: { Date() },
      readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
      standardOutput: .standardOutput, standardError: .standardError,
      toolPath: Bundle.main.executableURL?.resolvingSymlinksInPath().path)
  }
}
