import Foundation
import LedgerJSON
import LedgerLanguage

/// A partner's filled access review, as `report review ORGANIZATION` wrote it: one right a
/// row, named by the `right` column, with the partner's `decision`.
///
/// ```
/// right,person,...,decision,reason,reviewer
/// 2025-05-12-py6m4,lmartin,...,keep,,afaure
/// 2025-05-12-zjwrh,iroux,...,revoke,left the survey team,lpo-paca
/// 2025-10-03-354lb,lfaure,...,,,lpo-paca
/// ```
///
/// - `keep` (`garder`, `conserver`): the validation is renewed: `validated_on` becomes today,
///   and `validated_by` the reviewer when the `reviewer` cell names a person (else it stays).
///   Only an active right can be kept.
/// - `revoke` (`retirer`, `supprimer`, `révoquer`): `status` becomes `revoked` and `reason`
///   the row's reason, or "revoked at ORGANIZATION's access review of DAY". A right already
///   revoked or expired stays as it is, so importing the file again changes nothing.
/// - an empty decision leaves the right as it is, and says so.
///
/// Decisions are read in any case and without accents. `reviewer` is the reviewing
/// organisation (the report fills in its id) or one of its people; when it is known, every
/// decided right must be held or validated by that organisation's people. The other columns
/// are there for the partner to read and are not imported.
public enum AccessReviewImport {
  /// The column naming the right (its id).
  public static let rightColumn = "right"
  /// The column of the partner's decision: keep or revoke.
  public static let decisionColumn = "decision"
  /// The column of the reason for revoking.
  public static let reasonColumn = "reason"
  /// The column naming who reviewed: the organisation, or one of its people.
  public static let reviewerColumn = "reviewer"

  enum Decision {
    case keep, revoke
  }

  /// The words each decision may be written with, accents and case folded.
  static let words: [String: Decision] = [
    "keep": .keep, "garder": .keep, "conserver": .keep,
    "revoke": .revoke, "retirer": .revoke, "supprimer": .revoke, "revoquer": .revoke,
  ]

  /// Who reviewed a row: the organisation, and the person when the row names one.
  struct Reviewer {
    var organization: String?
    var person: String?
  }

  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    let absent = [rightColumn, decisionColumn].filter { !table.header.contains($0) }
    guard absent.isEmpty else {
      plan.problems.append(
        ImportProblem(
          line: 1, message: tr("this is not an access review: no column \(absent.map { "\"\($0)\"" }.joined(separator: ", "))"),
          hint: tr("export one with 'adminledger report review ORGANIZATION > review.csv'")))
      return plan
    }
    var seen: [String: Int] = [:]
    for row in table.rows {
      let cell = { (column: String) in reader.normalised(table.cell(row.cells, column)) }
      let id = cell(rightColumn)
      guard let right = try existingRight(id, line: row.line, into: &plan, view: view) else { continue }
      if let first = seen[id] {
        plan.problems.append(
          ImportProblem(
            line: row.line, column: rightColumn, rule: "match",
            message: tr("rights/\(id) appears twice in the file (first on line \(first))")))
        continue
      }
      seen[id] = row.line
      let word = cell(decisionColumn)
      guard !word.isEmpty else {
        plan.skipped.append(
          ImportProblem(line: row.line, column: decisionColumn, message: tr("no decision for rights/\(id): it is left as it is")))
        continue
      }
      guard let decision = decision(word) else {
        plan.problems.append(
          ImportProblem(
            line: row.line, column: decisionColumn, rule: "decision", message: tr("\"\(word)\" is not a decision"),
            hint: tr("write keep or revoke (garder or retirer), or leave it empty to decide later")))
        continue
      }
      guard let reviewer = try reviewer(cell(reviewerColumn), line: row.line, into: &plan, view: view),
        try inScope(right, of: reviewer, line: row.line, into: &plan, view: view)
      else { continue }
      switch decision {
      case .keep:
        guard let kept = keep(right, by: reviewer, line: row.line, into: &plan, today: reader.options.today) else { continue }
        plan.records.append(kept)
        if !cell(reasonColumn).isEmpty {
          plan.skipped.append(
            ImportProblem(
              line: row.line, column: reasonColumn,
              message: tr("rights/\(id) is kept: the reason column is for revocations, so its text is not imported")))
        }
      case .revoke:
        plan.records.append(revoke(right, reason: cell(reasonColumn), by: reviewer, line: row.line, today: reader.options.today))
      }
    }
    return plan
  }

  /// The decision a cell's word means, in English or French, any case, accents or not.
  static func decision(_ word: String) -> Decision? {
    words[word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)]
  }

  // MARK: - Rows

  /// The right a row names, or nil (with a problem) when the ledger holds none of that id.
  private static func existingRight(_ id: String, line: Int, into plan: inout ImportPlan, view: LedgerView) throws(StoreError)
    -> Record?
  {
    guard !id.isEmpty else {
      plan.problems.append(
        ImportProblem(
          line: line, column: rightColumn, rule: "match", message: tr("the row names no right"),
          hint: tr("put the right's id in the \"\(rightColumn)\" column, as the review report writes it")))
      return nil
    }
    guard let key = RecordID(id).map({ RecordKey(kind: .rights, id: $0) }), let right = try view.record(key) else {
      plan.problems.append(
        ImportProblem(
          line: line, column: rightColumn, rule: "match", message: tr("no right \"\(id)\" in the ledger"),
          hint: tr("'adminledger list rights' shows them; export the review again if the file is old")))
      return nil
    }
    return right
  }

  /// Who the `reviewer` cell names: an organisation, or a person (and their organisation);
  /// nobody when empty. Nil, with a problem, when it names neither.
  private static func reviewer(_ text: String, line: Int, into plan: inout ImportPlan, view: LedgerView) throws(StoreError)
    -> Reviewer?
  {
    guard !text.isEmpty else { return Reviewer() }
    if try view.record(.organizations, text) != nil { return Reviewer(organization: text) }
    if let person = try view.record(.people, text) {
      return Reviewer(organization: person.fields["organization"]?.stringValue, person: text)
    }
    plan.problems.append(
      ImportProblem(
        line: line, column: reviewerColumn, rule: "match",
        message: tr("\"\(text)\" is neither an organisation nor a person of the ledger"),
        hint: tr("write the reviewing organisation's id, or the id of the person who reviewed")))
    return nil
  }

  /// Whether the reviewing organisation may decide on `right`: one of its people holds it or
  /// validated it. Always, when the file does not say who reviewed.
  private static func inScope(_ right: Record, of reviewer: Reviewer, line: Int, into plan: inout ImportPlan, view: LedgerView)
    throws(StoreError) -> Bool
  {
    guard let organization = reviewer.organization else { return true }
    var people = [right.fields["validated_by"]?.stringValue]
    if let account = right.fields["account"]?.stringValue {
      people.append(try view.record(.accounts, account)?.fields["person"]?.stringValue)
    }
    for case let id? in people {
      if try view.record(.people, id)?.fields["organization"]?.stringValue == organization { return true }
    }
    plan.problems.append(
      ImportProblem(
        line: line, column: rightColumn, rule: "scope",
        message:
          tr(
            "\(right.key) is neither held nor validated by people of \(organization), so \(organization)'s review cannot decide on it"
          ),
        hint: tr("leave its decision empty, or check the \"\(reviewerColumn)\" column")))
    return false
  }

  /// A kept right: validated today, by the reviewer when the row names one.
  private static func keep(_ right: Record, by reviewer: Reviewer, line: Int, into plan: inout ImportPlan, today: String)
    -> ImportedRecord?
  {
    let status = right.fields["status"]?.stringValue ?? "?"
    guard status == "active" else {
      plan.problems.append(
        ImportProblem(
          line: line, column: decisionColumn, rule: "decision",
          message: tr("\(right.key) is \(status), not active: a review keeps only active rights"),
          hint: tr("leave its decision empty, or grant the right again with 'adminledger set \(right.key) --set status=active'")))
      return nil
    }
    var fields: JSONObject = ["validated_on": .string(today)]
    var columns = ["validated_on": decisionColumn]
    if let person = reviewer.person {
      fields["validated_by"] = .string(person)
      columns["validated_by"] = reviewerColumn
    }
    return ImportedRecord(record: Record(key: right.key, fields: fields), line: line, columns: columns)
  }

  /// A revoked right, with the row's reason or one naming the review. A right already
  /// revoked or expired is left as it is (no fields: the reconciliation finds it unchanged).
  private static func revoke(_ right: Record, reason: String, by reviewer: Reviewer, line: Int, today: String) -> ImportedRecord {
    guard !["revoked", "expired"].contains(right.fields["status"]?.stringValue ?? "") else {
      return ImportedRecord(record: Record(key: right.key, fields: [:]), line: line, columns: [:])
    }
    let who = reviewer.organization.map { "\($0)'s" } ?? "an"
    let fields: JSONObject = [
      "status": "revoked",
      "reason": .string(reason.isEmpty ? "revoked at \(who) access review of \(today)" : reason),
    ]
    return ImportedRecord(
      record: Record(key: right.key, fields: fields), line: line,
      columns: ["status": decisionColumn, "reason": reason.isEmpty ? decisionColumn : reasonColumn])
  }
}
