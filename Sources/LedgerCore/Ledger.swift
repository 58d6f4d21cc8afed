import Foundation
import LedgerGit

/// An open ledger: a folder holding `ledger.json` inside a git work tree.
public final class Ledger {
  /// The ledger's folder.
  public let root: URL
  /// Where its commits live.
  public let store: GitRecordStore
  let repository: Repository
  /// The history its commits make.
  public var history: any LedgerHistory { store.history }

  init(root: URL, repository: Repository, prefix: String) {
    self.root = root
    self.repository = repository
    self.store = GitRecordStore(repository: repository, prefix: prefix)
  }

  /// Opens the ledger whose folder contains `start`: the nearest folder at or above it that
  /// holds `ledger.json`, inside the enclosing git repository.
  ///
  /// - Throws: `.notARepository` outside any repository; `.notALedger` when no folder up to
  ///   the repository's root holds `ledger.json`.
  /// - Parameter recovering: whether to finish or undo an update a killed process left (see
  ///   `recoverInterruptedUpdate`); false inside a git program's hook or merge driver, which
  ///   runs while git holds the index.
  public static func open(from start: URL, recovering: Bool = true) throws(StoreError) -> Ledger {
    let start = canonical(start)
    let repository: Repository
    do {
      repository = try Repository.discover(from: start)
    } catch {
      throw .notARepository(path: start.path)
    }
    guard let workdir = repository.workingDirectory.map(canonical) else {
      throw .notALedger(searched: start.path)
    }
    var folder = start
    while folder.path.hasPrefix(workdir.path) {
      let settings = folder.appendingPathComponent(LedgerSettings.fileName)
      if FileManager.default.fileExists(atPath: settings.path) {
        let ledger = Ledger(root: folder, repository: repository, prefix: relative(folder, to: workdir))
        if recovering { try ledger.recoverInterruptedUpdate() }
        return ledger
      }
      if folder.path == workdir.path { break }
      folder = folder.deletingLastPathComponent()
    }
    throw .notALedger(searched: start.path)
  }

  /// Creates a ledger in `folder`: a new git repository there unless `folder` is already
  /// inside one (then the ledger sits in a subfolder of it), and a first commit holding
  /// `ledger.json`.
  ///
  /// - Throws: `.alreadyALedger` when `folder` already holds one.
  public static func create(
    at folder: URL, settings: LedgerSettings, by author: Author, at date: Date
  ) throws(StoreError) -> Ledger {
    let folder = canonical(folder)
    if FileManager.default.fileExists(
      atPath: folder.appendingPathComponent(LedgerSettings.fileName).path)
    {
      throw .alreadyALedger(path: folder.path)
    }
    let repository: Repository
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .io(path: folder.path, reason: error.localizedDescription)
    }
    do {
      repository = try Repository.discover(from: folder)
    } catch {
      do {
        repository = try Repository.create(at: folder)
      } catch {
        throw .git(action: "create a repository in \(folder.path)", error)
      }
    }
    let workdir = repository.workingDirectory.map(canonical) ?? folder
    let ledger = Ledger(root: folder, repository: repository, prefix: relative(folder, to: workdir))
    let content = CanonicalSettings.bytes(settings)
    _ = try ledger.store.write(by: author, at: date) { (snapshot) throws(StoreError) in
      if try snapshot.fileBytes(LedgerSettings.fileName) != nil { throw .alreadyALedger(path: folder.path) }
      let message = CommitMessage(
        subject: "Create ledger \(settings.name)", actions: [.initialize], records: [])
      let attributes = Array(Ledger.mergeAttributes.utf8)
      return ChangeSet(
        files: [
          .init(path: LedgerSettings.fileName, content: content),
          .init(path: Ledger.mergeAttributesFile, content: attributes),
        ], message: message, records: [])
    }
    return ledger
  }

  /// `user.name` and `user.email` from git's configuration, when both are set.
  public func configuredAuthor() -> Author? {
    repository.configuredIdentity().map { Author(name: $0.name, email: $0.email) }
  }

  /// `user.name` and `user.email` from the user's global git configuration.
  public static func globallyConfiguredAuthor() -> Author? {
    Repository.globalIdentity().map { Author(name: $0.name, email: $0.email) }
  }

  /// Stops this process from reading the user's and the system's git configuration; for
  /// tests, which must not depend on the machine they run on.
  public static func ignoreUserGitConfiguration() { LibGit2.ignoreUserConfiguration() }

  private static func canonical(_ url: URL) -> URL {
    url.standardizedFileURL.resolvingSymlinksInPath()
  }

  private static func relative(_ folder: URL, to workdir: URL) -> String {
    let base = workdir.path.hasSuffix("/") ? workdir.path : workdir.path + "/"
    return folder.path == workdir.path ? "" : String(folder.path.dropFirst(base.count))
  }
}
