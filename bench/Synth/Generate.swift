import Foundation

/// `ledger-synth generate`: writes the synthetic ledger's history as a `git fast-import`
/// stream on standard output, and what the benchmark rows use into `--meta FILE`.
struct Generator {
  var records = 100_000
  var commits = 20_000
  var seed: UInt64 = 1
  /// Commits on each of the two branches `bench-ours` and `bench-theirs`, made after the
  /// history from its last commit, for the merge row.
  var sideCommits = 1_000
  var sample = "ledger/platform"
  var meta: String?

  static let firstDay = Day.from(year: 2016, month: 1, day: 4)
  static let lastDay = Day.from(year: 2025, month: 12, day: 31)
  static let attributes = """
    # Ledger files merge field by field through adminledger's merge driver
    # (registered in each clone by 'adminledger clone' or 'adminledger hook install').
    *.json merge=adminledger

    """

  func run() throws {
    let state = LedgerState(seed: seed)
    let out = FastImportStream()
    let sampleFiles = try readSample()
    let cdurand = Admin.all[0]

    // Commit 1: the ledger, as `adminledger init` makes it.
    let start = Generator.firstDay * 86400 + 8 * 3600
    let settings = sampleFiles.first { $0.path == "ledger.json" }?.content ?? ""
    var tip = out.commit(
      ref: "refs/heads/main", author: cdurand.person, time: start - 2 * 86400,
      message: "Create ledger Biodiv'Sud data platform\n\nLedger-Action: init\n", from: nil,
      files: [("ledger.json", settings), (".gitattributes", Generator.attributes)])

    // Commit 2: every record, as one `adminledger commit` of the files brought in by hand.
    let initial = makeInitialRecords(state, sample: sampleFiles)
    var keys = initial.map(\.key) + sampleFiles.compactMap { $0.key }
    keys.sort(by: Generator.recordOrder)
    let importMessage = "Bring the platform's records into the ledger\n\nLedger-Action: add\n"
      + keys.map { "Ledger-Record: \($0)\n" }.joined()
    var files = sampleFiles.filter { $0.key != nil }.map { (path: $0.path, content: Optional($0.content)) }
    files += initial.map { (path: $0.path, content: Optional(Canonical.text($0.new))) }
    tip = out.commit(
      ref: "refs/heads/main", author: cdurand.person, time: start - 86400, message: importMessage,
      from: tip, files: files)

    // Commit 3: Alice Gauthier, president, becomes coordinator as well (she approves payments).
    let before = Generator.agauthier
    var after = before
    after["ledger_roles"] = .a([.o(["role": .s("reviewer")]), .o(["role": .s("coordinator")])])
    tip = out.commit(
      ref: "refs/heads/main", author: cdurand.person, time: start, from: tip,
      change: Change(kind: "people", id: "agauthier", old: before, new: after))

    // The history: single changes, and from time to time two or three administrators'
    // branches merged.
    var clock = Clock(start: start, end: Generator.lastDay * 86400 + 17 * 3600, count: max(1, commits - 3))
    var made = 3
    var merges = 0
    while made < commits {
      let remaining = commits - made
      if remaining > 60, state.rng.chance(1.0 / 170) {
        let period = branchPeriod(state, out, from: tip, clock: &clock, length: state.rng.int(10...40))
        tip = period.tip
        made += period.commits
        merges += period.merges
        continue
      }
      let admin = pickAdmin(state)
      state.day = clock.day
      guard let change = state.change(by: admin) else { continue }
      tip = out.commit(ref: "refs/heads/main", author: admin.person, time: clock.next(), from: tip, change: change)
      made += 1
    }

    // Two branches for the merge row, from the last commit, after the history.
    var sideClock = Clock(start: Generator.lastDay * 86400 + 86400 * 5, end: Generator.lastDay * 86400 + 86400 * 60, count: 2 * sideCommits)
    let ours = Admin.all[1]
    let theirs = Admin.all[2]
    state.claims = [:]
    var sideTips = [tip, tip]
    for n in 0..<(2 * sideCommits) {
      let side = n % 2
      state.side = side
      let admin = side == 0 ? ours : theirs
      state.day = sideClock.day
      var change: Change?
      while change == nil { change = state.change(by: admin) }
      if let change {
        sideTips[side] = out.commit(
          ref: side == 0 ? "refs/heads/bench-ours" : "refs/heads/bench-theirs", author: admin.person,
          time: sideClock.next(), from: sideTips[side], change: change)
      }
    }
    state.side = -1
    out.flush()
    if let meta { try writeMeta(meta, state, commits: made, merges: merges, admins: [ours, theirs]) }
  }

  // MARK: - Commits

  struct Clock {
    let start: Int
    let step: Double
    var index = 0

    init(start: Int, end: Int, count: Int) {
      self.start = start
      step = Double(end - start) / Double(max(1, count))
    }

    /// The day of the next commit.
    var day: Int { (start + Int(Double(index) * step)) / 86400 }

    mutating func next() -> Int {
      defer { index += 1 }
      return start + Int(Double(index) * step)
    }
  }

  /// Five administrators, the coordinator and the admin writing the most.
  func pickAdmin(_ state: LedgerState) -> Admin {
    let roll = state.rng.int(0..<100)
    return Admin.all[roll < 25 ? 0 : roll < 50 ? 1 : roll < 70 ? 2 : roll < 90 ? 3 : 4]
  }

  /// Two or three administrators working apart for a while, each on their own records, then
  /// syncing one after the other: each sync merges what the shared branch holds into theirs.
  func branchPeriod(
    _ state: LedgerState, _ out: FastImportStream, from fork: Int, clock: inout Clock, length: Int
  ) -> (tip: Int, commits: Int, merges: Int) {
    let count = state.rng.chance(0.3) ? 3 : 2
    var admins = Admin.all
    for i in stride(from: admins.count - 1, to: 0, by: -1) { admins.swapAt(i, state.rng.int(0...i)) }
    admins = Array(admins.prefix(count))
    var tips = Array(repeating: fork, count: count)
    var changed = Array(repeating: Set<String>(), count: count)
    state.claims = [:]
    var made = 0
    for _ in 0..<length {
      let side = state.rng.int(0..<count)
      state.side = side
      state.day = clock.day
      guard let change = state.change(by: admins[side]) else { continue }
      tips[side] = out.commit(ref: "refs/heads/main", author: admins[side].person, time: clock.next(), from: tips[side], change: change)
      changed[side].insert(change.key)
      made += 1
    }
    state.side = -1
    state.claims = [:]
    var shared = tips[0]
    var sharedKeys = changed[0]
    var merges = 0
    for side in 1..<count {
      if changed[side].isEmpty { continue }
      if sharedKeys.isEmpty {
        shared = tips[side]
        sharedKeys = changed[side]
        continue
      }
      let records = sharedKeys.sorted(by: Generator.recordOrder)
      let countText = records.count == 1 ? "1 record" : "\(records.count) records"
      var body = records.prefix(50).map { $0 + "\n" }.joined()
      if records.count > 50 { body += "and \(records.count - 50) more\n" }
      let message = "Merge origin/main into main: \(countText)\n\n" + body + "\nLedger-Action: merge\n"
        + records.map { "Ledger-Record: \($0)\n" }.joined()
      let files = records.map { (path: $0 + ".json", content: Optional(Canonical.text(state.records[$0] ?? [:]))) }
      shared = out.commit(
        ref: "refs/heads/main", author: admins[side].person, time: clock.next(), message: message,
        from: tips[side], merge: shared, files: files)
      sharedKeys.formUnion(changed[side])
      merges += 1
      made += 1
    }
    return (shared, made, merges)
  }

  /// Records sorted as the tool sorts its trailers: by kind, then id.
  static func recordOrder(_ a: String, _ b: String) -> Bool {
    Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
  }

  // MARK: - The sample and the initial records

  struct SampleFile {
    let path: String
    let content: String
    var key: String? { path.hasSuffix(".json") && path.contains("/") ? String(path.dropLast(5)) : nil }
  }

  /// ledger/platform's settings, systems, organisations, contracts and people (the
  /// administrators and the contacts the organisations name).
  func readSample() throws -> [SampleFile] {
    var files: [SampleFile] = []
    let root = URL(fileURLWithPath: sample)
    files.append(SampleFile(path: "ledger.json", content: try String(contentsOf: root.appendingPathComponent("ledger.json"), encoding: .utf8)))
    for folder in ["systems", "organizations", "contracts", "people"] {
      let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
      for name in names where name.hasSuffix(".json") {
        let text = try String(contentsOf: root.appendingPathComponent(folder + "/" + name), encoding: .utf8)
        files.append(SampleFile(path: folder + "/" + name, content: text))
      }
    }
    guard let alice = files.first(where: { $0.path == "people/agauthier.json" }), alice.content == Canonical.text(Generator.agauthier) else {
      throw SynthError.sample("ledger/platform/people/agauthier.json is not the record the generator expects; update Generator.agauthier")
    }
    return files
  }

  static let agauthier: [String: J] = [
    "emails": .a([.s("agauthier@cen-paca.example.org")]), "functions": .a([.s("board"), .s("president")]),
    "git_identities": .a([.s("agauthier@cen-paca.example.org")]), "ledger_roles": .a([.o(["role": .s("reviewer")])]),
    "name": .s("Alice Gauthier"), "organization": .s("cen-paca"),
  ]

  func makeInitialRecords(_ state: LedgerState, sample: [SampleFile]) -> [Change] {
    let day = Generator.firstDay - 1
    var made: [Change] = []
    func keep(_ kind: String, _ id: String, _ fields: [String: J]) {
      state.add(kind, id, fields)
      made.append(Change(kind: kind, id: id, old: nil, new: fields))
    }
    let sampleOrgs = sample.filter { $0.path.hasPrefix("organizations/") }.map { String($0.path.dropFirst(14).dropLast(5)) }
    for file in sample where file.key != nil { state.reserve(file.key ?? "") }
    state.organizations = [LedgerState.biggestOrganization] + sampleOrgs.filter { $0 != LedgerState.biggestOrganization }
    var orgFields: [(String, [String: J])] = []
    for index in 0..<max(20, records / 500) {
      let (id, fields) = state.makeOrganization(index: index)
      state.organizations.append(id)
      orgFields.append((id, fields))
    }
    let people = records * 30 / 100
    for _ in 0..<people {
      let (id, fields) = state.makePerson(day: day)
      keep("people", id, fields)
    }
    // Organisations, each with one or two contacts among the people.
    for (id, var fields) in orgFields {
      var contacts: [String] = []
      for _ in 0..<state.rng.int(1...2) {
        if let p = state.pick("people"), !contacts.contains(p) { contacts.append(p) }
      }
      fields["contacts"] = .a(contacts.map { .s($0) })
      keep("organizations", id, fields)
    }
    let accounts = records * 30 / 100
    var madeAccounts = 0
    while madeAccounts < accounts {
      guard let person = state.pick("people"), let (id, fields) = state.makeAccount(person: person, day: day, initial: true)
      else { continue }
      keep("accounts", id, fields)
      madeAccounts += 1
    }
    for _ in 0..<(records * 25 / 100) {
      guard let account = state.pick("accounts"), let a = state.records["accounts/" + account] else { continue }
      let (id, fields) = state.makeRight(account: account, a, day: day, grantedBy: nil, initial: true)
      keep("rights", id, fields)
    }
    let rest = records - people - accounts - records * 25 / 100 - orgFields.count
    for _ in 0..<(rest * 8 / 15) {
      let (id, fields) = state.makeTicket(day: day, reporter: state.person(), initial: true)
      keep("tickets", id, fields)
    }
    for _ in 0..<(rest * 3 / 15) {
      let (id, fields) = state.makePayment(day: day, approver: "cdurand", initial: true)
      keep("payments", id, fields)
    }
    for _ in 0..<(rest - rest * 8 / 15 - rest * 3 / 15) {
      let (id, fields) = state.makeTraining(day: day, trainer: state.rng.pick(LedgerState.staff), initial: true)
      keep("trainings", id, fields)
    }
    return made
  }

  // MARK: - What the rows use

  func writeMeta(_ path: String, _ state: LedgerState, commits: Int, merges: Int, admins: [Admin]) throws {
    let person = state.longHistoryPerson
    let people = state.ids["people"] ?? []
    let setPerson = people.count > 1 ? people[1] : person
    let org = LedgerState.biggestOrganization
    let orgPeople = state.records.filter { $0.key.hasPrefix("people/") && $0.value.text("organization") == org }.count
    let total = state.records.count
    let meta: [String: J] = [
      "records": .n(String(records)), "records_at_head_generated": .n(String(total)),
      "commits": .n(String(commits)), "merges": .n(String(merges)), "seed": .n(String(seed)),
      "organization": .s(org), "organization_people": .n(String(orgPeople)),
      "person": .s(person), "person_commits": .n(String(state.touched["people/" + person] ?? 0)),
      "set_person": .s(setPerson),
      "first_year": .n("2016"), "last_year": .n("2025"),
      "side_commits": .n(String(sideCommits)),
      "side_branches": .a([.s("bench-ours"), .s("bench-theirs")]),
      "side_authors": .a(admins.map { .s("\($0.name) <\($0.email)>") }),
      "admins": .a(Admin.all.map { .s("\($0.name) <\($0.email)>") }),
    ]
    try Canonical.text(meta).write(toFile: path, atomically: true, encoding: .utf8)
  }
}

enum SynthError: Error, CustomStringConvertible {
  case sample(String)
  case usage(String)

  var description: String {
    switch self {
    case .sample(let text), .usage(let text): text
    }
  }
}

extension FastImportStream {
  /// A commit of one record's change, with the message `adminledger add` or `set` writes.
  @discardableResult
  func commit(ref: String, author: Person, time: Int, from: Int, change: Change) -> Int {
    let (fields, lines) = Canonical.changes(change.old, change.new)
    let subject = change.old == nil ? "Add \(change.key)" : "Set \(change.key): \(fields.joined(separator: ", "))"
    let action = change.old == nil ? "add" : "set"
    let message = subject + "\n\n" + lines.map { $0 + "\n" }.joined()
      + "\nLedger-Action: \(action)\nLedger-Record: \(change.key)\n"
    return commit(ref: ref, author: author, time: time, message: message, from: from,
                  files: [(change.path, Canonical.text(change.new))])
  }
}
