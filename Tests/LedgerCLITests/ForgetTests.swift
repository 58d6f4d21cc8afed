import Foundation
import LedgerTestSupport
import Testing

/// `adminledger forget` as a command (issue 22): what it refuses, what `--dry-run` and
/// `--format json` say, and the review site made after it.
@Suite struct ForgetTests {
  /// Everything `forget` may touch in a clone: HEAD, files, index, every reference, and how
  /// many loose objects there are.
  struct CloneState: Equatable {
    let clone: SharedLedger.CloneState
    let references: String
    let objects: String
  }

  func state(_ runner: CLIRunner) throws -> CloneState {
    CloneState(
      clone: try SharedLedger.state(at: runner.directory),
      references: try ForgetLedger.git(runner, "for-each-ref", "--format=%(refname) %(objectname)"),
      objects: try ForgetLedger.git(runner, "count-objects"))
  }

  @Test func aDryRunSaysWhatWouldBeRewrittenAndChangesNothing() throws {
    let ledger = try ForgetLedger(hook: false)
    let claire = ledger.claire
    let before = try state(claire)
    let filesBefore = try SharedLedger.files(in: claire.directory)
    let result = claire.run("forget", "jmartin", "--reason", "request of 2026-11-15", "--dry-run")
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(result)")
    #expect(lines.first?.hasPrefix("Would forget people/jmartin as people/forgotten-") == true, "\(result)")
    #expect(lines.first?.hasSuffix(": 1 commit rewritten (dry run, nothing changed)") == true, "\(result)")
    #expect(lines.last == "Would erase: /emails, /name, /notes, /phone", "\(result)")
    #expect(try state(claire) == before)
    #expect(try SharedLedger.files(in: claire.directory) == filesBefore)
    let json = claire.run("forget", "people/jmartin", "--reason", "request", "--dry-run", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json)")
    #expect(object["dry_run"] as? Bool == true)
    #expect(object["erasure"] is NSNull)
    #expect(object["commit"] is NSNull)
    #expect(object["rewritten"] as? Int == 1)
    #expect(try state(claire) == before)
  }

  @Test func forgetSaysWhatItDidInJSON() throws {
    let ledger = try ForgetLedger(hook: false)
    let claire = ledger.claire
    let formerHead = try ForgetLedger.git(claire, "rev-parse", "HEAD")
    let result = claire.run("forget", "jmartin", "--reason", "request of 2026-11-15", "--format", "json")
    #expect(result.status == 0, "\(result)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result)")
    #expect(Set(object.keys) == ["person", "erasure", "commit", "rewritten", "fields", "dropped", "dry_run"])
    let person = try #require(object["person"] as? String)
    #expect(person.hasPrefix("people/forgotten-"))
    let erasure = try #require(object["erasure"] as? String)
    #expect(erasure.hasPrefix("erasures/2026-11-18-"))
    #expect(object["commit"] as? String == (try ForgetLedger.git(claire, "rev-parse", "HEAD")))
    #expect(object["rewritten"] as? Int == 1)
    #expect(object["fields"] as? [String] == ["/emails", "/name", "/notes", "/phone"])
    #expect(object["dropped"] as? Bool == false)
    #expect(object["dry_run"] as? Bool == false)
    // The work tree followed; the record names the person only by neutral id and digest.
    #expect(!FileManager.default.fileExists(atPath: claire.directory.appendingPathComponent("people/jmartin.json").path))
    let record = try String(contentsOf: claire.directory.appendingPathComponent(erasure + ".json"), encoding: .utf8)
    #expect(ForgetLedger.found(ForgetLedger.terms, in: record).isEmpty, "\(record)")
    #expect(record.contains("\"person\": \"\(person.dropFirst("people/".count))\""))
    #expect(record.contains("\"reason\": \"request of 2026-11-15\""))
    #expect(record.contains("\"by\": \"cdurand\""))
    #expect(try ForgetLedger.git(claire, "rev-list", "HEAD").split(separator: "\n").count == 3)
    #expect(try !ForgetLedger.git(claire, "rev-list", "HEAD").contains(formerHead))
    #expect(claire.run("validate").status == 0)
  }

  @Test func forgetWithoutAReasonIsBadUsage() throws {
    let ledger = try ForgetLedger(hook: false)
    let claire = ledger.claire
    let before = try state(claire)
    let missing = claire.run("forget", "jmartin")
    #expect(missing.status == 2, "\(missing)")
    #expect(missing.error.contains("forget needs --reason TEXT"), "\(missing)")
    let blank = claire.run("forget", "jmartin", "--reason", "   ")
    #expect(blank.status == 2, "\(blank)")
    #expect(blank.error.contains("--reason"), "\(blank)")
    let notAPerson = claire.run("forget", "tickets/2025-11-15-efy7p", "--reason", "request")
    #expect(notAPerson.status == 2, "\(notAPerson)")
    #expect(notAPerson.error.contains("forget takes a person (people/ID or ID), not tickets/2025-11-15-efy7p"), "\(notAPerson)")
    #expect(try state(claire) == before)
  }

  @Test func anUnknownPersonIsAClearError() throws {
    let ledger = try ForgetLedger(hook: false)
    let claire = ledger.claire
    let before = try state(claire)
    let result = claire.run("forget", "nobody", "--reason", "request")
    // A named thing that does not exist: bad usage.
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("no record people/nobody"), "\(result)")
    #expect(result.output.isEmpty)
    #expect(try state(claire) == before)
  }

  @Test func anAuthorTheLedgerDoesNotKnowCannotForget() throws {
    let ledger = try ForgetLedger(hook: false)
    var stranger = ledger.claire
    stranger.author = "Eve Intrus <eve@example.org>"
    let before = try state(stranger)
    let result = stranger.run("forget", "jmartin", "--reason", "request")
    #expect(result.status == 3, "\(result)")
    #expect(result.error.contains("no person of the ledger lists eve@example.org"), "\(result)")
    #expect(try state(stranger) == before)
  }

  @Test func aCloneAheadOfItsRemoteMustSyncFirst() throws {
    let ledger = try ForgetLedger(hook: false)
    let claire = ledger.claire
    try SharedLedger.succeed(claire, ["set", "tickets/2025-11-15-efy7p", "--set", "priority=high"])
    let before = try state(claire)
    let result = claire.run("forget", "jmartin", "--reason", "request")
    #expect(result.status == 3, "\(result)")
    #expect(result.error.contains("this clone is not in step with origin/main"), "\(result)")
    #expect(result.error.contains("run 'adminledger sync' first, then forget again"), "\(result)")
    #expect(try state(claire) == before)
  }

  @Test func aCloneBehindItsRemoteMustSyncFirst() throws {
    let ledger = try ForgetLedger(hook: false)
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    try SharedLedger.succeed(marc, ["set", "tickets/2025-11-15-efy7p", "--set", "priority=high"])
    try SharedLedger.succeed(marc, ["sync"])
    let claire = ledger.claire
    try ForgetLedger.git(claire, "fetch", "-q", "origin")
    let before = try state(claire)
    let result = claire.run("forget", "jmartin", "--reason", "request")
    #expect(result.status == 3, "\(result)")
    #expect(result.error.contains("this clone is not in step with origin/main"), "\(result)")
    #expect(try state(claire) == before)
  }

  @Test func anErasureOverCommitsItDidNotSeeIsNotPushed() throws {
    let ledger = try ForgetLedger()
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    let claire = ledger.claire
    // Claire forgets without knowing that Marc pushed meanwhile: her sync must not drop his commit.
    try SharedLedger.succeed(marc, ["set", "tickets/2025-11-15-efy7p", "--set", "priority=high"])
    try SharedLedger.succeed(marc, ["sync"])
    let landed = try ledger.bareMain()
    let (_, erasure) = try ForgetLedger.forget(claire)
    let sync = claire.run("sync")
    #expect(sync.status != 0, "\(sync)")
    #expect(sync.error.contains("origin received commits after the history \(erasure) rewrote"), "\(sync)")
    #expect(try ledger.bareMain() == landed)
    // Forced with git, the erasure is not of the branch the shared repository holds: refused.
    let forced = try ForgetLedger.push(claire, "--force", "origin", "main")
    #expect(forced.status == 1)
    #expect(ForgetLedger.remoteLines(forced).first?.contains("it rewrites the ledger's branch main") == true, "\(forced.error)")
    #expect(try ledger.bareMain() == landed)
  }

  @Test func forgettingAnAuthorWhoseAuthorshipIsKeptLeavesTheAuditClean() throws {
    let ledger = try ForgetLedger(hook: false)
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    try SharedLedger.succeed(marc, ["set", "tickets/2025-11-15-efy7p", "--set", "priority=high"])
    try SharedLedger.succeed(marc, ["sync"])
    let claire = ledger.claire
    try SharedLedger.succeed(claire, ["sync"])
    let rulesBefore = try ForgetLedger.auditedRules(claire)
    try ForgetLedger.forget(claire, "mpetit")
    // Marc's commit keeps its author (the default policy): his record must still list the
    // identity it names, which is also one of his emails, an erased term.
    let rulesAfter = try ForgetLedger.auditedRules(claire)
    #expect(rulesAfter == rulesBefore)
  }

  @Test func aPersonWhoseIDStartsAnotherRecordsIDCanBeForgotten() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    try SharedLedger.succeed(
      ledger.cli,
      [
        "add", "people", "claire", "--set", "name=Claire Durand", "--set", "organization=cen-paca",
        "--set", #"ledger_roles=[{"role":"admin"}]"#, "--set", #"git_identities=["claire.durand@example.org"]"#,
      ])
    try SharedLedger.succeed(
      ledger.cli,
      ["add", "accounts", "hugo-geonature", "--set", "person=hugo", "--set", "system=geonature", "--set", "status=active"])
    try SharedLedger.succeed(
      ledger.cli,
      ["add", "rights", "hugo-reader", "--set", "account=hugo-geonature", "--set", "role=reader", "--set", "status=active"])
    let result = ledger.run("forget", "hugo", "--reason", "request")
    #expect(result.status == 0, "\(result)")
  }

  @Test func aLedgerWithoutARemoteDropsTheFormerHistoryAtOnce() throws {
    let sample = try ValidationCommandTests.sample("platform")
    var cli = sample.cli
    cli.author = ForgetLedger.claireDurand
    let result = cli.run("forget", "jmartin", "--reason", "request")
    #expect(result.status == 0, "\(result)")
    // No sync can drop it later: there is no remote ('sync' says so and exits 2).
    #expect(cli.run("sync").status == 2)
    let scan = try ForgetLedger.termsInObjects(of: sample.directory.path(".git"))
    #expect(scan.found.isEmpty, "\(scan)")
    #expect(!result.output.contains("Next: 'adminledger sync'"), "\(result)")
  }

  @Test func theReviewSiteMadeAfterForgetShowsNothingOfThePerson() throws {
    // The association's Hugo has a phone and an accented name; Mathieu Dupont administers it.
    let sample = try ValidationCommandTests.sample("association")
    var cli = sample.cli
    cli.author = "Mathieu Dupont <mdupont@example.org>"
    let terms = [
      "hlefevre", "hugo lefevre", "hlefevre@example.org", "+33612345678", "0612345678", "06 12 34 56 78", "06.12.34.56.78",
      "lef&#232;vre", "lef&egrave;vre", "lef\\u00e8vre",
    ]
    let output = try TemporaryDirectory()
    let before = output.path("before")
    let made = cli.run("site", before.path)
    #expect(made.status == 0, "\(made)")
    // The site did show Hugo before: the scan finds what it looks for.
    #expect(!ForgetLedger.filesHolding(terms, under: before).isEmpty)
    try FileManager.default.removeItem(at: before)
    let forgot = cli.run("forget", "hlefevre", "--reason", "request of 2026-11-15")
    #expect(forgot.status == 0, "\(forgot)")
    let site = output.path("site")
    let remade = cli.run("site", site.path)
    #expect(remade.status == 0, "\(remade)")
    let files = FileManager.default.enumerator(atPath: site.path)?.allObjects.count ?? 0
    #expect(files > 10)
    #expect(ForgetLedger.filesHolding(terms, under: site).isEmpty, "\(ForgetLedger.filesHolding(terms, under: site))")
  }
}
