import Foundation
import LedgerTestSupport
import Testing

/// The audit of merges and of the history itself: a merge must hold the field-level merge of
/// its parents (its own resolutions applied), and a branch whose history lost the commit the
/// last audit passed is reported.
@Suite struct AuditMergeTests {
  static let noFindings = "No findings: every change was made by a known administrator within their roles.\n"
  /// The day every commit of these tests is dated: the runner's fixed clock, and `--date` for
  /// commits the git program makes.
  static let day = "2026-11-18"

  /// Runs the real git program in a runner's clone as that administrator; it must succeed.
  @discardableResult
  func git(_ runner: CLIRunner, _ arguments: String...) throws -> String {
    let author = try #require(runner.author)
    let name = author.prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces)
    let email = author.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" }
    return try SharedLedger.git(["-c", "user.name=\(name)", "-c", "user.email=\(email)"] + arguments, in: runner.directory)
  }

  /// Commits the merge in progress with the git program, dated like the tool's commits.
  func commitMerge(_ runner: CLIRunner, message: String) throws {
    try git(runner, "commit", "-q", "--no-verify", "-m", message)
  }

  func short(_ commit: String) -> String { String(commit.prefix(7)) }

  func count(_ shared: SharedLedger, _ runner: CLIRunner) throws -> Int {
    try #require(Int(try shared.git(runner, "rev-list", "--count", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// The audit's exact text when it finds nothing.
  func clean(_ commits: Int) -> String {
    "Audit of \(commits) commits\n\n" + AuditMergeTests.noFindings
  }

  // MARK: Merges that hold what their parents give

  @Test func aCleanSyncMergeAndAResolvedSyncMergeHoldNoEvilMerge() throws {
    let shared = try SharedLedger()
    // A clean merge: each side changes other fields of the training, and adds an attendee.
    try SharedLedger.succeed(
      shared.claire, ["set", "trainings/intro", "--set", "location=Marseille", "--set", #"attendees=["hugo","anne","lea"]"#])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(
      shared.marc, ["set", "trainings/intro", "--set", "duration_hours=4", "--set", #"attendees=["hugo","anne","paul"]"#])
    #expect(try SharedLedger.succeed(shared.marc, ["sync"]).output.hasPrefix("Merged origin/main into main: 1 record"))
    try SharedLedger.succeed(shared.claire, ["sync"])
    // A resolved merge: both set Anne's and Léa's phones; Marc takes Claire's for Anne and
    // gives Léa's a third value.
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["set", "people/lea", "--set", "phone=+33622222222"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "phone=+33633333333", "--set", "department=13"])
    try SharedLedger.succeed(shared.marc, ["set", "people/lea", "--set", "phone=+33644444444"])
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "people/anne", "phone", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["resolve", "people/lea", "phone", "--set", "+33655555555"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["people/anne phone theirs", "people/lea phone set"])
    #expect(try shared.merges(shared.marc).count == 2)

    let audit = shared.marc.run("audit")
    #expect(audit.status == 0, "\(audit)")
    #expect(audit.output == clean(try count(shared, shared.marc)))
  }

  @Test func mergesMadeByTheGitProgramThroughTheDriverHoldNoEvilMerge() throws {
    var shared = try SharedLedger()
    shared.marc.author = SharedLedger.marcPetit
    try SharedLedger.succeed(
      shared.claire, ["set", "trainings/intro", "--set", "location=Marseille", "--set", #"attendees=["hugo","anne","lea"]"#])
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(
      shared.marc,
      ["set", "trainings/intro", "--set", "topic=GeoNature for administrators", "--set", #"attendees=["hugo","paul"]"#])
    try git(shared.marc, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains(#""location": "Marseille""#) == true)
    // A conflict git stops on, settled by hand with the incoming side's file.
    try SharedLedger.succeed(shared.claire, ["set", "people/hugo", "--set", "phone=+33622222222"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/hugo", "--set", "phone=+33633333333"])
    let pull = try ExternalProgram.git(
      "-c", "user.name=Marc Petit", "-c", "user.email=marc.petit@example.org", "pull", "--no-rebase", "--no-edit", "origin",
      "main",
      in: shared.marc.directory)
    #expect(pull.status == 1, "\(pull.output)")
    try git(shared.marc, "checkout", "--theirs", "people/hugo.json")
    try git(shared.marc, "add", "people/hugo.json")
    try commitMerge(shared.marc, message: "Merge origin/main, taking Claire's phone for Hugo")
    #expect(try shared.merges(shared.marc).count == 2)

    let audit = shared.marc.run("audit")
    #expect(audit.status == 0, "\(audit)")
    #expect(audit.output == clean(try count(shared, shared.marc)))
  }

  // MARK: Evil merges

  @Test func aValueSlippedInWhileMergingByHandIsAnEvilMerge() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/lea", "--set", "phone=+33655443322"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/paul", "--set", "phone=+33699887766"])
    try git(shared.marc, "fetch", "-q", "origin")
    try git(shared.marc, "merge", "-q", "--no-commit", "--no-ff", "origin/main")
    let anne = try #require(shared.read(shared.marc, "people/anne.json"))
    try Data(anne.replacingOccurrences(of: "Anne Martin", with: "Anne Martin-Roux").utf8)
      .write(to: shared.marc.directory.appendingPathComponent("people/anne.json"))
    try git(shared.marc, "add", "people/anne.json")
    try commitMerge(shared.marc, message: "Merge origin/main")
    let merge = try shared.head(shared.marc)

    let commits = try count(shared, shared.marc)
    let audit = shared.marc.run("audit")
    #expect(audit.status == 1)
    #expect(
      audit.output == """
        Audit of \(commits) commits
        \(short(merge)) \(AuditMergeTests.day) Marc Petit: [evil-merge] people/anne name: the merge invented a value: expected "Anne Martin", committed "Anne Martin-Roux"

        adminledger: 1 finding in \(commits) commits

        """)
    let json = shared.marc.run("audit", "--format", "json")
    #expect(json.status == 1)
    #expect(
      json.output.contains(
        """
            {
              "author": "Marc Petit",
              "change": "invented",
              "commit": "\(merge)",
              "committed": "Anne Martin-Roux",
              "date": "\(AuditMergeTests.day)",
              "email": "marc.petit@example.org",
              "expected": "Anne Martin",
              "field": "name",
              "message": "people/anne name: the merge invented a value: expected \\"Anne Martin\\", committed \\"Anne Martin-Roux\\"",
              "ours": "Anne Martin",
              "path": "people/anne.json",
              "record": "people/anne",
              "resolution": null,
              "rule": "evil-merge",
              "text": false,
              "theirs": "Anne Martin"
            }
        """), "\(json.output)")
  }

  /// A record slipped into a merge (here an administrator nobody appointed) is a change
  /// neither side made: the merge invented it.
  @Test func aRecordAddedWhileMergingByHandIsAnEvilMerge() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/lea", "--set", "phone=+33655443322"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/paul", "--set", "phone=+33699887766"])
    try git(shared.marc, "fetch", "-q", "origin")
    try git(shared.marc, "merge", "-q", "--no-commit", "--no-ff", "origin/main")
    try Data(
      #"{"git_identities": ["eve@example.org"], "ledger_roles": [{"role": "admin"}], "name": "Eve", "organization": "cen-paca"}"#
        .utf8
    )
    .write(to: shared.marc.directory.appendingPathComponent("people/eve.json"))
    try git(shared.marc, "add", "people/eve.json")
    try commitMerge(shared.marc, message: "Merge origin/main")

    let audit = shared.marc.run("audit")
    #expect(audit.status == 1, "\(audit)")
    #expect(audit.output.contains("[evil-merge] people/eve: the merge invented a value"), "\(audit)")
  }

  @Test func aMergeMadeWithStrategyOursDropsTheOtherSidesChange() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/lea", "--set", "phone=+33655443322"])
    try SharedLedger.succeed(shared.claire, ["rm", "accounts/hugo-geonature"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/paul", "--set", "phone=+33699887766"])
    try git(shared.marc, "fetch", "-q", "origin")
    try git(shared.marc, "merge", "-q", "--no-commit", "-s", "ours", "origin/main")
    try commitMerge(shared.marc, message: "Merge origin/main")
    let merge = try shared.head(shared.marc)

    let commits = try count(shared, shared.marc)
    let audit = shared.marc.run("audit")
    #expect(audit.status == 1)
    #expect(
      audit.output == """
        Audit of \(commits) commits
        \(short(merge)) \(AuditMergeTests.day) Marc Petit: [evil-merge] accounts/hugo-geonature: the merge dropped a change: expected absent, committed {"person":"hugo","status":"active","system":"geonature"}
        \(short(merge)) \(AuditMergeTests.day) Marc Petit: [evil-merge] people/lea phone: the merge dropped a change: expected "+33655443322", committed absent

        adminledger: 2 findings in \(commits) commits

        """)
  }

  @Test func aMergeThatKeepsTheFirstParentsFileDropsTheOtherSidesField() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=4"])
    try git(shared.marc, "fetch", "-q", "origin")
    try git(shared.marc, "merge", "-q", "--no-commit", "--no-ff", "origin/main")
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains(#""location": "Marseille""#) == true)
    try git(shared.marc, "checkout", "HEAD", "--", "trainings/intro.json")
    try commitMerge(shared.marc, message: "Merge origin/main")
    let merge = try shared.head(shared.marc)

    let audit = shared.marc.run("audit", "HEAD~1..HEAD")
    #expect(audit.status == 1)
    #expect(
      audit.output == """
        Audit of 2 commits
        \(short(merge)) \(AuditMergeTests.day) Marc Petit: [evil-merge] trainings/intro location: the merge dropped a change: expected "Marseille", committed "Aix-en-Provence"

        adminledger: 1 finding in 2 commits

        """)
  }

  @Test func aMergeIsJudgedOnTheResolutionItsTrailersRecord() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "phone=+33633333333"])
    #expect(shared.marc.run("sync").status == 1)
    // The work tree holds Marc's phone where the two conflict; the message claims Claire's.
    try git(shared.marc, "add", "people/anne.json")
    try commitMerge(
      shared.marc,
      message: """
        Merge origin/main into main: 1 record

        people/anne

        Ledger-Action: merge
        Ledger-Record: people/anne
        Ledger-Resolved: people/anne phone theirs
        """)
    let merge = try shared.head(shared.marc)

    let audit = shared.marc.run("audit", "--format", "json")
    #expect(audit.status == 1)
    #expect(
      audit.output.contains(
        """
            {
              "author": "Marc Petit",
              "change": "dropped",
              "commit": "\(merge)",
              "committed": "+33633333333",
              "date": "\(AuditMergeTests.day)",
              "email": "marc.petit@example.org",
              "expected": "+33611111111",
              "field": "phone",
              "message": "people/anne phone: the merge dropped a change (its trailers resolve it theirs): expected \\"+33611111111\\", committed \\"+33633333333\\"",
              "ours": "+33633333333",
              "path": "people/anne.json",
              "record": "people/anne",
              "resolution": "theirs",
              "rule": "evil-merge",
              "text": false,
              "theirs": "+33611111111"
            }
        """), "\(audit.output)")
    #expect(audit.output.contains(#""rule": "evil-merge""#))
    #expect(audit.output.components(separatedBy: #""rule": "#).count == 2, "one finding: \(audit.output)")
  }

  @Test func anOpenConflictCommittedWithNeitherSidesValueIsAnEvilMerge() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "phone=+33633333333"])
    #expect(shared.marc.run("sync").status == 1)
    let anne = try #require(shared.read(shared.marc, "people/anne.json"))
    try Data(anne.replacingOccurrences(of: "+33633333333", with: "+33699999999").utf8)
      .write(to: shared.marc.directory.appendingPathComponent("people/anne.json"))
    try git(shared.marc, "add", "people/anne.json")
    try commitMerge(shared.marc, message: "Merge origin/main")
    let merge = try shared.head(shared.marc)

    let audit = shared.marc.run("audit", "HEAD~1..HEAD")
    #expect(audit.status == 1)
    #expect(
      audit.output == """
        Audit of 2 commits
        \(short(merge)) \(AuditMergeTests.day) Marc Petit: [evil-merge] people/anne phone: a conflict no trailer resolves was committed with neither side's value: ours "+33633333333", theirs "+33611111111", committed "+33699999999"

        adminledger: 1 finding in 2 commits

        """)
  }

  /// `resolve KIND/ID --ours` takes the whole record from one side, but the merge's trailers
  /// name only the conflicting fields (`people/anne phone ours`), not `people/anne * ours`:
  /// the other side's clean change to the record, which the resolution dropped, then reads as
  /// an evil merge.
  @Test func aWholeRecordResolutionHoldsNoEvilMerge() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111", "--set", "department=13"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "phone=+33633333333"])
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "people/anne", "--ours"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let audit = shared.marc.run("audit")
    let trailers = try shared.trailers(shared.marc, "Ledger-Resolved")
    #expect(trailers == ["people/anne * ours"])
    #expect(audit.status == 0, "\(audit)")
  }

  // MARK: Audits since the last one

  @Test func sinceLastAuditsOnlyTheCommitsAfterTheLastAudit() throws {
    let shared = try SharedLedger()
    let claire = shared.claire
    #expect(claire.run("audit", "--since-last", "HEAD").status == 2)
    let first = claire.run("audit")
    #expect(first.status == 0, "\(first)")
    let head = try shared.head(claire)
    #expect(shared.read(claire, ".git/adminledger/audit-last") == head + "\n")

    let unchanged = claire.run("audit", "--since-last")
    #expect(unchanged.status == 0)
    #expect(unchanged.output == "Audit of 0 commits since \(short(head))\n\n" + AuditMergeTests.noFindings)

    try SharedLedger.succeed(claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    let next = claire.run("audit", "--since-last", "--format", "json")
    #expect(next.status == 0)
    let newHead = try shared.head(claire)
    #expect(
      next.output == """
        {
          "approvals": [],
          "commits": 1,
          "findings": [],
          "passed": "\(newHead)",
          "since": "\(head)"
        }

        """)
    #expect(shared.read(claire, ".git/adminledger/audit-last") == newHead + "\n")
    // An audit of a range is not of the branch's history: it records nothing.
    #expect(claire.run("audit", "HEAD~1..HEAD").status == 0)
    try SharedLedger.succeed(claire, ["set", "people/lea", "--set", "phone=+33622222222"])
    #expect(claire.run("audit", "HEAD~1..HEAD").status == 0)
    #expect(shared.read(claire, ".git/adminledger/audit-last") == newHead + "\n")
  }

  @Test func aBranchResetUnderTheLastAuditIsReportedAsRewrittenHistory() throws {
    let shared = try SharedLedger()
    let claire = shared.claire
    try SharedLedger.succeed(claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    let dropped1 = try shared.head(claire)
    try SharedLedger.succeed(claire, ["set", "people/lea", "--set", "phone=+33622222222"])
    let dropped2 = try shared.head(claire)
    #expect(claire.run("audit").status == 0)
    try git(claire, "reset", "-q", "--hard", "HEAD~2")
    try SharedLedger.succeed(claire, ["set", "people/paul", "--set", "phone=+33633333333"])
    let commits = try count(shared, claire)

    let audit = claire.run("audit", "--since-last")
    #expect(audit.status == 1)
    #expect(
      audit.output == """
        Audit of \(commits) commits
        \(short(dropped2)): [rewritten-history] the history of main was rewritten: \(short(dropped2)), the last commit audited, is no longer in it; 2 commits disappeared: \(short(dropped2)), \(short(dropped1))
          \(short(dropped2)) \(AuditMergeTests.day) Claire Durand: Set people/lea: phone
          \(short(dropped1)) \(AuditMergeTests.day) Claire Durand: Set people/anne: phone

        adminledger: 1 finding in \(commits) commits

        """)
    let json = claire.run("audit", "--since-last", "--format", "json")
    // The first report recorded the new branch as passed: nothing is new since.
    #expect(json.status == 0)
    #expect(json.output.contains(#""commits": 0,"#))

    // A last commit whose object is gone (collected after the rewrite) is named all the same.
    let gone = String(repeating: "ab", count: 20)
    try Data((gone + "\n").utf8).write(to: claire.directory.appendingPathComponent(".git/adminledger/audit-last"))
    let missing = claire.run("audit", "--since-last", "--format", "json")
    #expect(missing.status == 1)
    #expect(
      missing.output.contains(
        """
            {
              "author": null,
              "commit": "\(gone)",
              "date": null,
              "disappeared": [],
              "email": null,
              "last": "\(gone)",
              "last_missing": true,
              "message": "the history of main was rewritten: abababa, the last commit audited, is no longer in it, and its object is gone from the repository: the commits that disappeared cannot be listed",
              "rule": "rewritten-history"
            }
        """), "\(missing.output)")
    #expect(missing.output.contains(#""commits": \#(commits),"#))
  }
}

/// A commit that brings the policy and the records it allows together is judged under the
/// policy it brings: the platform's first import holds approvals by its coordinator.
@Suite struct AuditPolicyTests {
  @Test func aFirstImportIsJudgedUnderThePolicyItBrings() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let audit = ledger.run("audit", "--format", "json")
    #expect(!audit.output.contains("invalid-result"), "\(audit)")
    #expect(!audit.output.contains("payment-approver"), "\(audit)")
  }

  /// The audit walks history with an index of unique values kept from commit to commit: a
  /// duplicate committed behind the tool's back is found, and the commit that removes it again
  /// is clean.
  @Test func aDuplicateEmailCommittedWithGitIsFoundAndItsRemovalIsClean() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    try ledger.directory.write(
      "people/hugo2.json",
      "{\n  \"emails\": [\n    \"hugo@example.org\"\n  ],\n  \"name\": \"Hugo Bis\",\n  \"organization\": \"cen-paca\"\n}\n")
    let root = ledger.directory.url
    _ = try ExternalProgram.git("add", "people/hugo2.json", in: root)
    let commit = try ExternalProgram.git(
      "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify", "-m", "twin",
      in: root)
    try #require(commit.status == 0, "\(commit.error)")
    _ = try ExternalProgram.git("rm", "-q", "people/hugo2.json", in: root)
    _ = try ExternalProgram.git(
      "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org", "commit", "-q", "--no-verify", "-m",
      "untwin",
      in: root)

    let audit = ledger.run("audit")
    #expect(audit.status == 1, "\(audit)")
    let findings = audit.output.split(separator: "\n").filter { $0.contains("[invalid-result]") }
    #expect(findings.count == 1, "\(audit)")
    #expect(
      findings.first?.contains("people/hugo2.json: error[unique]: \"hugo@example.org\" is already used by people/hugo") == true,
      "\(audit)")
  }

  /// A value a merge sets itself is the merger's own change: a treasurer who settles a
  /// training's conflict with a value of their own is outside their roles.
  @Test func aValueAMergeSetsIsJudgedOnTheMergersRoles() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire,
      [
        "add", "people", "claire", "--set", "name=Claire Durand", "--set", "organization=cen-paca",
        "--set", #"ledger_roles=[{"role":"admin"}]"#, "--set", #"git_identities=["claire.durand@example.org"]"#,
      ])
    try SharedLedger.succeed(
      shared.claire,
      [
        "add", "people", "marc", "--set", "name=Marc Petit", "--set", "organization=cen-paca",
        "--set", #"ledger_roles=[{"role":"treasurer"}]"#, "--set", #"git_identities=["marc.petit@example.org"]"#,
      ])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["sync"])  // both clones know their administrators
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(shared.marc.run("set", "trainings/intro", "--set", "location=Nice").status == 0)
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "location", "--set", "Toulon"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)

    let audit = shared.marc.run("audit")
    #expect(audit.status == 1, "\(audit)")
    #expect(
      audit.output.contains(
        "\(merge.prefix(7)) \(AuditMergeTests.day) Marc Petit: [outside-roles] set values of trainings while merging although Marc Petit <marc.petit@example.org> holds roles treasurer, which may not write trainings"
      ),
      "\(audit)")
  }
}
