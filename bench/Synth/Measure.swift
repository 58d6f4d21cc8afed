import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `ledger-synth measure [--runs N] [--timeout S] [--warmup] [--before SHELL] [--log FILE] -- CMD ARGS...`
///
/// Runs CMD N times (after one unmeasured warm-up run with `--warmup`; `--before` runs a shell
/// command, unmeasured, before each run) and prints one JSON object: each run's wall time,
/// their median, the peak resident memory (wait4's ru_maxrss, which covers the reaped
/// descendants too, so `bash -c "a | b"` is measured whole: the largest process of the
/// pipeline), and the exit codes. A run that passes the timeout is killed with its process
/// group, and no further run is made: `"timed_out": true`. `{n}` in an argument becomes a
/// number unique to the run, so a write can set a different value each time.
struct Measure {
  var runs = 5
  var timeout = 600.0
  var warmup = false
  var before: String?
  var log: String?
  var command: [String] = []

  init(arguments: [String]) throws {
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
      case "--timeout": timeout = Double(rest.popFirst() ?? "") ?? timeout
      case "--warmup": warmup = true
      case "--before": before = rest.popFirst()
      case "--log": log = rest.popFirst()
      case "--": command = Array(rest); rest = []
      default: throw SynthError.usage("measure: unknown option \(argument)")
      }
    }
    guard !command.isEmpty else { throw SynthError.usage("measure: give the command after --") }
  }

  struct Run {
    var seconds: Double
    var maxRSSKiB: Int
    var exitCode: Int32
    var timedOut: Bool
  }

  func run() throws {
    var results: [Run] = []
    let nonce = Int(Date().timeIntervalSince1970) % 1_000_000
    var timedOut = false
    for index in (warmup ? -1 : 0)..<runs {
      if let before { _ = try spawn(["/bin/sh", "-c", before], timeout: timeout) }
      let args = command.map { $0.replacingOccurrences(of: "{n}", with: "\(nonce)\(index + 1)") }
      let result = try spawn(args, timeout: timeout)
      if result.timedOut {
        timedOut = true
        results.append(result)
        break
      }
      if index >= 0 { results.append(result) }
    }
    let measured = results.filter { !$0.timedOut }
    let times = measured.map(\.seconds).sorted()
    let median = times.isEmpty ? nil : times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    let peak = results.map(\.maxRSSKiB).max() ?? 0
    func number(_ x: Double) -> J { .n(String(format: "%.4f", x)) }
    let report: [String: J] = [
      "command": .a(command.map { .s($0) }),
      "runs": .n(String(measured.count)),
      "times": .a(results.map { number($0.seconds) }),
      "median": median.map(number) ?? .n("null"),
      "peak_mib": number(Double(peak) / 1024),
      "exit_codes": .a(results.map { .n(String($0.exitCode)) }),
      "failed": .b(results.contains { !$0.timedOut && $0.exitCode != 0 }),
      "timed_out": .b(timedOut),
      "timeout": number(timeout),
    ]
    print(Canonical.text(report), terminator: "")
  }

  /// Runs `args` in its own process group and waits for it.
  private func spawn(_ args: [String], timeout: Double) throws -> Run {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if let log {
      posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
    argv.append(nil)
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    var begin = timespec()
    clock_gettime(CLOCK_MONOTONIC, &begin)
    let status = posix_spawnp(&pid, args[0], &actions, &attributes, argv, environ)
    guard status == 0 else { throw SynthError.usage("measure: cannot run \(args[0]) (error \(status))") }
    let killed = Flag()
    let killer = DispatchWorkItem {
      killed.set()
      kill(-pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    var waitStatus: Int32 = 0
    var usage = rusage()
    while wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR {}
    killer.cancel()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - begin.tv_sec) + Double(end.tv_nsec - begin.tv_nsec) / 1e9
    let signal = waitStatus & 0x7f
    let code: Int32 = signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    return Run(seconds: seconds, maxRSSKiB: Int(usage.ru_maxrss), exitCode: code, timedOut: killed.value)
  }
}

/// A flag set from the timer's thread and read after wait4 returns.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false
  func set() { lock.lock(); raised = true; lock.unlock() }
  var value: Bool { lock.lock(); defer { lock.unlock() }; return raised }
}
