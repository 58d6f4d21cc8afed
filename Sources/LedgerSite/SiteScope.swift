import LedgerCore
import LedgerJSON
import LedgerLanguage

/// What a site may show: every record (the administrators' site), every record without
/// personal fields (`--public`, for funders), or only what concerns one organisation (`--for`,
/// for a partner: its people, their accounts and rights, the rights it validated, its
/// trainings and tickets, the systems they are on), with every reference to anyone else taken
/// out and their ids, names and contact details hidden wherever text mentions them.
struct SiteScope {
  let isPublic: Bool
  /// The organisation a partner's site is for.
  let organization: Record?
  /// The records shown, or nil for all.
  let visible: Set<RecordKey>?
  /// Fields left out of every record (the `x-personal` ones, on a public site), by kind.
  let withheld: [RecordKind: [[String]]]
  let redact: Redactor
  private let view: LedgerView
  /// Which person's git identity each email is (lowercased), to name authors on a partner's site.
  private let identities: [String: String]

  /// - Parameter chronicle: the history, whose former names and contact details of the people a
  ///   partner's site does not show are hidden too (a renamed person by their former name).
  init(view: LedgerView, isPublic: Bool, organization id: RecordID?, chronicle: LedgerChronicle? = nil)
    throws(StoreError)
  {
    self.view = view
    self.isPublic = isPublic
    var withheld: [RecordKind: [[String]]] = [:]
    var contacts: [String] = []
    // Only a public site hides personal values wherever text mentions them: the whole
    // ledger's site reads no record here.
    for kind in RecordKind.allCases where isPublic {
      let paths = view.personalFields(of: kind).map { steps in Array(steps.prefix { $0 != "*" }) }
      guard !paths.isEmpty else { continue }
      withheld[kind] = paths
      for record in try view.records(of: kind) {
        for steps in paths {
          for (_, value) in view.values(at: steps, in: record) { contacts += Self.strings(in: value) }
        }
      }
    }
    self.withheld = withheld
    var identities: [String: String] = [:]
    for person in try view.records(of: .people) {
      for case .string(let email) in (person.fields["git_identities"]?.arrayValue ?? [])
        + (person.fields["emails"]?.arrayValue ?? [])
      {
        identities[email.lowercased()] = person.key.id.value
      }
    }
    self.identities = identities
    guard let id else {
      organization = nil
      visible = nil
      redact = isPublic ? Redactor(forbidden: contacts, hidesContactShapes: true) : .none
      return
    }
    let key = RecordKey(kind: .organizations, id: id)
    guard let record = try view.record(key) else { throw .recordNotFound(key) }
    organization = record
    let shown = try Self.records(concerning: record, in: view)
    visible = shown
    var hidden: [String] = []
    var names: [String] = []
    for person in try view.records(of: .people) where !shown.contains(person.key) {
      hidden.append(person.key.id.value)
      if let name = person.fields["name"]?.stringValue { names.append(name) }
      for steps in view.personalFields(of: .people) {
        for (_, value) in view.values(at: steps, in: person) { hidden += Self.strings(in: value) }
      }
    }
    // Every name and contact detail they had, and the people removed since.
    let personal = Set(view.personalFields(of: .people).compactMap(\.first))
    for (key, steps) in chronicle?.steps ?? [:] where key.kind == .people && !shown.contains(key) {
      hidden.append(key.id.value)
      for step in steps {
        for change in step.fields {
          let field = String(change.path.prefix { $0 != "." })
          guard field == "name" || personal.contains(field) else { continue }
          let values = [change.old, change.new].compactMap { $0 }.flatMap(Self.strings(in:))
          if field == "name" { names += values } else { hidden += values }
        }
      }
    }
    hidden += Set(names).flatMap(NameVariants.of)
    redact = Redactor(forbidden: hidden + (isPublic ? contacts : []), hidesContactShapes: isPublic)
  }

  /// The records an organisation's site shows.
  private static func records(concerning organization: Record, in view: LedgerView) throws(StoreError) -> Set<RecordKey> {
    var shown: Set<RecordKey> = [organization.key]
    let people = try view.records(of: .people).filter { $0.fields["organization"]?.stringValue == organization.key.id.value }
    shown.formUnion(people.map(\.key))
    let accounts = try view.records(of: .accounts).filter { account in
      account.fields["person"]?.stringValue.flatMap(RecordID.init).map { shown.contains(RecordKey(kind: .people, id: $0)) }
        ?? false
    }
    shown.formUnion(accounts.map(\.key))
    for account in accounts {
      if let system = account.fields["system"]?.stringValue, let id = RecordID(system) {
        shown.insert(RecordKey(kind: .systems, id: id))
      }
    }
    // Rights on its people's accounts and rights it validated; trainings, tickets and duties
    // that name the organisation or one of its people.
    for kind in [RecordKind.rights, .trainings, .tickets, .duties] {
      for record in try view.records(of: kind)
      where view.references(of: record).contains(where: { _, target in
        target == organization.key || (target.kind != .systems && target.kind != .organizations && shown.contains(target))
      }) {
        shown.insert(record.key)
      }
    }
    return shown
  }

  func isVisible(_ key: RecordKey) -> Bool { visible?.contains(key) ?? true }

  /// Whether the site shows the whole ledger (reports and audit about everyone).
  var isWhole: Bool { visible == nil }

  /// A record's fields as the site shows them: withheld fields and references to records it
  /// does not show taken out.
  func fields(of record: Record) -> JSONObject {
    var fields = record.fields
    for steps in withheld[record.key.kind] ?? [] { fields = Self.removing(steps[...], from: fields) }
    guard visible != nil else { return fields }
    let hidden = view.references(of: record).filter { !isVisible($0.1) }.map(\.0)
    // Later array items first, so the earlier pointers stay right.
    for pointer in hidden.sorted(by: Self.isLater) {
      if case .object(let object)? = Self.removing(pointer.tokens[...], from: .object(fields)) { fields = object }
    }
    return fields
  }

  /// A commit's field changes to a record as the site shows them.
  func changes(_ changes: [FieldChange], of key: RecordKey) -> [FieldChange] {
    let withheldPaths = (withheld[key.kind] ?? []).map { $0.joined(separator: ".") }
    return changes.compactMap { change in
      if withheldPaths.contains(where: { change.path == $0 || change.path.hasPrefix($0 + ".") || $0.hasPrefix(change.path + ".") }
      ) {
        return nil
      }
      guard visible != nil else { return change }
      let old = change.old.flatMap { shown($0, at: change.path, in: key.kind) }
      let new = change.new.flatMap { shown($0, at: change.path, in: key.kind) }
      return old == new ? nil : FieldChange(path: change.path, old: old, new: new)
    }
  }

  /// Who made a commit, as the site names them: by name, or on a partner's site "an
  /// administrator" unless the author is one of the organisation's people.
  func author(_ entry: HistoryEntry) -> String {
    guard visible != nil else { return entry.authorName }
    guard let person = identities[entry.authorEmail.lowercased()], let id = RecordID(person),
      isVisible(RecordKey(kind: .people, id: id))
    else { return tr("an administrator") }
    return entry.authorName
  }

  /// A value at a field, with the references to records the site does not show taken out.
  private func shown(_ value: JSONValue, at path: String, in kind: RecordKind) -> JSONValue? {
    guard
      let target = view.referenceFields(of: kind).first(where: { $0.steps.prefix { $0 != "*" }.joined(separator: ".") == path })?
        .target
    else {
      return value
    }
    let keep = { (item: JSONValue) in
      item.stringValue.flatMap(RecordID.init).map { isVisible(RecordKey(kind: target, id: $0)) } ?? true
    }
    if case .array(let items) = value { return .array(items.filter(keep)) }
    return keep(value) ? value : nil
  }

  private static func removing(_ steps: ArraySlice<String>, from fields: JSONObject) -> JSONObject {
    guard case .object(let object)? = removing(steps, from: .object(fields)) else { return fields }
    return object
  }

  /// The value without what `steps` names (an object member, or an array item by index).
  private static func removing(_ steps: ArraySlice<String>, from value: JSONValue) -> JSONValue? {
    guard let first = steps.first else { return nil }
    switch value {
    case .object(var object):
      guard let inner = object[first] else { return value }
      object[first] = steps.count == 1 ? nil : removing(steps.dropFirst(), from: inner)
      return .object(object)
    case .array(var items):
      guard let index = Int(first), items.indices.contains(index) else { return value }
      if steps.count == 1 {
        items.remove(at: index)
      } else if let inner = removing(steps.dropFirst(), from: items[index]) {
        items[index] = inner
      }
      return .array(items)
    default:
      return value
    }
  }

  /// Whether pointer `a` comes after `b` in document order, array indices compared as numbers.
  private static func isLater(_ a: JSONPointer, _ b: JSONPointer) -> Bool {
    for (x, y) in zip(a.tokens, b.tokens) where x != y {
      if let i = Int(x), let j = Int(y) { return i > j }
      return x > y
    }
    return a.tokens.count > b.tokens.count
  }

  private static func strings(in value: JSONValue) -> [String] {
    switch value {
    case .string(let text): [text]
    case .array(let items): items.flatMap(strings(in:))
    case .object(let object): object.flatMap { strings(in: $0.value) }
    default: []
    }
  }
}
