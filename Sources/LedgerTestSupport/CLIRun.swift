import Foundation
import LedgerCLI

/// The outcome of one in-process run of the command line.
public struct CLIResult: Sendable, CustomStringConvertible {
  public let status: Int32
  public let output: String
  public let error: String

  public var description: String { "exit \(status)\nstdout:\n\(output)\nstderr:\n\(error)" }
}

/// Runs `adminledger` in-process with a fixed clock, a fixed author, captured output, and no
/// reading of the user's own git configuration for the author.
public struct CLIRunner: Sendable {
  /// The folder commands run in.
  public var directory: URL
  /// `ADMINLEDGER_AUTHOR`; nil leaves it unset.
  public var author: String? = "Claire Durand <claire.durand@example.org>"
  /// The instant every write is dated.
  public var now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
  public var standardInput: [UInt8] = []
  public var variables: [String: String] = [:]

  public init(directory: URL) { self.directory = directory }

  /// Runs `adminledger ARGUMENTS...`.
  @discardableResult
  public func run(_ arguments: String...) -> CLIResult { run(arguments) }

  public func run(_ arguments: [String]) -> CLIResult {
    let output = TextSink.capture()
    let error = TextSink.capture()
    var variables = self.variables
    variables["ADMINLEDGER_AUTHOR"] = author
    let now = self.now
    let input = standardInput
    let environment = CLIEnvironment(
      variables: variables, currentDirectory: directory, now: { now },
      readStandardInput: { input }, standardOutput: output, standardError: error,
      toolPath: try? ExternalProgram.builtTool().path)
    let status = LedgerCLI.run(["adminledger"] + arguments, environment: environment)
    return CLIResult(status: status, output: output.text, error: error.text)
  }
}
