import Foundation
import LedgerGit

/// The pre-receive hook of a shared repository that sync reaches by path. libgit2 pushes
/// to a local repository by writing its objects and references itself, running no hook: the
/// shared repository's gate (`adminledger hook pre-receive`, or any hook of its owner's)
/// would be skipped. So sync runs it as git's receive-pack does, before it moves the branch:
/// in the repository's folder with `GIT_DIR=.`, the update `OLD NEW REFNAME` on standard
/// input, and what it prints (standard output and error, in order) kept as the pusher's
/// `remote:` lines.
struct SharedRepositoryHook {
  /// What a run of the hook ended with.
  struct Run {
    /// True when the hook accepted the push (exit 0), or there is no hook.
    let accepted: Bool
    let lines: [String]
  }

  let repository: Repository

  /// The hook's file: in `core.hooksPath` when it is set (a relative path is relative to the
  /// repository's folder, where hooks run), else `hooks/`. Nil when there is no executable
  /// hook, which git then skips as well.
  func hookFile(_ name: String = "pre-receive") throws(GitError) -> URL? {
    let folder = repository.gitDirectory
    var hooks = folder.appendingPathComponent("hooks")
    if let configured = try repository.configValue("core.hooksPath"), !configured.isEmpty {
      hooks = configured.hasPrefix("/") ? URL(fileURLWithPath: configured) : folder.appendingPathComponent(configured)
    }
    let hook = hooks.appendingPathComponent(name)
    return FileManager.default.isExecutableFile(atPath: hook.path) ? hook : nil
  }

  /// Runs the hook `name` (pre-receive, or post-receive once the branch moved) for one update;
  /// a missing or non-executable hook accepts.
  ///
  /// - Throws: `.hookNotRun` when the hook cannot be started.
  func run(
    _ name: String = "pre-receive", old: ObjectID?, new: ObjectID, reference: String, environment: [String: String]
  ) throws(StoreError) -> Run {
    let hook: URL?
    do {
      hook = try hookFile(name)
    } catch {
      throw .git(.readHooksPath(repository.gitDirectory.path), error)
    }
    guard let hook else { return Run(accepted: true, lines: []) }
    let zeros = String(repeating: "0", count: new.description.count)
    let input = "\(old?.description ?? zeros) \(new.description) \(reference)\n"
    let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("adminledger-push-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: inputFile) }
    let process = Process()
    process.executableURL = hook
    process.currentDirectoryURL = repository.gitDirectory
    var variables = environment.filter { !$0.key.hasPrefix("GIT_") }
    variables["GIT_DIR"] = "."
    process.environment = variables
    // Standard input from a file: a hook that exits without reading it cannot make this
    // process die of a broken pipe.
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    do {
      try Data(input.utf8).write(to: inputFile)
      process.standardInput = try FileHandle(forReadingFrom: inputFile)
      try process.run()
    } catch {
      throw .hookNotRun(path: hook.path, reason: error.localizedDescription)
    }
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: printed, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    let accepted = process.terminationReason == .exit && process.terminationStatus == 0
    return Run(accepted: accepted, lines: lines)
  }
}
