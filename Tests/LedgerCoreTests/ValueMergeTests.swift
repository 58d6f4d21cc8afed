import LedgerCore
import LedgerJSON
import Testing

/// A three-way merge of JSON values: each version as JSON text (nil: absent), the set arrays,
/// and what must come out: the merged value (nil: absent) and the conflicting pointers.
struct ValueMergeCase: CustomTestStringConvertible, Sendable {
  let name: String
  let base: String?
  let ours: String?
  let theirs: String?
  let sets: [[String]]
  let merged: String?
  let conflicts: [String]
  var testDescription: String { name }

  init(
    _ name: String, base: String?, ours: String?, theirs: String?, sets: [[String]] = [],
    merged: String?,
    conflicts: [String] = []
  ) {
    self.name = name
    self.base = base
    self.ours = ours
    self.theirs = theirs
    self.sets = sets
    self.merged = merged
    self.conflicts = conflicts
  }
}

@Suite struct ValueMergeTests {
  static let attendees: [[String]] = [["attendees"]]

  static let cases: [ValueMergeCase] = [
    // Fields of one record.
    ValueMergeCase(
      "different fields of one record merge",
      base: #"{"topic": "Git", "location": "Lyon", "duration_hours": 2}"#,
      ours: #"{"topic": "Git", "location": "Paris", "duration_hours": 2}"#,
      theirs: #"{"topic": "Git", "location": "Lyon", "duration_hours": 3.5}"#,
      merged: #"{"topic": "Git", "location": "Paris", "duration_hours": 3.5}"#),
    ValueMergeCase(
      "a field added on one side and another changed on the other both apply",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git basics"}"#,
      theirs: #"{"topic": "Git", "notes": "bring a laptop"}"#,
      merged: #"{"topic": "Git basics", "notes": "bring a laptop"}"#),
    ValueMergeCase(
      "nested objects merge field by field",
      base: #"{"title": "x", "approval": {"by": "committee", "date": "2026-01-05"}}"#,
      ours: #"{"title": "x", "approval": {"by": "board", "date": "2026-01-05"}}"#,
      theirs: #"{"title": "x", "approval": {"by": "committee", "date": "2026-01-06"}}"#,
      merged: #"{"title": "x", "approval": {"by": "board", "date": "2026-01-06"}}"#),
    ValueMergeCase(
      "objects three levels deep merge field by field",
      base: #"{"a": {"b": {"c": 1, "d": 2}, "e": 3}}"#,
      ours: #"{"a": {"b": {"c": 10, "d": 2}, "e": 3}}"#,
      theirs: #"{"a": {"b": {"c": 1, "d": 2, "f": 4}, "e": 30}}"#,
      merged: #"{"a": {"b": {"c": 10, "d": 2, "f": 4}, "e": 30}}"#),
    ValueMergeCase(
      "one field set differently on both sides conflicts and keeps ours",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git", "location": "Paris"}"#,
      theirs: #"{"topic": "Git", "location": "Online"}"#,
      merged: #"{"topic": "Git", "location": "Paris"}"#,
      conflicts: ["/location"]),
    ValueMergeCase(
      "a conflict leaves the other side's clean changes in",
      base: #"{"topic": "Git", "location": "Lyon", "duration_hours": 2}"#,
      ours: #"{"topic": "Git", "location": "Paris", "duration_hours": 2}"#,
      theirs: #"{"topic": "Git and GitHub", "location": "Online", "duration_hours": 2}"#,
      merged: #"{"topic": "Git and GitHub", "location": "Paris", "duration_hours": 2}"#,
      conflicts: ["/location"]),
    ValueMergeCase(
      "a nested field set differently conflicts at its own pointer",
      base: #"{"approval": {"by": "committee", "date": "2026-01-05"}}"#,
      ours: #"{"approval": {"by": "board", "date": "2026-01-06"}}"#,
      theirs: #"{"approval": {"by": "president", "date": "2026-01-06"}}"#,
      merged: #"{"approval": {"by": "board", "date": "2026-01-06"}}"#,
      conflicts: ["/approval/by"]),
    ValueMergeCase(
      "several conflicts come sorted by pointer",
      base: #"{"b": 1, "a": {"z": 1, "y": 1}, "c": 1}"#,
      ours: #"{"b": 2, "a": {"z": 2, "y": 2}, "c": 2}"#,
      theirs: #"{"b": 3, "a": {"z": 3, "y": 3}, "c": 3}"#,
      merged: #"{"b": 2, "a": {"z": 2, "y": 2}, "c": 2}"#,
      conflicts: ["/a/y", "/a/z", "/b", "/c"]),
    ValueMergeCase(
      "a conflicting field whose name holds a slash and a tilde is escaped in its pointer",
      base: #"{"a/b~c": 1}"#,
      ours: #"{"a/b~c": 2}"#,
      theirs: #"{"a/b~c": 3}"#,
      merged: #"{"a/b~c": 2}"#,
      conflicts: ["/a~1b~0c"]),
    ValueMergeCase(
      "one field set to the same value on both sides does not conflict",
      base: #"{"topic": "Git", "location": "Lyon", "duration_hours": 2}"#,
      ours: #"{"topic": "Git", "location": "Paris", "duration_hours": 2}"#,
      theirs: #"{"topic": "Git", "location": "Paris", "duration_hours": 3}"#,
      merged: #"{"topic": "Git", "location": "Paris", "duration_hours": 3}"#),
    ValueMergeCase(
      "a field set to the same value and null on the two sides conflicts: null is not absence",
      base: #"{"location": "Lyon"}"#,
      ours: #"{"location": null}"#,
      theirs: #"{}"#,
      merged: #"{"location": null}"#,
      conflicts: ["/location"]),

    // Arrays that are sets.
    ValueMergeCase(
      "an element added on one side and another removed on the other both apply, ours order then theirs additions",
      base: #"{"attendees": ["ana", "bob", "carl"]}"#,
      ours: #"{"attendees": ["ana", "bob", "carl", "dan"]}"#,
      theirs: #"{"attendees": ["erin", "ana", "carl"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["ana", "carl", "dan", "erin"]}"#),
    ValueMergeCase(
      "an element added on both sides appears once",
      base: #"{"attendees": ["ana"]}"#,
      ours: #"{"attendees": ["ana", "bob", "carl"]}"#,
      theirs: #"{"attendees": ["dan", "bob", "ana"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["ana", "bob", "carl", "dan"]}"#),
    ValueMergeCase(
      "an element removed on both sides is gone",
      base: #"{"attendees": ["ana", "bob", "carl"]}"#,
      ours: #"{"attendees": ["ana", "carl", "dan"]}"#,
      theirs: #"{"attendees": ["carl"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["carl", "dan"]}"#),
    ValueMergeCase(
      "an element removed on one side and kept on the other is removed",
      base: #"{"attendees": ["ana", "bob"]}"#,
      ours: #"{"attendees": ["ana", "bob", "carl"]}"#,
      theirs: #"{"attendees": ["ana"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["ana", "carl"]}"#),
    ValueMergeCase(
      "a set emptied on one side keeps only the other side's additions",
      base: #"{"attendees": ["ana", "bob"]}"#,
      ours: #"{"attendees": []}"#,
      theirs: #"{"attendees": ["ana", "bob", "carl"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["carl"]}"#),
    ValueMergeCase(
      "a set reordered on one side and added to on the other keeps ours order",
      base: #"{"attendees": ["ana", "bob"]}"#,
      ours: #"{"attendees": ["bob", "ana"]}"#,
      theirs: #"{"attendees": ["ana", "bob", "carl"]}"#,
      sets: attendees,
      merged: #"{"attendees": ["bob", "ana", "carl"]}"#),
    ValueMergeCase(
      "a set of objects merges element by element whatever their key order",
      base: #"{"attendees": [{"role": "admin"}, {"role": "reader", "until": "2026-01-01"}]}"#,
      ours:
        #"{"attendees": [{"role": "admin"}, {"until": "2026-01-01", "role": "reader"}, {"role": "editor"}]}"#,
      theirs: #"{"attendees": [{"role": "reader", "until": "2026-01-01"}]}"#,
      sets: attendees,
      merged: #"{"attendees": [{"role": "reader", "until": "2026-01-01"}, {"role": "editor"}]}"#),
    ValueMergeCase(
      "a set added on both sides is the union of their elements",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git", "attendees": ["ana", "bob"]}"#,
      theirs: #"{"topic": "Git", "attendees": ["bob", "carl"]}"#,
      sets: attendees,
      merged: #"{"topic": "Git", "attendees": ["ana", "bob", "carl"]}"#),
    ValueMergeCase(
      "a set removed on one side and added to on the other conflicts",
      base: #"{"topic": "Git", "attendees": ["ana"]}"#,
      ours: #"{"topic": "Git"}"#,
      theirs: #"{"topic": "Git", "attendees": ["ana", "bob"]}"#,
      sets: attendees,
      merged: #"{"topic": "Git"}"#,
      conflicts: ["/attendees"]),
    ValueMergeCase(
      "a set replaced by a string on one side and added to on the other conflicts",
      base: #"{"attendees": ["ana"]}"#,
      ours: #"{"attendees": "everyone"}"#,
      theirs: #"{"attendees": ["ana", "bob"]}"#,
      sets: attendees,
      merged: #"{"attendees": "everyone"}"#,
      conflicts: ["/attendees"]),
    ValueMergeCase(
      "a nested array is a set only at the path declared",
      base: #"{"group": {"attendees": ["ana"]}}"#,
      ours: #"{"group": {"attendees": ["ana", "bob"]}}"#,
      theirs: #"{"group": {"attendees": ["ana", "carl"]}}"#,
      sets: attendees,
      merged: #"{"group": {"attendees": ["ana", "bob"]}}"#,
      conflicts: ["/group/attendees"]),
    ValueMergeCase(
      "a set declared at a nested path merges there",
      base: #"{"group": {"attendees": ["ana"]}}"#,
      ours: #"{"group": {"attendees": ["ana", "bob"]}}"#,
      theirs: #"{"group": {"attendees": ["ana", "carl"]}}"#,
      sets: [["group", "attendees"]],
      merged: #"{"group": {"attendees": ["ana", "bob", "carl"]}}"#),

    // Arrays that are not sets are one value.
    ValueMergeCase(
      "an array that is not a set changed on both sides conflicts",
      base: #"{"materials": ["slides.pdf"]}"#,
      ours: #"{"materials": ["slides.pdf", "handout.pdf"]}"#,
      theirs: #"{"materials": ["slides.pdf", "video.mp4"]}"#,
      sets: attendees,
      merged: #"{"materials": ["slides.pdf", "handout.pdf"]}"#,
      conflicts: ["/materials"]),
    ValueMergeCase(
      "an array that is not a set changed on one side takes that side",
      base: #"{"materials": ["slides.pdf"], "topic": "Git"}"#,
      ours: #"{"materials": ["slides.pdf"], "topic": "Git basics"}"#,
      theirs: #"{"materials": ["video.mp4", "slides.pdf"], "topic": "Git"}"#,
      sets: attendees,
      merged: #"{"materials": ["video.mp4", "slides.pdf"], "topic": "Git basics"}"#),
    ValueMergeCase(
      "an array that is not a set changed the same way on both sides does not conflict",
      base: #"{"materials": ["slides.pdf"]}"#,
      ours: #"{"materials": ["slides.pdf", "video.mp4"]}"#,
      theirs: #"{"materials": ["slides.pdf", "video.mp4"]}"#,
      merged: #"{"materials": ["slides.pdf", "video.mp4"]}"#),
    ValueMergeCase(
      "attendees are one value when no set is declared",
      base: #"{"attendees": ["ana"]}"#,
      ours: #"{"attendees": ["ana", "bob"]}"#,
      theirs: #"{"attendees": ["ana", "carl"]}"#,
      merged: #"{"attendees": ["ana", "bob"]}"#,
      conflicts: ["/attendees"]),

    // Whole records.
    ValueMergeCase(
      "a record deleted on our side and changed on theirs conflicts at the root and stays deleted",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: nil,
      theirs: #"{"topic": "Git", "location": "Paris"}"#,
      merged: nil,
      conflicts: [""]),
    ValueMergeCase(
      "a record changed on our side and deleted on theirs conflicts at the root and keeps ours",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git", "location": "Paris"}"#,
      theirs: nil,
      merged: #"{"topic": "Git", "location": "Paris"}"#,
      conflicts: [""]),
    ValueMergeCase(
      "a record deleted on both sides is deleted",
      base: #"{"topic": "Git"}"#,
      ours: nil,
      theirs: nil,
      merged: nil),
    ValueMergeCase(
      "a record deleted on one side and left alone on the other is deleted",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git"}"#,
      theirs: nil,
      merged: nil),
    ValueMergeCase(
      "a record added on one side only is added",
      base: nil,
      ours: nil,
      theirs: #"{"topic": "Git"}"#,
      merged: #"{"topic": "Git"}"#),
    ValueMergeCase(
      "a record added equal on both sides merges without conflict, whatever the key order",
      base: nil,
      ours: #"{"topic": "Git", "date": "2026-03-01"}"#,
      theirs: #"{"date": "2026-03-01", "topic": "Git"}"#,
      merged: #"{"topic": "Git", "date": "2026-03-01"}"#),
    ValueMergeCase(
      "a record added differently on both sides conflicts field by field with no base",
      base: nil,
      ours:
        #"{"topic": "Git", "date": "2026-03-01", "location": "Lyon", "approval": {"by": "board"}}"#,
      theirs:
        #"{"topic": "Git", "date": "2026-03-02", "duration_hours": 2, "approval": {"by": "committee"}}"#,
      merged:
        #"{"topic": "Git", "date": "2026-03-01", "location": "Lyon", "duration_hours": 2, "approval": {"by": "board"}}"#,
      conflicts: ["/approval/by", "/date"]),
    ValueMergeCase(
      "a record added as different scalars on both sides conflicts at the root",
      base: nil,
      ours: #""a""#,
      theirs: #""b""#,
      merged: #""a""#,
      conflicts: [""]),

    // Fields removed.
    ValueMergeCase(
      "a field removed on our side and changed on theirs conflicts and stays removed",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git"}"#,
      theirs: #"{"topic": "Git", "location": "Paris"}"#,
      merged: #"{"topic": "Git"}"#,
      conflicts: ["/location"]),
    ValueMergeCase(
      "a field changed on our side and removed on theirs conflicts and keeps ours",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git", "location": "Paris"}"#,
      theirs: #"{"topic": "Git"}"#,
      merged: #"{"topic": "Git", "location": "Paris"}"#,
      conflicts: ["/location"]),
    ValueMergeCase(
      "a field removed on one side and left alone on the other is removed",
      base: #"{"topic": "Git", "location": "Lyon", "notes": "x"}"#,
      ours: #"{"topic": "Git", "location": "Lyon", "notes": "y"}"#,
      theirs: #"{"topic": "Git", "notes": "x"}"#,
      merged: #"{"topic": "Git", "notes": "y"}"#),
    ValueMergeCase(
      "a field removed on both sides is removed",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git basics"}"#,
      theirs: #"{"topic": "Git"}"#,
      merged: #"{"topic": "Git basics"}"#),
    ValueMergeCase(
      "an object removed on one side and changed inside on the other conflicts at the object",
      base: #"{"title": "x", "approval": {"by": "committee"}}"#,
      ours: #"{"title": "x"}"#,
      theirs: #"{"title": "x", "approval": {"by": "board"}}"#,
      merged: #"{"title": "x"}"#,
      conflicts: ["/approval"]),
    ValueMergeCase(
      "one field added on both sides with different values conflicts with no base",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git", "location": "Lyon"}"#,
      theirs: #"{"topic": "Git", "location": "Paris"}"#,
      merged: #"{"topic": "Git", "location": "Lyon"}"#,
      conflicts: ["/location"]),

    // Types changing.
    ValueMergeCase(
      "an object turned into different strings on both sides conflicts",
      base: #"{"approval": {"by": "committee", "date": "2026-01-05"}}"#,
      ours: #"{"approval": "pending"}"#,
      theirs: #"{"approval": "refused"}"#,
      merged: #"{"approval": "pending"}"#,
      conflicts: ["/approval"]),
    ValueMergeCase(
      "an object turned into the same string on both sides does not conflict",
      base: #"{"approval": {"by": "committee"}}"#,
      ours: #"{"approval": "pending"}"#,
      theirs: #"{"approval": "pending"}"#,
      merged: #"{"approval": "pending"}"#),
    ValueMergeCase(
      "an object turned into a string on one side and left alone on the other takes the string",
      base: #"{"approval": {"by": "committee"}, "title": "x"}"#,
      ours: #"{"approval": {"by": "committee"}, "title": "y"}"#,
      theirs: #"{"approval": "pending", "title": "x"}"#,
      merged: #"{"approval": "pending", "title": "y"}"#),
    ValueMergeCase(
      "an object turned into a string on one side and changed inside on the other conflicts",
      base: #"{"approval": {"by": "committee"}}"#,
      ours: #"{"approval": {"by": "board"}}"#,
      theirs: #"{"approval": "pending"}"#,
      merged: #"{"approval": {"by": "board"}}"#,
      conflicts: ["/approval"]),
    ValueMergeCase(
      "a string turned into different objects on both sides conflicts as a whole",
      base: #"{"approval": "pending"}"#,
      ours: #"{"approval": {"by": "board"}}"#,
      theirs: #"{"approval": {"date": "2026-01-05"}}"#,
      merged: #"{"approval": {"by": "board"}}"#,
      conflicts: ["/approval"]),
  ]

  static func parse(_ text: String?) throws -> JSONValue? {
    guard let text else { return nil }
    return try JSONParser.parse(text)
  }

  /// The value `pointer` names in a version; nil where the version or the value is absent.
  static func value(at pointer: JSONPointer, in version: JSONValue?) -> JSONValue? {
    version.flatMap { pointer.resolve(in: $0) }
  }

  @Test(arguments: cases)
  func mergeFollowsTheRules(_ testCase: ValueMergeCase) throws {
    let base = try Self.parse(testCase.base)
    let ours = try Self.parse(testCase.ours)
    let theirs = try Self.parse(testCase.theirs)
    let outcome = ValueMerge.merge(
      base: base, ours: ours, theirs: theirs, sets: SetArrays(paths: testCase.sets))
    #expect(outcome.value == (try Self.parse(testCase.merged)))
    #expect(outcome.conflicts.map(\.pointer.description) == testCase.conflicts)
    for place in outcome.conflicts {
      // Each conflict carries the three versions' values there, and the merge keeps ours.
      #expect(place.base == Self.value(at: place.pointer, in: base), "base at \(place.pointer)")
      #expect(place.ours == Self.value(at: place.pointer, in: ours), "ours at \(place.pointer)")
      #expect(
        place.theirs == Self.value(at: place.pointer, in: theirs), "theirs at \(place.pointer)")
      #expect(
        Self.value(at: place.pointer, in: outcome.value) == place.ours, "merged at \(place.pointer)"
      )
    }
  }

  @Test(arguments: cases)
  func swappingTheSidesGivesTheSameConflicts(_ testCase: ValueMergeCase) throws {
    let base = try Self.parse(testCase.base)
    let ours = try Self.parse(testCase.ours)
    let theirs = try Self.parse(testCase.theirs)
    let sets = SetArrays(paths: testCase.sets)
    let forward = ValueMerge.merge(base: base, ours: ours, theirs: theirs, sets: sets)
    let backward = ValueMerge.merge(base: base, ours: theirs, theirs: ours, sets: sets)
    #expect(backward.conflicts.map(\.pointer) == forward.conflicts.map(\.pointer))
    #expect(backward.conflicts.map(\.base) == forward.conflicts.map(\.base))
    #expect(backward.conflicts.map(\.ours) == forward.conflicts.map(\.theirs))
    #expect(backward.conflicts.map(\.theirs) == forward.conflicts.map(\.ours))
    if forward.conflicts.isEmpty, testCase.sets.isEmpty {
      #expect(backward.value == forward.value)
    }
  }

  @Test func aMergeOfAValueWithItselfIsThatValue() throws {
    let value = try JSONParser.parse(#"{"a": [1, {"b": null}], "c": {"d": true}}"#)
    let outcome = ValueMerge.merge(
      base: value, ours: value, theirs: value, sets: SetArrays(paths: [["a"]]))
    #expect(outcome.value == value)
    #expect(outcome.conflicts == [])
  }

  // MARK: - Random edits

  /// Random nested objects edited on disjoint places by each side merge cleanly, and the
  /// merge holds every edit of both sides, whichever side is ours.
  @Test(arguments: Array(UInt64(1)...UInt64(60)))
  func randomEditsOfDisjointPlacesMergeCleanly(_ seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let base = JSONValue.object(random.object(depth: 0))
    let edits = random.disjointEdits(of: base)
    var ours = base
    var theirs = base
    var expected = base
    for edit in edits {
      if edit.ours {
        ours = ours.setting(edit.tokens, to: edit.value)
      } else {
        theirs = theirs.setting(edit.tokens, to: edit.value)
      }
      expected = expected.setting(edit.tokens, to: edit.value)
    }
    let outcome = ValueMerge.merge(base: base, ours: ours, theirs: theirs, sets: .empty)
    let context = "seed \(seed): base \(base) ours \(ours) theirs \(theirs)"
    #expect(ours != base && theirs != base, "\(context): each side edits")
    #expect(outcome.conflicts.map(\.pointer) == [], "\(context)")
    #expect(outcome.value == expected, "\(context)")
    for edit in edits {
      let pointer = JSONPointer(tokens: edit.tokens)
      #expect(
        Self.value(at: pointer, in: outcome.value) == edit.value, "\(context): edit at \(pointer)")
    }
    let swapped = ValueMerge.merge(base: base, ours: theirs, theirs: ours, sets: .empty)
    #expect(swapped == outcome, "\(context): swapped sides")
  }

  /// Random additions and removals on both sides of one set: every removal and every
  /// addition applies, no element twice, in ours order then theirs additions.
  @Test(arguments: Array(UInt64(1)...UInt64(60)))
  func randomSetEditsOnBothSidesAllApply(_ seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let pool: [JSONValue] = (0..<12).map { .string("p\($0)") }
    let base = pool.filter { _ in random.chance(2) }.shuffled(using: &random)
    func edited() -> (value: [JSONValue], removed: Set<JSONValue>, added: Set<JSONValue>) {
      let removed = Set(base.filter { _ in random.chance(4) })
      let added = Set(pool.filter { !base.contains($0) && random.chance(3) })
      let value = (base.filter { !removed.contains($0) } + added).shuffled(using: &random)
      return (value, removed, added)
    }
    let ours = edited()
    let theirs = edited()
    let outcome = ValueMerge.merge(
      base: ["attendees": .array(base)], ours: ["attendees": .array(ours.value)],
      theirs: ["attendees": .array(theirs.value)], sets: SetArrays(paths: [["attendees"]]))
    let context = "seed \(seed): base \(base) ours \(ours.value) theirs \(theirs.value)"
    #expect(outcome.conflicts.map(\.pointer) == [], "\(context)")
    let merged = try #require(outcome.value?.objectValue?["attendees"]?.arrayValue, "\(context)")
    let elements = Set(base).subtracting(ours.removed).subtracting(theirs.removed).union(ours.added)
      .union(theirs.added)
    #expect(Set(merged) == elements, "\(context)")
    #expect(merged.count == elements.count, "\(context): an element twice in \(merged)")
    if ours.value != base, theirs.value != base {
      let order =
        ours.value.filter { !theirs.removed.contains($0) }
        + theirs.value.filter { theirs.added.contains($0) && !ours.added.contains($0) }
      #expect(merged == order, "\(context)")
    }
  }
}

/// SplitMix64: a small deterministic generator, so a failing seed reproduces anywhere.
private struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True one time in `odds`.
  mutating func chance(_ odds: Int) -> Bool { Int.random(in: 0..<odds, using: &self) == 0 }

  mutating func scalar() -> JSONValue {
    switch Int.random(in: 0..<5, using: &self) {
    case 0: .null
    case 1: .bool(chance(2))
    case 2: .number(JSONNumber(Int.random(in: -5...500, using: &self)))
    case 3:
      .array(
        (0..<Int.random(in: 0...3, using: &self)).map { _ in
          .string("v\(Int.random(in: 0..<9, using: &self))")
        })
    default: .string("s\(Int.random(in: 0..<1000, using: &self))")
    }
  }

  /// An object of one to four members, a third of them objects down to depth 3.
  mutating func object(depth: Int) -> JSONObject {
    var object = JSONObject()
    for key in ["k0", "k1", "k2", "k3", "k4", "k5"].shuffled(using: &self).prefix(
      Int.random(in: 1...4, using: &self))
    {
      object[key] = depth < 3 && chance(3) ? .object(self.object(depth: depth + 1)) : scalar()
    }
    return object
  }

  /// One side's change at one place: a new value, or nil to remove it.
  struct Edit {
    let ours: Bool
    let tokens: [String]
    let value: JSONValue?
  }

  /// Edits of places no two of which contain one another: changes and removals of existing
  /// members, and additions of members under objects neither side changes or removes.
  mutating func disjointEdits(of base: JSONValue) -> [Edit] {
    var places: [[String]] = []
    var objects: [[String]] = [[]]
    func collect(_ value: JSONValue, _ tokens: [String]) {
      guard case .object(let object) = value else { return }
      for member in object {
        places.append(tokens + [member.key])
        if case .object = member.value { objects.append(tokens + [member.key]) }
        collect(member.value, tokens + [member.key])
      }
    }
    collect(base, [])
    func related(_ a: [String], _ b: [String]) -> Bool {
      a.starts(with: b) || b.starts(with: a)
    }
    var edits: [Edit] = []
    for tokens in places.shuffled(using: &self) where chance(2) {
      guard !edits.contains(where: { related($0.tokens, tokens) }) else { continue }
      let value: JSONValue? =
        switch Int.random(in: 0..<4, using: &self) {
        case 0: nil
        case 1: .object(object(depth: 2))
        default: .string("edited \(tokens.joined(separator: "."))")
        }
      edits.append(Edit(ours: chance(2), tokens: tokens, value: value))
    }
    var added = 0
    for tokens in objects.shuffled(using: &self) where chance(2) {
      // An edit at or above this object would remove or replace it.
      guard !edits.contains(where: { tokens.starts(with: $0.tokens) }) else { continue }
      let ours = chance(2)
      added += 1
      edits.append(
        Edit(ours: ours, tokens: tokens + ["\(ours ? "ours" : "theirs")\(added)"], value: scalar()))
    }
    // Each side edits something: a member added at the top if nothing else.
    for ours in [true, false] where !edits.contains(where: { $0.ours == ours }) {
      added += 1
      edits.append(
        Edit(ours: ours, tokens: ["\(ours ? "ours" : "theirs")\(added)"], value: scalar()))
    }
    return edits
  }
}

extension JSONValue {
  /// This object with the member at `tokens` (one or more keys) set, or removed when `value`
  /// is nil; a step that is not an object is left as it is.
  fileprivate func setting(_ tokens: [String], to value: JSONValue?) -> JSONValue {
    guard let first = tokens.first, case .object(var object) = self else { return self }
    if tokens.count == 1 {
      object[first] = value
    } else if let child = object[first] {
      object[first] = child.setting(Array(tokens.dropFirst()), to: value)
    }
    return .object(object)
  }
}
