/// One entry of a git tree, copied out of libgit2.
public struct TreeEntry: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case blob, tree, other }

  public let name: String
  public let id: ObjectID
  public let kind: Kind
}

/// One change to apply to a tree: put a blob at a path, or remove the path.
public enum TreeUpdate: Equatable, Sendable {
  case upsert(path: String, blob: ObjectID)
  case remove(path: String)

  public var path: String {
    switch self {
    case .upsert(let path, _), .remove(let path): path
    }
  }
}
