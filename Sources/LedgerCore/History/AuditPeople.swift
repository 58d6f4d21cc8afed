import LedgerJSON
import LedgerSchema

/// The people an audit judges authors by — those who list git identities or hold ledger roles —
/// as they stood at each commit, kept from commit to commit by the changes to `people/`.
///
/// Reading every person for every audited commit cost commits x people; here the people are
/// read once, at the start of the audited range, and each later commit only re-reads the
/// person files it changed. States are shared between commits until one changes, so the memory
/// follows the changes too.
final class AuditPeople {
  private let history: any LedgerHistory
  private let reader: any HistoryWalkReader
  /// The commits being audited: a state is derived from the parent's only inside them.
  private let audited: Set<String>
  private var states: [String: [RecordID: Record]] = [:]

  init(history: any LedgerHistory, reader: any HistoryWalkReader, audited: Set<String>) {
    self.history = history
    self.reader = reader
    self.audited = audited
  }

  /// The people who matter to the audit as the ledger stood at `commit`.
  func people(at commit: String) throws(StoreError) -> [Record] {
    try state(at: commit).values.sorted { $0.key.id < $1.key.id }
  }

  private func state(at commit: String) throws(StoreError) -> [RecordID: Record] {
    if let known = states[commit] { return known }
    // Walk back the first-parent line through audited commits to one whose state is known, or
    // to the start of the range, read in full; then apply each commit's changes forward.
    var chain: [(commit: String, parent: String)] = []
    var current = commit
    while states[current] == nil, audited.contains(current), let parent = try history.parents(current).first {
      chain.append((current, parent))
      current = parent
    }
    var state: [RecordID: Record]
    if let known = states[current] {
      state = known
    } else {
      state = try readAll(at: current)
      states[current] = state
    }
    for step in chain.reversed() {
      state = try applying(step.parent, step.commit, to: state)
      states[step.commit] = state
    }
    return state
  }

  private func readAll(at commit: String) throws(StoreError) -> [RecordID: Record] {
    var state: [RecordID: Record] = [:]
    let snapshot = try reader.snapshot(commit)
    // Only people listing git identities or holding roles: found in the value indexes.
    if let indexes = snapshot.indexes, let identities = try indexes.holders(.people, AuditPeople.identityPath),
      let roles = try indexes.holders(.people, Ledger.ledgerRolePath)
    {
      for key in Set(identities + roles) {
        if let person = try? snapshot.record(key), AuditPeople.matters(person) { state[key.id] = person }
      }
      return state
    }
    for person in try snapshot.records(of: .people).records where AuditPeople.matters(person) {
      state[person.key.id] = person
    }
    return state
  }

  private func applying(_ parent: String, _ commit: String, to state: [RecordID: Record]) throws(StoreError)
    -> [RecordID: Record]
  {
    let changes = try history.changes(of: .people, from: parent, to: commit)
    guard !changes.isEmpty else { return state }
    var next = state
    for change in changes {
      next[change.key.id] = change.new.flatMap { AuditPeople.matters($0) ? $0 : nil }
    }
    return next
  }

  /// Where a person's git identities are (the path the people schema marks unique).
  static let identityPath = KeywordPath(steps: ["git_identities", "*"], value: .bool(true))

  /// Whether a person can be a commit's author or hold a role: anyone else never matters here.
  static func matters(_ person: Record) -> Bool {
    person.fields["git_identities"] != nil || person.fields["ledger_roles"] != nil || person.fields["signing_keys"] != nil
  }
}
