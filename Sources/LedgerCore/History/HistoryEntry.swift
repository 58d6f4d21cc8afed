import Foundation

/// One commit of the ledger's history, as readers need it.
public struct HistoryEntry: Equatable, Sendable {
  public let commit: String
  public let parents: [String]
  public let authorName: String
  public let authorEmail: String
  /// The author's date: the one roles and keys are judged by.
  public let date: Date
  /// The committer's date: the one `--at DAY` and `--since` follow, as git does.
  public let committed: Date
  public let message: String

  public init(
    commit: String, parents: [String], authorName: String, authorEmail: String, date: Date,
    committed: Date? = nil, message: String
  ) {
    self.commit = commit
    self.parents = parents
    self.authorName = authorName
    self.authorEmail = authorEmail
    self.date = date
    self.committed = committed ?? date
    self.message = message
  }

  /// The message's first line, read without splitting the rest (a ledger's first import
  /// lists every record it added, 100,000 lines on a large ledger).
  public var subject: String { String(message.prefix { $0 != "\n" }) }
}

/// A record as it was before and after one commit; nil on a side where it did not exist.
public struct RecordChange: Sendable {
  public let key: RecordKey
  public let old: Record?
  public let new: Record?
}
