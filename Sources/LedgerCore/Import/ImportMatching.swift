import LedgerJSON
import LedgerLanguage

/// How an import's rows meet the ledger's records: by id, by a field (`--match emails`), or by
/// what the profile says makes a record the same (a training session: its day, topic and
/// trainers); how a matched row changes the record; and which records a file of this profile
/// should list, to report those it no longer does.
struct ImportMatching {
  let kind: RecordKind
  let profile: ImportProfile
  /// Rows may change records the ledger already holds (`--update`).
  let update: Bool
  /// The field whose value finds a row's record, besides its id.
  let field: FieldPath?
  /// `--missing FIELD=VALUE`: set on the records the file no longer lists.
  let missing: (field: FieldPath, value: JSONValue)?

  func reconcile(_ plan: ImportPlan, in view: LedgerView) throws(StoreError) -> Reconciliation {
    var result = Reconciliation()
    result.skipped = plan.skipped
    result.problems = plan.problems
    result.conversions = plan.conversions
    let existing = try view.records(of: kind)
    let byID = Dictionary(existing.map { ($0.key, $0) }) { first, _ in first }
    var byValue: [String: [RecordKey]] = [:]
    for record in existing {
      for value in matchValues(of: record) { byValue[value, default: []].append(record.key) }
    }
    var matched = Set<RecordKey>()
    for row in plan.records {
      var found = byID[row.record.key]
      if found == nil {
        let candidates = Set(matchValues(of: row.record).flatMap { byValue[$0] ?? [] })
        guard candidates.count <= 1 else {
          result.problems.append(
            ImportProblem(
              line: row.line, column: field.flatMap { row.columns[$0.components[0]] }, rule: "match",
              message: tr("the row matches several records: \(candidates.sorted().map(\.description).joined(separator: ", "))")))
          continue
        }
        found = candidates.first.flatMap { byID[$0] }
      }
      guard let found else {
        guard !row.idIsProvisional else {
          result.problems.append(
            ImportProblem(
              line: row.line, rule: "match",
              message: field.map { tr("the row has no id and no record has its \($0.description)") }
                ?? tr("the row has no id and no record has its key"),
              hint: tr("add an id column for new records")))
          continue
        }
        result.propose(row.record, replacing: nil, line: row.line, columns: row.columns)
        continue
      }
      guard update || profile.alwaysMatches else {
        result.problems.append(
          ImportProblem(
            line: row.line, column: row.columns["id"], rule: "exists", message: tr("\(found.key) already exists"),
            hint: tr("pass --update to bring the records the file lists in line with it")))
        continue
      }
      guard matched.insert(found.key).inserted else {
        result.problems.append(
          ImportProblem(line: row.line, rule: "match", message: tr("another row of the file also matches \(found.key)")))
        continue
      }
      let merged = Record(key: found.key, fields: profile.merge(found.fields, with: row.record.fields))
      result.propose(merged, replacing: found, line: row.line, columns: row.columns)
    }
    guard update else { return result }
    listMissing(existing.filter { !matched.contains($0.key) }, in: &result)
    return result
  }

  /// The records the file no longer lists (that the profile follows), each changed as
  /// `--missing` asks.
  private func listMissing(_ unlisted: [Record], in result: inout Reconciliation) {
    for record in unlisted where profile.shouldList(record) {
      result.missing.append(record.key)
      guard let missing else { continue }
      do throws(FieldPath.Problem) {
        let fields = try missing.field.setting(missing.value, in: record.fields)
        result.propose(Record(key: record.key, fields: fields), replacing: record, line: nil)
      } catch {
        result.problems.append(
          ImportProblem(line: 1, rule: "missing", message: tr("cannot set \(missing.field) on \(record.key)")))
      }
    }
  }

  /// The values a record is found by: the `--match` field's (each item of a list), or the
  /// profile's own key.
  private func matchValues(of record: Record) -> [String] {
    if let field {
      let value = JSONPointer(tokens: field.components).resolve(in: .object(record.fields))
      switch value {
      case .array(let items)?: return items.map { $0.compactText.lowercased() }
      case let value?: return [value.compactText.lowercased()]
      case nil: return []
      }
    }
    return profile.sameness(of: record).map { [$0] } ?? []
  }
}

extension ImportProfile {
  /// Whether a row that names a record the ledger holds changes it even without `--update`:
  /// a training sheet lists again the sessions it listed before; a certificate list names the
  /// systems it dates.
  var alwaysMatches: Bool { [.trainingFollowup, .lastLogin, .accessReview, .certificates].contains(self) }

  /// What makes two records the same thing for this profile, when not their id.
  func sameness(of record: Record) -> String? {
    guard self == .trainingFollowup else { return nil }
    let trainers = (record.fields["trainers"]?.arrayValue ?? []).map(\.compactText).sorted()
    let parts = [
      record.fields["date"]?.compactText ?? "",
      CellReader.nameWords(record.fields["topic"]?.stringValue ?? "").sorted().joined(separator: " "),
    ]
    return (parts + trainers).joined(separator: "|")
  }

  /// The record once a row changed it: the row's fields replace the ledger's, other fields
  /// stay; a training session gains the row's attendees (a set) and the fields it lacked.
  func merge(_ fields: JSONObject, with row: JSONObject) -> JSONObject {
    var merged = fields
    for member in row {
      if self == .trainingFollowup {
        if member.key == "attendees", case .array(let old)? = fields["attendees"], case .array(let new) = member.value {
          merged["attendees"] = .array(old + new.filter { !old.contains($0) })
        } else if fields[member.key] == nil {
          merged[member.key] = member.value
        }
      } else {
        merged[member.key] = member.value
      }
    }
    return merged
  }

  /// Whether a file of this profile should list the record (else it is reported missing):
  /// a member export lists the members the back office holds (active or lapsed); a training
  /// sheet lists only some sessions, a certificate list only the hosts it was asked about.
  func shouldList(_ record: Record) -> Bool {
    switch self {
    case .generic: true
    case .dolibarrMembers: ["active", "lapsed"].contains(record.fields["member_status"]?.stringValue ?? "")
    case .trainingFollowup, .lastLogin, .accessReview, .certificates: false
    }
  }
}
