import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerGit

/// A submodule (gitlink) has no blob: `changedFiles` lists files, so it leaves submodules
/// out, and no caller reads a commit id as a blob (a ledger with one used to fail with
/// "the requested type does not match the type in the ODB").
@Suite struct SubmoduleDiffTests {
  @Test func changedFilesLeavesSubmodulesOut() throws {
    let sandbox = try TemporaryDirectory()
    let root = sandbox.url
    func git(_ arguments: String...) throws -> String {
      let outcome = try ExternalProgram.run(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"] + arguments, in: root)
      try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
      return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    _ = try git("init", "-q", "--initial-branch=main")
    try sandbox.write("people/a.json", "{}\n")
    _ = try git("add", "people/a.json")
    _ = try git("commit", "-q", "-m", "a")
    let first = try git("rev-parse", "HEAD^{tree}")
    let commit = try git("rev-parse", "HEAD")
    try sandbox.write("people/b.json", "{}\n")
    _ = try git("add", "people/b.json")
    _ = try git("update-index", "--add", "--cacheinfo", "160000,\(commit),people/sub.json")
    _ = try git("commit", "-q", "-m", "b and a submodule")
    let second = try git("rev-parse", "HEAD^{tree}")

    let repository = try Repository.open(at: root)
    let old = try #require(ObjectID(hex: first))
    let new = try #require(ObjectID(hex: second))
    #expect(try repository.changedFiles(from: old, to: new).map(\.path) == ["people/b.json"])
    #expect(try repository.changedFiles(from: new, to: old).map(\.path) == ["people/b.json"])
    #expect(try repository.changedFiles(from: nil, to: new).map(\.path) == ["people/a.json", "people/b.json"])

    // A file replaced by a submodule reads as removed.
    _ = try git("rm", "-q", "--cached", "people/a.json")
    _ = try git("update-index", "--add", "--cacheinfo", "160000,\(commit),people/a.json")
    _ = try git("commit", "-q", "-m", "a becomes a submodule")
    let third = try #require(ObjectID(hex: try git("rev-parse", "HEAD^{tree}")))
    let changes = try repository.changedFiles(from: new, to: third)
    #expect(changes.map(\.path) == ["people/a.json"])
    #expect(changes.first?.new == nil)
  }
}
