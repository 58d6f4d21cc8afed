import Foundation
import LedgerTestSupport
import Testing

/// Issue 20: a folder, a link or a misnamed file planted in a kind's folder (committed with
/// `--no-verify`) is removed with an ordinary commit: `git commit` through the pre-commit hook,
/// or `adminledger commit`.
@Suite struct PlantedEntryTests {
  func git(_ sandbox: LedgerSandbox, _ arguments: [String]) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org"] + arguments,
      in: sandbox.directory.url)
  }

  /// A seeded ledger with its hooks installed and three irregular entries in `people/`.
  func planted() throws -> LedgerSandbox {
    let sandbox = try LedgerSandbox()
    try sandbox.seed()
    let install = sandbox.run("hook", "install")
    try #require(install.status == 0, "\(install)")
    let people = sandbox.directory.url.appendingPathComponent("people")
    try FileManager.default.createDirectory(at: people.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try Data(#"{"name": "Nobody"}"#.utf8).write(to: people.appendingPathComponent("sub/x.json"))
    try Data("hi\n".utf8).write(to: people.appendingPathComponent("Notes.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: people.appendingPathComponent("link.json").path, withDestinationPath: "hugo.json")
    try #require(try git(sandbox, ["add", "people"]).status == 0)
    let plant = try git(sandbox, ["commit", "-q", "--no-verify", "-m", "plant"])
    try #require(plant.status == 0, "\(plant.error)")
    return sandbox
  }

  enum Committer: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case gitCommit, adminledgerCommit
    var testDescription: String { rawValue }
  }

  @Test(arguments: Committer.allCases)
  func removingPlantedEntriesIsAnOrdinaryCommit(_ committer: Committer) throws {
    let sandbox = try planted()
    let before = try sandbox.head()
    let removed = try git(sandbox, ["rm", "-q", "-r", "people/sub", "people/link.json", "people/Notes.txt"])
    try #require(removed.status == 0, "\(removed.error)")
    switch committer {
    case .gitCommit:
      let outcome = try git(sandbox, ["commit", "-q", "-m", "Remove what was planted"])
      #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
    case .adminledgerCommit:
      let outcome = sandbox.run("commit", "-m", "Remove what was planted")
      #expect(outcome.status == 0, "\(outcome)")
    }
    #expect(try sandbox.head() != before)
    let tree = try git(sandbox, ["ls-tree", "-r", "--name-only", "HEAD", "people"]).output
    #expect(!tree.contains("people/sub"), "\(tree)")
    #expect(!tree.contains("people/link.json"), "\(tree)")
    #expect(!tree.contains("people/Notes.txt"), "\(tree)")
    #expect(try git(sandbox, ["status", "--porcelain"]).output == "")
    #expect(sandbox.run("validate").status == 0)
  }

  /// Adding such an entry is still refused.
  @Test func addingAFolderIsStillRefused() throws {
    let sandbox = try LedgerSandbox()
    try sandbox.seed()
    try #require(sandbox.run("hook", "install").status == 0)
    let folder = sandbox.directory.url.appendingPathComponent("people/sub")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(#"{"name": "Nobody"}"#.utf8).write(to: folder.appendingPathComponent("x.json"))
    #expect(try git(sandbox, ["add", "people/sub"]).status == 0)
    let outcome = try git(sandbox, ["commit", "-q", "-m", "plant"])
    #expect(outcome.status != 0)
    #expect(outcome.error.contains("a kind's folder holds no folders"), "\(outcome.error)")
  }
}
