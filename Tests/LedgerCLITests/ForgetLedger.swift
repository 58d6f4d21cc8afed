import Foundation
import LedgerTestSupport
import Testing

/// A sample ledger shared through a bare repository, for `forget` (issue 22): Claire makes it
/// from a copy of `ledger/platform` (where she is an administrator), publishes it with `sync`
/// and, unless told otherwise, installs the shared repository's hooks; other clones come from
/// `clone`. Every runner is the CLI in-process; the hooks run the built `adminledger`.
struct ForgetLedger {
  let directory: TemporaryDirectory
  /// Claire's clone (`a`, made by `init` and the sample's files).
  var claire: CLIRunner

  static let claireDurand = "Claire Durand <cdurand@cen-paca.example.org>"
  static let marcPetit = "Marc Petit <mpetit@cen-paca.example.org>"
  /// A user-manager: may write people, but holds no role that may forget them.
  static let sophieRoux = "Sophie Roux <sroux@cen-paca.example.org>"

  /// The person forgotten in these tests, and what of theirs must vanish (folded: lower case,
  /// no accents).
  static let person = "jmartin"
  static let terms = [
    "jmartin", "julien martin", "jmartin@cbn-med.example.org", "+33698765432", "0698765432", "06 98 76 54 32",
  ]

  var bare: URL { directory.path("shared.git") }

  init(sample: String = "platform", hook: Bool = true) throws {
    directory = try TemporaryDirectory()
    try SharedLedger.git(["init", "--bare", "--initial-branch=main", "shared.git"], in: directory.url)
    try FileManager.default.createDirectory(at: directory.path("a"), withIntermediateDirectories: true)
    claire = CLIRunner(directory: directory.path("a"))
    claire.author = ForgetLedger.claireDurand
    try SharedLedger.succeed(claire, ["init", "--name", "Sample"])
    let source = ValidationCommandTests.samples.appendingPathComponent(sample)
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      let target = claire.directory.appendingPathComponent(item)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: target)
    }
    try SharedLedger.succeed(claire, ["commit", "-m", "Import the sample"])
    try SharedLedger.git(["remote", "add", "origin", bare.path], in: claire.directory)
    try SharedLedger.succeed(claire, ["sync"])
    if hook { try SharedLedger.succeed(claire, ["hook", "install", "pre-receive", "--repo", bare.path]) }
  }

  /// A further clone, made by `clone` into `folder`, writing as `author`.
  func clone(_ folder: String, author: String) throws -> CLIRunner {
    var runner = CLIRunner(directory: directory.url)
    runner.author = author
    try SharedLedger.succeed(runner, ["clone", bare.path, folder])
    runner.directory = directory.path(folder)
    return runner
  }

  /// `forget PERSON --reason ...` in a runner's clone, which must succeed; returns the neutral
  /// id the person now has and the erasure record's key.
  @discardableResult
  static func forget(_ runner: CLIRunner, _ person: String = ForgetLedger.person) throws -> (neutral: String, erasure: String) {
    let result = try SharedLedger.succeed(
      runner, ["forget", person, "--reason", "erasure request of 2026-11-15 (GDPR art. 17)", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let neutral = try #require(object["person"] as? String)
    let erasure = try #require(object["erasure"] as? String)
    return (String(neutral.dropFirst("people/".count)), erasure)
  }

  // MARK: Git

  /// `git ARGUMENTS` in a runner's clone; must succeed.
  @discardableResult
  static func git(_ runner: CLIRunner, _ arguments: String...) throws -> String {
    try SharedLedger.git(arguments, in: runner.directory).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The commit the shared repository's `main` points at.
  func bareMain() throws -> String {
    try SharedLedger.git(["rev-parse", "refs/heads/main"], in: bare).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `git push ARGUMENTS` with the real git program: the shared repository's hooks run as git
  /// runs them.
  static func push(_ runner: CLIRunner, _ arguments: String...) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "push"] + arguments, in: runner.directory)
  }

  /// The lines git shows the pusher from the hooks, without `remote: `.
  static func remoteLines(_ outcome: ExternalProgram.Outcome) -> [String] {
    outcome.error.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("remote: ") else { return nil }
      return String(line.dropFirst("remote: ".count)).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The rules in `[rule]` lines.
  static func rules(in lines: [String]) -> [String] {
    lines.compactMap { line in
      guard line.hasPrefix("["), let end = line.firstIndex(of: "]") else { return nil }
      return String(line[line.index(after: line.startIndex)..<end])
    }
  }

  /// The rules `audit` reports in a clone, sorted.
  static func auditedRules(_ runner: CLIRunner) throws -> [String] {
    let audit = runner.run("audit", "--format", "json")
    try #require(audit.status == 0 || audit.status == 1, "\(audit)")
    return audit.output.components(separatedBy: "\"rule\": \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.sorted()
  }

  // MARK: Searching for the person

  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// The terms of `terms` that `text` holds, ignoring case and accents.
  static func found(_ terms: [String], in text: String) -> [String] {
    let folded = fold(text)
    return terms.filter { folded.contains($0) }
  }

  /// Every object of a repository, reachable or not, read in full by the real git program
  /// (`cat-file --batch-all-objects --batch`: loose and packed, uncompressed): the terms any
  /// holds, and how many objects there are.
  static func termsInObjects(of gitDirectory: URL, _ terms: [String] = ForgetLedger.terms) throws -> (
    found: [String], objects: Int
  ) {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "--git-dir", gitDirectory.path, "cat-file", "--batch-all-objects", "--batch"],
      in: gitDirectory)
    try #require(outcome.status == 0, "\(outcome.error)")
    let count = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "--git-dir", gitDirectory.path, "cat-file", "--batch-all-objects", "--batch-check"], in: gitDirectory)
    return (found(terms, in: outcome.output), count.output.split(separator: "\n").count)
  }

  /// The files under `folder` (every file, at any depth: a clone's work tree and its `.git`,
  /// reflogs, index and caches) that hold a term, with the terms each holds.
  static func filesHolding(_ terms: [String] = ForgetLedger.terms, under folder: URL) -> [String: [String]] {
    var holding: [String: [String]] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
        let data = FileManager.default.contents(atPath: url.path)
      else { continue }
      let hits = found(terms, in: String(decoding: data, as: UTF8.self))
      if !hits.isEmpty { holding[relative] = hits }
    }
    return holding
  }
}
