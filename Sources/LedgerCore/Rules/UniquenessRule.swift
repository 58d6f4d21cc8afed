import LedgerJSON
import LedgerLanguage
import LedgerSchema

/// `x-unique`: no two records of a kind share a value marked unique (a person's email), or a
/// combination of fields (an account's system and login).
enum UniquenessRule {
  static let name = "unique"

  /// Findings for `records` whose unique values another record of the kind also has.
  static func check(_ records: [Record], kind: RecordKind, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    let paths = context.paths("x-unique", in: kind)
    guard !paths.isEmpty else { return [] }
    var findings: [Diagnostic] = []
    for path in paths {
      let owners: (JSONValue) -> [RecordKey]
      if let indexed = try context.state.valueOwners(kind, path) {
        owners = { indexed[$0] }
      } else {
        let all = try allOwners(of: kind, path, context)
        owners = { all[$0] ?? [] }
      }
      for record in records {
        for (pointer, value) in values(of: record, path) {
          guard let owner = owners(value).first(where: { $0 != record.key }) else { continue }
          findings.append(
            Diagnostic(
              file: record.key.path, instancePath: pointer, rule: name,
              message: tr("\(describe(value, path)) is already used by \(owner)"),
              hint: tr("each record of \(kind) needs its own; change this one or \(owner)")))
        }
      }
    }
    return findings
  }

  /// Which records hold each unique value, from every record of the kind.
  private static func allOwners(of kind: RecordKind, _ path: KeywordPath, _ context: RuleContext) throws(StoreError)
    -> [JSONValue: [RecordKey]]
  {
    var owners: [JSONValue: [RecordKey]] = [:]
    for record in try context.state.records(of: kind) {
      for (_, value) in values(of: record, path) { owners[value, default: []].append(record.key) }
    }
    return owners
  }

  /// The values a path marks unique in a record: the value itself for `x-unique: true`, or
  /// the combination of the named fields for `x-unique: ["system", "login"]`.
  static func values(of record: Record, _ path: KeywordPath) -> [(JSONPointer, JSONValue)] {
    let located = path.values(in: .object(record.fields))
    guard case .array(let names) = path.value else { return located }
    return located.compactMap { pointer, value in
      guard case .object(let object) = value else { return nil }
      let parts = names.compactMap { $0.stringValue.flatMap { object[$0] } }
      guard parts.count == names.count else { return nil }
      return (pointer, .array(parts))
    }
  }

  private static func describe(_ value: JSONValue, _ path: KeywordPath) -> String {
    if case .array(let names) = path.value, case .array(let parts) = value {
      let pairs = zip(names, parts).map { "\($0.stringValue ?? "?") \($1.compactText)" }
      let joined = pairs.joined(separator: tr(" and "))
      return tr("the combination \(joined)")
    }
    return value.compactText
  }
}
