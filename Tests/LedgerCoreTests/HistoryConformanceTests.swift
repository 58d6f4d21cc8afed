import Foundation
import LedgerJSON
import LedgerTestSupport
import Testing

@testable import LedgerCore

/// The contract of `LedgerHistory`, run against the git history and the memory history alike:
/// every scripted history gives the same answers on both (log, diff, blame, the chronicle, the
/// audit, conflict credit, and the primitives under them), and the answers that matter are
/// checked on each, so that both breaking the same way fails too.
@Suite struct HistoryConformanceTests {
  /// A script played on both sides.
  struct Pair {
    let keys: TemporaryDirectory
    let git: PlayedHistory
    let memory: PlayedHistory

    init(_ scripted: ScriptedCase) throws {
      keys = try TemporaryDirectory()
      let script = try scripted.script(keys: keys.url)
      git = try PlayedHistory(script, on: .git)
      memory = try PlayedHistory(script, on: .memory)
    }
  }

  /// The script played on one side (its keys made in a folder of their own).
  static func played(_ scripted: ScriptedCase, on kind: StoreKind) throws -> PlayedHistory {
    let keys = try TemporaryDirectory()
    return try PlayedHistory(try scripted.script(keys: keys.url), on: kind, keeping: keys)
  }

  @Test(arguments: ScriptedCase.allCases)
  func bothHistoriesGiveTheSameAnswers(_ scripted: ScriptedCase) throws {
    let pair = try Pair(scripted)
    let git = HistoryTranscript(pair.git).sections()
    let memory = HistoryTranscript(pair.memory).sections()
    for section in Set(git.keys).union(memory.keys).sorted() {
      let (one, two) = (git[section] ?? [], memory[section] ?? [])
      if one != two {
        Issue.record("\(scripted) \(section): git and memory differ\n\(Self.difference(one, two))")
      }
    }
  }

  // MARK: - The answers themselves, on each side

  /// Each blamed field (each element of a set) with its value, and the step credited, with how
  /// a merge decided it: `phone "+33611111111": sideA`.
  static func credits(
    _ blame: [FieldBlame], _ played: PlayedHistory, only fields: Set<String>? = nil
  ) -> [String] {
    blame.filter { fields?.contains($0.field) ?? true }.map { field in
      "\(field.field) \(field.value.compactText): \(played.name(field.entry.commit))"
        + (field.resolution.map { " (\($0))" } ?? "")
    }
  }

  static func steps(_ log: [HistoryStep], _ played: PlayedHistory) -> [String] {
    log.map { played.name($0.entry.commit) }
  }

  /// Each finding's step and rule.
  static func findings(_ result: AuditResult, _ played: PlayedHistory) -> [String] {
    result.findings.map { "\(played.name($0.entry.commit)) \($0.rule)" }
  }

  @Test(arguments: StoreKind.allCases)
  func blameOfAFieldChangedOnASideBranchNamesTheSideCommitNotTheMerge(_ kind: StoreKind) throws {
    let played = try Self.played(.sideMerge, on: kind)
    let history = played.history
    let hugo = try history.blame(try key("people/hugo"), at: nil)
    #expect(
      Self.credits(hugo, played) == [
        #"department "13": sideB"#, #"emails "hugo@example.org": create"#,
        #"name "Hugo Lefèvre": create"#,
        #"organization "cen-paca": create"#, #"phone "+33611111111": sideA"#,
      ])
    let intro = try history.blame(try key("trainings/intro"), at: nil)
    #expect(
      Self.credits(intro, played) == [
        #"attendees "claire": sideA"#, #"attendees "hugo": create"#, #"attendees "marc": sideB"#,
        #"date "2026-11-02": create"#,
        "duration_hours 4: sideB", #"location "Marseille": sideA"#,
        #"topic "GeoNature basics": create"#,
      ])
    // The chronicle gives the same credit from one walk.
    let chronicle = try history.chronicle(at: nil)
    let snapshot = try history.snapshot(nil)
    for record in ["people/hugo", "trainings/intro"] {
      let found = try #require(try snapshot.record(try key(record)))
      #expect(
        Self.credits(chronicle.blame(found), played)
          == Self.credits(try history.blame(found.key, at: nil), played))
    }
  }

  @Test(arguments: StoreKind.allCases)
  func logThroughACleanMergeShowsTheSideCommitsAndFirstParentShowsTheMerge(_ kind: StoreKind) throws {
    let played = try Self.played(.sideMerge, on: kind)
    var filter = LogFilter()
    filter.record = try key("people/hugo")
    #expect(
      Self.steps(try played.history.log(from: nil, filter: filter), played) == [
        "sideB", "sideA", "create",
      ])
    filter.firstParent = true
    let line = try played.history.log(from: nil, filter: filter)
    #expect(Self.steps(line, played) == ["merge", "sideB", "create"])
    #expect(
      line.first?.changes.first?.fields.map(\.summary) == [
        #"phone: "+33600000001" -> "+33611111111""#
      ])
    #expect(
      Self.steps(try played.history.log(from: nil, filter: LogFilter()), played) == [
        "octopus", "t2", "t1", "after", "merge", "sideB", "sideA", "create",
      ])
  }

  @Test(arguments: StoreKind.allCases)
  func theMergePlannedOfTwoSidesIsTheCleanMergeTheirMergeCommitHolds(_ kind: StoreKind) throws {
    let played = try Self.played(.sideMerge, on: kind)
    let history = played.history
    let plan = try history.planMerge(ours: try played.id("sideB"), theirs: try played.id("sideA"))
    #expect(plan.isClean)
    #expect(played.name(plan.base) == "create")
    #expect(plan.updates.map(\.path) == ["people/hugo.json", "trainings/intro.json"])
    for update in plan.updates {
      guard case .merged(let bytes) = update.result else {
        Issue.record("\(update.path) is not merged: \(update.result)")
        continue
      }
      var planned = try #require(try JSONParser.parse(bytes).objectValue)
      let committed = try #require(played.script.record(update.path, at: "merge"))
      // A set in another order is the same set.
      if let attendees = planned["attendees"]?.arrayValue,
        let held = committed["attendees"]?.arrayValue
      {
        #expect(Set(attendees) == Set(held))
        planned["attendees"] = committed["attendees"]
      }
      #expect(planned == committed, "\(update.path)")
    }
  }

  @Test(arguments: StoreKind.allCases)
  func resolutionsAreCreditedToTheMergeOnlyWhereItDecided(_ kind: StoreKind) throws {
    let played = try Self.played(.resolutions, on: kind)
    let history = played.history
    func blame(_ record: String, at step: String? = nil) throws -> [String] {
      Self.credits(
        try history.blame(try key(record), at: try step.map(played.id)), played,
        only: ["phone", "department"])
    }
    // Ours keeps this clone's value: the side that set it keeps the credit.
    #expect(
      try blame("people/hugo") == [#"department "06": after"#, #"phone "+33644444444": marcSide"#])
    #expect(
      try blame("people/anne", at: "merge") == [
        #"department "13": marcSide"#, #"phone "+33622222222": merge (theirs)"#,
      ])
    #expect(try blame("people/lea") == [#"phone "+33677777777": merge (set)"#])
    // A whole-record resolution decides the fields in conflict, not the clean changes it took.
    #expect(
      try blame("people/anne") == [
        #"department "84": marcTwo"#, #"phone "+33699999999": mergeTwo (theirs)"#,
      ])
    #expect(try history.audit(range: nil, context: AuditContext()).findings.isEmpty)
    // Who made each side's value, as a conflict report names them.
    let base = try #require(
      try history.mergeBase(try played.id("marcSide"), try played.id("claireSide")))
    #expect(played.name(base) == "create")
    let phone = FieldPlace(path: "people/anne.json", pointer: JSONPointer(tokens: ["phone"]))
    let ours = try history.lastChanges(of: [phone], from: try played.id("marcSide"), since: base)
    let theirs = try history.lastChanges(
      of: [phone], from: try played.id("claireSide"), since: base)
    #expect(played.name(ours[phone]?.commit) == "marcSide")
    #expect(played.name(theirs[phone]?.commit) == "claireSide")
    // The merge `sync` plans of the two sides: three phones in conflict, Anne's department merged.
    let plan = try history.planMerge(
      ours: try played.id("marcSide"), theirs: try played.id("claireSide"))
    #expect(
      plan.conflicts.map { "\($0.path) \($0.pointer)" } == [
        "people/anne.json /phone", "people/hugo.json /phone", "people/lea.json /phone",
      ])
    #expect(played.name(plan.base) == "create")
  }

  @Test(arguments: StoreKind.allCases)
  func aMergeThatDropsAChangeOrInventsValuesIsAnEvilMerge(_ kind: StoreKind) throws {
    let played = try Self.played(.evilMerge, on: kind)
    let audit = try played.history.audit(range: nil, context: AuditContext())
    #expect(
      Self.findings(audit, played) == Array(repeating: "evil evil-merge", count: 3))
    #expect(
      audit.findings.compactMap(\.deviation).map { deviation in
        "\(deviation.place) \(deviation.change.rawValue): expected \(deviation.expected?.compactText ?? "absent"), "
          + "committed \(deviation.committed?.compactText ?? "absent")"
      } == [
        #"people/eve invented: expected absent, committed {"git_identities":["eve@example.org"],"ledger_roles":[{"role":"admin"}],"name":"Eve Noir"}"#,
        #"people/hugo name invented: expected "Hugo Lefèvre", committed "Hugo Lefèvre-Roux""#,
        #"people/lea phone dropped: expected "+33611111111", committed "+33600000003""#,
      ])
    let hugo = try played.history.blame(try key("people/hugo"), at: nil)
    #expect(
      Self.credits(hugo, played, only: ["name", "department"]) == [
        #"department "13": sideA"#, #"name "Hugo Lefèvre-Roux": evil (merge)"#,
      ])
  }

  @Test(arguments: StoreKind.allCases)
  func theAuditFindsEachRuleAtTheStepThatBrokeIt(_ kind: StoreKind) throws {
    let played = try Self.played(.linear, on: kind)
    let audit = try played.history.audit(range: nil, context: AuditContext())
    #expect(audit.commits == 14)
    // The audit judges commits in the order of their dates: the backdated one comes early.
    #expect(
      Self.findings(audit, played) == [
        "backdated backdated", "policyByTom outside-roles", "peopleByTom outside-roles",
        "approvalByMarc approval-by-other", "readmeByTom outside-roles",
      ] + Array(repeating: "invalidFiles invalid-result", count: 5) + ["stranger unknown-author"])
    // A folder inside a kind's folder is found in the commit's changes, on both sides.
    #expect(
      audit.findings.contains { finding in
        guard case .invalidResult(let diagnostic) = finding.problem else { return false }
        return diagnostic.file == "people/old" && diagnostic.rule == "record-file"
      })
    let payment = try key("payments/2026-11-18-k3f9q")
    #expect(
      audit.findings.first { $0.rule == "approval-by-other" }?.problem
        == .approvalByOther(payment: payment, approver: "tom"))
    #expect(
      audit.approvals.map {
        "\(played.name($0.entry.commit)) \($0.payment) \($0.approver) \($0.roles)"
      } == [
        #"approvalByMarc payments/2026-11-18-k3f9q tom ["treasurer"]"#
      ])
    let trail = audit.trail.map { "\(played.name($0.entry.commit)) \($0.person ?? "-")" }
    #expect(trail.prefix(3) == ["create -", "addSystem claire", "backdated marc"])
    #expect(trail.suffix(3) == ["stranger -", "empty claire", "unsetPhone claire"])
    var filter = LogFilter()
    filter.kind = .payments
    #expect(
      Self.steps(try played.history.log(from: nil, filter: filter), played) == [
        "approvalByMarc", "invoice",
      ])
  }

  @Test(arguments: StoreKind.allCases)
  func anAuditSinceACommitRewrittenAwayReportsTheRewrite(_ kind: StoreKind) throws {
    let played = try Self.played(.rewrite, on: kind)
    let history = played.history
    let rewritten = try history.audit(
      range: nil, context: AuditContext(lastPassed: try played.id("three"), branch: "main"))
    #expect(rewritten.commits == 4)
    #expect(rewritten.since == nil)
    #expect(
      Self.findings(rewritten, played) == ["three rewritten-history"])
    let rewrite = try #require(rewritten.findings.first?.rewrite)
    #expect(played.name(rewrite.last) == "three" && rewrite.branch == "main" && !rewrite.isMissing)
    #expect(
      rewritten.findings.first?.rewrite?.disappeared.map { played.name($0.commit) } == [
        "three", "two",
      ])
    let kept = try history.audit(
      range: nil, context: AuditContext(lastPassed: try played.id("one"), branch: "main"))
    #expect(kept.findings.isEmpty)
    #expect(played.name(kept.since) == "one")
    #expect(kept.trail.map { played.name($0.entry.commit) } == ["amended", "four"])
  }

  @Test(arguments: StoreKind.allCases)
  func aCrissCrossMergesOnTheNewerOfItsTwoBestBases(_ kind: StoreKind) throws {
    let played = try Self.played(.crissCross, on: kind)
    let history = played.history
    for (one, two) in [("a2", "b2"), ("b2", "a2"), ("mA", "mB")] {
      #expect(
        played.name(try history.mergeBase(try played.id(one), try played.id(two))) == "b1",
        "\(one), \(two)")
    }
    #expect(
      played.name(try history.mergeBase(try played.id("c"), try played.id("side"))) == "final")
    let fields: Set = ["phone", "department"]
    #expect(
      Self.credits(try history.blame(try key("people/hugo"), at: nil), played, only: fields) == [
        #"department "13": b2"#, #"phone "+33611111111": a1"#,
      ])
    #expect(
      Self.credits(try history.blame(try key("people/lea"), at: nil), played, only: fields) == [
        #"department "06": side"#, #"phone "+33633333333": a2"#,
      ])
    #expect(try history.audit(range: nil, context: AuditContext()).findings.isEmpty)
  }

  @Test(arguments: StoreKind.allCases)
  func signedCommitsAreJudgedByTheKeyThatSignedThem(_ kind: StoreKind) throws {
    let played = try Self.played(.signed, on: kind)
    let audit = try played.history.audit(range: nil, context: AuditContext())
    #expect(Self.findings(audit, played) == ["wrongKey wrong-key", "unsigned unsigned"])
    guard case .wrongKey(let fingerprint, let owner, let author)? = audit.findings.first?.problem
    else {
      Issue.record("no wrong key: \(String(describing: audit.findings.first?.problem))")
      return
    }
    #expect(fingerprint.hasPrefix("SHA256:"))
    let (claireKey, marcKey) = (try key("people/claire"), try key("people/marc"))
    #expect(owner == claireKey && author == marcKey)
    let signatures = try played.history.signatures(of: [
      try played.id("good"), try played.id("unsigned"),
    ])
    #expect(signatures[try played.id("unsigned")] == .unsigned)
    guard case .ssh(_, let verifies)? = signatures[try played.id("good")] else {
      Issue.record("good is not signed: \(String(describing: signatures[try played.id("good")]))")
      return
    }
    #expect(verifies)
  }

  /// The lines only one side gave, each marked with its side.
  static func difference(_ git: [String], _ memory: [String]) -> String {
    let (onlyGit, onlyMemory) = (
      git.filter { !memory.contains($0) }, memory.filter { !git.contains($0) }
    )
    if onlyGit.isEmpty, onlyMemory.isEmpty { return "the same lines in another order" }
    return
      (onlyGit.prefix(20).map { "git:    \($0)" } + onlyMemory.prefix(20).map { "memory: \($0)" })
      .joined(separator: "\n")
  }
}
