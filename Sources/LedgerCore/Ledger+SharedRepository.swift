import Foundation
import LedgerGit

// The shared repository: the bare repository the clones push to, opened on the server (by
// the pre-receive hook) to read the ledger its branch holds.
extension Ledger {
  /// Opens the ledger kept at the root of a bare repository's branch (the branch its HEAD
  /// names), for reading: snapshots, history and the audit. A bare repository has no work
  /// tree, so nothing may be written through it.
  ///
  /// - Parameters:
  ///   - gitDirectory: the bare repository's folder.
  ///   - objectDirectories: further object folders to read (a push's quarantine during
  ///     pre-receive: `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`).
  /// - Throws: `.notARepository` when `gitDirectory` is not a git repository;
  ///   `.remoteNotBare` when it has a work tree. Whether its branch holds a ledger is
  ///   `holdsLedger()`'s to say: a shared repository may be empty.
  public static func openShared(gitDirectory: URL, objectDirectories: [URL] = []) throws(StoreError) -> Ledger {
    let folder = gitDirectory.standardizedFileURL.resolvingSymlinksInPath()
    let repository: Repository
    do {
      repository = try Repository.open(at: folder)
    } catch {
      throw .notARepository(path: folder.path)
    }
    guard repository.isBare else { throw .remoteNotBare(url: folder.path) }
    do {
      try repository.addObjectDirectories(objectDirectories)
    } catch {
      throw .git(action: "read the objects of \(objectDirectories.map(\.path).joined(separator: ", "))", error)
    }
    return Ledger(root: folder, repository: repository, prefix: "")
  }

  /// Whether the repository has no work tree (a shared repository opened by `openShared`).
  public var isShared: Bool { repository.isBare }

  /// The full name of the branch HEAD names (`refs/heads/main`), which holds the ledger;
  /// nil when HEAD is detached.
  public func ledgerBranch() throws(StoreError) -> String? {
    switch try store.readHead() {
    case .branch(let name, _), .unborn(let name): name
    case .detached: nil
    }
  }

  /// Whether `revision` (nil: HEAD) holds `ledger.json` at the ledger's root.
  public func holdsLedger(at revision: String? = nil) throws(StoreError) -> Bool {
    if revision == nil, try store.readHead().commit == nil { return false }
    return try store.snapshot(at: revision).fileBytes(LedgerSettings.fileName) != nil
  }
}
