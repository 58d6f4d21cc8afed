internal import CLibGit2
import Foundation

// Signed commits, as `git commit -S` writes them: the commit's text is signed, and the
// signature goes in a `gpgsig` header of the commit object (git's convention for every
// format, SSH included).
extension Repository {
  /// The text of the commit `createCommit` would write, unsigned and not stored: what a
  /// signer signs.
  public func commitContent(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws(GitError) -> String {
    try withCommitParts(tree: tree, parents: parents, author: author, committer: committer) {
      (treeHandle, parentHandles, authorRaw, committerRaw) throws(GitError) -> String in
      var buffer = git_buf()
      defer { git_buf_dispose(&buffer) }
      try git("git_commit_create_buffer") {
        parentHandles.withUnsafeMutableBufferPointer { handles in
          git_commit_create_buffer(
            &buffer, handle, authorRaw, committerRaw, "UTF-8", message, treeHandle, handles.count, handles.baseAddress)
        }
      }
      guard let pointer = buffer.ptr else { throw .nilHandle("git_commit_create_buffer") }
      return String(cString: pointer)
    }
  }

  /// Stores a commit made of `content` (from `commitContent`) and its armored `signature`.
  public func createSignedCommit(content: String, signature: String) throws(GitError) -> ObjectID {
    var out = git_oid()
    try git("git_commit_create_with_signature") {
      git_commit_create_with_signature(&out, handle, content, signature, "gpgsig")
    }
    return ObjectID(out)
  }

  /// The signature a commit carries and the exact bytes it signs (the commit without its
  /// `gpgsig` header); nil when the commit is not signed.
  public func commitSignature(_ id: ObjectID) throws(GitError) -> (signature: String, signedData: [UInt8])? {
    var raw = id.raw
    var signature = git_buf()
    var data = git_buf()
    defer {
      git_buf_dispose(&signature)
      git_buf_dispose(&data)
    }
    let status = git_commit_extract_signature(&signature, &data, handle, &raw, "gpgsig")
    if status == GIT_ENOTFOUND.rawValue { return nil }
    guard status >= 0 else { throw GitError(status: status, operation: "git_commit_extract_signature") }
    guard let signaturePointer = signature.ptr, let dataPointer = data.ptr else {
      throw .nilHandle("git_commit_extract_signature")
    }
    let bytes = Array(UnsafeRawBufferPointer(start: dataPointer, count: data.size).bindMemory(to: UInt8.self))
    return (String(cString: signaturePointer), bytes)
  }
}
