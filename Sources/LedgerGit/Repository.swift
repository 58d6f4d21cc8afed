internal import CLibGit2
import Foundation

/// An open git repository. Verbs live in extensions named for them (`+Objects`, `+Commits`).
public final class Repository {
  let handle: OpaquePointer

  /// Trees read straight from the pack files, with their delta bases kept (see PackReader).
  lazy var packs = PackReader(objectsDirectory: gitDirectory.appendingPathComponent("objects"))
  /// The trees read last: a walk compares each commit's folders with its parent's.
  var recentTrees = RecentObjects<RawTree>(capacity: 16)
  /// Name tables of the large trees looked up most.
  var nameTables = NameTables()

  private init(handle: OpaquePointer) { self.handle = handle }
  deinit { git_repository_free(handle) }

  /// Opens the repository whose work tree contains `url`, searching upward.
  ///
  /// - Throws: `GitError` with code `.notFound` when no repository contains it.
  public static func discover(from url: URL) throws(GitError) -> Repository {
    LibGit2.ensureInitialized()
    var out: OpaquePointer?
    try git("git_repository_open_ext") {
      git_repository_open_ext(&out, url.path, 0, nil)
    }
    guard let out else { throw .nilHandle("git_repository_open_ext") }
    return Repository(handle: out)
  }

  /// Opens the repository at exactly `url` (a work tree's root or a bare repository), without
  /// searching upward.
  ///
  /// - Throws: `GitError` with code `.notFound` when `url` is not a repository.
  public static func open(at url: URL) throws(GitError) -> Repository {
    LibGit2.ensureInitialized()
    var out: OpaquePointer?
    try git("git_repository_open_ext") {
      git_repository_open_ext(&out, url.path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
    }
    guard let out else { throw .nilHandle("git_repository_open_ext") }
    return Repository(handle: out)
  }

  /// Whether the repository has no work tree (a shared repository that is pushed to).
  public var isBare: Bool { git_repository_is_bare(handle) == 1 }

  /// Creates a new repository with a work tree at `url` whose first branch is `branch`.
  public static func create(at url: URL, initialBranch: String = "main", bare: Bool = false)
    throws(GitError) -> Repository
  {
    LibGit2.ensureInitialized()
    var options = git_repository_init_options()
    try git("git_repository_init_options_init") {
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
    }
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
    if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
    var out: OpaquePointer?
    try git("git_repository_init_ext") {
      initialBranch.withCString { head in
        options.initial_head = head
        return git_repository_init_ext(&out, url.path, &options)
      }
    }
    guard let out else { throw .nilHandle("git_repository_init_ext") }
    return Repository(handle: out)
  }

  /// The work tree's root, or nil for a bare repository.
  public var workingDirectory: URL? {
    git_repository_workdir(handle).map {
      URL(fileURLWithPath: String(cString: $0), isDirectory: true).standardizedFileURL
    }
  }

  /// The `.git` folder (or the bare repository itself).
  public var gitDirectory: URL {
    let path = git_repository_path(handle).map { String(cString: $0) } ?? "."
    return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
  }
}
