internal import CLibGit2

// Walking history: one side of a merge, or the whole history in order, children first.
extension Repository {
  /// The commits reachable from `tip` and not from `excluded` (`git rev-list tip ^excluded`):
  /// one side of a merge, found in one walk whose cost follows that side's length.
  public func commits(from tip: ObjectID, excluding excluded: ObjectID?) throws(GitError) -> Set<ObjectID> {
    var walk: OpaquePointer?
    try git("git_revwalk_new") { git_revwalk_new(&walk, handle) }
    guard let walk else { throw .nilHandle("git_revwalk_new") }
    defer { git_revwalk_free(walk) }
    var start = tip.raw
    try git("git_revwalk_push") { git_revwalk_push(walk, &start) }
    if let excluded {
      var hidden = excluded.raw
      try git("git_revwalk_hide") { git_revwalk_hide(walk, &hidden) }
    }
    var result = Set<ObjectID>()
    var next = git_oid()
    while true {
      let status = git_revwalk_next(&next, walk)
      if status == GIT_ITEROVER.rawValue { break }
      guard status >= 0 else { throw GitError(status: status, operation: "git_revwalk_next") }
      result.insert(ObjectID(next))
    }
    return result
  }

  /// Every commit reachable from `tip`, each after all of its children (topological order,
  /// newest first among unrelated ones); only the first-parent line when `firstParentOnly`.
  public func walk(from tip: ObjectID, firstParentOnly: Bool = false) throws(GitError) -> [ObjectID] {
    var walk: OpaquePointer?
    try git("git_revwalk_new") { git_revwalk_new(&walk, handle) }
    guard let walk else { throw .nilHandle("git_revwalk_new") }
    defer { git_revwalk_free(walk) }
    try git("git_revwalk_sorting") { git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue) }
    if firstParentOnly { try git("git_revwalk_simplify_first_parent") { git_revwalk_simplify_first_parent(walk) } }
    var start = tip.raw
    try git("git_revwalk_push") { git_revwalk_push(walk, &start) }
    var result: [ObjectID] = []
    var next = git_oid()
    while true {
      let status = git_revwalk_next(&next, walk)
      if status == GIT_ITEROVER.rawValue { break }
      guard status >= 0 else { throw GitError(status: status, operation: "git_revwalk_next") }
      result.append(ObjectID(next))
    }
    return result
  }
}

extension Repository {
  /// The commit the first-parent line from `tip` starts at: the history's first commit.
  public func firstParentRoot(of tip: ObjectID) throws(GitError) -> ObjectID {
    var current = tip
    while let parent = try commit(current).parents.first { current = parent }
    return current
  }
}
