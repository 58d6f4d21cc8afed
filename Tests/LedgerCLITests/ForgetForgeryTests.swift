import Foundation
import LedgerTestSupport
import Testing

/// What the shared repository's hook and the audit make of a rewrite that is not an honest
/// erasure (issue 22): a value changed in a rewritten commit, an erasure record edited by
/// hand, a force push with no erasure at all, an erasure by someone whose roles may not forget
/// people. Each forged history is made with the real git program from an honest `forget`.
@Suite struct ForgetForgeryTests {
  static let ticket = "tickets/2025-11-15-efy7p"

  /// The shared ledger after Claire published two more commits (so an erasure rewrites several,
  /// one below another), and Claire's honest `forget` of the person, not pushed yet.
  struct Forgotten {
    let ledger: ForgetLedger
    /// The history the shared repository holds: the sample's import and Claire's two commits.
    let formerTip: String
    /// The erasure commit, and the commits it sits on, oldest first, as `forget` wrote them.
    let erasureCommit: String
    let rewritten: [String]
    let erasure: String
    /// The former id of each rewritten commit, oldest first.
    let formers: [String]
  }

  func forgotten() throws -> Forgotten {
    let ledger = try ForgetLedger()
    let claire = ledger.claire
    try SharedLedger.succeed(claire, ["set", Self.ticket, "--set", "priority=high"])
    try SharedLedger.succeed(claire, ["set", "people/cdurand", "--set", "functions=[\"coordinator\",\"staff\",\"contact\"]"])
    try SharedLedger.succeed(claire, ["sync"])
    let formerTip = try ledger.bareMain()
    let (_, erasure) = try ForgetLedger.forget(claire)
    let erasureCommit = try ForgetLedger.git(claire, "rev-parse", "HEAD")
    let rewritten = try ForgetLedger.git(claire, "rev-list", "--reverse", "HEAD^", "^" + Self.root(claire))
      .split(separator: "\n").map(String.init)
    let record = try Self.show(claire, erasureCommit, erasure + ".json")
    let formers = Self.renames(in: record).map(\.former)
    // The sample's import, and Claire's two commits after it.
    try #require(rewritten.count == 3)
    try #require(Self.renames(in: record).map(\.now) == rewritten, "\(record)")
    return Forgotten(
      ledger: ledger, formerTip: formerTip, erasureCommit: erasureCommit, rewritten: rewritten, erasure: erasure,
      formers: formers)
  }

  @Test func aValueChangedInARewrittenCommitIsRefusedAndReported() throws {
    let forgotten = try forgotten()
    let claire = forgotten.ledger.claire
    // Below the erasure commit, the ticket's status is changed too: from the second rewritten
    // commit on, and the erasure record names the forged commits.
    let renames = try Self.recommit(claire, Array(forgotten.rewritten.dropFirst()) + [forgotten.erasureCommit]) {
      commit, renames in
      var files: [String: String] = [:]
      let ticket = try Self.show(claire, commit, Self.ticket + ".json")
      files[Self.ticket + ".json"] = ticket.replacingOccurrences(of: "\"status\": \"closed\"", with: "\"status\": \"open\"")
      if commit == forgotten.erasureCommit {
        var record = try Self.show(claire, commit, forgotten.erasure + ".json")
        for (old, new) in renames { record = record.replacingOccurrences(of: old, with: new) }
        files[forgotten.erasure + ".json"] = record
      }
      return files
    }
    let forged = try #require(renames[forgotten.erasureCommit])
    try expectRefusedAndReported(
      forgotten, forged: forged, naming: forgotten.formers[1], erasure: forgotten.erasure)
  }

  @Test func anErasureRecordWhoseCommitsWereEditedByHandIsRefusedAndReported() throws {
    let forgotten = try forgotten()
    let claire = forgotten.ledger.claire
    // The first rewritten commit left out of the record's list.
    let renames = try Self.recommit(claire, [forgotten.erasureCommit]) { commit, _ in
      let record = try Self.show(claire, commit, forgotten.erasure + ".json")
      let first = "\"\(forgotten.formers[0]) \(forgotten.rewritten[0])\","
      var lines = record.components(separatedBy: "\n")
      try #require(lines.contains { $0.trimmingCharacters(in: .whitespaces) == first }, "\(record)")
      lines.removeAll { $0.trimmingCharacters(in: .whitespaces) == first }
      return [forgotten.erasure + ".json": lines.joined(separator: "\n")]
    }
    let forged = try #require(renames[forgotten.erasureCommit])
    try expectRefusedAndReported(forgotten, forged: forged, naming: forgotten.formers[0], erasure: forgotten.erasure)
  }

  /// The forged history is refused by the hook (the shared branch does not move), reported by
  /// the audit of the clone that holds it; the honest erasure then lands, and after it a force
  /// push without an erasure is still refused.
  func expectRefusedAndReported(_ forgotten: Forgotten, forged: String, naming former: String, erasure: String) throws {
    let ledger = forgotten.ledger
    let claire = ledger.claire
    try ForgetLedger.git(claire, "reset", "-q", "--hard", forged)
    let refused = try ForgetLedger.push(claire, "--force", "origin", "main")
    #expect(refused.status == 1)
    let lines = ForgetLedger.remoteLines(refused)
    #expect(ForgetLedger.rules(in: lines) == ["forged-erasure"], "\(lines)")
    #expect(
      lines.contains {
        $0.contains(
          "\(erasure) does not match the former history: forgetting the person does not rewrite commit \(former.prefix(7)) as the record says"
        )
      }, "\(lines)")
    #expect(try ledger.bareMain() == forgotten.formerTip)
    #expect(try ForgetLedger.auditedRules(claire).contains("forged-erasure"))
    let audit = claire.run("audit")
    #expect(audit.status == 1)
    #expect(audit.output.contains("commit \(former.prefix(7)) as the record says"), "\(audit)")

    // The honest erasure lands.
    try ForgetLedger.git(claire, "reset", "-q", "--hard", forgotten.erasureCommit)
    try SharedLedger.succeed(claire, ["sync"])
    #expect(try ledger.bareMain() == forgotten.erasureCommit)
    #expect(try !ForgetLedger.auditedRules(claire).contains("forged-erasure"))

    // A plain rewrite of the branch is still refused.
    try ForgetLedger.git(
      claire, "-c", "user.name=Claire Durand", "-c", "user.email=cdurand@cen-paca.example.org",
      "commit", "-q", "--amend", "--no-verify", "-m", "Forget a person, reworded")
    let rewritten = try ForgetLedger.git(claire, "rev-parse", "HEAD")
    let plain = try ForgetLedger.push(claire, "--force", "origin", "main")
    #expect(plain.status == 1)
    #expect(
      ForgetLedger.remoteLines(plain).first
        == "adminledger: the push is refused: it rewrites the ledger's branch main (\(rewritten.prefix(7)) does not descend from \(forgotten.erasureCommit.prefix(7)), the commit main points at: a force push of a rebased, amended or reset branch)",
      "\(plain.error)")
    #expect(try ledger.bareMain() == forgotten.erasureCommit)
  }

  @Test func aPlainForcePushWithoutAnErasureIsRefused() throws {
    let ledger = try ForgetLedger()
    let claire = ledger.claire
    let landed = try ledger.bareMain()
    // The sample's import, rewritten by hand without the person's file: no erasure record.
    try ForgetLedger.git(claire, "rm", "-q", "people/jmartin.json")
    try ForgetLedger.git(
      claire, "-c", "user.name=Claire Durand", "-c", "user.email=cdurand@cen-paca.example.org",
      "commit", "-q", "--amend", "--no-verify", "-m", "Import the sample")
    let rewritten = try ForgetLedger.git(claire, "rev-parse", "HEAD")
    let outcome = try ForgetLedger.push(claire, "--force", "origin", "main")
    #expect(outcome.status == 1)
    #expect(
      ForgetLedger.remoteLines(outcome).first
        == "adminledger: the push is refused: it rewrites the ledger's branch main (\(rewritten.prefix(7)) does not descend from \(landed.prefix(7)), the commit main points at: a force push of a rebased, amended or reset branch)",
      "\(outcome.error)")
    #expect(try ledger.bareMain() == landed)
  }

  @Test func anErasureByARoleThatMayNotForgetPeopleIsReportedAndRefused() throws {
    let ledger = try ForgetLedger()
    let sophie = try ledger.clone("s", author: ForgetLedger.sophieRoux)
    let landed = try ledger.bareMain()
    let (_, erasure) = try ForgetLedger.forget(sophie)
    #expect(try ForgetLedger.auditedRules(sophie).contains("outside-roles"))
    let audit = sophie.run("audit")
    #expect(audit.output.contains("wrote \(erasure) (forgot a person) although "), "\(audit)")
    #expect(audit.output.contains("which may not forget people"), "\(audit)")
    let sync = sophie.run("sync")
    #expect(sync.status != 0)
    #expect(sync.error.contains("[outside-roles]"), "\(sync)")
    #expect(sync.error.contains("may not forget people"), "\(sync)")
    #expect(try ledger.bareMain() == landed)
    // With the real git program too.
    let outcome = try ForgetLedger.push(sophie, "--force", "origin", "main")
    #expect(outcome.status == 1)
    #expect(ForgetLedger.rules(in: ForgetLedger.remoteLines(outcome)).contains("outside-roles"), "\(outcome.error)")
    #expect(try ledger.bareMain() == landed)
  }

  // MARK: Forging with git

  /// The ledger's first commit.
  static func root(_ runner: CLIRunner) throws -> String {
    try ForgetLedger.git(runner, "rev-list", "--max-parents=0", "HEAD")
  }

  /// A file of a commit, as stored.
  static func show(_ runner: CLIRunner, _ commit: String, _ path: String) throws -> String {
    try SharedLedger.git(["show", "\(commit):\(path)"], in: runner.directory)
  }

  /// The `former now` lines of an erasure record's `commits`.
  static func renames(in record: String) -> [(former: String, now: String)] {
    record.split(separator: "\n").compactMap { line in
      let words = line.trimmingCharacters(in: CharacterSet(charactersIn: " \",")).split(separator: " ")
      guard words.count == 2, words.allSatisfy({ $0.count == 40 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
      return (String(words[0]), String(words[1]))
    }
  }

  /// Copies `commits` (oldest first, each the parent of the next), byte for byte but for the
  /// files `edit` returns (path: new content) and their parents, which follow the copies.
  /// Returns each commit's copy.
  static func recommit(
    _ runner: CLIRunner, _ commits: [String], edit: (_ commit: String, _ renames: [String: String]) throws -> [String: String]
  ) throws -> [String: String] {
    var renames: [String: String] = [:]
    let index = runner.directory.appendingPathComponent(".git/forged-index").path
    for commit in commits {
      let files = try edit(commit, renames)
      try gitWithIndex(runner, index, "read-tree", commit)
      for (path, content) in files {
        let blob = try gitInput(runner, content, "hash-object", "-w", "--stdin")
        try gitWithIndex(runner, index, "update-index", "--cacheinfo", "100644,\(blob),\(path)")
      }
      let tree = try gitWithIndex(runner, index, "write-tree")
      let raw = try SharedLedger.git(["cat-file", "commit", commit], in: runner.directory)
      let end = try #require(raw.range(of: "\n\n")).lowerBound
      let header = raw[..<end].split(separator: "\n").map { line in
        if line.hasPrefix("tree ") { return "tree \(tree)" }
        if line.hasPrefix("parent "), let new = renames[String(line.dropFirst("parent ".count))] { return "parent \(new)" }
        return String(line)
      }
      let copy = header.joined(separator: "\n") + raw[end...]
      renames[commit] = try gitInput(runner, copy, "hash-object", "-t", "commit", "-w", "--stdin")
    }
    try? FileManager.default.removeItem(atPath: index)
    return renames
  }

  @discardableResult
  static func gitWithIndex(_ runner: CLIRunner, _ index: String, _ arguments: String...) throws -> String {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: runner.directory, environment: ["GIT_INDEX_FILE": index])
    try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func gitInput(_ runner: CLIRunner, _ input: String, _ arguments: String...) throws -> String {
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: runner.directory, input: input)
    try #require(outcome.status == 0, "git \(arguments): \(outcome.error)")
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
