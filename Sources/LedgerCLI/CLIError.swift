import LedgerCore
import LedgerQuery

/// Why a command stopped. Cases carry data; `Output/FailureMessages.swift` words them.
public enum CLIError: Error, Sendable {
  /// Bad arguments: exits 2 with the command's usage line.
  case usage(String, hint: String? = nil)
  /// A ledger operation failed.
  case store(StoreError)
  /// Problems in the user's data, already located.
  case findings([Diagnostic])
  /// A `--where`, `--sort` or `--fields` that cannot run.
  case query(QueryError)
  /// A file the user named could not be read.
  case unreadableFile(path: String, reason: String)
  /// A file the user named holds more than the tool reads from one file (`InputLimits`).
  case tooLarge(path: String, limit: Int)
}
