import Foundation
import LedgerTestSupport
import Testing

/// One hostile input given on the command line: files it needs (made in the sandbox, never
/// committed), the command, the exit status (1 or 2) and words its message must hold.
struct HostileArgument: CustomTestStringConvertible, Sendable {
  let name: String
  var files: [String: [UInt8]] = [:]
  /// Sparse files of this many bytes (instant to make, read no further than the limit).
  var sparse: [String: Int] = [:]
  let arguments: [String]
  let status: Int32
  let message: [String]
  var testDescription: String { name }
}

/// One hostile tree: files committed by the real git program (no hook), then a command run on
/// the ledger with the built binary (a crash there cannot take the test runner down).
struct HostileTree: CustomTestStringConvertible, Sendable {
  enum Entry: Sendable {
    case file(String, [UInt8])
    /// A file of `count` copies of `byte` after `prefix`, written in chunks.
    case large(String, prefix: String, byte: UInt8, count: Int, suffix: String)
    case symlink(String, to: String)
    /// A submodule (gitlink) entry pointing at the current HEAD commit.
    case gitlink(String)
    /// A file whose path is raw bytes (not UTF-8), staged through `git update-index`.
    case rawPath([UInt8], [UInt8])
  }

  let name: String
  let entries: [Entry]
  var arguments = ["validate"]
  var status: Int32 = 1
  let message: [String]
  var testDescription: String { name }
}

/// Hostile input, end to end (issue 13): ids and paths that try to leave the ledger, links and
/// submodules committed into the tree, names that are not UTF-8 or differ only by case, files
/// of hundreds of MB, deep nesting, duplicate keys, hostile CSV, schemas with recursive `$ref`
/// and ruinous patterns, remotes that serve an enormous or corrupt pack. Each is refused with
/// a message naming what and where, exits 1 or 2 (3 for a remote that fails the transfer, as
/// every transfer failure does), and changes nothing: HEAD and every file are as before.
@Suite struct HostileInputTests {
  static let deep = Array(String(repeating: "[", count: 100_000).utf8)

  static let arguments: [HostileArgument] = [
    // Ids and keys: an id is `[a-z0-9][a-z0-9._-]{0,63}`, never `..`, never a path.
    HostileArgument(name: "parent folder id", arguments: ["add", "people", "../x"], status: 2, message: ["invalid id '../x'"]),
    HostileArgument(
      name: "absolute path id", arguments: ["add", "people", "/etc/passwd"], status: 2, message: ["invalid id '/etc/passwd'"]),
    HostileArgument(name: "key ending in ..", arguments: ["show", "people/.."], status: 2, message: ["invalid id '..'"]),
    HostileArgument(name: "dot id", arguments: ["add", "people", "."], status: 2, message: ["invalid id '.'"]),
    HostileArgument(name: "id with NUL", arguments: ["add", "people", "a\u{0}b"], status: 2, message: ["invalid id"]),
    HostileArgument(name: "id with backslash", arguments: ["add", "people", #"..\..\x"#], status: 2, message: ["invalid id"]),
    HostileArgument(name: "kind with a path", arguments: ["show", "../people/hugo"], status: 2, message: ["unknown kind '..'"]),
    // Ids are lowercase only, so two ids differing only by case can never both exist.
    HostileArgument(
      name: "case twin of an existing id", arguments: ["add", "people", "HUGO"], status: 2,
      message: ["an id starts with a lowercase letter or digit, not 'H'"]),
    HostileArgument(
      name: "Cyrillic lookalike id", arguments: ["add", "people", "hug\u{043E}"], status: 2,
      message: ["an id holds only lowercase letters, digits"]),
    HostileArgument(name: "fullwidth id", arguments: ["add", "people", "\u{FF48}ugo"], status: 2, message: ["invalid id"]),
    HostileArgument(
      name: "long id", arguments: ["add", "people", String(repeating: "a", count: 65)], status: 2,
      message: ["an id has at most 64 characters"]),
    HostileArgument(
      name: "site into a kind folder", arguments: ["site", "people"], status: 2,
      message: ["people holds files that no site wrote"]),
    HostileArgument(
      name: "site over the ledger", arguments: ["site", "."], status: 2, message: [". holds files that no site wrote"]),
    // Files of hundreds of MB: refused on their size, before they are read.
    HostileArgument(
      name: "200 MB record file", sparse: ["huge.json": 200 << 20], arguments: ["add", "people", "x", "--file", "huge.json"],
      status: 2, message: ["cannot read huge.json: it is larger than 10 MiB"]),
    HostileArgument(
      name: "endless record file", arguments: ["add", "people", "x", "--file", "/dev/zero"], status: 2,
      message: ["cannot read /dev/zero: it is larger than 10 MiB"]),
    HostileArgument(
      name: "200 MB JSON to check", sparse: ["huge.json": 200 << 20], arguments: ["json", "check", "huge.json"], status: 2,
      message: ["it is larger than 64 MiB"]),
    HostileArgument(
      name: "300 MB CSV to import", sparse: ["huge.csv": 300 << 20], arguments: ["import", "people", "huge.csv"], status: 2,
      message: ["cannot read huge.csv: it is larger than 64 MiB"]),
    HostileArgument(
      name: "200 MB instance to validate", sparse: ["huge.json": 200 << 20, "s.json": 2],
      arguments: ["schema", "validate", "huge.json", "--schema", "s.json"], status: 2, message: ["cannot read huge.json"]),
    // Deep nesting: the depth cap (256) names line and column; no stack overflow.
    HostileArgument(
      name: "deep record file", files: ["deep.json": deep], arguments: ["add", "people", "x", "--file", "deep.json"], status: 1,
      message: ["deep.json:1:257: error[json]: nesting deeper than 256 levels"]),
    HostileArgument(
      name: "deep JSON to check", files: ["deep.json": deep], arguments: ["json", "check", "deep.json"], status: 1,
      message: ["deep.json:1:257: error: nesting deeper than 256 levels"]),
    HostileArgument(
      name: "deep instance to validate", files: ["deep.json": deep, "s.json": Array("{}".utf8)],
      arguments: ["schema", "validate", "deep.json", "--schema", "s.json"], status: 1,
      message: ["deep.json:1:257", "nesting deeper than 256 levels"]),
    HostileArgument(
      name: "deep negation in a query",
      arguments: ["list", "people", "--where", String(repeating: "!", count: 100_000) + "phone"], status: 2,
      message: ["cannot read the condition"]),
    HostileArgument(
      name: "deep parentheses in a query",
      arguments: ["list", "people", "--where", String(repeating: "(", count: 100_000) + "name=a"], status: 2,
      message: ["expected a field name at column 1"]),
    HostileArgument(
      name: "long dotted path in a query",
      arguments: ["list", "people", "--where", String(repeating: "a.", count: 50_000) + "b=1"], status: 2,
      message: ["people records have no field"]),
    // Duplicate keys.
    HostileArgument(
      name: "duplicate key in a record file",
      files: ["dup.json": Array(#"{"name": "A", "organization": "cen-paca", "name": "B"}"#.utf8)],
      arguments: ["add", "people", "x", "--file", "dup.json"], status: 1,
      message: ["dup.json:1:43: error[json]: duplicate key \"name\" in object"]),
    HostileArgument(
      name: "duplicate key in a nested object",
      files: ["dup.json": Array(#"{"name": "A", "handovers": [{"date": "2026-01-02", "date": "2026-01-03"}]}"#.utf8)],
      arguments: ["json", "check", "dup.json"], status: 1, message: ["duplicate key \"date\""]),
    // CSV: what cannot be text is refused with line and column.
    HostileArgument(
      name: "NUL byte in a CSV cell",
      files: ["nul.csv": Array("id;name;organization\nx;A".utf8) + [0] + Array("B;cen-paca\n".utf8)],
      arguments: ["import", "people", "nul.csv"], status: 1,
      message: ["nul.csv:2: error[csv]: a NUL byte at column 4; a CSV file holds text only"]),
    HostileArgument(
      name: "UTF-16 CSV", files: ["utf16.csv": [0xFF, 0xFE] + Array("id;name\n".utf8).flatMap { [$0, 0] }],
      arguments: ["import", "people", "utf16.csv"], status: 1, message: ["a NUL byte at column 4", "saved as UTF-16"]),
    HostileArgument(
      name: "unterminated quoted cell",
      files: ["open.csv": Array("id;name;organization\nx;\"Ann;cen-paca\ny;Bob;cen-paca\n".utf8)],
      arguments: ["import", "people", "open.csv"], status: 1,
      message: ["open.csv:2: error[import]: a quoted cell is never closed"]),
    HostileArgument(
      name: "invalid UTF-8 read as UTF-8",
      files: ["bad.csv": Array("id;name;organization\nx;A".utf8) + [0xFF] + Array("B;cen-paca\n".utf8)],
      arguments: ["import", "people", "bad.csv", "--encoding", "utf-8"], status: 1,
      message: ["bad.csv:1: error[import]: the file is not UTF-8", "--encoding latin1"]),
    // Schemas given on the command line: a hostile pattern is bounded.
    HostileArgument(
      name: "ruinous pattern",
      files: [
        "p.schema.json": Array(#"{"pattern": "(.*a){25}"}"#.utf8),
        "v.json": Array(("\"" + String(repeating: "a", count: 40) + "!\"").utf8),
      ], arguments: ["schema", "validate", "v.json", "--schema", "p.schema.json"], status: 1,
      message: ["cannot be checked against the pattern (.*a){25}", "step budget"]),
  ]

  @Test(arguments: arguments)
  func hostileArgumentIsRefusedAndChangesNothing(_ hostile: HostileArgument) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    for (name, bytes) in hostile.files { try Data(bytes).write(to: ledger.directory.path(name)) }
    for (name, size) in hostile.sparse {
      let url = ledger.directory.path(name)
      #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
      let handle = try FileHandle(forWritingTo: url)
      try handle.truncate(atOffset: UInt64(size))
      try handle.close()
    }
    let head = try ledger.head()
    let files = try SharedLedger.files(in: ledger.directory.url)
    // Bounded time is shown by the test ending: a hang would stop the suite (no timed
    // assertion on a shared machine).
    let result = ledger.cli.run(hostile.arguments)
    #expect(result.status == hostile.status, "\(result)")
    // Findings go to standard output (validate, json check), failures to standard error.
    let printed = result.output + result.error
    for words in hostile.message { #expect(printed.contains(words), "\(printed.prefix(2000))") }
    #expect(try ledger.head() == head)
    #expect(try SharedLedger.files(in: ledger.directory.url) == files)
  }

  // MARK: - Hostile trees, committed with the real git program

  static let trees: [HostileTree] = [
    HostileTree(
      name: "symlink record to /etc/passwd", entries: [.symlink("people/evil.json", to: "/etc/passwd")],
      message: [
        "people/evil.json:1:1: error[record-file]: people/evil.json is a symbolic link; a kind's folder holds only regular ID.json files, and the ledger never follows a link",
        "hint: remove it with 'git rm people/evil.json' and commit",
      ]),
    HostileTree(
      name: "symlink record out of the ledger", entries: [.symlink("people/out.json", to: "../../outside.json")],
      message: ["people/out.json is a symbolic link"]),
    HostileTree(
      name: "symlinked kind folder", entries: [.symlink("systems", to: "/etc")],
      message: [
        "systems:1:1: error[record-file]: systems is a symbolic link; a kind's folder is a plain folder, and the ledger never follows a link"
      ]),
    HostileTree(
      name: "file where a kind folder goes", entries: [.file("contracts", Array("{}".utf8))],
      message: ["contracts is a file; a kind's records live in a folder of that name"]),
    HostileTree(
      name: "show through a symlink", entries: [.symlink("people/evil.json", to: "/etc/passwd")],
      arguments: ["show", "people/evil"], status: 2, message: ["no record people/evil"]),
    HostileTree(
      name: "submodule named like a record", entries: [.gitlink("people/sub.json")], message: ["people/sub.json is a submodule"]),
    HostileTree(
      name: "submodule in a kind folder", entries: [.gitlink("people/vendor")], message: ["people/vendor is a submodule"]),
    HostileTree(
      name: "folder inside a kind folder", entries: [.file("people/nested/x.json", Array(#"{"name": "X"}"#.utf8))],
      message: ["people/nested is a folder"]),
    HostileTree(
      name: "file name that is not UTF-8",
      entries: [.rawPath(Array("people/caf".utf8) + [0xE9] + Array(".json".utf8), Array("{}".utf8))],
      message: ["people/caf\u{FFFD}.json:1:1: error[id]: \"caf\u{FFFD}\" is not a valid id"]),
    HostileTree(
      name: "file name with uppercase (case twin)",
      entries: [.file("people/Hugo.json", Array(#"{"name": "Hugo 2", "organization": "cen-paca"}"#.utf8))],
      message: [
        "people/Hugo.json:1:1: error[id]: \"Hugo\" is not a valid id: an id starts with a lowercase letter or digit, not 'H'"
      ]),
    HostileTree(
      name: "file name with ..", entries: [.file("people/a..b.json", Array(#"{"name": "A"}"#.utf8))],
      message: ["\"a..b\" is not a valid id: an id cannot contain '..'"]),
    HostileTree(
      name: "200 MB record",
      entries: [.large("people/huge.json", prefix: #"{"name": ""#, byte: UInt8(ascii: "a"), count: 200 << 20, suffix: "\"}\n")],
      message: ["people/huge.json:1:1: error[file-size]: the file is 200 MiB; a ledger file holds at most 10 MiB"]),
    HostileTree(
      name: "show a 20 MB record",
      entries: [.large("people/big.json", prefix: "", byte: UInt8(ascii: " "), count: 20 << 20, suffix: "{}")],
      arguments: ["show", "people/big"], message: ["people/big.json:1:1: error[file-size]: the file is 20 MiB"]),
    HostileTree(
      name: "20 MB ledger.json",
      entries: [.large("ledger.json", prefix: "", byte: UInt8(ascii: " "), count: 20 << 20, suffix: "{}")], status: 1,
      message: ["ledger.json", "the file is 20 MiB"]),
    HostileTree(
      name: "deep record", entries: [.file("people/deep.json", deep)],
      message: ["people/deep.json:1:257: error[json]: nesting deeper than 256 levels"]),
    HostileTree(
      name: "duplicate keys in a record",
      entries: [.file("people/dup.json", Array("{\n  \"name\": \"A\",\n  \"name\": \"B\"\n}\n".utf8))],
      message: ["people/dup.json:3:3: error[json]: duplicate key \"name\" in object"]),
    HostileTree(
      name: "duplicate keys in ledger.json",
      entries: [.file("ledger.json", Array(#"{"name": "A", "name": "B", "timezone": "Europe/Paris", "currency": "EUR"}"#.utf8))],
      message: ["ledger.json:1:15", "duplicate key \"name\""]),
    HostileTree(
      name: "duplicate keys in a schema",
      entries: [.file("schemas/people.schema.json", Array(#"{"type": "object", "type": "array"}"#.utf8))],
      message: ["schemas/people.schema.json:1:20", "duplicate key \"type\""]),
    HostileTree(
      name: "deep schema", entries: [.file("schemas/people.schema.json", deep)],
      message: ["schemas/people.schema.json:1:257", "nesting deeper than 256 levels"]),
    HostileTree(
      name: "schema that refers to itself", entries: [.file("schemas/people.schema.json", Array(##"{"$ref": "#"}"##.utf8))],
      message: ["the schema refers to itself without end"]),
    HostileTree(
      name: "schemas that refer to each other",
      entries: [
        .file(
          "schemas/people.schema.json",
          Array(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##.utf8))
      ], message: ["the schema refers to itself without end"]),
    HostileTree(
      name: "schema with a 1 MB pattern",
      entries: [
        .file(
          "schemas/people.schema.json",
          Array((#"{"properties": {"name": {"pattern": ""# + String(repeating: "a", count: 1 << 20) + #""}}}"#).utf8))
      ], message: ["schemas/people.schema.json", "the pattern is 1048576 bytes long; a pattern has at most 4096"]),
    HostileTree(
      name: "schema with a ruinous pattern",
      entries: [
        .file("schemas/people.schema.json", Array(#"{"properties": {"name": {"pattern": "(.*a){25}"}}}"#.utf8)),
        .file("people/victim.json", Array(("{\"name\": \"" + String(repeating: "a", count: 40) + "!\"}").utf8)),
      ], message: ["people/victim.json", "cannot be checked against the pattern (.*a){25}"]),
  ]

  @Test(arguments: trees)
  func hostileTreeIsReportedAndNothingIsReadThroughIt(_ hostile: HostileTree) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    // A file just outside the ledger that a link could reach.
    try Data(#"{"name": "outside"}"#.utf8).write(
      to: ledger.directory.url.deletingLastPathComponent().appendingPathComponent("outside.json"))
    try Self.commitWithGit(hostile.entries, in: ledger.directory.url)
    let head = try ledger.head()
    let files = try SharedLedger.files(in: ledger.directory.url)
    let result = try ExternalProgram.run(
      try ExternalProgram.builtTool(), hostile.arguments, in: ledger.directory.url,
      environment: ["ADMINLEDGER_AUTHOR": "Claire Durand <claire.durand@example.org>"])
    #expect(result.status == hostile.status, "exit \(result.status)\n\(result.error.prefix(3000))")
    let printed = result.output + result.error
    for words in hostile.message { #expect(printed.contains(words), "\(printed.prefix(3000))") }
    #expect(!result.output.contains("root:"), "read through a link: \(result.output.prefix(200))")
    #expect(!result.error.contains("root:"), "read through a link: \(result.error.prefix(200))")
    #expect(try ledger.head() == head)
    #expect(try SharedLedger.files(in: ledger.directory.url) == files)
  }

  /// Commits `entries` with the real git program, past the pre-commit hook (`--no-verify`),
  /// as another administrator's plain git could.
  static func commitWithGit(_ entries: [HostileTree.Entry], in root: URL) throws {
    for entry in entries {
      switch entry {
      case .file(let path, let bytes):
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        try SharedLedger.git(["add", "--", path], in: root)
      case .large(let path, let prefix, let byte, let count, let suffix):
        let url = root.appendingPathComponent(path)
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(prefix.utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        let chunk = Data(repeating: byte, count: 1 << 20)
        for _ in 0..<(count >> 20) { handle.write(chunk) }
        handle.write(Data(suffix.utf8))
        try handle.close()
        try SharedLedger.git(["add", "--", path], in: root)
      case .symlink(let path, let target):
        let url = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        try SharedLedger.git(["add", "-A", "--", path], in: root)
      case .rawPath(let path, let content):
        let blob = try SharedLedger.git(["hash-object", "-w", "--stdin"], in: root, input: content)
          .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try SharedLedger.git(
          ["update-index", "--index-info"], in: root,
          input: Array("100644 blob \(blob)\t".utf8) + path + [0x0A])
      case .gitlink(let path):
        let head = try SharedLedger.git(["rev-parse", "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        try SharedLedger.git(["update-index", "--add", "--cacheinfo", "160000,\(head),\(path)"], in: root)
      }
    }
    try SharedLedger.git(
      ["-c", "user.name=Eve", "-c", "user.email=eve@example.org", "commit", "-q", "--no-verify", "-m", "hostile"], in: root)
  }

  // MARK: - Exact reading of CSV that only looks hostile

  @Test func quotesAndLineBreaksInsideQuotedCellsAreReadExactly() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let csv =
      "id;name;organization;notes\r\nann;\"Ann \"\"la Grande\"\" Roux\";cen-paca;\"first line\nsecond; line\"\r\nbob;Bob \"Bobby\" Lee;cen-paca;\n"
    try ledger.directory.write("people.csv", csv)
    let result = ledger.run("import", "people", "people.csv")
    #expect(result.status == 0, "\(result)")
    let ann = ledger.run("show", "people/ann", "--format", "json").output
    #expect(ann.contains(#""name": "Ann \"la Grande\" Roux""#), "\(ann)")
    #expect(ann.contains(#""notes": "first line\nsecond; line""#), "\(ann)")
    // A quote inside an unquoted cell is kept as it is, as spreadsheets read it.
    #expect(ledger.run("show", "people/bob", "--format", "json").output.contains(#""name": "Bob \"Bobby\" Lee""#))
  }

  // MARK: - Hand edits through links

  @Test func aHandEditThatIsASymlinkIsNotCommittedAndItsTargetIsNotRead() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let outside = ledger.directory.url.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).json")
    try Data(#"{"name": "Read from outside", "organization": "cen-paca"}"#.utf8).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(
      atPath: ledger.directory.path("people/linked.json").path, withDestinationPath: outside.path)
    let head = try ledger.head()
    let result = ledger.run("commit", "-m", "a linked record")
    #expect(result.status == 1, "\(result)")
    #expect(
      result.error.contains(
        "people/linked.json:1:1: error[record-file]: people/linked.json is a symbolic link; the ledger commits only regular files and never follows a link"
      ), "\(result.error)")
    #expect(try ledger.head() == head)
    // The plain git program's commit goes through the pre-commit hook: refused too.
    try SharedLedger.git(["add", "people/linked.json"], in: ledger.directory.url)
    let git = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Eve", "-c", "user.email=eve@example.org", "commit", "-q", "-m", "linked"],
      in: ledger.directory.url, environment: ["PATH": Self.pathWithTool()])
    #expect(git.status != 0, "\(git.error)")
    #expect(git.error.contains("people/linked.json is a symbolic link"), "\(git.error)")
    #expect(try ledger.head() == head)
  }

  @Test func aStagedSubmoduleIsRefusedByThePreCommitHook() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let head = try ledger.head()
    let commit = head.trimmingCharacters(in: .whitespacesAndNewlines)
    try SharedLedger.git(["update-index", "--add", "--cacheinfo", "160000,\(commit),people/sub.json"], in: ledger.directory.url)
    let git = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Eve", "-c", "user.email=eve@example.org", "commit", "-q", "-m", "submodule"],
      in: ledger.directory.url, environment: ["PATH": Self.pathWithTool()])
    #expect(git.status != 0)
    #expect(git.error.contains("people/sub.json is a submodule"), "\(git.error)")
    #expect(try ledger.head() == head)
  }

  /// PATH with the built tool's folder first, for hooks that run `adminledger`.
  static func pathWithTool() -> String {
    let folder = (try? ExternalProgram.builtTool().deletingLastPathComponent().path) ?? ""
    return folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
  }

  // MARK: - Remotes

  /// Marc pushes, with the plain git program, a commit holding a 3 MiB random file beside the
  /// ledger; with a fetch limit of 1 MiB (256 MiB by default, lowered here to keep the test
  /// fast) Claire's sync and a new clone stop with the limit named, and keep nothing.
  @Test func aRemoteServingAnEnormousPackIsRefusedAndNothingIsKept() throws {
    let shared = try SharedLedger()
    var random = SystemRandomNumberGenerator()
    let noise = (0..<(3 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) }
    try Data(noise).write(to: shared.marc.directory.appendingPathComponent("noise.bin"))
    try shared.git(shared.marc, "add", "noise.bin")
    try shared.git(
      shared.marc, "-c", "user.name=Marc", "-c", "user.email=marc@example.org", "commit", "-q", "--no-verify", "-m", "noise")
    try shared.git(shared.marc, "push", "-q", "origin", "main")

    var claire = shared.claire
    claire.variables["ADMINLEDGER_MAX_FETCH_MIB"] = "1"
    let before = try shared.state(claire)
    let packs = try FileManager.default.contentsOfDirectory(
      atPath: claire.directory.appendingPathComponent(".git/objects/pack").path)
    let result = claire.run("sync")
    #expect(result.status == 3, "\(result)")
    #expect(result.error.contains("the remote sent more than 1 MiB, the most a fetch receives (a size limit)"), "\(result.error)")
    #expect(result.error.contains("ADMINLEDGER_MAX_FETCH_MIB"), "\(result.error)")
    #expect(try shared.state(claire) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: claire.directory.appendingPathComponent(".git/objects/pack").path)
        == packs)

    var newcomer = CLIRunner(directory: shared.directory.url)
    newcomer.variables["ADMINLEDGER_MAX_FETCH_MIB"] = "1"
    let clone = newcomer.run("clone", "file://" + shared.bare.path, "c")
    #expect(clone.status == 3, "\(clone)")
    #expect(clone.error.contains("(a size limit)"), "\(clone.error)")
    #expect(!FileManager.default.fileExists(atPath: shared.directory.path("c").path))

    // With the default limit, the same sync completes.
    claire.variables = [:]
    let synced = claire.run("sync")
    #expect(synced.status == 0, "\(synced)")
  }

  /// The newest commit's object in the shared repository cut short (a truncated loose
  /// object): the fetch should fail with exit 3 and the clone keep what it had.
  ///
  /// Disabled: libgit2 1.5 (Debian's) spins forever in `inflate` on a truncated loose object
  /// (libgit2/libgit2#7342, fixed by #7346 in 2026), so the sync never returns. The same
  /// hang hits any command reading a truncated loose object of the clone itself. Enable this
  /// once the build uses a libgit2 with the fix.
  @Test(.disabled("libgit2 1.5 loops forever on a truncated loose object (libgit2/libgit2#7342)"))
  func aRemoteServingATruncatedObjectFailsTheFetchAndChangesNothing() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let tip = try shared.bareMain()
    let loose = shared.bare.appendingPathComponent("objects/\(tip.prefix(2))/\(tip.dropFirst(2))")
    if !FileManager.default.fileExists(atPath: loose.path) {
      // Packed on push: write the commit out as a loose object, and drop the packs holding it.
      let packFolder = shared.bare.appendingPathComponent("objects/pack")
      let packs = try FileManager.default.contentsOfDirectory(atPath: packFolder.path).filter { $0.hasSuffix(".pack") }
      for pack in packs {
        try FileManager.default.moveItem(at: packFolder.appendingPathComponent(pack), to: shared.directory.path(pack))
        try? FileManager.default.removeItem(
          at: packFolder.appendingPathComponent(pack.replacingOccurrences(of: ".pack", with: ".idx")))
        let input = try FileHandle(forReadingFrom: shared.directory.path(pack))
        let unpack = Process()
        unpack.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unpack.arguments = ["git", "unpack-objects", "-q"]
        unpack.currentDirectoryURL = shared.bare
        unpack.standardInput = input
        try unpack.run()
        unpack.waitUntilExit()
      }
    }
    try #require(FileManager.default.fileExists(atPath: loose.path))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose.path)
    let bytes = try Data(contentsOf: loose)
    try bytes.prefix(bytes.count / 2).write(to: loose)

    let before = try shared.state(shared.marc)
    let result = shared.marc.run("sync")
    #expect(result.status == 3, "\(result)")
    #expect(result.error.hasPrefix("adminledger: error: cannot fetch from origin (\(shared.bare.path)): "), "\(result.error)")
    #expect(try shared.state(shared.marc) == before)
  }

  /// A link committed by another administrator arrives by sync as git would check it out (a
  /// link), is never followed, and `validate` names it.
  @Test func aSymlinkRecordArrivingBySyncIsNeverFollowedAndValidateNamesIt() throws {
    let shared = try SharedLedger()
    try FileManager.default.createSymbolicLink(
      atPath: shared.marc.directory.appendingPathComponent("people/evil.json").path, withDestinationPath: "/etc/passwd")
    try shared.git(shared.marc, "add", "people/evil.json")
    try shared.git(
      shared.marc, "-c", "user.name=Marc", "-c", "user.email=marc@example.org", "commit", "-q", "--no-verify", "-m", "link")
    try shared.git(shared.marc, "push", "-q", "origin", "main")

    let synced = shared.claire.run("sync")
    #expect(!synced.output.contains("root:") && !synced.error.contains("root:"))
    let validated = shared.claire.run("validate")
    #expect(validated.status == 1, "\(validated)")
    #expect((validated.output + validated.error).contains("people/evil.json is a symbolic link"), "\(validated)")
    let listed = shared.claire.run("list", "people", "--format", "json")
    #expect(!listed.output.contains("root:"))
    #expect(!listed.output.contains("\"evil\""))
  }
}

extension SharedLedger {
  /// Runs the real `git` program with raw bytes on its standard input; it must succeed.
  static func git(_ arguments: [String], in directory: URL, input: [UInt8]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = directory.path
    process.environment = environment
    let output = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardInput = inputPipe
    try process.run()
    inputPipe.fileHandleForWriting.write(Data(input))
    try inputPipe.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }
}
