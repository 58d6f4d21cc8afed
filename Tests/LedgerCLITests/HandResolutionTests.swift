import Foundation
import LedgerTestSupport
import Testing

/// Issue 20: a conflict settled by hand (the file edited, then `git add`) or with `resolve
/// --set` is committed by `sync --continue` and recorded as a resolution, so the audit reads it
/// as one; and `resolve` never touches what the merge does not conflict on.
@Suite struct HandResolutionTests {
  /// Claire and Marc give Hugo different phone numbers; Marc's sync stops on the phone.
  private func stoppedOnThePhone() throws -> SharedLedger {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/hugo", "--set", "phone=+33611111111"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/hugo", "--set", "phone=+33622222222"])
    let stopped = shared.marc.run("sync")
    try #require(stopped.status == 1, "\(stopped)")
    return shared
  }

  /// How the third number reaches Hugo's file.
  enum Settling: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The file rewritten by hand, not in canonical form, then `git add`.
    case handEditAndGitAdd
    /// `resolve people/hugo phone --set VALUE`.
    case resolveSet
    var testDescription: String { rawValue }
  }

  @Test(arguments: Settling.allCases)
  func aThirdValueSettledByHandIsCommittedAsAResolutionAndAuditsClean(_ settling: Settling) throws {
    let shared = try stoppedOnThePhone()
    let marc = shared.marc
    switch settling {
    case .handEditAndGitAdd:
      let file = marc.directory.appendingPathComponent("people/hugo.json")
      // An editor's own layout: one line, keys in another order.
      let edited =
        #"{"phone": "+33633333333", "organization": "cen-paca", "name": "Hugo Lefèvre", "emails": ["hugo@example.org"]}"#
      try Data((edited + "\n").utf8).write(to: file)
      try shared.git(marc, "add", "people/hugo.json")
    case .resolveSet:
      try SharedLedger.succeed(marc, ["resolve", "people/hugo", "phone", "--set", "+33633333333"])
    }
    let continued = marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.parents(marc).count == 2)
    #expect(try shared.trailers(marc, "Ledger-Resolved") == ["people/hugo phone set"])
    #expect(shared.read(marc, "people/hugo.json")?.contains(#""phone": "+33633333333""#) == true)
    #expect(try shared.git(marc, "status", "--porcelain") == "")
    let audit = marc.run("audit")
    #expect(audit.status == 0, "\(audit)")
    #expect(!audit.output.contains("evil-merge"), "\(audit.output)")
    // Claire takes it as it is, and her audit agrees.
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(shared.claire.run("audit").status == 0)
  }

  /// Staging the file as the merge left it keeps this clone's value, and says so.
  @Test func stagingTheFileAsItIsRecordsOurs() throws {
    let shared = try stoppedOnThePhone()
    try shared.git(shared.marc, "add", "people/hugo.json")
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["people/hugo phone ours"])
    #expect(shared.marc.run("audit").status == 0)
  }

  // MARK: What is not in conflict

  /// Claire changes Anne's notes and Paul's phone; Marc changes Anne's notes too. Only Anne's
  /// notes conflict.
  private func stoppedOnAnnesNotes() throws -> SharedLedger {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "people/anne", "--set", "notes=Claire's note"])
    try SharedLedger.succeed(shared.claire, ["set", "people/paul", "--set", "phone=+33644444444"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "people/anne", "--set", "notes=Marc's note"])
    let stopped = shared.marc.run("sync")
    try #require(stopped.status == 1, "\(stopped)")
    return shared
  }

  @Test(arguments: [
    ["people/paul", "phone", "--ours"], ["people/paul", "--ours"], ["people/anne", "phone", "--theirs"],
    ["people/lea", "name", "--set", "Léa"],
  ])
  func resolveRefusesWhatIsNotInConflictAndChangesNothing(_ arguments: [String]) throws {
    let shared = try stoppedOnAnnesNotes()
    let before = try shared.state(shared.marc)
    let state = shared.read(shared.marc, ".git/adminledger/merge/state.json")
    let refused = shared.marc.run(["resolve"] + arguments)
    #expect(refused.status == 2, "\(refused)")
    let what = arguments.prefix { !$0.hasPrefix("--") }.joined(separator: " ")
    #expect(
      refused.error.hasPrefix(
        "adminledger: error: \(what) is not in conflict in this merge; nothing was changed (in conflict: people/anne notes)\n"),
      "\(refused.error)")
    #expect(try shared.state(shared.marc) == before)
    #expect(shared.read(shared.marc, ".git/adminledger/merge/state.json") == state)

    // The real conflict settles, and Claire's change to Paul's phone is in the merge.
    try SharedLedger.succeed(shared.marc, ["resolve", "people/anne", "notes", "--theirs"])
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["people/anne notes theirs"])
    #expect(shared.read(shared.marc, "people/paul.json")?.contains("+33644444444") == true)
  }

  /// A field inside the conflict's record is refused too, but the conflicting field and the
  /// whole record are accepted.
  @Test func resolveAcceptsTheConflictingFieldAndItsRecord() throws {
    let shared = try stoppedOnAnnesNotes()
    #expect(shared.marc.run("resolve", "people/anne", "name", "--ours").status == 2)
    let whole = shared.marc.run("resolve", "people/anne", "--ours")
    #expect(whole.status == 0, "\(whole)")
    let field = shared.marc.run("resolve", "people/anne", "notes", "--theirs")
    #expect(field.status == 0, "\(field)")
  }
}
