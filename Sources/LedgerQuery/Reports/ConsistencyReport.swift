import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report consistency`: the cross-system checks the organisation declares in `ledger.json`:
///
///     "consistency": [
///       {"name": "Editors on the site are active members",
///        "every": {"kind": "rights", "where": ["account.system=website", "status=active"]},
///        "satisfies": ["account.person.member_status=active"]},
///       {"name": "Every delegate has a mailbox",
///        "every": {"kind": "people", "where": ["functions=delegate"]},
///        "has": {"kind": "accounts", "where": ["system=mail", "status=active"], "link": "person"}}
///     ]
///
/// `satisfies`: each record meeting `every` meets these conditions too. `has`: for each one,
/// a record of `has.kind` meeting `has.where` names it in its `link` field (a path, which may
/// follow references). Conditions are those of `list --where`; `today` stands for today.
///
/// Two checks are built in, run after the declared ones: ``dutyHoldersCheck`` when the ledger
/// has duties (a duty whose responsible person or deputy has left, resigned or every account
/// they held closed, is a finding, since nobody would notice otherwise), and
/// ``temporaryRightsCheck`` when it has temporary rights (one still active past its end).
public enum ConsistencyReport {
  /// The name of the built-in check on duties, as the report prints it.
  public static let dutyHoldersCheck = Phrase("People responsible for a duty are still here")

  public static func make(_ view: LedgerView, today: String) throws(StoreError) -> Report {
    let checks = try view.settings()?.document["consistency"]?.arrayValue ?? []
    var summary: [[JSONValue]] = []
    var findings: [[JSONValue]] = []
    let evaluator = QueryEvaluator(view: view, today: today)
    for (index, check) in checks.enumerated() {
      let name = check.objectValue?["name"]?.stringValue ?? tr("check \(index + 1)")
      do {
        let (checked, found) = try run(check, evaluator: evaluator, view: view)
        summary.append([.string(name), .count(checked), .count(found.count)])
        findings += found.map { [.string(name), .string($0.0), .string($0.1)] }
      } catch let error as QueryError {
        summary.append([.string(name), .count(0), .count(1)])
        findings.append([.string(name), .string("ledger.json"), .string(tr("the check cannot run: \(describe(error))"))])
      } catch let error as StoreError {
        throw error
      } catch {
        continue
      }
    }
    let duties = try view.records(of: .duties)
    if !duties.isEmpty {
      let found = try dutyHolders(duties, view: view)
      summary.append([.string(dutyHoldersCheck.text), .count(duties.count), .count(found.count)])
      findings += found.map { [.string(dutyHoldersCheck.text), .string($0.0), .string($0.1)] }
    }
    let (temporary, pastEnd) = try temporaryRightsPastEnd(view, today: today)
    if temporary > 0 {
      summary.append([.string(temporaryRightsCheck.text), .count(temporary), .count(pastEnd.count)])
      findings += pastEnd.map { [.string(temporaryRightsCheck.text), .string($0.0), .string($0.1)] }
    }
    return Report(
      title: tr("Consistency"),
      sections: [
        Report.Section(
          title: Phrase("Checks"), columns: [Phrase("check"), Phrase("records"), Phrase("findings")], rows: summary),
        Report.Section(
          title: Phrase("Findings"), columns: [Phrase("check"), Phrase("record"), Phrase("finding")], rows: findings),
      ], findings: findings.count)
  }

  private static func run(_ check: JSONValue, evaluator: QueryEvaluator, view: LedgerView) throws -> (Int, [(String, String)]) {
    let object = check.objectValue ?? JSONObject()
    let (kind, conditions) = try selection(object["every"], view: view)
    let subjects = try view.records(of: kind).filter { try evaluator.meets($0, conditions) }
    var found: [(String, String)] = []
    if case .array(let required)? = object["satisfies"] {
      let planner = Planner(view: view)
      for text in required.compactMap(\.stringValue) {
        let condition = try QueryParser.condition(text)
        let path = try planner.resolve(condition.path, in: kind, condition: text)
        for subject in subjects where !(try evaluator.meets(subject, [(condition, path)])) {
          let values = try evaluator.values(path, in: subject).map(\.compactText).joined(separator: ", ")
          let actual = values.isEmpty ? tr("none") : values
          let field = condition.path.joined(separator: ".")
          found.append((subject.key.description, tr("\(text) does not hold (\(field): \(actual))")))
        }
      }
    }
    if case .object(let has)? = object["has"] {
      let (targetKind, targetConditions) = try selection(.object(has), view: view)
      let linkText = has["link"]?.stringValue ?? ""
      let link = try Planner(view: view).resolve(
        linkText.split(separator: ".").map(String.init), in: targetKind, condition: linkText)
      var linked = Set<String>()
      for target in try view.records(of: targetKind) where try evaluator.meets(target, targetConditions) {
        for value in try evaluator.values(link, in: target) { if let id = value.stringValue { linked.insert(id) } }
      }
      let wanted = (has["where"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
      for subject in subjects where !linked.contains(subject.key.id.value) {
        found.append(
          (
            subject.key.description,
            wanted.isEmpty
              ? tr("has no \(targetKind) linked through \(linkText)")
              : tr("has no \(targetKind) with \(wanted) linked through \(linkText)")
          ))
      }
    }
    return (subjects.count, found)
  }

  /// For each duty, its responsible people and deputy who have left: `member_status`
  /// resigned, or accounts that are all closed (someone who never had an account has not
  /// left; a suspended or requested account still counts as theirs).
  private static func dutyHolders(_ duties: [Record], view: LedgerView) throws(StoreError) -> [(String, String)] {
    var accounts: [String: [String]] = [:]
    for account in try view.records(of: .accounts) {
      guard let person = account.fields["person"]?.stringValue else { continue }
      accounts[person, default: []].append(account.fields["status"]?.stringValue ?? "")
    }
    var found: [(String, String)] = []
    for duty in duties {
      for (id, part) in DutiesReport.keyPeople(of: duty) {
        guard let person = try view.record(.people, id) else { continue }  // a broken reference: validation says so
        let name = person.fields["name"]?.stringValue ?? id
        if person.fields["member_status"]?.stringValue == "resigned" {
          found.append((duty.key.description, tr("\(part) \(id) (\(name)) has resigned")))
        } else if let held = accounts[id], held.allSatisfy({ $0 == "closed" }) {
          found.append((duty.key.description, tr("\(part) \(id) (\(name)) has left: every account they held is closed")))
        }
      }
    }
    return found
  }

  /// `{"kind": ..., "where": [...]}` read and planned.
  private static func selection(_ value: JSONValue?, view: LedgerView) throws -> (RecordKind, [(Condition, ResolvedPath)]) {
    guard let object = value?.objectValue, let name = object["kind"]?.stringValue, let kind = RecordKind(rawValue: name) else {
      let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw QueryError.badList(text: value?.compactText ?? "", reason: "a selection needs \"kind\", one of \(kinds)")
    }
    let planner = Planner(view: view)
    var conditions: [(Condition, ResolvedPath)] = []
    for text in (object["where"]?.arrayValue ?? []).compactMap(\.stringValue) {
      let condition = try QueryParser.condition(text)
      conditions.append((condition, try planner.resolve(condition.path, in: kind, condition: text)))
    }
    return (kind, conditions)
  }

  private static func describe(_ error: QueryError) -> String {
    switch error {
    case .syntax(let text, let column, let expected): tr("\"\(text)\": expected \(expected) at column \(column)")
    case .unknownField(let text, let kind, let field, _): tr("\(kind) have no field \"\(field)\" (in \"\(text)\")")
    case .badList(let text, let reason): "\(text): \(reason)"
    }
  }
}
