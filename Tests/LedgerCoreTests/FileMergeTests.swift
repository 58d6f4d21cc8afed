import LedgerCore
import LedgerJSON
import LedgerSchema
import Testing

/// What a merged file must hold.
enum MergedBytes: Sendable, Equatable {
  /// Exactly our side's bytes.
  case ours
  /// Exactly their side's bytes.
  case theirs
  /// The canonical form of this JSON text.
  case canonical(String)
  /// Exactly these bytes (a text file).
  case text(String)
  /// No file: the merge deletes it.
  case deleted
}

/// One file merged: its three versions as text (nil: absent), its set arrays (nil: merged as
/// text), the bytes that must come out and the conflicting pointers.
struct FileMergeCase: CustomTestStringConvertible, Sendable {
  let name: String
  let path: String
  let base: String?
  let ours: String?
  let theirs: String?
  let sets: [[String]]?
  let merged: MergedBytes
  let conflicts: [String]
  var testDescription: String { name }

  init(
    _ name: String, path: String = "trainings/git.json", base: String?, ours: String?,
    theirs: String?,
    sets: [[String]]? = [["attendees"]], merged: MergedBytes, conflicts: [String] = []
  ) {
    self.name = name
    self.path = path
    self.base = base
    self.ours = ours
    self.theirs = theirs
    self.sets = sets
    self.merged = merged
    self.conflicts = conflicts
  }

  var input: MergeInput {
    MergeInput(
      path: path, base: base.map { Array($0.utf8) }, ours: ours.map { Array($0.utf8) },
      theirs: theirs.map { Array($0.utf8) })
  }

  var expectedBytes: [UInt8]? {
    get throws {
      switch merged {
      case .ours: ours.map { Array($0.utf8) }
      case .theirs: theirs.map { Array($0.utf8) }
      case .canonical(let json): CanonicalWriter.bytes(try JSONParser.parse(json))
      case .text(let text): Array(text.utf8)
      case .deleted: nil
      }
    }
  }
}

/// One built-in schema and arrays of its records that are sets, and arrays that are not.
struct SchemaSetsCase: CustomTestStringConvertible, Sendable {
  let schema: String
  let sets: [[String]]
  let others: [[String]]
  var testDescription: String {
    "\(schema): \(sets.map { $0.joined(separator: ".") }.joined(separator: ", "))"
  }
}

@Suite struct FileMergeTests {
  static let jsonCases: [FileMergeCase] = [
    FileMergeCase(
      "changes on both sides are written canonically",
      base: #"{"topic":"Git","location":"Lyon","duration_hours":2}"#,
      ours: #"{"topic":"Git","location":"Paris","duration_hours":2}"#,
      theirs: #"{"topic":"Git","location":"Lyon","duration_hours":3}"#,
      merged: .canonical(#"{"topic": "Git", "location": "Paris", "duration_hours": 3}"#)),
    FileMergeCase(
      "attendees added on both sides are written canonically, ours first",
      base: #"{"topic": "Git", "attendees": ["ana"]}"#,
      ours: #"{"topic": "Git", "attendees": ["ana", "bob"]}"#,
      theirs: #"{"topic": "Git", "attendees": ["ana", "carl"]}"#,
      merged: .canonical(#"{"topic": "Git", "attendees": ["ana", "bob", "carl"]}"#)),
    FileMergeCase(
      "a file they left alone keeps our bytes, canonical or not",
      base: #"{"topic": "Git"}"#,
      ours: #"{ "topic" : "Git basics" , "location":"Lyon" }"#,
      theirs: #"{"topic": "Git"}"#,
      merged: .ours),
    FileMergeCase(
      "a file we left alone takes their bytes, canonical or not",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git"}"#,
      theirs: #"{"location":"Lyon",   "topic": "Git basics"}"#,
      merged: .theirs),
    FileMergeCase(
      "a merge equal to our value keeps our bytes though they only reformatted the file",
      base: "{\n  \"topic\": \"Git\"\n}\n",
      ours: #"{"topic":"Git basics"}"#,
      theirs: #"{"topic": "Git"}"#,
      merged: .ours),
    FileMergeCase(
      "a merge equal to their value takes their bytes though we only reformatted the file",
      base: "{\n  \"topic\": \"Git\"\n}\n",
      ours: #"{"topic": "Git"}"#,
      theirs: #"{"topic":"Git basics"}"#,
      merged: .theirs),
    FileMergeCase(
      "sides equal in value with different bytes keep ours",
      base: #"{"topic": "Git"}"#,
      ours: #"{"location": "Lyon", "topic": "Git"}"#,
      theirs: #"{"topic":"Git","location":"Lyon"}"#,
      merged: .ours),
    FileMergeCase(
      "a conflict with nothing else to take keeps our bytes",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git", "location": "Paris"}"#,
      theirs: #"{"topic": "Git", "location": "Online"}"#,
      merged: .ours,
      conflicts: ["/location"]),
    FileMergeCase(
      "a conflict beside their clean change is written canonically with our value",
      base: #"{"topic": "Git", "location": "Lyon"}"#,
      ours: #"{"topic": "Git", "location": "Paris"}"#,
      theirs: #"{"topic": "Git basics", "location": "Online"}"#,
      merged: .canonical(#"{"topic": "Git basics", "location": "Paris"}"#),
      conflicts: ["/location"]),
    FileMergeCase(
      "a file deleted on both sides is deleted",
      base: #"{"topic": "Git"}"#,
      ours: nil,
      theirs: nil,
      merged: .deleted),
    FileMergeCase(
      "a file they deleted and we left alone is deleted",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic": "Git"}"#,
      theirs: nil,
      merged: .deleted),
    FileMergeCase(
      "a file we deleted and they changed conflicts and stays deleted",
      base: #"{"topic": "Git"}"#,
      ours: nil,
      theirs: #"{"topic": "Git basics"}"#,
      merged: .deleted,
      conflicts: [""]),
    FileMergeCase(
      "a file we changed and they deleted conflicts and keeps our bytes",
      base: #"{"topic": "Git"}"#,
      ours: #"{"topic":"Git basics"}"#,
      theirs: nil,
      merged: .ours,
      conflicts: [""]),
    FileMergeCase(
      "a file added on both sides with the same value keeps our bytes",
      base: nil,
      ours: #"{"topic": "Git", "date": "2026-03-01"}"#,
      theirs: #"{"date":"2026-03-01","topic":"Git"}"#,
      merged: .ours),
    FileMergeCase(
      "a file added on both sides with different values conflicts field by field",
      base: nil,
      ours: #"{"topic": "Git", "date": "2026-03-01"}"#,
      theirs: #"{"topic": "Git", "date": "2026-03-02", "location": "Lyon"}"#,
      merged: .canonical(#"{"topic": "Git", "date": "2026-03-01", "location": "Lyon"}"#),
      conflicts: ["/date"]),
    FileMergeCase(
      "settings with no set arrays merge field by field",
      path: "ledger.json",
      base: #"{"name": "T", "timezone": "Europe/Paris", "currency": "EUR"}"#,
      ours: #"{"name": "Team", "timezone": "Europe/Paris", "currency": "EUR"}"#,
      theirs: #"{"name": "T", "timezone": "Europe/Paris", "currency": "CHF"}"#,
      sets: [],
      merged: .canonical(#"{"name": "Team", "timezone": "Europe/Paris", "currency": "CHF"}"#)),
  ]

  static let textCases: [FileMergeCase] = [
    FileMergeCase(
      "edits of different lines merge cleanly",
      path: "README.md", base: "a\nb\nc\nd\ne\n", ours: "A\nb\nc\nd\ne\n",
      theirs: "a\nb\nc\nd\nE\n", sets: nil,
      merged: .text("A\nb\nc\nd\nE\n")),
    FileMergeCase(
      "lines added at both ends merge cleanly",
      path: "README.md", base: "a\nb\nc\n", ours: "top\na\nb\nc\n", theirs: "a\nb\nc\nbottom\n",
      sets: nil,
      merged: .text("top\na\nb\nc\nbottom\n")),
    FileMergeCase(
      "one line changed differently on both sides conflicts with git's markers",
      path: "README.md", base: "a\nb\nc\n", ours: "a\nB1\nc\n", theirs: "a\nB2\nc\n", sets: nil,
      merged: .text("a\n<<<<<<< ours\nB1\n=======\nB2\n>>>>>>> theirs\nc\n"),
      conflicts: [""]),
    FileMergeCase(
      "a file we left alone takes their bytes",
      path: "README.md", base: "a\n", ours: "a\n", theirs: "b\n", sets: nil,
      merged: .theirs),
    FileMergeCase(
      "a file they left alone keeps our bytes",
      path: "README.md", base: "a\n", ours: "b\n", theirs: "a\n", sets: nil,
      merged: .ours),
    FileMergeCase(
      "the same change on both sides does not conflict",
      path: "README.md", base: "a\n", ours: "b\n", theirs: "b\n", sets: nil,
      merged: .ours),
    FileMergeCase(
      "a text file they deleted and we left alone is deleted",
      path: "README.md", base: "a\n", ours: "a\n", theirs: nil, sets: nil,
      merged: .deleted),
    FileMergeCase(
      "a text file we deleted and they changed conflicts and stays deleted",
      path: "README.md", base: "a\n", ours: nil, theirs: "b\n", sets: nil,
      merged: .deleted, conflicts: [""]),
    FileMergeCase(
      "a text file we changed and they deleted conflicts and keeps our bytes",
      path: "README.md", base: "a\n", ours: "b\n", theirs: nil, sets: nil,
      merged: .ours, conflicts: [""]),
    FileMergeCase(
      "a text file added differently on both sides conflicts with git's markers",
      path: "README.md", base: nil, ours: "x\n", theirs: "y\n", sets: nil,
      merged: .text("<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n"), conflicts: [""]),
    FileMergeCase(
      "a JSON file without sets merges line by line",
      path: "notes.json", base: "{\n  \"a\": 1,\n  \"b\": 2\n}\n",
      ours: "{\n  \"a\": 10,\n  \"b\": 2\n}\n",
      theirs: "{\n  \"a\": 11,\n  \"b\": 2\n}\n", sets: nil,
      merged: .text(
        "{\n<<<<<<< ours\n  \"a\": 10,\n=======\n  \"a\": 11,\n>>>>>>> theirs\n  \"b\": 2\n}\n"),
      conflicts: [""]),
  ]

  static let notJSONCases: [FileMergeCase] = [
    FileMergeCase(
      "our side not JSON", base: #"{"topic": "Git"}"#, ours: #"{"topic": "Git",}"#,
      theirs: #"{"topic": "Git basics"}"#, merged: .ours, conflicts: [""]),
    FileMergeCase(
      "their side not JSON", base: #"{"topic": "Git"}"#, ours: #"{"topic": "Git basics"}"#,
      theirs: "<<<<<<< HEAD\n", merged: .ours, conflicts: [""]),
    FileMergeCase(
      "the base not JSON", base: #"{"topic": "#, ours: #"{"topic": "Git"}"#,
      theirs: #"{"topic": "Git basics"}"#, merged: .ours, conflicts: [""]),
    FileMergeCase(
      "their side not JSON and ours deleted", base: #"{"topic": "Git"}"#, ours: nil,
      theirs: #"{"topic": Git}"#, merged: .deleted, conflicts: [""]),
  ]

  static func mergeAndCheck(_ testCase: FileMergeCase) throws -> FileMergeResult {
    let sets = testCase.sets.map { SetArrays(paths: $0) }
    let result = FileMerger.merge(testCase.input, sets: sets)
    #expect(result.path == testCase.path)
    #expect(
      result.bytes == (try testCase.expectedBytes),
      "got \(result.bytes.map { String(decoding: $0, as: UTF8.self) } ?? "nil")")
    #expect(result.conflicts.map(\.pointer.description) == testCase.conflicts)
    #expect(result.conflicts.allSatisfy { $0.path == testCase.path })
    return result
  }

  @Test(arguments: jsonCases)
  func jsonFilesMergeFieldByField(_ testCase: FileMergeCase) throws {
    let result = try Self.mergeAndCheck(testCase)
    // The conflicts are ValueMerge's, with their values, and the bytes hold the merged value.
    func parse(_ text: String?) throws -> JSONValue? { try text.map { try JSONParser.parse($0) } }
    let outcome = ValueMerge.merge(
      base: try parse(testCase.base), ours: try parse(testCase.ours),
      theirs: try parse(testCase.theirs),
      sets: SetArrays(paths: testCase.sets ?? []))
    let expected = outcome.conflicts.map {
      MergeConflict(
        path: testCase.path, pointer: $0.pointer, base: $0.base, ours: $0.ours, theirs: $0.theirs)
    }
    #expect(result.conflicts == expected)
    #expect(try result.bytes.map { try JSONParser.parse($0) } == outcome.value)
  }

  @Test(arguments: textCases)
  func textFilesMergeLineByLineAsGitDoes(_ testCase: FileMergeCase) throws {
    let result = try Self.mergeAndCheck(testCase)
    #expect(
      result.conflicts.allSatisfy {
        $0.isText && $0.base == nil && $0.ours == nil && $0.theirs == nil
      })
  }

  @Test(arguments: notJSONCases)
  func aSideThatIsNotJSONConflictsAsAWholeAndKeepsOurBytes(_ testCase: FileMergeCase) throws {
    let result = try Self.mergeAndCheck(testCase)
    #expect(
      result.conflicts == [
        MergeConflict(
          path: testCase.path, pointer: .root, base: nil, ours: nil, theirs: nil, isText: true)
      ])
  }

  // MARK: - Sets from the built-in schemas

  static let schemaCases: [SchemaSetsCase] = [
    SchemaSetsCase(
      schema: "trainings", sets: [["attendees"], ["trainers"]], others: [["materials"], ["topic"]]),
    SchemaSetsCase(
      schema: "people", sets: [["emails"], ["functions"], ["git_identities"], ["ledger_roles"]],
      others: [["name"], ["emails", "*"]]),
    SchemaSetsCase(schema: "organizations", sets: [["aliases"], ["contacts"]], others: [["name"]]),
    SchemaSetsCase(schema: "contracts", sets: [["services"]], others: []),
    SchemaSetsCase(schema: "systems", sets: [["roles"]], others: []),
    SchemaSetsCase(
      schema: "accounts", sets: [["mailbox", "lists"], ["mailbox", "redirect_to"]],
      others: [["handovers"], ["lists"], ["redirect_to"]]),
    SchemaSetsCase(schema: "payments", sets: [], others: [["amount"]]),
  ]

  static func builtinSchema(_ name: String) throws -> Schema {
    try #require(SchemaRegistry.standard().schema(at: BuiltinSchemas.uri(for: name)))
  }

  @Test(arguments: schemaCases)
  func setsAreTheArraysTheSchemaMarksUniqueItems(_ testCase: SchemaSetsCase) throws {
    let sets = SetArrays(schema: try Self.builtinSchema(testCase.schema))
    for path in testCase.sets { #expect(sets.isSet(path), "\(path) is a set") }
    for path in testCase.others { #expect(!sets.isSet(path), "\(path) is no set") }
  }

  @Test func noSchemaMeansNoSets() {
    #expect(!SetArrays(schema: nil).isSet(["attendees"]))
    #expect(!SetArrays.empty.isSet(["attendees"]))
  }

  /// `policy.roles` maps role names to roles (`additionalProperties`); each role's `write`
  /// list is `uniqueItems`, so two administrators adding kinds to one role should both apply.
  @Test func aRoleWriteListInTheSettingsMergesAsASet() throws {
    let sets = SetArrays(schema: try Self.builtinSchema("ledger"))
    let result = FileMerger.merge(
      MergeInput(
        path: "ledger.json",
        base: Array(#"{"name": "T", "policy": {"roles": {"admin": {"write": ["people"]}}}}"#.utf8),
        ours: Array(
          #"{"name": "T", "policy": {"roles": {"admin": {"write": ["people", "tickets"]}}}}"#.utf8),
        theirs: Array(
          #"{"name": "T", "policy": {"roles": {"admin": {"write": ["people", "payments"]}}}}"#.utf8)
      ),
      sets: sets)
    #expect(result.conflicts.map(\.field) == [])
    #expect(
      result.bytes
        == CanonicalWriter.bytes(
          try JSONParser.parse(
            #"{"name": "T", "policy": {"roles": {"admin": {"write": ["people", "tickets", "payments"]}}}}"#
          )))
  }

  /// A training as two administrators change it offline, merged with the sets its real
  /// schema declares: both attendees' additions and a removal apply, the other fields merge,
  /// and materials (not a set) changed on both sides conflict.
  @Test func aTrainingMergesWithTheSetsOfItsBuiltInSchema() throws {
    let sets = SetArrays(schema: try Self.builtinSchema("trainings"))
    let result = FileMerger.merge(
      MergeInput(
        path: "trainings/git-2026-03.json",
        base: Array(
          #"{"topic": "Git", "date": "2026-03-01", "attendees": ["ana", "bob"], "trainers": ["eve"], "materials": ["slides.pdf"]}"#
            .utf8),
        ours: Array(
          #"{"topic": "Git", "date": "2026-03-01", "attendees": ["ana", "bob", "carl"], "trainers": ["eve", "fay"], "materials": ["slides.pdf", "notes.pdf"]}"#
            .utf8),
        theirs: Array(
          #"{"topic": "Git", "date": "2026-03-02", "attendees": ["ana", "dan"], "trainers": ["eve"], "materials": ["video.mp4"]}"#
            .utf8)),
      sets: sets)
    #expect(
      result.conflicts == [
        MergeConflict(
          path: "trainings/git-2026-03.json", pointer: JSONPointer(tokens: ["materials"]),
          base: ["slides.pdf"],
          ours: ["slides.pdf", "notes.pdf"], theirs: ["video.mp4"])
      ])
    #expect(result.conflicts.map(\.field) == ["materials"])
    let text = #"""
      {
        "attendees": [
          "ana",
          "carl",
          "dan"
        ],
        "date": "2026-03-02",
        "materials": [
          "slides.pdf",
          "notes.pdf"
        ],
        "topic": "Git",
        "trainers": [
          "eve",
          "fay"
        ]
      }

      """#
    #expect(result.bytes == Array(text.utf8))
  }
}
