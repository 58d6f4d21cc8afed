internal import CLibGit2
import Foundation

// Objects kept outside the repository's own object folder.
extension Repository {
  /// Reads objects from these folders too, after the repository's own (alternates).
  ///
  /// During a `pre-receive` hook, git keeps the pushed objects in a quarantine folder and
  /// tells only its hooks, through `GIT_OBJECT_DIRECTORY` and
  /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`; libgit2 reads neither, so a hook that inspects the
  /// pushed commits adds those folders here, or finds none of the new objects.
  public func addObjectDirectories(_ folders: [URL]) throws(GitError) {
    guard !folders.isEmpty else { return }
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    for folder in folders {
      try git("git_odb_add_disk_alternate") { git_odb_add_disk_alternate(odb, folder.path) }
    }
  }
}
