import Foundation
import LedgerTestSupport
import Testing

/// Four administrators, four clones of one bare repository: each makes random valid edits
/// offline, then they sync in a random order until nothing moves. Every clone ends identical
/// and valid, and every edit that was not in conflict is there.
///
/// The edits are shaped so the end state can be checked exactly:
/// - each (training, person) attendance is toggled by one administrator only: it ends as that
///   administrator last left it;
/// - the tickets an administrator adds are changed and removed by that administrator only: each
///   ends as its owner last left it (absent once removed);
/// - shared ticket `kN` is retitled by administrator N only: it ends with N's last title;
/// - the scalar fields of the trainings are set by anyone, always to a value never written
///   before: each ends with a value someone wrote (or the base), and with the last value of the
///   one administrator who set it when only one did. Only those fields can conflict; each
///   conflict is settled at random, --ours or --theirs.
@Suite struct RandomSyncTests {
  static let administrators = 4
  static let rounds = 6
  static let trainings = ["t0", "t1", "t2"]
  static let people = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"]
  static let scalarFields = ["location", "topic", "duration_hours"]

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func fourAdministratorsEditingOfflineEndIdenticalWithEveryEditKept(seed: UInt64) throws {
    var world = try RandomSyncWorld(seed: seed)
    for round in 1...Self.rounds {
      for admin in 0..<Self.administrators {
        for _ in 0..<world.random.int(in: 1...3) { try world.edit(by: admin, round: round) }
      }
      // Some stay offline this round; the others sync in a random order.
      for admin in world.random.shuffled(Array(0..<Self.administrators)) where world.random.int(in: 0...3) > 0 {
        _ = try world.sync(admin)
      }
    }
    var quiet = false
    for _ in 0..<8 where !quiet {
      var moved = false
      for admin in world.random.shuffled(Array(0..<Self.administrators)) {
        if try !world.sync(admin) { moved = true }
      }
      quiet = !moved
    }
    #expect(quiet, "seed \(seed): the clones never settled")
    try world.checkEnd()
  }
}

/// SplitMix64: a small, fixed pseudo-random generator, so a seed replays the same run.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  mutating func bool() -> Bool { next() & 1 == 1 }

  mutating func element<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

  mutating func shuffled<T>(_ items: [T]) -> [T] {
    var items = items
    for index in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(index, int(in: 0...index))
    }
    return items
  }
}

/// The clones, what each administrator did, and what the end state must therefore be.
private struct RandomSyncWorld {
  typealias Suite = RandomSyncTests

  let seed: UInt64
  let folder: TemporaryDirectory
  var random: SeededRandom
  var clones: [CLIRunner] = []

  /// A number never used before: every value written is unique.
  var counter = 0
  /// Every value written to `trainings/ID field`, the base's included.
  var written: [String: Set<String>] = [:]
  /// The base value of each training field.
  var base: [String: String] = [:]
  /// Who set each training field, and the last value each of them set.
  var lastWrite: [String: [Int: String]] = [:]
  /// The last presence the owner of each `training person` attendance left.
  var attendance: [String: Bool] = [:]
  /// The base attendances.
  var baseAttendance: Set<String> = []
  /// Each administrator's tickets: the last title, nil once removed.
  var ownTickets: [String: String?] = [:]
  /// The last title of shared ticket kN, set by administrator N only.
  var sharedTitles: [String: String] = [:]
  /// Conflicts reported by `conflicts` and resolved, and the fields they were on.
  var resolved = 0
  var conflictFields: [String] = []

  init(seed: UInt64) throws {
    self.seed = seed
    random = SeededRandom(seed: seed)
    folder = try TemporaryDirectory()
    let bare = folder.path("shared.git")
    try #require(try ExternalProgram.git("init", "-q", "--bare", "--initial-branch=main", bare.path, in: folder.url).status == 0)
    try FileManager.default.createDirectory(at: folder.path("admin0"), withIntermediateDirectories: true)
    var first = CLIRunner(directory: folder.path("admin0"))
    first.author = Self.author(0)
    var steps: [[String]] = [
      ["init", "--name", "Random ledger"],
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
    ]
    for (index, person) in Suite.people.enumerated() {
      steps.append(["add", "people", person, "--set", "name=Person \(index)", "--set", "organization=cen-paca"])
    }
    for (index, training) in Suite.trainings.enumerated() {
      let attendees = Suite.people.enumerated().filter { ($0.offset + index).isMultiple(of: 3) }.map(\.element)
      for person in attendees { baseAttendance.insert("\(training) \(person)") }
      let values = ["location": "Town \(index)", "topic": "Topic \(index)", "duration_hours": "\(index + 1)"]
      for (field, value) in values {
        base["\(training) \(field)"] = value
        written["\(training) \(field)", default: []].insert(value)
      }
      steps.append([
        "add", "trainings", training, "--set", "date=2026-11-2\(index)", "--set", "topic=Topic \(index)",
        "--set", "location=Town \(index)", "--set", "duration_hours=\(index + 1)",
        "--set", "attendees=[\(attendees.map { "\"\($0)\"" }.joined(separator: ","))]",
      ])
    }
    for admin in 0..<Suite.administrators {
      sharedTitles["k\(admin)"] = "Shared ticket \(admin)"
      steps.append([
        "add", "tickets", "k\(admin)", "--set", "title=Shared ticket \(admin)", "--set", "type=support",
        "--set", "status=open", "--set", "opened=2026-11-18",
      ])
    }
    for step in steps {
      let result = first.run(step)
      try #require(result.status == 0, "seed \(seed): \(step): \(result)")
    }
    try #require(try ExternalProgram.git("remote", "add", "origin", bare.path, in: first.directory).status == 0)
    let published = first.run("sync")
    try #require(published.status == 0, "seed \(seed): \(published)")
    clones.append(first)
    for admin in 1..<Suite.administrators {
      var runner = first
      runner.author = Self.author(admin)
      let target = folder.path("admin\(admin)")
      let cloned = runner.run("clone", bare.path, target.path)
      try #require(cloned.status == 0, "seed \(seed): \(cloned)")
      runner.directory = target
      clones.append(runner)
    }
  }

  static func author(_ admin: Int) -> String { "Admin \(admin) <admin\(admin)@example.org>" }

  mutating func unique() -> Int {
    counter += 1
    return counter
  }

  // MARK: Edits

  /// One random valid edit by `admin` in its own clone, committed there.
  mutating func edit(by admin: Int, round: Int) throws {
    let runner = clones[admin]
    let mine = ownTickets.filter { $0.key.hasPrefix("a\(admin)-") && $0.value != nil }.keys.sorted()
    var arguments: [String]
    switch random.int(in: 0...9) {
    case 0...2:
      let training = random.element(Suite.trainings)
      let field = random.element(Suite.scalarFields)
      let number = unique()
      let value =
        switch field {
        case "location": "Room \(number) of admin \(admin)"
        case "topic": "Topic \(number) by admin \(admin)"
        default: "\(100 + number)"
        }
      arguments = ["set", "trainings/\(training)", "--set", "\(field)=\(value)"]
      written["\(training) \(field)", default: []].insert(value)
      lastWrite["\(training) \(field)", default: [:]][admin] = value
    case 3...5:
      let training = random.element(Suite.trainings)
      let trainingIndex = Suite.trainings.firstIndex(of: training) ?? 0
      let owned = Suite.people.enumerated()
        .filter { ($0.offset + trainingIndex) % Suite.administrators == admin }.map(\.element)
      let person = random.element(owned)
      var attendees = try currentAttendees(training, in: runner)
      let present = attendees.contains(person)
      if present { attendees.removeAll { $0 == person } } else { attendees.append(person) }
      attendance["\(training) \(person)"] = !present
      arguments = [
        "set", "trainings/\(training)", "--set", "attendees=[\(attendees.map { "\"\($0)\"" }.joined(separator: ","))]",
      ]
    case 6:
      let title = "Shared ticket \(admin), version \(unique())"
      sharedTitles["k\(admin)"] = title
      arguments = ["set", "tickets/k\(admin)", "--set", "title=\(title)"]
    case 7 where !mine.isEmpty:
      let id = random.element(mine)
      let title = "Ticket \(id), version \(unique())"
      ownTickets[id] = .some(title)
      arguments = ["set", "tickets/\(id)", "--set", "title=\(title)"]
    case 8 where !mine.isEmpty:
      let id = random.element(mine)
      ownTickets[id] = .some(nil)
      arguments = ["rm", "tickets/\(id)"]
    default:
      let id = "a\(admin)-\(unique())"
      let title = "Ticket \(id) of round \(round)"
      ownTickets[id] = .some(title)
      arguments = [
        "add", "tickets", id, "--set", "title=\(title)", "--set", "type=support", "--set", "status=open",
        "--set", "opened=2026-11-18",
      ]
    }
    let result = runner.run(arguments)
    #expect(result.status == 0, "seed \(seed): admin \(admin) \(arguments): \(result)")
  }

  /// The attendees of a training in a clone's work tree, in file order.
  func currentAttendees(_ training: String, in runner: CLIRunner) throws -> [String] {
    let object = try record("trainings/\(training)", in: runner)
    return try #require(object?["attendees"] as? [String] ?? [], "seed \(seed): trainings/\(training)")
  }

  /// A record as the clone's work tree holds it, nil when absent.
  func record(_ key: String, in runner: CLIRunner) throws -> [String: Any]? {
    guard let data = FileManager.default.contents(atPath: runner.directory.appendingPathComponent("\(key).json").path) else {
      return nil
    }
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "seed \(seed): \(key)")
  }

  // MARK: Syncing

  /// Syncs one clone, settling each conflict at random, until the sync completes.
  ///
  /// - Returns: whether the sync was quiet: already up to date and nothing to push.
  mutating func sync(_ admin: Int) throws -> Bool {
    let runner = clones[admin]
    var result = runner.run("sync", "--format", "json")
    var stops = 0
    while result.status == 1 {
      stops += 1
      guard stops <= 6 else {
        Issue.record("seed \(seed): admin \(admin)'s sync keeps stopping: \(result)")
        return false
      }
      let listed = runner.run("conflicts", "--format", "json")
      #expect(listed.status == 1, "seed \(seed): admin \(admin): a stopped sync has open conflicts: \(listed)")
      let report = try jsonObject(listed.output)
      #expect(
        (report["findings"] as? [Any])?.isEmpty == true, "seed \(seed): admin \(admin): no rule can break: \(listed.output)")
      let conflicts = try #require(report["conflicts"] as? [[String: Any]], "seed \(seed): \(listed.output)")
      #expect(!conflicts.isEmpty, "seed \(seed): admin \(admin): the sync stopped without a conflict: \(result)")
      for conflict in conflicts {
        let record = try #require(conflict["record"] as? String, "seed \(seed): \(conflict)")
        let field = try #require(conflict["field"] as? String, "seed \(seed): \(conflict)")
        conflictFields.append("\(record) \(field)")
        let side = random.bool() ? "--ours" : "--theirs"
        let resolution = runner.run("resolve", record, field, side)
        #expect(resolution.status == 0, "seed \(seed): admin \(admin): resolve \(record) \(field) \(side): \(resolution)")
        resolved += 1
      }
      result = runner.run("sync", "--continue", "--format", "json")
    }
    #expect(result.status == 0, "seed \(seed): admin \(admin): sync: \(result)")
    guard result.status == 0 else { return false }
    let report = try jsonObject(result.output)
    let action = (report["result"] as? [String: Any])?["action"] as? String
    return stops == 0 && action == "up-to-date" && report["pushed"] as? Bool == false
  }

  func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "seed \(seed): \(text)")
  }

  // MARK: The end

  func checkEnd() throws {
    let bare = folder.path("shared.git")
    let trees = try clones.map { try ExternalProgram.git("rev-parse", "HEAD^{tree}", in: $0.directory).output }
    let shared = try ExternalProgram.git("rev-parse", "main^{tree}", in: bare).output
    #expect(trees == Array(repeating: shared, count: clones.count), "seed \(seed): the clones differ: \(trees), shared \(shared)")
    for (admin, runner) in clones.enumerated() {
      let validate = runner.run("validate")
      #expect(validate.status == 0, "seed \(seed): admin \(admin): \(validate)")
      #expect(
        try ExternalProgram.git("status", "--porcelain", in: runner.directory).output.isEmpty, "seed \(seed): admin \(admin)")
      let fsck = try ExternalProgram.git("fsck", "--strict", "--no-dangling", in: runner.directory)
      #expect(fsck.status == 0 && fsck.output.isEmpty, "seed \(seed): admin \(admin): \(fsck.output)\(fsck.error)")
    }
    let fsck = try ExternalProgram.git("fsck", "--strict", "--no-dangling", in: bare)
    #expect(fsck.status == 0 && fsck.output.isEmpty, "seed \(seed): shared: \(fsck.output)\(fsck.error)")

    let final = clones[0]
    for training in Suite.trainings {
      let object = try #require(try record("trainings/\(training)", in: final), "seed \(seed): trainings/\(training)")
      let attendees = Set(object["attendees"] as? [String] ?? [])
      let expected = Set(
        Suite.people.filter { person in
          attendance["\(training) \(person)"] ?? baseAttendance.contains("\(training) \(person)")
        })
      #expect(attendees == expected, "seed \(seed): trainings/\(training) attendees")
      for field in Suite.scalarFields {
        let key = "\(training) \(field)"
        let value = Self.text(object[field])
        let writers = lastWrite[key] ?? [:]
        if writers.count <= 1 {
          #expect(
            value == writers.values.first ?? base[key],
            "seed \(seed): trainings/\(training) \(field), set by \(writers.keys.sorted()) only")
        } else {
          #expect(
            value.map { written[key]?.contains($0) ?? false } == true,
            "seed \(seed): trainings/\(training) \(field) = \(value ?? "absent"): written by nobody")
        }
      }
    }
    for (id, title) in sharedTitles {
      #expect(Self.text(try record("tickets/\(id)", in: final)?["title"]) == title, "seed \(seed): tickets/\(id)")
    }
    for (id, title) in ownTickets {
      let object = try record("tickets/\(id)", in: final)
      #expect(object.map { Self.text($0["title"]) } == title.map { .some($0) }, "seed \(seed): tickets/\(id)")
    }
    let tickets = try ExternalProgram.git("ls-tree", "--name-only", "HEAD", "tickets/", in: final.directory).output
    let expectedTickets = (sharedTitles.keys.map { $0 } + ownTickets.compactMap { $0.value == nil ? nil : $0.key })
      .map { "tickets/\($0).json" }.sorted()
    #expect(tickets.split(separator: "\n").map(String.init) == expectedTickets, "seed \(seed): the tickets")

    // Conflicts happen only on fields two administrators set; each resolution is in a merge commit.
    for field in conflictFields {
      let parts = field.split(separator: " ").map(String.init)
      let key = parts.count == 2 ? "\(parts[0].replacingOccurrences(of: "trainings/", with: "")) \(parts[1])" : field
      #expect(parts[0].hasPrefix("trainings/") && (lastWrite[key]?.count ?? 0) >= 2, "seed \(seed): a conflict on \(field)")
    }
    let trailers = try ExternalProgram.git(
      "log", "--format=%(trailers:key=Ledger-Resolved,valueonly)", "main", in: final.directory
    ).output.split(separator: "\n")
    #expect(
      trailers.count == resolved, "seed \(seed): \(resolved) conflicts resolved, \(trailers.count) Ledger-Resolved trailers")
    #expect(resolved > 0, "seed \(seed): no conflict happened; the test proves less than it should")
  }

  /// A field's value as the model writes it: strings as they are, numbers without a fraction.
  static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String: string
    case let number as NSNumber: number.doubleValue == number.doubleValue.rounded() ? "\(number.intValue)" : "\(number)"
    default: nil
    }
  }
}
