/// The process exit codes of DESIGN.md.
public enum ExitStatus: Int32, Sendable {
  /// Success.
  case ok = 0
  /// The ledger has findings: invalid data, conflicts, audit findings, refused writes.
  case findings = 1
  /// Bad usage: unknown command or option, bad argument, a named thing that does not exist.
  case usage = 2
  /// The operation failed: I/O, git, internal.
  case failure = 3
}
