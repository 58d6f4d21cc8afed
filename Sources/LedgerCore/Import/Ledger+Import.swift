import Foundation

/// What an import did, or would do with `dryRun`.
public struct ImportOutcome: Sendable {
  public let records: [RecordKey]
  /// Rows and columns left out on purpose, with why.
  public let skipped: [ImportProblem]
  /// The commit made; nil for a dry run.
  public let commit: String?
}

// Importing a spreadsheet: every row becomes a record, and all are committed together or none.
extension GitRecordStore {
  /// Imports the rows of `table` as records of `kind`, in one commit.
  ///
  /// Every row is read and every record validated (schema and rules, together with the
  /// ledger) before anything is written; one problem refuses the whole import, and each
  /// problem names its line and column.
  ///
  /// - Throws: `.importRefused` with every problem; nothing is written.
  public func importTable(
    _ table: CSVTable, file: String, kind: RecordKind, profile: ImportProfile, options: ImportOptions,
    dryRun: Bool, by author: Author, at date: Date
  ) throws(StoreError) -> ImportOutcome {
    var outcome: (ChangeSet, ImportPlan)?
    let prepare = { (snapshot: any LedgerSnapshot) throws(StoreError) -> ChangeSet in
      let prepared = try self.prepareImport(table, file: file, kind: kind, profile: profile, options: options, snapshot: snapshot, now: date)
      outcome = prepared
      return prepared.0
    }
    if dryRun {
      let changes = try prepare(try snapshot(at: nil))
      return ImportOutcome(records: changes.records, skipped: outcome?.1.skipped ?? [], commit: nil)
    }
    let result = try write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in try prepare(snapshot) }
    return ImportOutcome(records: result?.changes.records ?? [], skipped: outcome?.1.skipped ?? [], commit: result?.commit)
  }

  private func prepareImport(
    _ table: CSVTable, file: String, kind: RecordKind, profile: ImportProfile, options: ImportOptions,
    snapshot: any LedgerSnapshot, now: Date
  ) throws(StoreError) -> (ChangeSet, ImportPlan) {
    let view = try LedgerView(snapshot)
    let plan = try profile.plan(table, kind: kind, view: view, options: options, now: now)
    guard plan.problems.isEmpty else { throw .importRefused(file: file, problems: plan.problems) }
    guard !plan.records.isEmpty else {
      throw .importRefused(file: file, problems: [ImportProblem(line: 1, message: "no row to import", hint: "check the file and its columns")])
    }
    let message = CommitMessage(
      subject: "Import \(plan.records.count) \(kind) from \(URL(fileURLWithPath: file).lastPathComponent)",
      actions: [.add], records: plan.records.map(\.record.key))
    let changes = ChangeSet(putting: plan.records.map(\.record), removing: [], message: message)
    let findings = try LedgerValidator(snapshot, changes: changes.files).validateChanges(changes.files)
    let errors = findings.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let rows = Dictionary(plan.records.map { ($0.record.key.path, $0) }) { first, _ in first }
      let problems = errors.map { finding -> ImportProblem in
        guard let row = rows[finding.file] else {
          return ImportProblem(line: 1, rule: finding.rule, message: "\(finding.file): \(finding.message)", hint: finding.hint)
        }
        let field = finding.instancePath.tokens.first ?? ""
        return ImportProblem(line: row.line, column: row.columns[field], rule: finding.rule, message: finding.message, hint: finding.hint)
      }
      throw .importRefused(file: file, problems: problems.sorted { $0.line < $1.line })
    }
    return (changes, plan)
  }
}
