import Foundation
import LedgerTestSupport
import Testing

/// The oracle for credit through merges: three administrators edit offline (fields set to
/// values never written before, set elements toggled, tickets added, retitled and removed) and
/// sync in a random order, settling each conflict at random with --ours or --theirs, for the
/// field or for the whole record. Then
/// `blame` of every record and `log` of every record ever made must equal what a plain replay
/// of the history computes, commit by commit, from the files git holds:
///
/// - a commit with one parent: a field (a set's element) that parent holds is credited as it
///   was there; any other is the commit's own;
/// - a merge: a field that was in conflict there (as `conflicts` reported it), which the merge
///   settled to something else than its first parent's value, is the merge's own; any other
///   field is credited as in the first parent that holds it, first parent first; a field no
///   parent holds is the merge's own;
/// - `log KIND/ID` lists the commits with one parent that changed the record's file, the
///   merges credited with one of its fields, and the merges whose record is not the field-level
///   merge of their parents (over the base `git merge-base` names): a whole-record resolution
///   that dropped the other side's clean change.
@Suite struct CreditOracleTests {
  static let administrators = 3
  static let rounds = 4
  static let trainings = ["t0"]
  static let people = ["p0", "p1", "p2", "p3"]
  static let scalarFields = ["location", "topic", "duration_hours"]

  // Between them these seeds settle conflicts every way: a field --ours and --theirs (12, 15),
  // a whole record --theirs (12, 20) and --ours (15, 20). Seeds 11 to 30 all pass.
  @Test(arguments: [12, 15, 20] as [UInt64])
  func blameAndLogOfEveryRecordEqualAReplayOfTheHistory(seed: UInt64) throws {
    var world = try CreditWorld(seed: seed)
    for _ in 1...Self.rounds {
      for admin in 0..<Self.administrators {
        for _ in 0..<world.random.int(in: 1...2) { try world.edit(by: admin) }
      }
      for admin in world.random.shuffled(Array(0..<Self.administrators)) where world.random.int(in: 0...2) > 0 {
        _ = try world.sync(admin)
      }
    }
    var quiet = false
    for _ in 0..<6 where !quiet {
      quiet = true
      for admin in 0..<Self.administrators where try !world.sync(admin) { quiet = false }
    }
    try #require(quiet, "seed \(seed): the clones never settled")
    let replay = try Replay(clone: world.clones[0].directory, decided: world.decided)
    for key in replay.keys.sorted() {
      if let expected = replay.blameAtTip(key) {
        let blamed = try world.blame(key)
        let differing = Set(blamed.keys).union(expected.keys).filter { blamed[$0] != expected[$0] }.sorted()
        #expect(
          differing.isEmpty,
          "seed \(seed): blame \(key): \(differing.map { "\($0): \(blamed[$0] ?? "-") vs \(expected[$0] ?? "-")" })")
      }
      #expect(try world.log(key) == replay.logged[key, default: []], "seed \(seed): log \(key)")
    }
    #expect(!world.decided.isEmpty, "seed \(seed): no conflict happened; the oracle proves less than it should")
    #expect(world.resolutions.count >= 2, "seed \(seed): \(world.resolutions.sorted())")
  }
}

/// The clones and what the driver saw: the conflicts each merge settled.
private struct CreditWorld {
  typealias Suite = CreditOracleTests

  let seed: UInt64
  let folder: TemporaryDirectory
  var random: SeededRandom
  var clones: [CLIRunner] = []
  var counter = 0
  /// Each administrator's own tickets still present.
  var ownTickets: [Int: [String]] = [:]
  /// For a merge of (head, incoming), the `KIND/ID FIELD` in conflict there.
  var decided: [String: Set<String>] = [:]
  /// The kinds of resolution made: `field ours`, `whole theirs`...
  var resolutions: Set<String> = []

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
      ["init", "--name", "Credit ledger"],
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
    ]
    for (index, person) in Suite.people.enumerated() {
      steps.append(["add", "people", person, "--set", "name=Person \(index)", "--set", "organization=cen-paca"])
    }
    for (index, training) in Suite.trainings.enumerated() {
      steps.append([
        "add", "trainings", training, "--set", "date=2026-11-2\(index)", "--set", "topic=Topic \(index)",
        "--set", "location=Town \(index)", "--set", "duration_hours=\(index + 1)", "--set", #"attendees=["p0","p1"]"#,
      ])
    }
    for admin in 0..<Suite.administrators {
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
    try #require(first.run("sync").status == 0)
    clones.append(first)
    for admin in 1..<Suite.administrators {
      var runner = first
      runner.author = Self.author(admin)
      let target = folder.path("admin\(admin)")
      try #require(runner.run("clone", bare.path, target.path).status == 0)
      runner.directory = target
      clones.append(runner)
    }
  }

  static func author(_ admin: Int) -> String { "Admin \(admin) <admin\(admin)@example.org>" }

  /// One random edit by `admin` in its own clone: a training's field (anyone, a new value), a
  /// training's attendee toggled, a shared ticket retitled (anyone), or one of the
  /// administrator's own tickets added, retitled or removed.
  mutating func edit(by admin: Int) throws {
    let runner = clones[admin]
    counter += 1
    let number = counter
    let mine = ownTickets[admin] ?? []
    var arguments: [String]
    switch random.int(in: 0...8) {
    case 0...2:
      let field = random.element(Suite.scalarFields)
      let value = field == "duration_hours" ? "\(100 + number)" : "\(field) \(number) by admin \(admin)"
      arguments = ["set", "trainings/\(random.element(Suite.trainings))", "--set", "\(field)=\(value)"]
    case 3:
      let training = random.element(Suite.trainings)
      var attendees = try attendeesOf(training, in: runner)
      let person = random.element(Suite.people)
      if attendees.contains(person) { attendees.removeAll { $0 == person } } else { attendees.append(person) }
      arguments = [
        "set", "trainings/\(training)", "--set", "attendees=[\(attendees.map { "\"\($0)\"" }.joined(separator: ","))]",
      ]
    case 4:
      arguments = ["set", "tickets/k\(random.int(in: 0...(Suite.administrators - 1)))", "--set", "title=Title \(number)"]
    case 5 where !mine.isEmpty:
      arguments = ["set", "tickets/\(random.element(mine))", "--set", "title=Title \(number)"]
    case 6 where !mine.isEmpty:
      let id = random.element(mine)
      ownTickets[admin]?.removeAll { $0 == id }
      arguments = ["rm", "tickets/\(id)"]
    default:
      let id = "a\(admin)-\(number)"
      ownTickets[admin, default: []].append(id)
      arguments = [
        "add", "tickets", id, "--set", "title=Ticket \(number)", "--set", "type=support", "--set", "status=open",
        "--set", "opened=2026-11-18",
      ]
    }
    let result = runner.run(arguments)
    try #require(result.status == 0, "seed \(seed): admin \(admin) \(arguments): \(result)")
  }

  func attendeesOf(_ training: String, in runner: CLIRunner) throws -> [String] {
    let data = try Data(contentsOf: runner.directory.appendingPathComponent("trainings/\(training).json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return object["attendees"] as? [String] ?? []
  }

  /// Syncs one clone, settling each conflict field by field at random; returns whether the
  /// sync was quiet (nothing merged, nothing pushed).
  mutating func sync(_ admin: Int) throws -> Bool {
    let runner = clones[admin]
    var result = runner.run("sync", "--format", "json")
    var stops = 0
    while result.status == 1 {
      stops += 1
      try #require(stops <= 6, "seed \(seed): admin \(admin)'s sync keeps stopping: \(result)")
      let listed = runner.run("conflicts", "--format", "json")
      let report = try jsonObject(listed.output)
      let merge = try #require(report["merge"] as? [String: Any], "seed \(seed): \(listed)")
      let conflicts = try #require(report["conflicts"] as? [[String: Any]], "seed \(seed): \(listed)")
      var fields: Set<String> = []
      var wholeRecords: Set<String> = []
      for conflict in conflicts {
        let record = try #require(conflict["record"] as? String, "seed \(seed): \(conflict)")
        let field = try #require(conflict["field"] as? String, "seed \(seed): \(conflict)")
        fields.insert("\(record) \(field)")
        // "Who set it" on each side is the commit blame credits there.
        for (side, revision) in [("ours", merge["head"]), ("theirs", merge["incoming"])] {
          let named = (conflict[side] as? [String: Any])?["commit"] as? String
          let blamed = try blame(record, at: revision as? String ?? "", in: runner)
          let value = (conflict[side] as? [String: Any])?["value"] ?? NSNull()
          #expect(named == blamed[Replay.leaf(field, value)], "seed \(seed): conflicts' \(side) of \(record) \(field)")
        }
        // Settled field by field, or the whole record at once (its other fields with it).
        guard !wholeRecords.contains(record) else { continue }
        let whole = random.int(in: 0...2) == 0
        let side = random.bool() ? "--ours" : "--theirs"
        if whole {
          wholeRecords.insert(record)
          resolutions.insert(side == "--ours" ? "whole ours" : "whole theirs")
        } else {
          resolutions.insert(side == "--ours" ? "field ours" : "field theirs")
        }
        let resolution = runner.run(whole ? ["resolve", record, side] : ["resolve", record, field, side])
        try #require(resolution.status == 0, "seed \(seed): admin \(admin): \(resolution)")
      }
      decided["\(merge["head"] ?? "") \(merge["incoming"] ?? "")", default: []].formUnion(fields)
      result = runner.run("sync", "--continue", "--format", "json")
    }
    try #require(result.status == 0, "seed \(seed): admin \(admin): sync: \(result)")
    let report = try jsonObject(result.output)
    let action = (report["result"] as? [String: Any])?["action"] as? String
    return stops == 0 && action == "up-to-date" && report["pushed"] as? Bool == false
  }

  /// `blame KEY` in the first clone (or in `runner` at `revision`): each leaf (`field` and value, one per set element) and the
  /// commit credited.
  func blame(_ key: String, at revision: String? = nil, in runner: CLIRunner? = nil) throws -> [String: String] {
    let arguments = ["blame", key, "--format", "json"] + (revision.map { ["--at", $0] } ?? [])
    let result = (runner ?? clones[0]).run(arguments)
    try #require(result.status == 0, "seed \(seed): blame \(key): \(result)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    var credits: [String: String] = [:]
    for row in rows {
      credits[Replay.leaf(row["field"] as? String ?? "", row["value"] ?? NSNull())] = row["commit"] as? String ?? ""
    }
    return credits
  }

  /// The commits `log KEY` lists in the first clone.
  func log(_ key: String) throws -> Set<String> {
    let result = clones[0].run("log", key, "--format", "json")
    try #require(result.status == 0, "seed \(seed): log \(key): \(result)")
    let steps = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    return Set(steps.compactMap { $0["commit"] as? String })
  }

  func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "seed \(seed): \(text)")
  }
}

/// The plain replay: every commit from the first, parents before children, read with the git
/// program, each record's leaves credited by the rules above.
private struct Replay {
  /// Every record ever made (`KIND/ID`).
  private(set) var keys: Set<String> = []
  /// For each record, the commits its log must list.
  private(set) var logged: [String: Set<String>] = [:]
  /// For each commit and record, each leaf's credited commit.
  private var credits: [String: [String: [String: String]]] = [:]
  private var tip = ""
  private static let kinds = ["trainings", "tickets"]
  private static let sets: Set<String> = ["attendees"]

  init(clone: URL, decided: [String: Set<String>]) throws {
    let order = try ExternalProgram.git("rev-list", "--topo-order", "--reverse", "--parents", "HEAD", in: clone).output
    var blobs: [String: [String: String]] = [:]  // commit -> record -> blob
    var contents: [String: [String: Any]] = [:]  // blob -> fields
    for line in order.split(separator: "\n") {
      let ids = line.split(separator: " ").map(String.init)
      let commit = ids[0]
      let parents = Array(ids.dropFirst())
      tip = commit
      let listing = try ExternalProgram.run(
        URL(fileURLWithPath: "/usr/bin/env"), ["git", "ls-tree", "-r", commit, "--"] + Self.kinds, in: clone
      ).output
      var files: [String: String] = [:]
      for entry in listing.split(separator: "\n") {
        let parts = entry.split(separator: "\t")
        guard parts.count == 2, parts[1].hasSuffix(".json") else { continue }
        files[String(parts[1].dropLast(5))] = String(parts[0].split(separator: " ")[2])
      }
      blobs[commit] = files
      for (_, blob) in files where contents[blob] == nil {
        let text = try ExternalProgram.git("cat-file", "blob", blob, in: clone).output
        contents[blob] = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
      }
      let conflicts = parents.count == 2 ? decided["\(parents[0]) \(parents[1])"] ?? [] : []
      // A merge is in a record's log when it holds something else than the field-level merge of
      // its parents would: a conflict settled to the other side, a clean change dropped.
      if parents.count == 2 {
        let base = try ExternalProgram.git("merge-base", parents[0], parents[1], in: clone).output
          .trimmingCharacters(in: .whitespacesAndNewlines)
        func record(_ commit: String, _ key: String) -> [String: Any]? { blobs[commit]?[key].flatMap { contents[$0] } }
        let all = Set(files.keys).union(parents.flatMap { blobs[$0]?.keys.map { $0 } ?? [] })
        for key in all {
          let expected = Self.merged(record(base, key), record(parents[0], key), record(parents[1], key))
          let mine = files[key].flatMap { contents[$0] }
          if Self.text(expected) != Self.text(mine) { logged[key, default: []].insert(commit) }
        }
      }
      var mine: [String: [String: String]] = [:]
      for key in Set(files.keys).union(parents.flatMap { blobs[$0]?.keys.map { $0 } ?? [] }) {
        keys.insert(key)
        let blob = files[key]
        if parents.count < 2, blob != parents.first.flatMap({ blobs[$0]?[key] }) {
          logged[key, default: []].insert(commit)
        }
        guard let blob, let fields = contents[blob] else { continue }
        var leaves: [String: String] = [:]
        for (leaf, field) in Self.leaves(fields) {
          func holds(_ parent: String) -> Bool {
            guard let other = blobs[parent]?[key], let theirs = contents[other] else { return false }
            return Self.leaves(theirs).contains { $0.leaf == leaf }
          }
          if conflicts.contains("\(key) \(field)"), !holds(parents[0]) {
            leaves[leaf] = commit
          } else if let parent = parents.first(where: holds), let credit = credits[parent]?[key]?[leaf] {
            leaves[leaf] = credit
          } else {
            leaves[leaf] = commit
          }
        }
        if parents.count == 2, leaves.values.contains(commit) { logged[key, default: []].insert(commit) }
        mine[key] = leaves
      }
      credits[commit] = mine
    }
  }

  /// The field-level merge of a record: a side's change where only one side changed, this
  /// clone's side where both did (a conflict), a set's elements added and removed on both sides.
  static func merged(_ base: [String: Any]?, _ ours: [String: Any]?, _ theirs: [String: Any]?) -> [String: Any]? {
    if text(ours) == text(theirs) || text(base) == text(theirs) { return ours }
    if text(base) == text(ours) { return theirs }
    guard let ours, let theirs else { return ours }
    var result: [String: Any] = [:]
    for field in Set(ours.keys).union(theirs.keys) {
      let (b, o, t) = (base?[field], ours[field], theirs[field])
      let value: Any?
      if text(o) == text(t) || text(b) == text(t) {
        value = o
      } else if text(b) == text(o) {
        value = t
      } else if sets.contains(field), let o = o as? [String], let t = t as? [String] {
        let was = Set(b as? [String] ?? [])
        value = Set(o).union(t).filter { (o.contains($0) && t.contains($0)) || !was.contains($0) }.sorted()
      } else {
        value = o
      }
      if let value { result[field] = value }
    }
    return result
  }

  /// A record's canonical text, sets sorted; "absent" for none.
  static func text(_ value: Any?) -> String {
    guard let value, !(value is NSNull) else { return "absent" }
    var sorted = value
    if var object = value as? [String: Any] {
      for field in sets { if let items = object[field] as? [String] { object[field] = items.sorted() } }
      sorted = object
    }
    let data = try? JSONSerialization.data(withJSONObject: sorted, options: [.sortedKeys, .fragmentsAllowed])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
  }

  /// Blame at the tip, nil for a record the tip does not hold.
  func blameAtTip(_ key: String) -> [String: String]? { credits[tip]?[key] }

  /// A record's leaves: each field, and each element of a set.
  static func leaves(_ fields: [String: Any]) -> [(leaf: String, field: String)] {
    fields.flatMap { field, value -> [(leaf: String, field: String)] in
      // An empty set is blamed whole, as a value.
      if sets.contains(field), let items = value as? [Any], !items.isEmpty {
        return items.map { (leaf(field, $0), field) }
      }
      return [(leaf(field, value), field)]
    }
  }

  /// One leaf's name: its field and its value's text.
  static func leaf(_ field: String, _ value: Any) -> String { "\(field)=\(value)" }
}
