import Foundation

/// An open ledger: a folder holding `ledger.json` inside a git work tree.
public final class Ledger {
  /// The ledger's folder.
  public let root: URL
  /// Where its commits live.
  public let store: GitRecordStore
  /// The history its commits make.
  public var history: any LedgerHistory { store.history }

  init(root: URL, store: GitRecordStore) {
    self.root = root
    self.store = store
  }

  /// Opens the ledger whose folder contains `start`: the nearest folder at or above it that
  /// holds `ledger.json`, inside the enclosing git repository.
  ///
  /// - Throws: `.notARepository` outside any repository; `.notALedger` when no folder up to
  ///   the repository's root holds `ledger.json`.
  /// - Parameter recovering: whether to finish or undo an update a killed process left (see
  ///   `GitRecordStore.recoverInterruptedUpdate`); false inside a git program's hook or merge
  ///   driver, which runs while git holds the index.
  public static func open(from start: URL, recovering: Bool = true) throws(StoreError) -> Ledger {
    let (store, root) = try GitRecordStore.discover(from: canonical(start))
    if recovering { try store.recoverInterruptedUpdate() }
    return Ledger(root: root, store: store)
  }

  /// Whether a killed process left an update for the next command to finish or undo (see
  /// `GitRecordStore.recoverInterruptedUpdate`).
  public var hasInterruptedUpdate: Bool { store.hasInterruptedUpdate }

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
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .io(path: folder.path, reason: error.localizedDescription)
    }
    let ledger = Ledger(root: folder, store: try GitRecordStore.create(at: folder))
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
  public func configuredAuthor() -> Author? { store.configuredAuthor() }

  /// `user.name` and `user.email` from the user's global git configuration.
  public static func globallyConfiguredAuthor() -> Author? { GitRecordStore.globallyConfiguredAuthor() }

  /// Stops this process from reading the user's and the system's git configuration; for
  /// tests, which must not depend on the machine they run on.
  public static func ignoreUserGitConfiguration() { GitRecordStore.ignoreUserConfiguration() }

  /// The folder `url` names, with `.`, `..` and links resolved.
  static func canonical(_ url: URL) -> URL {
    url.standardizedFileURL.resolvingSymlinksInPath()
  }
}
