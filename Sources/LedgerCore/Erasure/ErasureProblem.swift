/// Why forgetting a person, or following an erasure, cannot go on.
public enum ErasureProblem: Equatable, Sendable {
  /// `forget` needs a reason (`--reason`), kept in the erasure record.
  case reasonMissing
  /// The clone's branch and the remote's differ: the erasure must rewrite exactly what the
  /// shared repository holds, so sync first.
  case notInStep(remote: String, branch: String)
  /// The commit's author is no person of the ledger: the erasure record names who erased.
  case authorUnknown(email: String)
  /// The shared repository received commits after the one this clone's erasure rewrote:
  /// forgetting again after a sync rewrites them too.
  case remoteMovedSinceErasure(remote: String, erasure: RecordKey)
  /// The remote's erasure record names (by its digest) a person this clone's history does not
  /// hold: its unpublished commits cannot be rewritten as the erasure says.
  case erasedPersonUnknown(erasure: RecordKey)
}

/// What `forget` did, or would do with `--dry-run`.
public struct ForgetResult: Sendable {
  /// The person as they were named, and the neutral id they now have.
  public let former: RecordKey
  public let neutral: RecordKey
  /// The erasure record (nil on a dry run).
  public let erasure: RecordKey?
  /// The commit that records the erasure (nil on a dry run).
  public let commit: String?
  /// How many commits were rewritten.
  public let rewritten: Int
  /// What was erased from the person's record (JSON pointers).
  public let fields: [String]
  /// Whether the former history's objects were dropped from this repository already (no
  /// remote holds them); else the next `sync` drops them once the shared repository accepts
  /// the rewrite.
  public let dropped: Bool
}
