import Foundation
import LedgerTestSupport
import Testing

/// `forget` end to end (issue 22): three clones and a shared repository guarded by the hooks.
/// Claire forgets a person while Marc has unpublished commits; once every clone has synced,
/// nothing of the person is left in any object of the four repositories (read in full by the
/// real git program), Marc's work is there, every other value is as it was, and the audit
/// finds nothing it did not find before.
@Suite struct ForgetSyncTests {
  /// A ticket the sample's person reported: Marc's unpublished change to it must be erased from too.
  static let reportedTicket = "tickets/2025-11-15-efy7p"

  @Test func aForgottenPersonLeavesNoTraceInAnyRepositoryAndOtherWorkStays() throws {
    let ledger = try ForgetLedger()
    let claire = ledger.claire
    // The person's phone, and a note with it in its national form, in the history too.
    try SharedLedger.succeed(claire, ["set", "people/jmartin", "--set", "phone=+33698765432"])
    try SharedLedger.succeed(
      claire,
      ["set", Self.reportedTicket, "--set", "title=Orchid observations for CBN (Julien Martin, 06 98 76 54 32 or 0698765432)"])
    try SharedLedger.succeed(claire, ["sync"])
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    let third = try ledger.clone("c", author: ForgetLedger.claireDurand)
    let otherTicket = try Self.ticketWithoutThePerson(in: claire)
    // Before: the scan finds every term in the shared repository.
    #expect(try ForgetLedger.termsInObjects(of: ledger.bare).found == ForgetLedger.terms)
    let rulesBefore = try ForgetLedger.auditedRules(claire)
    let filesBefore = try SharedLedger.files(in: claire.directory)
    #expect(ForgetLedger.filesHolding(under: claire.directory.appendingPathComponent("people")).keys.sorted() == ["jmartin.json"])

    // Marc works offline on two records: one the person reported (writing their name again),
    // one without them.
    try SharedLedger.succeed(
      marc,
      ["set", Self.reportedTicket, "--set", "priority=high", "--set", "title=Orchid observations, asked again by Julien Martin"])
    try SharedLedger.succeed(marc, ["set", otherTicket, "--set", "priority=low"])

    let (neutral, erasure) = try ForgetLedger.forget(claire)
    #expect(neutral.hasPrefix("forgotten-"))
    let pushed = try SharedLedger.succeed(claire, ["sync"])
    #expect(pushed.output.contains("Rewrote origin/main as \(erasure) describes"), "\(pushed)")
    #expect(
      pushed.error.contains("remote: adminledger: the branch was rewritten by an erasure; dropped the former history"),
      "\(pushed)")
    #expect(pushed.output.contains("Dropped the former history from this clone"), "\(pushed)")
    let followed = try SharedLedger.succeed(marc, ["sync"])
    #expect(
      followed.output.contains(
        "Followed \(erasure): origin/main's history was rewritten to forget a person; 2 unpublished commits of this clone rewritten onto it"
      ), "\(followed)")
    let plain = try SharedLedger.succeed(third, ["sync"])
    #expect(plain.output.contains("this clone had no unpublished commit"), "\(plain)")
    try SharedLedger.succeed(claire, ["sync"])

    // Every clone and the shared repository hold the same history.
    let tip = try ledger.bareMain()
    for runner in [claire, marc, third] { #expect(try ForgetLedger.git(runner, "rev-parse", "HEAD") == tip) }

    // No object, reachable or not, holds anything of the person; nor any other file.
    let repositories = [
      ("a", claire.directory.appendingPathComponent(".git")), ("b", marc.directory.appendingPathComponent(".git")),
      ("c", third.directory.appendingPathComponent(".git")), ("shared.git", ledger.bare),
    ]
    for (name, gitDirectory) in repositories {
      let scan = try ForgetLedger.termsInObjects(of: gitDirectory)
      #expect(scan.found.isEmpty, "\(name): \(scan.objects) objects, some holding \(scan.found)")
      #expect(scan.objects > 50, "\(name)")
      #expect(
        ForgetLedger.filesHolding(under: gitDirectory).isEmpty, "\(name): \(ForgetLedger.filesHolding(under: gitDirectory))")
    }
    for runner in [claire, marc, third] {
      #expect(ForgetLedger.filesHolding(under: runner.directory).isEmpty, "\(runner.directory.lastPathComponent)")
    }

    // Marc's work is there, erased from too; everything else is as it was.
    let after = try SharedLedger.files(in: claire.directory)
    let reported = try #require(after[Self.reportedTicket + ".json"].map { String(decoding: $0, as: UTF8.self) })
    #expect(reported.contains("\"priority\": \"high\""))
    #expect(reported.contains("\"reporter\": \"\(neutral)\""))
    #expect(reported.contains("\"title\": \"Orchid observations, asked again by \(neutral)\""), "\(reported)")
    let other = try #require(after[otherTicket + ".json"].map { String(decoding: $0, as: UTF8.self) })
    #expect(other.contains("\"priority\": \"low\""))
    for runner in [marc, third] { #expect(try SharedLedger.files(in: runner.directory) == after) }
    let erasureFile = erasure + ".json"
    #expect(after[erasureFile] != nil)
    let person = try #require(after["people/\(neutral).json"].map { String(decoding: $0, as: UTF8.self) })
    #expect(person.contains("\"name\": \"\(neutral)\""))
    #expect(person.contains("\"organization\": \"cbn-med\""))
    #expect(!person.contains("emails"))
    #expect(
      Set(after.keys)
        == Set(filesBefore.keys).subtracting(["people/jmartin.json"]).union(["people/\(neutral).json", erasureFile]))
    for (path, before) in filesBefore where ![Self.reportedTicket + ".json", otherTicket + ".json"].contains(path) {
      let text = String(decoding: before, as: UTF8.self)
      if ForgetLedger.found(ForgetLedger.terms, in: text).isEmpty {
        #expect(after[path] == before, "\(path) changed")
      } else if path != "people/jmartin.json" {
        // Only the person's id and name changed, to the neutral id.
        let expected = text.replacingOccurrences(of: "Julien Martin", with: neutral)
          .replacingOccurrences(of: "\"jmartin\"", with: "\"\(neutral)\"")
        #expect(after[path].map { String(decoding: $0, as: UTF8.self) } == expected, "\(path)")
      }
    }

    // The audit finds what it found before, in every clone, and nothing more; in a clone made
    // afterwards too, which never held the former history.
    let fresh = try ledger.clone("d", author: ForgetLedger.claireDurand)
    #expect(try ForgetLedger.termsInObjects(of: fresh.directory.appendingPathComponent(".git")).found.isEmpty)
    for runner in [claire, marc, third, fresh] {
      #expect(try ForgetLedger.auditedRules(runner) == rulesBefore, "\(runner.directory.lastPathComponent)")
    }
  }

  @Test func aSecondErasureFromAnotherCloneFollowsTheFirst() throws {
    let ledger = try ForgetLedger()
    let claire = ledger.claire
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    let rulesBefore = try ForgetLedger.auditedRules(claire)
    let (_, first) = try ForgetLedger.forget(claire)
    try SharedLedger.succeed(claire, ["sync"])
    try SharedLedger.succeed(marc, ["sync"])
    // Marc, now in step with the rewritten history, forgets another person the sample holds.
    let other = ["lmartin", "lucas martin", "lmartin@cen-paca.example.org"]
    #expect(try ForgetLedger.termsInObjects(of: ledger.bare, other).found == other)
    let (_, second) = try ForgetLedger.forget(marc, "lmartin")
    let pushed = try SharedLedger.succeed(marc, ["sync"])
    #expect(pushed.output.contains("Rewrote origin/main as \(second) describes"), "\(pushed)")
    let followed = try SharedLedger.succeed(claire, ["sync"])
    #expect(followed.output.contains("Followed \(second)"), "\(followed)")
    let tip = try ledger.bareMain()
    #expect(try ForgetLedger.git(claire, "rev-parse", "HEAD") == tip)
    #expect(try ForgetLedger.git(marc, "rev-parse", "HEAD") == tip)
    for gitDirectory in [
      claire.directory.appendingPathComponent(".git"), marc.directory.appendingPathComponent(".git"), ledger.bare,
    ] {
      #expect(try ForgetLedger.termsInObjects(of: gitDirectory, ForgetLedger.terms + other).found.isEmpty, "\(gitDirectory.path)")
    }
    #expect(FileManager.default.fileExists(atPath: claire.directory.appendingPathComponent(first + ".json").path))
    #expect(FileManager.default.fileExists(atPath: claire.directory.appendingPathComponent(second + ".json").path))
    // The second erasure rewrote the first one's commit too, onto what the first rewrote.
    for runner in [claire, marc] {
      let rules = try ForgetLedger.auditedRules(runner)
      #expect(rules == rulesBefore, "\(runner.run("audit"))")
    }
  }

  @Test func anUnpublishedChangeToTheForgottenPersonIsErasedToo() throws {
    let ledger = try ForgetLedger()
    let claire = ledger.claire
    let marc = try ledger.clone("b", author: ForgetLedger.marcPetit)
    let rulesBefore = try ForgetLedger.auditedRules(claire)
    // Marc, offline, records the person's phone and a new email, and a ticket they opened.
    try SharedLedger.succeed(
      marc, ["set", "people/jmartin", "--set", "phone=+33698765432", "--set", #"emails=["julien.martin@example.net"]"#])
    try SharedLedger.succeed(
      marc,
      [
        "add", "tickets", "--set", "title=Call Julien Martin back on 06 98 76 54 32", "--set", "reporter=jmartin",
        "--set", "opened=2026-11-17", "--set", "status=open", "--set", "type=support", "--set", "assignee=ybenali",
      ])
    let (neutral, erasure) = try ForgetLedger.forget(claire)
    try SharedLedger.succeed(claire, ["sync"])
    let followed = try SharedLedger.succeed(marc, ["sync"])
    #expect(followed.output.contains("Followed \(erasure)"), "\(followed)")
    try SharedLedger.succeed(claire, ["sync"])
    let tip = try ledger.bareMain()
    #expect(try ForgetLedger.git(marc, "rev-parse", "HEAD") == tip)
    #expect(try ForgetLedger.git(claire, "rev-parse", "HEAD") == tip)
    let terms = ForgetLedger.terms + ["julien.martin@example.net"]
    for gitDirectory in [
      claire.directory.appendingPathComponent(".git"), marc.directory.appendingPathComponent(".git"), ledger.bare,
    ] {
      let scan = try ForgetLedger.termsInObjects(of: gitDirectory, terms)
      #expect(scan.found.isEmpty, "\(gitDirectory.path): \(scan.found)")
    }
    let person = try #require(
      try? String(contentsOf: claire.directory.appendingPathComponent("people/\(neutral).json"), encoding: .utf8))
    #expect(!person.contains("phone") && !person.contains("emails"), "\(person)")
    #expect(!FileManager.default.fileExists(atPath: claire.directory.appendingPathComponent("people/jmartin.json").path))
    #expect(claire.run("validate").status == 0)
    for runner in [claire, marc] { #expect(try ForgetLedger.auditedRules(runner) == rulesBefore, "\(runner.run("audit"))") }
  }

  /// A ticket of the sample that holds nothing of the person.
  static func ticketWithoutThePerson(in runner: CLIRunner) throws -> String {
    let folder = runner.directory.appendingPathComponent("tickets")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      if ForgetLedger.found(ForgetLedger.terms, in: text).isEmpty, !text.contains("priority") {
        return "tickets/" + name.dropLast(".json".count)
      }
    }
    throw CocoaError(.fileNoSuchFile)
  }
}
