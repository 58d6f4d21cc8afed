import Foundation
import LedgerJSON
import LedgerLanguage

/// A ledger file that differs between the work tree and HEAD: a person's hand edit.
public struct HandEdit: Equatable, Sendable {
  public enum Change: String, Sendable { case added, modified, deleted, conflicted }

  /// Path relative to the ledger root.
  public let path: String
  public let change: Change
  public init(path: String, change: Change) {
    self.path = path
    self.change = change
  }

  /// The record the file holds, when it is a record file with a valid name.
  public var key: RecordKey? { RecordKey(path: path) }
}

// Hand edits are first-class: a person edits JSON files and commits them through the tool.
extension Ledger {
  /// Uncommitted changes to the ledger's own files: `ledger.json`, the kind folders and
  /// `schemas/`. Other files in the folder are not the ledger's and are left alone.
  public func handEdits() throws(StoreError) -> [HandEdit] {
    try store.uncommittedChanges().filter { Ledger.isLedgerFile($0.path) }
  }

  /// Commits every hand edit in one commit, each file in canonical form.
  ///
  /// Every edited file is read first; if any is not valid JSON, not a valid record, or badly
  /// named, nothing is committed and the diagnostics say why.
  ///
  /// - Returns: the commit, or nil when there was nothing to commit.
  public func commitHandEdits(message: String, by author: Author, at date: Date)
    throws(StoreError) -> WriteResult?
  {
    // During a merge the files are the merge's, not hand edits to commit on their own.
    if store.isMerging { throw .mergeInProgress }
    let edits = try handEdits()
    guard !edits.isEmpty else { return nil }
    var files: [ChangeSet.FileChange] = []
    var problems: [Diagnostic] = []
    for edit in edits {
      guard edit.change != .deleted else {
        files.append(.init(path: edit.path, content: nil, adoptsWorkingFile: true))
        continue
      }
      do throws(DiagnosticList) {
        let bytes = try readCanonical(edit.path)
        files.append(.init(path: edit.path, content: bytes, adoptsWorkingFile: true))
      } catch {
        problems += error.diagnostics
      }
    }
    guard problems.isEmpty else { throw .invalid(DiagnosticList(problems)) }
    let keys = edits.compactMap(\.key)
    var actions: [CommitMessage.Action] = []
    for edit in edits where edit.key != nil {
      let action: CommitMessage.Action =
        switch edit.change {
        case .added: .add
        case .modified, .conflicted: .set
        case .deleted: .rm
        }
      if !actions.contains(action) { actions.append(action) }
    }
    let (subject, body) = Ledger.splitMessage(message)
    let commitMessage = CommitMessage(subject: subject, body: body, actions: actions, records: keys)
    return try store.validatedWrite(by: author, at: date) { _ in
      ChangeSet(files: files, message: commitMessage, records: keys)
    }
  }

  /// The canonical bytes of a hand-edited file, or why it cannot be committed.
  func readCanonical(_ path: String) throws(DiagnosticList) -> [UInt8] {
    let url = root.appendingPathComponent(path)
    // Never through a link: `people/x.json -> ~/.ssh/id_ed25519` would commit what it points at.
    let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
    guard type == .typeRegular else {
      throw DiagnosticList([
        Diagnostic(
          file: path, rule: "record-file",
          message: type == .typeSymbolicLink
            ? tr("\(path) is a symbolic link; the ledger commits only regular files and never follows a link")
            : tr("\(path) is not a regular file; the ledger commits only regular files and never follows a link"),
          hint: tr("put the file itself there, or remove it"))
      ])
    }
    let bytes: [UInt8]
    switch InputLimits.read(url, limit: InputLimits.ledgerFileBytes) {
    case .bytes(let read): bytes = read
    case .tooLarge(let size): throw DiagnosticList([InputLimits.tooLarge(path, size: size)])
    case .unreadable(let reason):
      throw DiagnosticList([Diagnostic(file: path, rule: "io", message: tr("cannot read the file: \(reason)"))])
    }
    if path == LedgerSettings.fileName {
      return CanonicalSettings.bytes(try LedgerSettings.read(bytes))
    }
    if let key = RecordKey(path: path) {
      return try RecordDecoder.decode(bytes, key: key, file: path).canonicalBytes
    }
    guard path.hasPrefix("schemas/") else { throw DiagnosticList([RecordFileName.diagnostic(for: path)]) }
    do {
      return CanonicalWriter.bytes(try JSONParser.parse(bytes))
    } catch {
      throw DiagnosticList([Diagnostic(parseError: error, file: path)])
    }
  }

  static func isLedgerFile(_ path: String) -> Bool {
    if path == LedgerSettings.fileName || path.hasPrefix("schemas/") { return true }
    guard let folder = path.split(separator: "/").first else { return false }
    return RecordKind(rawValue: String(folder)) != nil
  }

  /// A free-form message split into its first line and the rest.
  static func splitMessage(_ message: String) -> (String, [String]) {
    var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let subject = lines.isEmpty ? "" : lines.removeFirst()
    while let first = lines.first, first.isEmpty { lines.removeFirst() }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return (subject, lines)
  }
}
