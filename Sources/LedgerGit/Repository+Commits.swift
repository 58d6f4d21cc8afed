internal import CLibGit2

// Reading and writing commits, and naming revisions.
extension Repository {
  /// The commit with id `id`.
  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    var raw = id.raw
    var found: OpaquePointer?
    try git("git_commit_lookup") { git_commit_lookup(&found, handle, &raw) }
    guard let found else { throw .nilHandle("git_commit_lookup") }
    defer { git_commit_free(found) }
    return Commit(copying: found)
  }

  /// Writes a commit object without moving any reference; `moveBranch` does that.
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    message: String
  ) throws(GitError) -> ObjectID {
    try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
      (treeHandle, parentHandles, authorRaw, committerRaw) throws(GitError) -> ObjectID in
      var out = git_oid()
      try git("git_commit_create") {
        parentHandles.withUnsafeMutableBufferPointer { buffer in
          git_commit_create(
            &out, handle, nil, authorRaw, committerRaw, "UTF-8", message, treeHandle,
            buffer.count, buffer.baseAddress)
        }
      }
      return ObjectID(out)
    }
  }

  /// Calls `body` with the libgit2 handles a new commit is made of: its tree, its parents
  /// (looked up), its author and committer; all freed after the call.
  func withCommitParts<Result>(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
    _ body: (OpaquePointer, inout [OpaquePointer?], UnsafeMutablePointer<git_signature>, UnsafeMutablePointer<git_signature>)
      throws(GitError) -> Result
  ) throws(GitError) -> Result {
    try withTree(tree) { (treeHandle) throws(GitError) -> Result in
      var parentHandles: [OpaquePointer?] = []
      defer { parentHandles.forEach { git_commit_free($0) } }
      for parent in parents {
        var raw = parent.raw
        var found: OpaquePointer?
        try git("git_commit_lookup") { git_commit_lookup(&found, handle, &raw) }
        parentHandles.append(found)
      }
      return try author.withGitSignature { (authorRaw) throws(GitError) -> Result in
        try committer.withGitSignature { (committerRaw) throws(GitError) -> Result in
          try body(treeHandle, &parentHandles, authorRaw, committerRaw)
        }
      }
    }
  }

  /// The commit a revision expression names (`HEAD`, `main~2`, a hex id, a tag).
  ///
  /// - Throws: `GitError` `.notFound` when the expression names nothing.
  public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
    var object: OpaquePointer?
    try git("git_revparse_single") { git_revparse_single(&object, handle, revision) }
    guard let object else { throw .nilHandle("git_revparse_single") }
    defer { git_object_free(object) }
    var peeled: OpaquePointer?
    try git("git_object_peel") { git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) }
    guard let peeled else { throw .nilHandle("git_object_peel") }
    defer { git_object_free(peeled) }
    guard let id = git_object_id(peeled) else { throw .nilHandle("git_object_id") }
    return ObjectID(id.pointee)
  }
}

extension Commit {
  init(copying commit: OpaquePointer) {
    let count = git_commit_parentcount(commit)
    let fallback = Signature(name: "", email: "", date: .init(timeIntervalSince1970: 0))
    self.init(
      id: ObjectID(git_commit_id(commit).pointee),
      tree: ObjectID(git_commit_tree_id(commit).pointee),
      parents: (0..<count).compactMap { git_commit_parent_id(commit, $0).map { ObjectID($0.pointee) } },
      author: git_commit_author(commit).map(Signature.init(copying:)) ?? fallback,
      committer: git_commit_committer(commit).map(Signature.init(copying:)) ?? fallback,
      message: git_commit_message(commit).map { String(cString: $0) } ?? "")
  }
}
