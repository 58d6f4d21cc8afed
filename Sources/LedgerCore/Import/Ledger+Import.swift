import Foundation
import LedgerJSON
import LedgerLanguage

/// How an import meets what the ledger holds.
public struct ImportMode: Sendable {
  /// Rows may change the records they match (`--update`); without it, a row naming a record
  /// the ledger holds refuses the import.
  public var update = false
  /// The field that finds a row's record besides its id (`--match emails`).
  public var match: FieldPath?
  /// Set on the records the file no longer lists (`--missing member_status=resigned`).
  public var missing: (field: FieldPath, value: String)?
  /// Check and plan without committing.
  public var dryRun = false

  public init() {}
}

// Importing a spreadsheet: rows become records (new ones, or changes to those they match),
// validated with the whole ledger and committed together, or none.
extension GitRecordStore {
  /// Imports the rows of `table` as records of `kind`, in one commit, or none when the file
  /// brings nothing new.
  ///
  /// Every row is read and every record validated (schema and rules, together with the
  /// ledger) before anything is written; one problem refuses the whole import, and each
  /// problem names its line and column.
  ///
  /// - Throws: `.importRefused` with every problem; nothing is written.
  public func importTable(
    _ table: CSVTable, file: String, kind: RecordKind, profile: ImportProfile, options: ImportOptions,
    mode: ImportMode, by author: Author, at date: Date
  ) throws(StoreError) -> ReconcileOutcome {
    let name = URL(fileURLWithPath: file).lastPathComponent
    let subject = { (reconciliation: Reconciliation) -> String in
      let added = reconciliation.changes.filter { $0.action == .add }.count
      let changed = reconciliation.changes.count - added
      let parts = [added > 0 ? "\(added) added" : nil, changed > 0 ? "\(changed) changed" : nil].compactMap { $0 }
      return "Import \(kind) from \(name): " + parts.joined(separator: ", ")
    }
    return try reconcile(file: file, subject: subject, dryRun: mode.dryRun, by: author, at: date) { (view) throws(StoreError) in
      var options = options
      options.matchesRows = mode.match != nil
      let plan = try profile.plan(table, kind: kind, view: view, options: options, now: date)
      guard plan.problems.isEmpty else { throw .importRefused(file: file, problems: plan.problems) }
      guard !plan.records.isEmpty else {
        throw .importRefused(
          file: file,
          problems: [ImportProblem(line: 1, message: tr("no row to import"), hint: tr("check the file and its columns"))])
      }
      var missing: (field: FieldPath, value: JSONValue)?
      if let (field, text) = mode.missing {
        let conventions = InputConventions(settings: try view.settings())
        do throws(FieldTyping.Refusal) {
          let schema = view.context.schemas.schema(for: kind)
          missing = (
            field, try FieldTyping.read(.text(text), for: field, kind: kind, schema: schema, conventions: conventions).value
          )
        } catch {
          let (message, hint) = error.describe(text)
          throw .importRefused(
            file: file, problems: [ImportProblem(line: 1, column: "--missing", rule: error.rule, message: message, hint: hint)])
        }
      }
      let matching = ImportMatching(kind: kind, profile: profile, update: mode.update, field: mode.match, missing: missing)
      return try matching.reconcile(plan, in: view)
    }
  }
}
