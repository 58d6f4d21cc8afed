internal import CLibGit2

// The local branches of a repository, as the shared repository's pre-receive hook weighs
// them when it looks for the ledger's branch.
extension Repository {
  /// The full names of the local branches (`refs/heads/main`), sorted.
  ///
  /// - Throws: `GitError` when a reference cannot be read: a branch left out could be the
  ///   ledger's, so an unreadable one is an error, never skipped.
  public func branchNames() throws(GitError) -> [String] {
    var iterator: OpaquePointer?
    try git("git_reference_iterator_glob_new") { git_reference_iterator_glob_new(&iterator, handle, "refs/heads/*") }
    guard let iterator else { throw .nilHandle("git_reference_iterator_glob_new") }
    defer { git_reference_iterator_free(iterator) }
    var names: [String] = []
    while true {
      var name: UnsafePointer<CChar>?
      let status = git_reference_next_name(&name, iterator)
      if status == GIT_ITEROVER.rawValue { break }
      guard status >= 0 else { throw GitError(status: status, operation: "git_reference_next_name") }
      if let name { names.append(String(cString: name)) }
    }
    return names.sorted()
  }
}
