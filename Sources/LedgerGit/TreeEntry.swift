/// What a file of a tree is in the work tree: git's file modes a ledger meets.
public enum FileKind: Equatable, Sendable {
  case regular, executable, symlink

  /// The kind a git file mode stands for (anything unknown is a regular file).
  public init(mode: UInt32) {
    switch mode {
    case 0o100755: self = .executable
    case 0o120000: self = .symlink
    default: self = .regular
    }
  }

  /// git's file mode.
  public var mode: UInt32 {
    switch self {
    case .regular: 0o100644
    case .executable: 0o100755
    case .symlink: 0o120000
    }
  }
}

/// One entry of a git tree, copied out of libgit2.
public struct TreeEntry: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case blob, tree, other }

  public let name: String
  public let id: ObjectID
  public let kind: Kind
  /// For a blob: a regular file, an executable or a symbolic link.
  public let fileKind: FileKind
}

/// One change to apply to a tree: put a blob at a path, or remove the path.
public enum TreeUpdate: Equatable, Sendable {
  case upsert(path: String, blob: ObjectID, kind: FileKind = .regular)
  /// Put a whole folder (a tree) at a path.
  case subtree(path: String, tree: ObjectID)
  case remove(path: String)

  /// The path the update changes.
  public var path: String {
    switch self {
    case .upsert(let path, _, _), .subtree(let path, _), .remove(let path): path
    }
  }
}
