/// A commit, copied out of libgit2.
public struct Commit: Equatable, Sendable {
  public let id: ObjectID
  public let tree: ObjectID
  public let parents: [ObjectID]
  public let author: Signature
  public let committer: Signature
  public let message: String

  /// The first line of the message.
  public var summary: String {
    String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }
}
