import Foundation
import LedgerJSON

/// What a file brings, matched against the ledger: the records it adds, those it changes
/// (field by field), those it leaves as they are, and those of the ledger it no longer lists.
/// Every import with `--update`, every drift correction and every access review is one: the
/// same matching, the same validation, one commit or none.
public struct Reconciliation: Sendable {
  /// One record the file adds or changes.
  public struct Change: Sendable {
    /// The record as it will be.
    public var record: Record
    /// `add` or `set`, as the commit trailers say.
    public var action: CommitMessage.Action
    /// The fields that differ from the ledger's version (all of them for an added record).
    public var fields: [FieldChange]
    /// The line of the file it comes from, for problems; nil when it comes from no row
    /// (a record the file no longer lists, changed by `--missing`).
    public var line: Int?
    /// Which column fed each top-level field, for problems.
    public var columns: [String: String]
  }

  public var changes: [Change] = []
  /// Records the file lists that already hold what it says.
  public var unchanged: [RecordKey] = []
  /// Records of the ledger the file could list and does not ("in the ledger, not in the export").
  public var missing: [RecordKey] = []
  /// Rows and columns left out on purpose, with why.
  public var skipped: [ImportProblem] = []
  /// Rows that cannot be read, with why: any refuses the whole reconciliation.
  public var problems: [ImportProblem] = []
  /// Cells typed in a person's form and stored in the ledger's (`1 234,50 €` as `1234.50`),
  /// each with its line, for the import's report to show.
  public var conversions: [InputConversion] = []

  public init() {}

  /// Adds `record` as the new version of what the ledger holds under its key (nil: a new
  /// record), when it differs.
  public mutating func propose(_ record: Record, replacing existing: Record?, line: Int?, columns: [String: String] = [:]) {
    guard let existing else {
      changes.append(
        Change(record: record, action: .add, fields: FieldChange.between(nil, record.fields), line: line, columns: columns))
      return
    }
    let fields = FieldChange.between(existing.fields, record.fields)
    if fields.isEmpty {
      unchanged.append(record.key)
    } else {
      changes.append(Change(record: record, action: .set, fields: fields, line: line, columns: columns))
    }
  }

  /// The records added and changed.
  public var records: [RecordKey] { changes.map(\.record.key) }
}

/// What a reconciliation did, or would do on a dry run.
public struct ReconcileOutcome: Sendable {
  public let reconciliation: Reconciliation
  /// The commit made; nil on a dry run or when nothing changed.
  public let commit: String?
}

extension GitRecordStore {
  /// Validates what `plan` proposes against the ledger (schemas and rules, with every other
  /// record) and commits it as one commit, or nothing when nothing changes. `plan` reads the
  /// ledger as it stands when the commit is made (it runs again if another writer committed
  /// meanwhile).
  ///
  /// - Throws: `.importRefused` with every problem, each naming its line and column; nothing
  ///   is written.
  public func reconcile(
    file: String, subject: @escaping (Reconciliation) -> String, dryRun: Bool, by author: Author, at date: Date,
    _ plan: (LedgerView) throws(StoreError) -> Reconciliation
  ) throws(StoreError) -> ReconcileOutcome {
    var made = Reconciliation()
    func prepare(_ snapshot: any LedgerSnapshot) throws(StoreError) -> ChangeSet? {
      let reconciliation = try plan(try LedgerView(snapshot))
      made = reconciliation
      guard reconciliation.problems.isEmpty else { throw .importRefused(file: file, problems: reconciliation.problems) }
      guard !reconciliation.changes.isEmpty else { return nil }
      let actions = CommitMessage.Action.allCases.filter { action in reconciliation.changes.contains { $0.action == action } }
      let message = CommitMessage(subject: subject(reconciliation), actions: actions, records: reconciliation.records)
      let changes = ChangeSet(putting: reconciliation.changes.map(\.record), removing: [], message: message)
      try Self.refuseFindings(changes, reconciliation, in: snapshot, file: file)
      return changes
    }
    if dryRun {
      _ = try prepare(try snapshot(at: nil))
      return ReconcileOutcome(reconciliation: made, commit: nil)
    }
    let result = try write(by: author, at: date) { (snapshot) throws(StoreError) in try prepare(snapshot) }
    return ReconcileOutcome(reconciliation: made, commit: result?.commit)
  }

  /// Throws the errors the changed records would bring, each at the row that brought it.
  private static func refuseFindings(
    _ changes: ChangeSet, _ reconciliation: Reconciliation, in snapshot: any LedgerSnapshot, file: String
  ) throws(StoreError) {
    let findings = try LedgerValidator(snapshot, changes: changes.files).validateChanges(changes.files)
    let errors = findings.filter { $0.severity == .error }
    guard !errors.isEmpty else { return }
    let rows = Dictionary(reconciliation.changes.map { ($0.record.key.path, $0) }) { first, _ in first }
    let problems = errors.map { finding -> ImportProblem in
      guard let row = rows[finding.file], let line = row.line else {
        return ImportProblem(line: 1, rule: finding.rule, message: "\(finding.file): \(finding.message)", hint: finding.hint)
      }
      let field = finding.instancePath.tokens.first ?? ""
      return ImportProblem(
        line: line, column: row.columns[field], rule: finding.rule, message: finding.message, hint: finding.hint)
    }
    throw .importRefused(file: file, problems: problems.sorted { $0.line < $1.line })
  }
}
