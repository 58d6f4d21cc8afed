internal import CLibGit2
import Foundation

/// A text file merged line by line, as git merges files it knows nothing about.
public struct TextMerge: Equatable, Sendable {
  /// The merged bytes; with conflict markers when `clean` is false.
  public let bytes: [UInt8]
  public let clean: Bool
}

// What merging needs from git: the merge base, ancestry, git's line merge, and the files that
// mark a merge in progress (MERGE_HEAD), which the git program reads too.
extension Repository {
  /// The best common ancestor of two commits, or nil when their histories are unrelated.
  public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
    var out = git_oid()
    var first = one.raw
    var second = two.raw
    let status = git_merge_base(&out, handle, &first, &second)
    if status == GIT_ENOTFOUND.rawValue { return nil }
    guard status >= 0 else { throw GitError(status: status, operation: "git_merge_base") }
    return ObjectID(out)
  }

  /// Whether `commit` has `ancestor` in its history (a commit is not its own descendant).
  public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
    var child = commit.raw
    var parent = ancestor.raw
    return try git("git_graph_descendant_of") { git_graph_descendant_of(handle, &child, &parent) } == 1
  }

  /// git's own three-way line merge of one file (nil: absent on that side), with git's
  /// conflict markers labelled by `labels` (ours, theirs) when the sides overlap.
  public static func mergeText(
    base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?, labels: (String, String)
  ) throws(GitError) -> TextMerge {
    LibGit2.ensureInitialized()
    var options = git_merge_file_options()
    try git("git_merge_file_options_init") {
      git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION))
    }
    var result = git_merge_file_result()
    defer { git_merge_file_result_free(&result) }
    let baseBytes = base ?? [], ourBytes = ours ?? [], theirBytes = theirs ?? []
    try baseBytes.withUnsafeBufferPointer { (basePointer) throws(GitError) in
      try ourBytes.withUnsafeBufferPointer { (ourPointer) throws(GitError) in
        try theirBytes.withUnsafeBufferPointer { (theirPointer) throws(GitError) in
          var inputs = [basePointer, ourPointer, theirPointer].map { buffer in
            var input = git_merge_file_input()
            _ = git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
            input.ptr = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            input.size = buffer.count
            return input
          }
          try git("git_merge_file") {
            labels.0.withCString { ourLabel in
              labels.1.withCString { theirLabel in
                options.our_label = ourLabel
                options.their_label = theirLabel
                return git_merge_file(&result, &inputs[0], &inputs[1], &inputs[2], &options)
              }
            }
          }
        }
      }
    }
    let bytes = result.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: result.len)) } ?? []
    return TextMerge(bytes: bytes, clean: result.automergeable != 0)
  }

  /// The commit a merge in progress brings in (`MERGE_HEAD`, written by the git program or
  /// by this tool), or nil when no merge is in progress.
  public func mergeHead() throws(GitError) -> ObjectID? {
    let file = gitDirectory.appendingPathComponent("MERGE_HEAD")
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    guard let id = ObjectID(hex: first) else {
      throw GitError(code: .other(-1), operation: "read MERGE_HEAD", message: "unreadable commit id \"\(first)\"")
    }
    return id
  }

  /// Records a merge in progress the way git does (`MERGE_HEAD`, `MERGE_MSG`, `MERGE_MODE`,
  /// `ORIG_HEAD`), so `git status` says a merge is in progress and a plain `git commit`
  /// makes the merge commit.
  public func beginMerge(of incoming: ObjectID, onto head: ObjectID, message: String) throws(GitError) {
    let files = [
      ("ORIG_HEAD", head.description + "\n"), ("MERGE_MSG", message), ("MERGE_MODE", ""),
      ("MERGE_HEAD", incoming.description + "\n"),
    ]
    for (name, text) in files {
      do {
        try Data(text.utf8).write(to: gitDirectory.appendingPathComponent(name), options: .atomic)
      } catch {
        throw GitError(code: .other(-1), operation: "write \(name)", message: error.localizedDescription)
      }
    }
  }

  /// Forgets a merge in progress: removes `MERGE_HEAD` and its companions, as git does once
  /// the merge is committed or aborted.
  public func endMerge() throws(GitError) {
    try git("git_repository_state_cleanup") { git_repository_state_cleanup(handle) }
  }
}
