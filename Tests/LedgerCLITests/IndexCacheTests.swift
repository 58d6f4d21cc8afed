import Foundation
import LedgerTestSupport
import Testing

/// The index under `.git/adminledger/index` is a cache: never a stale or wrong answer.
@Suite struct IndexCacheTests {
  func cacheFiles(_ ledger: LedgerSandbox) -> [URL] {
    let folder = ledger.directory.path(".git/adminledger/index")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { folder.appendingPathComponent($0) }
  }

  @Test func readingFillsTheCacheAndDeletingItChangesNothing() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let first = ledger.run("list", "people", "--format", "ndjson").output
    #expect(cacheFiles(ledger).contains { $0.lastPathComponent.hasPrefix("people-") })
    #expect(ledger.run("list", "people", "--format", "ndjson").output == first)
    try FileManager.default.removeItem(at: ledger.directory.path(".git/adminledger/index"))
    #expect(ledger.run("list", "people", "--format", "ndjson").output == first)
  }

  @Test func aCommitByTheGitProgramIsSeenAtOnce() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("show", "people/tblanc", "--format", "json").output.contains("Théo Blanc"))
    _ = ledger.run("list", "people")
    try ledger.directory.write("people/tblanc.json", "{\n  \"name\": \"Théo Blanc-Durand\"\n}\n")
    _ = try ExternalProgram.git("add", "people/tblanc.json", in: ledger.directory.url)
    let commit = try ExternalProgram.git("-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "rename", in: ledger.directory.url)
    #expect(commit.status == 0)
    #expect(ledger.run("list", "people", "--where", "id=tblanc", "--fields", "name").output == "name\nThéo Blanc-Durand\n")
    // The older state is still right through the cache too.
    #expect(ledger.run("list", "people", "--where", "id=tblanc", "--fields", "name", "--at", "HEAD~1").output == "name\nThéo Blanc\n")
  }

  @Test func aDamagedCacheIsIgnored() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let first = ledger.run("list", "rights", "--format", "ndjson").output
    for file in cacheFiles(ledger) { try Data("garbage 12 34\nxx".utf8).write(to: file) }
    #expect(ledger.run("list", "rights", "--format", "ndjson").output == first)
    for file in cacheFiles(ledger) {
      let text = try String(contentsOf: file, encoding: .utf8)
      try Data(text.prefix(text.count / 2).utf8).write(to: file)
    }
    #expect(ledger.run("list", "rights", "--format", "ndjson").output == first)
  }
}
