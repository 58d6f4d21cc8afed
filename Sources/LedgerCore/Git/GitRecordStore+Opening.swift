import Foundation
import LedgerGit

// The repository a ledger lives in: found from a folder of its work tree, made for a new
// ledger, opened bare on the server, or cloned from a remote.
extension GitRecordStore {
  /// The store of the ledger whose folder contains `start` (a canonical folder): the nearest
  /// folder at or above it that holds `ledger.json`, inside the enclosing repository.
  ///
  /// - Returns: the store, and the ledger's folder.
  /// - Throws: `.notARepository` outside any repository; `.notALedger` when no folder up to
  ///   the repository's root holds `ledger.json`.
  static func discover(from start: URL) throws(StoreError) -> (store: GitRecordStore, root: URL) {
    let repository: Repository
    do {
      repository = try Repository.discover(from: start)
    } catch {
      throw .notARepository(path: start.path)
    }
    guard let workdir = repository.workingDirectory.map(Ledger.canonical) else {
      throw .notALedger(searched: start.path)
    }
    var folder = start
    while folder.path.hasPrefix(workdir.path) {
      let settings = folder.appendingPathComponent(LedgerSettings.fileName)
      if FileManager.default.fileExists(atPath: settings.path) {
        return (GitRecordStore(repository: repository, prefix: relative(folder, to: workdir)), folder)
      }
      if folder.path == workdir.path { break }
      folder = folder.deletingLastPathComponent()
    }
    throw .notALedger(searched: start.path)
  }

  /// The store of a new ledger in `folder` (a canonical folder that exists): in the repository
  /// enclosing it, else in a new repository made there.
  static func create(at folder: URL) throws(StoreError) -> GitRecordStore {
    let repository: Repository
    do {
      repository = try Repository.discover(from: folder)
    } catch {
      do {
        repository = try Repository.create(at: folder)
      } catch {
        throw .git(.createRepository(folder.path), error)
      }
    }
    let workdir = repository.workingDirectory.map(Ledger.canonical) ?? folder
    return GitRecordStore(repository: repository, prefix: relative(folder, to: workdir))
  }

  /// The store of a shared (bare) repository's ledger, kept at the root of its branch, with
  /// `objectDirectories` read as well (a push's quarantine).
  ///
  /// - Throws: `.notARepository` when `folder` is not a git repository; `.remoteNotBare` when
  ///   it has a work tree.
  static func openShared(gitDirectory folder: URL, objectDirectories: [URL]) throws(StoreError) -> GitRecordStore {
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
      throw .git(.readObjects(objectDirectories.map(\.path)), error)
    }
    return GitRecordStore(repository: repository, prefix: "")
  }

  /// Whether the repository has no work tree (a shared repository).
  var isBare: Bool { repository.isBare }

  /// Clones the repository at `url` into `folder` and checks out its branch.
  ///
  /// - Throws: `.remote` when the remote cannot be cloned.
  static func clone(from url: String, into folder: URL, access: RemoteAccess) throws(StoreError) {
    do {
      let repository = try Repository.clone(from: url, into: folder, options: access.transferOptions)
      try checkOutDefaultBranch(repository)
    } catch {
      throw .remote(.clone, url: url, error)
    }
  }

  /// When the remote's HEAD names no branch (a bare repository made by `git init --bare`
  /// whose first push was to `main`), checks out `main`, else `master`, as git would have.
  private static func checkOutDefaultBranch(_ repository: Repository) throws(GitError) {
    guard case .unborn = try repository.head() else { return }
    for name in ["main", "master"] {
      guard let commit = try repository.referenceTarget("refs/remotes/origin/\(name)") else { continue }
      try repository.checkOutNewBranch("refs/heads/\(name)", at: commit)
      try repository.setConfig("branch.\(name).remote", "origin")
      try repository.setConfig("branch.\(name).merge", "refs/heads/\(name)")
      return
    }
  }

  private static func relative(_ folder: URL, to workdir: URL) -> String {
    let base = workdir.path.hasSuffix("/") ? workdir.path : workdir.path + "/"
    return folder.path == workdir.path ? "" : String(folder.path.dropFirst(base.count))
  }
}
