internal import CLibGit2

// Putting a branch in the work tree: for a clone whose remote named no branch to check out.
extension Repository {
  /// Points HEAD at branch `name` (`refs/heads/main`), creating the branch at `commit`, and
  /// writes the commit's files into the work tree and the index. Meant for a fresh clone,
  /// whose work tree holds nothing of its own: files in the way are overwritten.
  public func checkOutNewBranch(_ name: String, at commit: ObjectID) throws(GitError) {
    if try referenceTarget(name) == nil {
      try moveReference(name, to: commit, expecting: nil, reflogMessage: "clone: branch of the remote")
    }
    try git("git_repository_set_head") { git_repository_set_head(handle, name) }
    var options = git_checkout_options()
    try git("git_checkout_options_init") { git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)) }
    options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
    try git("git_checkout_head") { git_checkout_head(handle, &options) }
  }

  /// Points HEAD at branch `name` without touching any file: for a bare repository whose HEAD
  /// names a branch that does not exist, so the git program's clones check out `name`.
  public func pointHead(at name: String) throws(GitError) {
    try git("git_repository_set_head") { git_repository_set_head(handle, name) }
  }
}
