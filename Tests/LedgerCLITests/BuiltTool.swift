import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `adminledger` binary run as a process of its own (what a crash, a trace or
/// several processes at once need), under Claire's name unless told otherwise.
enum BuiltTool {
  static let claire = "Claire Durand <claire.durand@example.org>"

  /// Runs `adminledger ARGUMENTS` in `directory`; `crashAt` names a kill point (`CrashPoint`).
  static func run(_ arguments: [String], in directory: URL, author: String = claire, crashAt: String? = nil) throws
    -> ExternalProgram.Outcome
  {
    var environment = ["ADMINLEDGER_AUTHOR": author]
    if let crashAt { environment["ADMINLEDGER_CRASH_AT"] = crashAt }
    return try ExternalProgram.run(try ExternalProgram.builtTool(), arguments, in: directory, environment: environment)
  }

  /// Runs `arguments`, which must be killed with SIGKILL at `point`.
  static func crash(_ arguments: [String], in directory: URL, at point: String, author: String = claire) throws {
    let outcome = try run(arguments, in: directory, author: author, crashAt: point)
    try #require(outcome.signal == SIGKILL, "not killed at \(point): exit \(outcome.status)\n\(outcome.error)")
  }
}
