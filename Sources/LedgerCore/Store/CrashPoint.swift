import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Named points of the writes where a test may stop the process dead, to prove that a crash
/// there leaves the ledger whole and that the next command recovers.
///
/// Test-only: `ADMINLEDGER_CRASH_AT=NAME` kills the process with SIGKILL (no clean-up, no
/// buffered output) the first time it reaches NAME; `NAME:N` the Nth time (the Nth file of a
/// work-tree update). Unset, as everywhere outside the crash tests, a point costs one
/// comparison.
public enum CrashPoint {
  /// Every point, in the order a write, a sync and a merge reach them.
  public static let all = [
    "write.objects-written", "update.journal-written", "update.branch-moved", "worktree.file",
    "worktree.files-written", "update.worktree-done", "sync.fetched", "sync.pushed",
    "stop.journal-written", "stop.merge-head-written", "stop.files-written", "resolve.state-saved",
    "resolve.file-written", "conclude.branch-moved", "history-index.torn",
    "history.read",
  ]

  private static let chosen: (name: String, count: Int)? = {
    guard let value = ProcessInfo.processInfo.environment["ADMINLEDGER_CRASH_AT"], !value.isEmpty else { return nil }
    // `split` drops empty pieces: `:` alone names no point.
    let parts = value.split(separator: ":", maxSplits: 1)
    guard let name = parts.first else { return nil }
    return (String(name), parts.count == 2 ? Int(parts[1]) ?? 1 : 1)
  }()

  /// How many times the chosen point has been reached. A `Mutex`, not a plain static: the
  /// points are reached from whichever thread does the write, and Swift 6 checks that.
  private static let reached = Mutex(0)

  /// Whether the process should stop at `name` now (counts the reach).
  static func isChosen(_ name: String) -> Bool {
    guard let chosen, chosen.name == name else { return false }
    return reached.withLock { count in
      count += 1
      return count == chosen.count
    }
  }

  /// Stops the process dead here when the test chose this point.
  static func reach(_ name: String) {
    if isChosen(name) { stop() }
  }

  static func stop() -> Never {
    kill(getpid(), SIGKILL)
    fatalError("SIGKILL did not stop the process")
  }
}
