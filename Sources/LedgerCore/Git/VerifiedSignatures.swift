import Foundation
import LedgerGit

/// Reads and verifies the signatures of commits, remembering each verdict by commit id in
/// `.git/adminledger/signatures` (a commit's id covers its content and its signature, so the
/// verdict never changes): a later audit runs `ssh-keygen` only on new commits.
///
/// The file holds one line per verified commit, `HEX good` or `HEX bad`, appended.
final class VerifiedSignatures {
  private let file: URL
  private let program: SSHKeygen
  private var verdicts: [ObjectID: Bool] = [:]

  init(gitDirectory: URL, program: SSHKeygen = SSHKeygen()) {
    file = gitDirectory.appendingPathComponent("adminledger/signatures")
    self.program = program
    guard let data = FileManager.default.contents(atPath: file.path) else { return }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let words = line.split(separator: " ")
      guard words.count == 2, let id = ObjectID(hex: String(words[0])) else { continue }
      verdicts[id] = words[1] == "good"
    }
  }

  /// The signatures of `commits`, verifying those not verified before, several at a time.
  func signatures(of commits: [ObjectID], in repository: Repository) throws(StoreError) -> [ObjectID: CommitSignature] {
    var result: [ObjectID: CommitSignature] = [:]
    var pending: [(id: ObjectID, signature: SSHSignature, armored: String, data: [UInt8])] = []
    for id in commits {
      let extracted: (signature: String, signedData: [UInt8])?
      do {
        extracted = try repository.commitSignature(id)
      } catch {
        throw .git(.readSignature(id.description), error)
      }
      guard let extracted else {
        result[id] = .unsigned
        continue
      }
      guard let signature = SSHSignature(armored: extracted.signature) else {
        result[id] = .unreadable
        continue
      }
      if let known = verdicts[id] {
        result[id] = .ssh(signature, verifies: known)
      } else {
        pending.append((id, signature, extracted.signature, extracted.signedData))
      }
    }
    guard !pending.isEmpty else { return result }
    // Each check is a process that mostly waits: two per core keep the cores busy.
    let workers = min(pending.count, max(1, ProcessInfo.processInfo.activeProcessorCount * 2))
    let outcomes = Concurrently.map(pending.count, workers: workers) { [program] _, index -> Result<Bool, SigningProblem> in
      let item = pending[index]
      do throws(SigningProblem) {
        return .success(try program.verifies(item.signature, armored: item.armored, of: item.data))
      } catch {
        return .failure(error)
      }
    }
    var lines = ""
    for (item, outcome) in zip(pending, outcomes) {
      switch outcome {
      case .success(let verifies):
        verdicts[item.id] = verifies
        result[item.id] = .ssh(item.signature, verifies: verifies)
        lines += "\(item.id) \(verifies ? "good" : "bad")\n"
      case .failure(let problem):
        throw .signing(problem)
      }
    }
    remember(lines)
    return result
  }

  /// Appends new verdicts; a clone that cannot write (read-only) verifies them again next time.
  private func remember(_ lines: String) {
    let manager = FileManager.default
    try? manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    if !manager.fileExists(atPath: file.path) { _ = manager.createFile(atPath: file.path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: file.path) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data(lines.utf8))
  }
}
