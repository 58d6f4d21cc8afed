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
    let commit = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "rename",
      in: ledger.directory.url)
    #expect(commit.status == 0)
    #expect(ledger.run("list", "people", "--where", "id=tblanc", "--fields", "name").output == "name\nThéo Blanc-Durand\n")
    // The older state is still right through the cache too.
    #expect(
      ledger.run("list", "people", "--where", "id=tblanc", "--fields", "name", "--at", "HEAD~1").output == "name\nThéo Blanc\n")
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

  // MARK: - Value indexes: what writes look uniqueness and references up in.

  func valueIndexes(_ ledger: LedgerSandbox) -> [URL] {
    cacheFiles(ledger).filter { $0.pathExtension == "values" }
  }

  /// Commits a person whose email another person has, with the git program (no check).
  func commitDuplicateByGit(_ ledger: LedgerSandbox) throws {
    try ledger.directory.write(
      "people/dupont.json", "{\n  \"emails\": [\n    \"afaure@lpo-paca.example.org\"\n  ],\n  \"name\": \"Jean Dupont\"\n}\n")
    _ = try ExternalProgram.git("add", "people/dupont.json", in: ledger.directory.url)
    let commit = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "dup",
      in: ledger.directory.url)
    #expect(commit.status == 0)
  }

  @Test func writesLookUpValuesInAnIndexThatFollowsEveryCommit() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    // A first write builds the indexes of the current trees.
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Durand").status == 0)
    #expect(valueIndexes(ledger).contains { $0.lastPathComponent.hasPrefix("values-people-emails") })
    // A commit by the git program: the next write's index is made from the last one and the
    // records that changed, so it knows the new person's email.
    try commitDuplicateByGit(ledger)
    let refused = ledger.run("set", "people/dupont", "--set", "name=Jean Dupond")
    #expect(refused.status == 1)
    #expect(refused.error.contains("error[unique]"))
    #expect(refused.error.contains("people/afaure"))
    // A reference made after the index was built still protects its target.
    #expect(ledger.run("set", "people/dupont", "--set", #"emails=["jdupont@example.org"]"#).status == 0)
    #expect(ledger.run("set", "accounts/2023-06-01-7gnoi", "--set", "person=dupont").status == 0)
    let removal = ledger.run("rm", "people/dupont")
    #expect(removal.status == 1)
    #expect(removal.error.contains("accounts/2023-06-01-7gnoi"))
  }

  @Test func aDamagedOrDeletedValueIndexGivesTheSameAnswers() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    try commitDuplicateByGit(ledger)
    // The first write of the clone says once that its author is no known administrator.
    ledger.run("set", "people/dupont", "--set", "name=Jean Dupond")
    let expected = ledger.run("set", "people/dupont", "--set", "name=Jean Dupond")
    #expect(expected.status == 1)
    let files = valueIndexes(ledger)
    #expect(!files.isEmpty)
    // Cut short, or a value changed inside: the checksum tells them apart.
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      try Data(text.prefix(text.count * 2 / 3).utf8).write(to: file)
    }
    #expect(ledger.run("set", "people/dupont", "--set", "name=Jean Dupond").error == expected.error)
    for file in valueIndexes(ledger) {
      let text = try String(contentsOf: file, encoding: .utf8)
      try Data(text.replacingOccurrences(of: "afaure", with: "zzzzzz").utf8).write(to: file)
    }
    #expect(ledger.run("set", "people/dupont", "--set", "name=Jean Dupond").error == expected.error)
    try FileManager.default.removeItem(at: ledger.directory.path(".git/adminledger/index"))
    #expect(ledger.run("set", "people/dupont", "--set", "name=Jean Dupond").error == expected.error)
  }

  // MARK: - The history index: what each commit changed, for log, blame and audit.

  @Test func theHistoryIndexGivesTheSameHistoryWhenDamagedDeletedOrBehind() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Durand").status == 0)
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc").status == 0)
    let log = ledger.run("log", "people/tblanc", "--format", "json").output
    let blame = ledger.run("blame", "people/tblanc", "--format", "json").output
    let whole = ledger.run("log", "--format", "json").output
    let index = ledger.directory.path(".git/adminledger/history.idx")
    #expect(FileManager.default.fileExists(atPath: index.path))
    func same() {
      #expect(ledger.run("log", "people/tblanc", "--format", "json").output == log)
      #expect(ledger.run("blame", "people/tblanc", "--format", "json").output == blame)
      #expect(ledger.run("log", "--format", "json").output == whole)
    }
    same()
    // Bytes changed in the middle, a torn end, garbage appended, the file gone.
    var bytes = [UInt8](try Data(contentsOf: index))
    for position in stride(from: bytes.count / 3, to: bytes.count / 2, by: 5) { bytes[position] ^= 0xFF }
    try Data(bytes).write(to: index)
    same()
    let intact = [UInt8](try Data(contentsOf: index))
    try Data(intact.prefix(intact.count - 7)).write(to: index)
    same()
    try Data(intact + Array("ALH1 garbage".utf8)).write(to: index)
    same()
    try FileManager.default.removeItem(at: index)
    same()
    // A commit made by the git program after the index was written is read and added.
    try ledger.directory.write("people/tblanc.json", "{\n  \"name\": \"Théo Blanc-Martin\"\n}\n")
    _ = try ExternalProgram.git("add", "people/tblanc.json", in: ledger.directory.url)
    let commit = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "by git",
      in: ledger.directory.url)
    #expect(commit.status == 0)
    #expect(ledger.run("log", "people/tblanc").output.contains("Théo Blanc-Martin"))
    #expect(ledger.run("blame", "people/tblanc").output.contains("by git"))
  }

  // MARK: - Query indexes: `list --where FIELD=VALUE` reads only the records holding the value.

  @Test func anIndexedQueryAnswersAsAPlainReadThroughCommitsAndDamage() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    // `in` with one value means `=` but reads every record: the plain answer to compare with.
    func check(_ value: String) {
      let indexed = ledger.run("list", "people", "--where", "organization=\(value)", "--format", "ndjson").output
      let plain = ledger.run("list", "people", "--where", "organization in \(value)", "--format", "ndjson").output
      #expect(indexed == plain)
    }
    check("lpo-paca")
    #expect(valueIndexes(ledger).contains { $0.lastPathComponent.hasPrefix("values-people-query.organization") })
    check("lpo-paca")
    // A person moved to another organization by the git program: the next index is made from
    // the last one and the changed record.
    try ledger.directory.write(
      "people/afaure.json",
      "{\n  \"emails\": [\n    \"afaure@lpo-paca.example.org\"\n  ],\n  \"name\": \"Anaïs Faure\",\n  \"organization\": \"cen-paca\"\n}\n"
    )
    _ = try ExternalProgram.git("add", "people/afaure.json", in: ledger.directory.url)
    let commit = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "moved",
      in: ledger.directory.url)
    #expect(commit.status == 0)
    check("lpo-paca")
    check("cen-paca")
    #expect(ledger.run("list", "people", "--where", "organization=cen-paca", "--fields", "id").output.contains("afaure"))
    // Damaged, then deleted.
    for file in valueIndexes(ledger) {
      let text = try String(contentsOf: file, encoding: .utf8)
      try Data(text.replacingOccurrences(of: "cen-paca", with: "lpo-paca").utf8).write(to: file)
    }
    check("cen-paca")
    try FileManager.default.removeItem(at: ledger.directory.path(".git/adminledger/index"))
    check("cen-paca")
    // An older revision, and a value nobody holds.
    #expect(
      ledger.run("list", "people", "--where", "organization=cen-paca", "--at", "HEAD~1", "--format", "ndjson").output
        == ledger.run("list", "people", "--where", "organization in cen-paca", "--at", "HEAD~1", "--format", "ndjson").output)
    check("nobody")
  }

  // MARK: - The contents a validation saw pass alone, under one set of schemas.

  @Test func contentsSeenPassingAreCheckedAgainWhenTheSchemasChangeOrTheListIsDamaged() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("validate").status == 0)
    let lists = cacheFiles(ledger).filter { $0.lastPathComponent.hasPrefix("checked-") }
    #expect(lists.count == 1)
    // The ledger's own schema now requires a field no person has: every person fails,
    // although each of their contents passed before.
    let builtin = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../schemas/people.schema.json").standardizedFileURL, encoding: .utf8)
    try ledger.directory.write(
      "schemas/people.schema.json",
      builtin.replacingOccurrences(
        of: "\"required\": [", with: "\"required\": [\n    \"badge\",", options: [],
        range: builtin.range(of: "\"required\": [", options: .backwards)))
    _ = try ExternalProgram.git("add", "schemas/people.schema.json", in: ledger.directory.url)
    let commit = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "stricter",
      in: ledger.directory.url)
    #expect(commit.status == 0)
    let stricter = ledger.run("validate")
    #expect(stricter.status == 1)
    #expect(stricter.output.contains("people/afaure.json") && stricter.output.contains("badge"))
    // A damaged list is not believed: the same findings.
    for file in cacheFiles(ledger) where file.lastPathComponent.hasPrefix("checked-") {
      var bytes = [UInt8](try Data(contentsOf: file))
      for index in stride(from: bytes.count / 2, to: bytes.count, by: 3) { bytes[index] ^= 0x55 }
      try Data(bytes).write(to: file)
    }
    #expect(ledger.run("validate").output == stricter.output)
    try FileManager.default.removeItem(at: ledger.directory.path(".git/adminledger/index"))
    #expect(ledger.run("validate").output == stricter.output)
    #expect(ledger.run("validate").output == stricter.output)
  }
}
