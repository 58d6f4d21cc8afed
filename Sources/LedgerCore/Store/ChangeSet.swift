/// What one write changes: files under the ledger root, and the commit message.
public struct ChangeSet: Equatable, Sendable {
  /// One file to write (`content`) or remove (`nil`), relative to the ledger root.
  public struct FileChange: Equatable, Sendable {
    public let path: String
    public let content: [UInt8]?
    /// True when the change commits a person's hand edit of this file: the work tree
    /// already differs from HEAD on purpose, so the hand-edit guard does not apply.
    public let adoptsWorkingFile: Bool

    public init(path: String, content: [UInt8]?, adoptsWorkingFile: Bool = false) {
      self.path = path
      self.content = content
      self.adoptsWorkingFile = adoptsWorkingFile
    }
  }

  public var files: [FileChange]
  public var message: CommitMessage
  /// The records written or removed, for the caller's report.
  public var records: [RecordKey]
  /// Values typed in a person's form and stored in the ledger's (`1 234,50 €` as `1234.50`),
  /// for the write's report to show: never silent.
  public var conversions: [InputConversion] = []

  public init(files: [FileChange], message: CommitMessage, records: [RecordKey]) {
    self.files = files
    self.message = message
    self.records = records
  }

  /// A change set that writes or removes records.
  public init(putting put: [Record], removing removed: [RecordKey], message: CommitMessage) {
    let writes = put.map { FileChange(path: $0.key.path, content: $0.canonicalBytes) }
    let removals = removed.map { FileChange(path: $0.path, content: nil) }
    self.init(
      files: writes + removals, message: message, records: put.map(\.key) + removed)
  }
}
