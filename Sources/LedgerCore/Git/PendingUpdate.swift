import Foundation
import LedgerGit
import LedgerJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An update of the branch and the work tree that has begun and not yet ended, recorded on
/// disk before it begins, in `.git/adminledger/pending.json`:
///
///     {"branch": "refs/heads/main", "from": "4f1c…", "operation": "move", "to": "77a0…"}
///
/// A write moves the branch first, then brings the work tree and the index along. Killed in
/// between, the clone would hold a branch ahead of its files, and the files would read as a
/// hand edit undoing the write (which the next `commit` would commit). `move` says which
/// files must follow; `stop` marks a merge being stopped (MERGE_HEAD, merged files, conflicts
/// in the index), which is only usable whole. The next command finishes a `move` and undoes
/// a `stop` (see `GitRecordStore.recoverInterruptedUpdate`). The file is removed once the update ends.
struct PendingUpdate: Equatable {
  enum Operation: String { case move, stop }

  let operation: Operation
  let branch: String
  /// The branch's commit before (nil on a branch with no commit yet) and after the update.
  let from: ObjectID?
  let to: ObjectID

  static func file(in gitDirectory: URL) -> URL {
    gitDirectory.appendingPathComponent("adminledger/pending.json")
  }

  /// Records the update durably, before anything of it is written.
  func record(in gitDirectory: URL) throws(StoreError) {
    var object: JSONObject = [
      "operation": .string(operation.rawValue), "branch": .string(branch), "to": .string(to.description),
    ]
    if let from { object["from"] = .string(from.description) }
    try AtomicFile.writeDurably(CanonicalWriter.bytes(.object(object)), to: PendingUpdate.file(in: gitDirectory))
  }

  /// The update left by a process that stopped before its end, or nil.
  static func load(from gitDirectory: URL) -> PendingUpdate? {
    guard let data = FileManager.default.contents(atPath: file(in: gitDirectory).path) else { return nil }
    guard let object = (try? JSONParser.parse(Array(data)))?.objectValue,
      let operation = object["operation"]?.stringValue.flatMap(Operation.init(rawValue:)),
      let branch = object["branch"]?.stringValue,
      let to = object["to"]?.stringValue.flatMap(ObjectID.init(hex:))
    else {
      // Written whole by rename, so unreadable means damaged by hand: it names nothing to finish.
      clear(in: gitDirectory)
      return nil
    }
    return PendingUpdate(
      operation: operation, branch: branch, from: object["from"]?.stringValue.flatMap(ObjectID.init(hex:)), to: to)
  }

  /// Ends the update: removes the record, durably (a record that came back after a power cut
  /// would undo a merge stopped on purpose).
  static func clear(in gitDirectory: URL) {
    let url = file(in: gitDirectory)
    guard unlink(url.path) == 0 else { return }
    try? AtomicFile.syncFolders(of: [url])
  }
}
