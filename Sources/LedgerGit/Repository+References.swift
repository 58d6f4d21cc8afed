internal import CLibGit2

/// Where HEAD stands.
public enum HeadState: Equatable, Sendable {
  /// On a branch that has commits.
  case branch(name: String, commit: ObjectID)
  /// On a branch with no commit yet (a new repository).
  case unborn(name: String)
  /// Not on a branch.
  case detached(commit: ObjectID)

  /// The commit HEAD points at, if any.
  public var commit: ObjectID? {
    switch self {
    case .branch(_, let commit), .detached(let commit): commit
    case .unborn: nil
    }
  }
}

// HEAD and branches, and moving a branch safely.
extension Repository {
  /// Where HEAD stands now, read afresh from disk.
  public func head() throws(GitError) -> HeadState {
    var reference: OpaquePointer?
    try git("git_reference_lookup") { git_reference_lookup(&reference, handle, "HEAD") }
    guard let reference else { throw .nilHandle("git_reference_lookup") }
    defer { git_reference_free(reference) }
    guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC else {
      guard let target = git_reference_target(reference) else { throw .nilHandle("git_reference_target") }
      return .detached(commit: ObjectID(target.pointee))
    }
    let name = git_reference_symbolic_target(reference).map { String(cString: $0) } ?? ""
    guard let commit = try referenceTarget(name) else { return .unborn(name: name) }
    return .branch(name: name, commit: commit)
  }

  /// The commit a reference points at, or nil when the reference does not exist.
  public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
    var out = git_oid()
    let status = git_reference_name_to_id(&out, handle, name)
    if status == GIT_ENOTFOUND.rawValue { return nil }
    guard status >= 0 else { throw GitError(status: status, operation: "git_reference_name_to_id") }
    return ObjectID(out)
  }

  /// Moves reference `name` to `commit` only if it still points at `expected`
  /// (nil: only if it does not exist yet). The check and the move happen under git's
  /// reference lock, so a concurrent writer makes this fail instead of being overwritten.
  ///
  /// - Throws: `GitError` `.modified`, `.exists` or `.locked` when another writer got there
  ///   first; callers re-read and retry.
  public func moveReference(
    _ name: String, to commit: ObjectID, expecting expected: ObjectID?, reflogMessage: String
  ) throws(GitError) {
    var target = commit.raw
    var out: OpaquePointer?
    if let expected {
      var current = expected.raw
      try git("git_reference_create_matching") {
        git_reference_create_matching(&out, handle, name, &target, 1, &current, reflogMessage)
      }
    } else {
      try git("git_reference_create") {
        git_reference_create(&out, handle, name, &target, 0, reflogMessage)
      }
    }
    git_reference_free(out)
  }
}

extension Repository {
  /// Deletes reference `name`; nothing happens when it does not exist.
  public func deleteReference(_ name: String) throws(GitError) {
    var reference: OpaquePointer?
    let status = git_reference_lookup(&reference, handle, name)
    if status == GIT_ENOTFOUND.rawValue { return }
    guard status >= 0 else { throw GitError(status: status, operation: "git_reference_lookup") }
    guard let reference else { throw .nilHandle("git_reference_lookup") }
    defer { git_reference_free(reference) }
    try git("git_reference_delete") { git_reference_delete(reference) }
  }

  /// The names of the references that match `glob` (`refs/adminledger/incoming/*`).
  public func referenceNames(matching glob: String) throws(GitError) -> [String] {
    var iterator: OpaquePointer?
    try git("git_reference_iterator_glob_new") { git_reference_iterator_glob_new(&iterator, handle, glob) }
    defer { git_reference_iterator_free(iterator) }
    var names: [String] = []
    var name: UnsafePointer<CChar>?
    while git_reference_next_name(&name, iterator) == 0, let current = name { names.append(String(cString: current)) }
    return names
  }
}
