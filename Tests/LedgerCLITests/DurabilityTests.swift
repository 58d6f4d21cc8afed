import Foundation
import LedgerTestSupport
import Testing

/// A write is on disk before the tool says it is done, in an order a power cut cannot break:
/// proved from the system calls the built binary makes, traced by strace
/// (`-f -y -e trace=fsync,fdatasync,rename,link,unlink`).
@Suite struct DurabilityTests {
  @Test func aWriteFlushesItsObjectsBeforeTheBranchAndItsFilesBeforeItEnds() throws {
    let sandbox = try TemporaryDirectory()
    let root = sandbox.url
    #expect(try BuiltTool.run(["init"], in: root).status == 0)
    let trace = try traced(["add", "people", "zoe", "--set", "name=Zoé Blanc"], in: root)
    let branch = try trace.index(ofRename: "/.git/refs/heads/main")
    // Every object, and the record of the update, is on disk before the branch names them.
    let objects = trace.flushes { $0.contains("/.git/objects/") }
    #expect(!objects.isEmpty)
    #expect(objects.allSatisfy { $0 < branch })
    let pending = try trace.index(ofRename: "/.git/adminledger/pending.json")
    #expect(pending < branch)
    #expect(trace.flushed("/.git/adminledger", between: pending, and: branch))
    #expect(trace.flushed("/.git/refs/heads", between: branch, and: trace.events.count))
    // The record's file: flushed, renamed into place, its folder flushed; then the index;
    // only then is the update's record removed.
    let file = try trace.index(ofRename: "/people/zoe.json")
    #expect(branch < file)
    #expect(trace.flushed("/people/zoe.json.adminledger-", between: branch, and: file))
    let done = try trace.index(ofUnlink: "/.git/adminledger/pending.json")
    #expect(trace.flushed("/people", between: file, and: done))
    #expect(trace.flushed("/.git/index", between: file, and: done))
  }

  /// Beyond 64 files, the new files are written, the file system flushed once, then renamed.
  @Test func aLargeImportFlushesTheFileSystemOnceBeforeRenamingItsFiles() throws {
    let sandbox = try TemporaryDirectory()
    let root = sandbox.url
    #expect(try BuiltTool.run(["init"], in: root).status == 0)
    let rows = (0..<200).map { "p\($0),Person \($0)" }.joined(separator: "\n")
    try ("id,name\n" + rows + "\n").write(to: root.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
    let trace = try traced(["import", "people", "people.csv"], in: root)
    let branch = try trace.index(ofRename: "/.git/refs/heads/main")
    let renames = trace.events.indices.filter {
      trace.events[$0].call.hasPrefix("rename") && trace.events[$0].paths.last?.contains("/people/p") == true
    }
    #expect(renames.count == 200)
    let flush = try #require(trace.events.indices.first { trace.events[$0].call == "syncfs" })
    #expect(branch < flush && flush < renames.min()!)
    #expect(trace.flushes { $0.contains("/people/p") }.isEmpty)
    #expect(trace.flushed("/people", between: renames.max()!, and: trace.events.count))
  }

  @Test func aSyncFlushesWhatItFetchesMergesAndPushesBeforeMovingAnyBranch() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["add", "people", "yves", "--set", "name=Yves Noir"])
    let trace = try traced(["sync"], in: shared.marc.directory, author: SharedLedger.marcPetit)
    let clone = shared.marc.directory.path
    let bare = shared.bare.path
    // Fetched: the pack is on disk before the remote-tracking branch names it.
    let tracking = try trace.index(ofRename: clone + "/.git/refs/remotes/origin/main")
    let fetched = trace.flushes { $0.hasPrefix(clone + "/.git/objects/pack/") }
    #expect(!fetched.isEmpty && fetched.allSatisfy { $0 < tracking })
    // Merged: the merge commit is on disk before the branch moves, the files after.
    let branch = try trace.index(ofRename: clone + "/.git/refs/heads/main")
    let written = trace.flushes { $0.hasPrefix(clone + "/.git/objects/") }
    #expect(written.allSatisfy { $0 < branch })
    let file = try trace.index(ofRename: clone + "/people/zoe.json")
    #expect(branch < file)
    #expect(trace.flushed(clone + "/people/zoe.json.adminledger-", between: branch, and: file))
    // Pushed: the pack is on disk in the shared repository before its branch moves.
    let pushed = try trace.index(ofRename: bare + "/refs/heads/main")
    let sent = trace.flushes { $0.hasPrefix(bare + "/objects/pack/") }
    #expect(!sent.isEmpty && sent.allSatisfy { $0 < pushed })
    #expect(trace.flushed(bare + "/refs/heads", between: pushed, and: trace.events.count))
  }

  // MARK: - Tracing

  /// One traced system call: its name and the paths it names (a descriptor's path for fsync).
  struct Event {
    let call: String
    let paths: [String]
  }

  struct Trace {
    let events: [Event]

    /// Positions of the flushes of paths that satisfy `matches`.
    func flushes(_ matches: (String) -> Bool) -> [Int] {
      events.indices.filter { ["fsync", "fdatasync"].contains(events[$0].call) && matches(events[$0].paths.first ?? "") }
    }

    /// Whether a path starting with `prefix` (ending so, for a folder) is flushed in `range`.
    func flushed(_ prefix: String, between start: Int, and end: Int) -> Bool {
      let isFolder = !prefix.hasSuffix("-")
      return flushes { isFolder ? $0.hasSuffix(prefix) : $0.contains(prefix) }.contains { start < $0 && $0 < end }
    }

    /// Where a file ending in `suffix` is renamed into place (the last time).
    func index(ofRename suffix: String) throws -> Int {
      try #require(
        events.indices.last { events[$0].call.hasPrefix("rename") && events[$0].paths.last?.hasSuffix(suffix) == true },
        "no rename to \(suffix)")
    }

    func index(ofUnlink suffix: String) throws -> Int {
      try #require(
        events.indices.last { events[$0].call == "unlink" && events[$0].paths.first?.hasSuffix(suffix) == true },
        "no unlink of \(suffix)")
    }
  }

  /// Runs the built binary under strace and reads the calls that succeeded.
  private func traced(_ arguments: [String], in directory: URL, author: String = "Claire Durand <claire.durand@example.org>")
    throws -> Trace
  {
    let output = try TemporaryDirectory()
    let log = output.path("trace.txt")
    let tracer = [
      "strace", "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,syncfs,rename,renameat,renameat2,unlink", "-o", log.path,
      try ExternalProgram.builtTool().path,
    ]
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), tracer + arguments, in: directory, environment: ["ADMINLEDGER_AUTHOR": author])
    try #require(outcome.status == 0, "strace or the command failed (make test installs strace): \(outcome.error)")
    let text = try String(contentsOf: log, encoding: .utf8)
    return Trace(events: text.split(separator: "\n").compactMap(Self.event))
  }

  /// `1234  rename("/a.tmp", "/a") = 0` or `1234  fsync(4</a>) = 0`; failed calls are left out.
  private static func event(_ line: Substring) -> Event? {
    guard line.hasSuffix("= 0"), let open = line.firstIndex(of: "(") else { return nil }
    let call = line[..<open].split(separator: " ").last.map(String.init) ?? ""
    let arguments = line[open...]
    var paths: [String] = []
    if call.hasPrefix("fsync") || call == "fdatasync" || call == "syncfs" {
      if let start = arguments.firstIndex(of: "<"), let end = arguments.lastIndex(of: ">") {
        paths.append(String(arguments[arguments.index(after: start)..<end]))
      }
    } else {
      paths = arguments.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
    return Event(call: call, paths: paths)
  }
}
