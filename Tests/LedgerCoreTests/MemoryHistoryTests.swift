import Foundation
import LedgerCore
import Testing

/// The memory history alone: revisions, walks, merge bases and ranges answer as git's do.
/// All in memory; the whole suite runs in milliseconds.
@Suite struct MemoryHistoryTests {
  /// A history over four days in Paris, the branch at `d`:
  ///
  ///     root - a - b ------- m - d        first parents along the top
  ///             \           /
  ///              c1 ---- c2
  ///
  /// `b` is made at 00:30 on the 18th in Paris (23:30 on the 17th in UTC), so the ledger's
  /// time zone decides its day.
  struct Graph {
    let history = MemoryHistory()
    private(set) var ids: [String: String] = [:]

    static func date(_ text: String) -> Date {
      ISO8601DateFormatter().date(from: text) ?? .distantPast
    }

    init() {
      let settings = #"{"currency": "EUR", "name": "Graph", "timezone": "Europe/Paris"}"#
      commit(
        "root", [], "2026-11-16T09:00:00Z",
        ["ledger.json": settings, "people/hugo.json": #"{"name": "Hugo"}"#])
      commit("a", ["root"], "2026-11-17T08:00:00Z", ["people/anne.json": #"{"name": "Anne"}"#])
      commit("c1", ["a"], "2026-11-17T11:00:00Z", ["people/lea.json": #"{"name": "Léa"}"#])
      commit("b", ["a"], "2026-11-17T23:30:00Z", ["people/hugo.json": #"{"name": "Hugo L."}"#])
      commit("c2", ["c1"], "2026-11-18T07:00:00Z", ["people/lea.json": nil])
      commit("m", ["b", "c2"], "2026-11-18T11:00:00Z", ["people/lea.json": nil])
      commit("d", ["m"], "2026-11-19T08:00:00Z", ["people/anne.json": #"{"name": "Anne M."}"#])
    }

    private mutating func commit(
      _ name: String, _ parents: [String], _ date: String, _ files: [String: String?]
    ) {
      ids[name] = history.commit(
        files.mapValues { $0.map { Array($0.utf8) } }, parents: parents.compactMap { ids[$0] },
        author: claire,
        at: Graph.date(date), message: "\(name)\n")
    }

    func id(_ name: String) throws -> String { try #require(ids[name]) }

    /// The step an id names, `?` for none.
    func name(_ id: String?) -> String {
      guard let id else { return "-" }
      return ids.first { $0.value == id }?.key ?? "?"
    }

    func names(_ ids: some Sequence<String>) -> [String] { ids.map(name) }
  }

  // MARK: - Revisions

  /// A revision, with `{step}` standing for a step's id (`{step:7}` for its first 7 digits),
  /// and the step git names for it (nil: git finds none).
  struct RevisionCase: CustomTestStringConvertible, Sendable {
    let revision: String
    let expected: String?
    var testDescription: String { "\(revision) -> \(expected ?? "not found")" }

    init(_ revision: String, _ expected: String?) {
      self.revision = revision
      self.expected = expected
    }
  }

  static let revisions: [RevisionCase] = [
    .init("HEAD", "d"), .init("HEAD~", "m"), .init("HEAD~1", "m"), .init("HEAD^", "m"),
    .init("HEAD^1", "m"),
    .init("HEAD~0", "d"), .init("HEAD^0", "d"), .init("HEAD~2", "b"), .init("HEAD^^", "b"),
    .init("HEAD~~", "b"),
    .init("HEAD~1^2", "c2"), .init("HEAD~1^2~1", "c1"), .init("HEAD~1^2^", "c1"),
    .init("HEAD~4", "root"),
    .init("HEAD~5", nil), .init("HEAD^2", nil), .init("HEAD~1^3", nil), .init("HEAD~x", nil),
    .init("HEAD^-1", nil),
    .init("{m}", "m"), .init("{m}^2", "c2"), .init("{m}^2~2", "a"), .init("{c1:7}", "c1"),
    .init("{c1:7}^", "a"),
    .init("{c1:3}", nil), .init("2026-11-15", nil), .init("2026-11-16", "root"),
    // b is on the 18th in Paris: the 17th ends with a; c1 is on no first-parent line.
    .init("2026-11-17", "a"), .init("2026-11-18", "m"), .init("2026-11-19", "d"),
    .init("2026-12-31", "d"),
    .init("no-such-thing", nil), .init("", nil),
  ]

  @Test(arguments: revisions)
  func revisionsNameTheCommitGitWould(_ test: RevisionCase) throws {
    let graph = Graph()
    var revision = test.revision
    for (name, id) in graph.ids {
      revision = revision.replacingOccurrences(of: "{\(name)}", with: id)
        .replacingOccurrences(of: "{\(name):7}", with: String(id.prefix(7)))
        .replacingOccurrences(of: "{\(name):3}", with: String(id.prefix(3)))
    }
    if let expected = test.expected {
      #expect(graph.name(try graph.history.commit(revision)) == expected)
    } else {
      #expect(throws: StoreError.revisionNotFound(revision)) { try graph.history.commit(revision) }
    }
  }

  @Test func anEmptyHistoryHasNoHead() throws {
    let history = MemoryHistory()
    #expect(try history.commit(nil) == nil)
    #expect(try history.commit("HEAD") == nil)
    #expect(throws: StoreError.revisionNotFound("HEAD~1")) { try history.commit("HEAD~1") }
    #expect(try history.snapshot(nil).revision == nil)
  }

  // MARK: - Walks and ranges

  @Test func walkPutsChildrenFirstAndTheNewestFirstAmongTheOthers() throws {
    let graph = Graph()
    let history = graph.history
    #expect(
      graph.names(try history.walk(from: try graph.id("d"), firstParentOnly: false)) == [
        "d", "m", "c2", "b", "c1", "a", "root",
      ])
    #expect(
      graph.names(try history.walk(from: try graph.id("d"), firstParentOnly: true)) == [
        "d", "m", "b", "a", "root",
      ])
    #expect(
      graph.names(try history.walk(from: try graph.id("c2"), firstParentOnly: false)) == [
        "c2", "c1", "a", "root",
      ])
  }

  @Test func mergeBaseIsTheBestCommonAncestor() throws {
    let graph = Graph()
    let history = graph.history
    func base(_ one: String, _ two: String) throws -> String {
      graph.name(try history.mergeBase(try graph.id(one), try graph.id(two)))
    }
    #expect(try base("b", "c2") == "a")
    #expect(try base("c2", "b") == "a")
    #expect(try base("m", "c1") == "c1")
    #expect(try base("d", "d") == "d")
    #expect(try base("root", "d") == "root")
    // Another first commit shares nothing with this history.
    let other = history.commit(
      ["people/x.json": Array(#"{"name": "X"}"#.utf8)], parents: [], author: marc, at: fixedDate,
      message: "x\n")
    #expect(try history.mergeBase(other, try graph.id("d")) == nil)
  }

  @Test func aCrissCrossHasTwoBestBasesAndTheNewerIsTaken() throws {
    let history = MemoryHistory()
    let root = history.commit(
      ["a.json": [1]], parents: [], author: claire, at: Graph.date("2026-11-18T08:00:00Z"),
      message: "root\n")
    let x = history.commit(
      ["x.json": [1]], parents: [root], author: claire, at: Graph.date("2026-11-18T09:00:00Z"),
      message: "x\n")
    let y = history.commit(
      ["y.json": [1]], parents: [root], author: marc, at: Graph.date("2026-11-18T10:00:00Z"),
      message: "y\n")
    let mergeX = history.commit(
      [:], parents: [x, y], author: claire, at: Graph.date("2026-11-18T11:00:00Z"), message: "mx\n")
    let mergeY = history.commit(
      [:], parents: [y, x], author: marc, at: Graph.date("2026-11-18T12:00:00Z"), message: "my\n")
    #expect(try history.mergeBase(mergeX, mergeY) == y)
    #expect(try history.mergeBase(mergeY, mergeX) == y)
  }

  @Test func commitsFromExcludingAreGitsRevList() throws {
    let graph = Graph()
    let history = graph.history
    func range(_ tip: String, _ excluded: String?) throws -> [String] {
      graph.names(
        try history.commits(from: try graph.id(tip), excluding: try excluded.map(graph.id))
      ).sorted()
    }
    #expect(try range("d", "b") == ["c1", "c2", "d", "m"])
    #expect(try range("d", "c2") == ["b", "d", "m"])
    #expect(try range("c2", "m") == [])
    #expect(try range("b", nil) == ["a", "b", "root"])
  }

  @Test func aCommitDescendsFromItsAncestorsOnly() throws {
    let graph = Graph()
    func descends(_ commit: String, _ ancestor: String) throws -> Bool {
      try graph.history.isDescendant(try graph.id(commit), of: try graph.id(ancestor))
    }
    #expect(try descends("d", "a"))
    #expect(try descends("m", "c1"))
    #expect(try !descends("a", "d"))
    #expect(try !descends("d", "d"))
    #expect(try !descends("c2", "b"))
  }

  // MARK: - Changes and contents

  @Test func aMergeListsWhatDiffersFromEachParent() throws {
    let graph = Graph()
    let history = graph.history
    let merge = try history.changes(try graph.id("m"))
    #expect(graph.names(merge.parents) == ["b", "c2"])
    // Against b, the side's additions and removals: Léa came and went, nothing differs.
    #expect(merge.differences[0].map(\.path) == [])
    #expect(merge.differences[1].map(\.path) == ["people/hugo.json"])
    let root = try history.changes(try graph.id("root"))
    #expect(root.parents.isEmpty && root.differences.isEmpty)
    #expect(
      try history.differences(from: nil, to: try graph.id("root")).map(\.path) == [
        "ledger.json", "people/hugo.json",
      ])
    let removal = try #require(try history.changes(try graph.id("c2")).differences.first?.first)
    #expect(removal.path == "people/lea.json" && removal.old != nil && removal.new == nil)
  }

  @Test func contentsAndSnapshotsAreEachCommitsOwn() throws {
    let graph = Graph()
    let history = graph.history
    let hugo = try #require(try history.content("people/hugo.json", at: try graph.id("b")))
    #expect(try history.bytes(hugo) == Array(#"{"name": "Hugo L."}"#.utf8))
    #expect(try history.content("people/lea.json", at: try graph.id("m")) == nil)
    #expect(try history.content("people/lea.json", at: try graph.id("c1")) != nil)
    let snapshot = try history.snapshot("HEAD~1^2~1")
    #expect(graph.name(snapshot.revision) == "c1")
    #expect(
      try snapshot.records(of: .people).records.map(\.key.id.value).sorted() == [
        "anne", "hugo", "lea",
      ])
  }

  @Test func aFolderInsideAKindsFolderIsAnIrregularEntryAsInAGitTree() throws {
    let history = MemoryHistory()
    let files: [String: [UInt8]?] = [
      "people/a.json": Array(#"{"name": "A"}"#.utf8), "people/old/x.json": [],
      "people/old/y/z.json": [],
      "people/a-b/x.json": [], "systems": [],
    ]
    history.commit(files, author: claire, at: fixedDate, message: "odd\n")
    let snapshot = try history.snapshot(nil)
    #expect(
      try snapshot.irregularEntries(in: "people").map(\.path) == ["people/a-b", "people/old"])
    #expect(try snapshot.irregularEntries(in: "people").allSatisfy { $0.kind == .folder })
    #expect(try snapshot.irregularEntries(in: "systems").map(\.kind) == [.file])
    #expect(try snapshot.irregularEntries(in: "accounts").isEmpty)
    #expect(try snapshot.fileNames(in: "people") == ["a.json"])
  }

  @Test func resetMovesTheBranchAndTheSameCommitGetsTheSameID() throws {
    let graph = Graph()
    let history = graph.history
    history.reset(to: try graph.id("b"))
    #expect(graph.name(try history.commit(nil)) == "b")
    #expect(
      graph.names(
        try history.walk(from: try #require(try history.commit(nil)), firstParentOnly: false)) == [
          "b", "a", "root",
        ])
    // The commit d made again (same parents, author, date, message and files) is d.
    let again = history.commit(
      ["people/anne.json": Array(#"{"name": "Anne M."}"#.utf8)], parents: [try graph.id("m")],
      author: claire,
      at: Graph.date("2026-11-19T08:00:00Z"), message: "d\n")
    #expect(again == (try graph.id("d")))
    let other = history.commit(
      [:], parents: [try graph.id("m")], author: claire, at: Graph.date("2026-11-19T08:00:00Z"),
      message: "d'\n")
    #expect(other != (try graph.id("d")))
  }
}
