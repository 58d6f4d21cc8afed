import Foundation
import LedgerGit

/// `ledger-synth sign REPOSITORY KEY REFERENCE...`: writes a signed copy of the history of each
/// reference, as `git commit -S` with `gpg.format ssh` would have made it (each commit's text
/// signed by `ssh-keygen -Y sign -n git -f KEY`, the signature in its `gpgsig` header), and
/// prints `NEW-ID REFERENCE` for each, for `git update-ref`. Commits are re-signed parents
/// first: a commit's text names its parents' new ids, so the work is one commit after another.
struct Resign {
  let repository: URL
  let key: String
  let references: [String]

  init(arguments: [String]) throws {
    guard arguments.count >= 3 else { throw SynthError.usage("ledger-synth sign REPOSITORY KEY REFERENCE...") }
    repository = URL(fileURLWithPath: arguments[0])
    key = arguments[1]
    references = Array(arguments.dropFirst(2))
  }

  func run() throws {
    let repo = try Repository.open(at: repository)
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-synth-sign-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    var signed: [ObjectID: ObjectID] = [:]
    for reference in references {
      guard let tip = try repo.referenceTarget(reference) else { throw SynthError.usage("no reference \(reference)") }
      for id in try parentsFirst(from: tip, in: repo) where signed[id] == nil {
        let commit = try repo.commit(id)
        let content = try repo.commitContent(
          tree: commit.tree, parents: commit.parents.map { signed[$0] ?? $0 }, author: commit.author,
          committer: commit.committer, message: commit.message)
        signed[id] = try repo.createSignedCommit(content: content, signature: try sign(content, in: scratch))
      }
      print("\(signed[tip] ?? tip) \(reference)")
    }
  }

  /// The commits reachable from `tip`, each after its parents.
  private func parentsFirst(from tip: ObjectID, in repo: Repository) throws -> [ObjectID] {
    var order: [ObjectID] = []
    var done = Set<ObjectID>()
    var stack: [(ObjectID, expanded: Bool)] = [(tip, false)]
    while let (id, expanded) = stack.popLast() {
      if done.contains(id) { continue }
      if expanded {
        done.insert(id)
        order.append(id)
        continue
      }
      stack.append((id, true))
      for parent in try repo.commit(id).parents where !done.contains(parent) { stack.append((parent, false)) }
    }
    return order
  }

  private func sign(_ content: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent("commit")
    let signature = folder.appendingPathComponent("commit.sig")
    try? FileManager.default.removeItem(at: signature)
    try Data(content.utf8).write(to: file)
    guard spawn("/usr/bin/ssh-keygen", ["-q", "-Y", "sign", "-n", "git", "-f", key, file.path]) == 0 else {
      throw SynthError.usage("ssh-keygen -Y sign failed with \(key)")
    }
    return try String(contentsOf: signature, encoding: .utf8)
  }

  /// Runs a program and waits for it: posix_spawn and waitpid, a few milliseconds where
  /// Foundation's Process took fifty (20,000 commits are signed one after another).
  private func spawn(_ program: String, _ arguments: [String]) -> Int32 {
    let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
  }
}
