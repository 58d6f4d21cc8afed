import Foundation
import LedgerCore
import LedgerJSON
import Testing

/// Planning a person's leaving and arrival, on an in-memory ledger with the built-in schemas.
///
/// Ana is delegate of department 13 with a mailbox (on a mail system that redirects a
/// leaver's mailbox), a back-office account with an active right, a closed site account, an
/// admin ledger role and duties of every shape; Bob is the department's deputy; Carl stands in
/// for one duty and shares another.
@Suite struct OffboardPlanTests {
  static let files: [String: String] = [
    "ledger.json": #"""
    {"name": "T", "timezone": "Europe/Paris", "currency": "EUR",
     "entitlements": {"delegate": [{"system": "dolibarr", "role": "delegate"}],
                      "treasurer": [{"system": "dolibarr", "role": "treasurer"}, {"system": "host", "role": "billing"}]}}
    """#,
    "systems/mail.json": #"""
    {"name": "Mail", "type": "mail", "roles": ["mailbox"],
     "on_leave": {"mailbox": "redirect", "redirect_to": "contact@org.example"}}
    """#,
    "systems/dolibarr.json": #"{"name": "Back office", "type": "application", "roles": ["delegate", "treasurer"]}"#,
    "systems/host.json": #"{"name": "Host", "type": "host", "roles": ["billing"]}"#,
    "systems/website.json": #"{"name": "Site", "type": "application", "roles": ["editor"], "responsible": "ana"}"#,
    "people/ana.json": #"""
    {"name": "Ana", "department": "13", "functions": ["member", "delegate"], "member_status": "active",
     "emails": ["ana@example.org"], "ledger_roles": [{"role": "admin"}, {"role": "treasurer", "until": "2026-01-31"}]}
    """#,
    "people/bob.json": #"""
    {"name": "Bob", "department": "13", "functions": ["member", "deputy"], "member_status": "active",
     "emails": ["bob@example.org"]}
    """#,
    "people/carl.json": #"{"name": "Carl", "emails": ["carl@example.org"]}"#,
    "accounts/ana-mail.json": #"""
    {"person": "ana", "system": "mail", "status": "active", "login": "delegue13",
     "mailbox": {"address": "delegue13@org.example", "lists": ["delegates"], "redirect_to": ["ana@example.org"]}}
    """#,
    "accounts/ana-doli.json": #"{"person": "ana", "system": "dolibarr", "status": "active", "login": "ana"}"#,
    "accounts/ana-site.json": #"{"person": "ana", "system": "website", "status": "closed", "closed": "2025-01-01"}"#,
    "rights/r-doli.json": #"{"account": "ana-doli", "role": "delegate", "status": "active"}"#,
    "rights/r-old.json": #"{"account": "ana-doli", "role": "treasurer", "status": "expired"}"#,
    "duties/alone.json": #"{"mission": "Alone", "theme": "T", "responsible": ["ana"], "deputy": "carl"}"#,
    "duties/shared.json": #"{"mission": "Shared", "theme": "T", "responsible": ["ana", "carl"]}"#,
    "duties/standin.json": #"""
    {"mission": "Stand-in", "theme": "T", "responsible": ["carl"], "deputy": "ana",
     "actors": [{"person": "ana", "role": "review"}, {"person": "bob", "role": "test"}]}
    """#,
    "duties/nobody.json": #"{"mission": "Nobody", "theme": "T", "responsible": ["ana"]}"#,
    "organizations/org.json": #"{"name": "Org", "type": "member", "contacts": ["ana"]}"#,
  ]

  static func store(changing changes: [String: String] = [:]) -> MemoryRecordStore {
    let merged = files.merging(changes) { $1 }
    return MemoryRecordStore(files: merged.mapValues { Array($0.utf8) })
  }

  static func view(changing changes: [String: String] = [:]) throws -> LedgerView {
    try LedgerView(store(changing: changes).snapshot(at: nil))
  }

  static func plan(_ request: OffboardRequest, changing changes: [String: String] = [:]) throws -> OffboardPlan {
    try Offboarding.plan(request, in: view(changing: changes), now: fixedDate)
  }

  static func record(_ plan: OffboardPlan, _ text: String) throws -> JSONObject? {
    let wanted = try key(text)
    return plan.changes.first { $0.record.key == wanted }?.record.fields
  }

  static func ana() throws -> RecordID {
    try #require(RecordID("ana"))
  }

  @Test func theBaseLedgerIsValid() throws {
    #expect(
      try LedgerValidator(OffboardPlanTests.store().snapshot(at: nil)).validateAll().filter { $0.severity == .error }.isEmpty)
  }

  @Test func aDelegateLeavingEndsEverythingTheyHold() throws {
    let plan = try Self.plan(OffboardRequest(person: Self.ana(), day: "2026-11-30"))
    #expect(plan.deputy == "bob")  // the department's one deputy
    let person = try #require(try Self.record(plan, "people/ana"))
    #expect(person["member_status"] == "resigned")
    #expect(person["functions"] == nil)
    // The admin role ends on the day; the treasurer role, already ended, is left alone.
    #expect(
      person["ledger_roles"]
        == [["role": "admin", "until": "2026-11-30"], ["role": "treasurer", "until": "2026-01-31"]])
    let mailbox = try #require(try Self.record(plan, "accounts/ana-mail"))
    #expect(mailbox["status"] == "suspended")
    #expect(mailbox["mailbox"] == ["address": "delegue13@org.example", "redirect_to": ["bob@example.org"]])
    let backOffice = try #require(try Self.record(plan, "accounts/ana-doli"))
    #expect(backOffice["status"] == "closed")
    #expect(backOffice["closed"] == "2026-11-30")
    #expect(try Self.record(plan, "rights/r-doli")?["status"] == "revoked")
    #expect(try Self.record(plan, "rights/r-old") == nil)  // expired already
    #expect(try Self.record(plan, "accounts/ana-site") == nil)  // closed already
    #expect(try Self.record(plan, "organizations/org")?["contacts"] == nil)
    #expect(try Self.record(plan, "systems/website")?["responsible"] == "bob")
    #expect(
      plan.checklist == [
        OffboardPlan.Task(
          system: "dolibarr", systemName: "Back office", url: nil, account: "ana-doli", login: "ana", address: nil,
          action: .close, roles: ["delegate"], lists: []),
        OffboardPlan.Task(
          system: "mail", systemName: "Mail", url: nil, account: "ana-mail", login: "delegue13",
          address: "delegue13@org.example", action: .redirect(to: "bob@example.org"), roles: [], lists: ["delegates"]),
      ])
  }

  @Test func dutiesGoToTheirDeputyOrTheLeaversDeputy() throws {
    let plan = try Self.plan(OffboardRequest(person: Self.ana(), day: "2026-11-30"))
    // Alone with a deputy: the deputy takes it, and the duty has no deputy any more.
    let alone = try #require(try Self.record(plan, "duties/alone"))
    #expect(alone["responsible"] == ["carl"])
    #expect(alone["deputy"] == nil)
    #expect(try Self.record(plan, "duties/shared")?["responsible"] == ["carl"])
    let standIn = try #require(try Self.record(plan, "duties/standin"))
    #expect(standIn["deputy"] == nil)
    #expect(standIn["actors"] == [["person": "bob", "role": "test"]])
    // Alone without a deputy: the leaver's deputy (the department's) takes it.
    #expect(try Self.record(plan, "duties/nobody")?["responsible"] == ["bob"])
    #expect(plan.steps.contains(.dutyHandedOver(duty: "alone", to: "carl")))
    #expect(plan.steps.contains(.dutyHandedOver(duty: "nobody", to: "bob")))
    #expect(plan.steps.contains(.dutyLeft(duty: "shared", remaining: ["carl"])))
    #expect(
      plan.flags == [
        .policyChange,  // her admin role ends
        .dutyWithoutDeputy(duty: "alone"), .dutyWithoutDeputy(duty: "standin"), .organizationWithoutContact(organization: "org"),
      ])
  }

  @Test func withoutADeputyTheMailGoesToTheFunctionalAddressAndLoneDutiesAreFlagged() throws {
    let lapsedBob = #"{"name": "Bob", "department": "13", "functions": ["deputy"], "member_status": "lapsed"}"#
    let plan = try Self.plan(OffboardRequest(person: Self.ana(), day: "2026-11-30"), changing: ["people/bob.json": lapsedBob])
    #expect(plan.deputy == nil)
    #expect(try Self.record(plan, "accounts/ana-mail")?["mailbox"]?.objectValue?["redirect_to"] == ["contact@org.example"])
    #expect(try Self.record(plan, "duties/nobody") == nil)
    #expect(plan.flags.contains(.dutyUnattended(duty: "nobody")))
    #expect(plan.flags.contains(.systemUnattended(system: "website")))
  }

  @Test func aMailboxWithNowhereToGoIsClosedAndFlagged() throws {
    let mail = #"{"name": "Mail", "type": "mail", "roles": ["mailbox"], "on_leave": {"mailbox": "redirect"}}"#
    let deputyless = #"{"name": "Bob", "functions": ["member"]}"#
    let plan = try Self.plan(
      OffboardRequest(person: Self.ana(), day: "2026-11-30"),
      changing: ["systems/mail.json": mail, "people/bob.json": deputyless])
    let mailbox = try #require(try Self.record(plan, "accounts/ana-mail"))
    #expect(mailbox["status"] == "closed")
    #expect(mailbox["mailbox"] == ["address": "delegue13@org.example"])
    #expect(plan.flags.contains(.mailboxWithoutTarget(account: "ana-mail", system: "mail")))
  }

  @Test func anExplicitDeputyAndStatusWin() throws {
    let plan = try Self.plan(
      OffboardRequest(person: Self.ana(), day: "2026-11-30", status: "lapsed", deputy: try #require(RecordID("carl"))))
    #expect(plan.deputy == "carl")
    #expect(try Self.record(plan, "people/ana")?["member_status"] == "lapsed")
    #expect(try Self.record(plan, "accounts/ana-mail")?["mailbox"]?.objectValue?["redirect_to"] == ["carl@example.org"])
    #expect(throws: StoreError.recordNotFound(try key("people/nobody"))) {
      try Self.plan(OffboardRequest(person: Self.ana(), deputy: try #require(RecordID("nobody"))))
    }
    #expect(throws: StoreError.recordNotFound(try key("people/zed"))) {
      try Self.plan(OffboardRequest(person: try #require(RecordID("zed"))))
    }
  }

  @Test func theDayDefaultsToTodayInTheLedgersTimeZone() throws {
    // 2026-11-18 23:30 UTC is already the 19th in Paris.
    let seconds = 1_795_000_000
    let late = Date(timeIntervalSince1970: TimeInterval(seconds - seconds % 86_400 + 84_600))
    let plan = try Offboarding.plan(OffboardRequest(person: Self.ana()), in: Self.view(), now: late)
    #expect(plan.day == "2026-11-19")
  }

  @Test func theStoreCommitsOnceAndADryRunCommitsNothing() throws {
    let store = Self.store()
    let request = OffboardRequest(person: try Self.ana(), day: "2026-11-30")
    let dry = try store.offboard(request, dryRun: true, by: claire, at: fixedDate)
    #expect(dry.commit == nil && !dry.plan.changes.isEmpty)
    #expect(throws: StoreError.revisionNotFound("1")) { try store.snapshot(at: "1") }
    let done = try store.offboard(request, dryRun: false, by: claire, at: fixedDate)
    #expect(done.commit == "1")
    let after = try store.snapshot(at: nil)
    #expect(try LedgerValidator(after).validateAll().filter { $0.severity == .error }.isEmpty)
    // Offboarding again finds nothing left to end.
    let again = try store.offboard(request, dryRun: false, by: claire, at: fixedDate)
    #expect(
      again.commit == nil && again.plan.changes.isEmpty && again.plan.checklist.isEmpty, "\(again.plan.changes.map(\.fields))")
  }

  // MARK: - Onboarding

  @Test func onboardingRequestsWhatTheNewFunctionsCallFor() throws {
    let carl = try #require(RecordID("carl"))
    let plan = try Onboarding.plan(OnboardRequest(person: carl, functions: ["treasurer"]), in: Self.view(), now: fixedDate)
    #expect(plan.functionsAdded == ["treasurer"])
    #expect(
      plan.entries.map(\.entitlement) == [
        Entitlement(system: "dolibarr", role: "treasurer"), Entitlement(system: "host", role: "billing"),
      ])
    let added = plan.changes.filter { $0.action == .add }
    #expect(added.map(\.record.key.kind) == [.accounts, .rights, .accounts, .rights])
    #expect(Set(added.map(\.record.key)).count == 4)
    #expect(added.allSatisfy { $0.record.fields["status"] == "requested" && $0.record.key.id.value.hasPrefix("2026-11-18-") })
    #expect(added[1].record.fields["account"] == .string(added[0].record.key.id.value))
  }

  @Test func onboardingReusesAnOpenAccountAndSkipsWhatIsThere() throws {
    let ana = try Self.ana()
    // Ana's delegate right is active: nothing to request. Treasurer: on her back-office account.
    let plan = try Onboarding.plan(
      OnboardRequest(person: ana, functions: ["delegate", "treasurer"]), in: Self.view(), now: fixedDate)
    #expect(plan.functionsAdded == ["treasurer"])
    #expect(plan.entries.first { $0.entitlement.role == "delegate" }?.state == .present(right: "r-doli", status: "active"))
    guard
      case .requested(_, let account, let newAccount)? = plan.entries.first(where: { $0.entitlement.role == "treasurer" })?.state
    else {
      Issue.record("the treasurer right is not requested")
      return
    }
    #expect(account == "ana-doli" && !newAccount)
    let store = Self.store()
    #expect(
      try store.onboard(OnboardRequest(person: ana, functions: ["delegate"]), dryRun: false, by: claire, at: fixedDate).commit
        == nil)
  }
}
