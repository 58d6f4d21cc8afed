import Foundation
import LedgerCore
import LedgerJSON
import Testing

/// A record written over a small valid ledger, and the rules it must break (none: valid).
struct RuleCase: CustomTestStringConvertible, Sendable {
  let name: String
  let path: String
  let record: String
  let rules: [String]
  var testDescription: String { name }

  init(_ name: String, _ path: String, _ record: String, _ rules: [String]) {
    self.name = name
    self.path = path
    self.record = record
    self.rules = rules
  }
}

@Suite struct RuleTests {
  /// A valid ledger under the built-in schemas: an organisation, two people (one treasurer
  /// until 2026-08-14), a system offering two roles, an active and a closed account.
  static let base: [String: String] = [
    "organizations/cen.json": #"{"name": "CEN", "type": "member"}"#,
    "people/ana.json":
      #"{"name": "Ana", "emails": ["ana@example.org"], "organization": "cen", "ledger_roles": [{"role": "treasurer", "until": "2026-08-14"}]}"#,
    "people/bob.json": #"{"name": "Bob", "emails": ["bob@example.org"]}"#,
    "systems/portal.json": #"{"name": "Portal", "type": "application", "roles": ["reader", "editor"]}"#,
    "accounts/open.json": #"{"person": "ana", "system": "portal", "status": "active", "login": "ana"}"#,
    "accounts/shut.json": #"{"person": "bob", "system": "portal", "status": "closed", "closed": "2026-01-01", "login": "bob"}"#,
    "systems/wiki.json": #"{"name": "Wiki", "type": "application", "roles": ["writer"]}"#,
    "groups/editors.json": #"{"system": "portal", "name": "Editors", "roles": ["editor"]}"#,
    "groups/writers.json": #"{"system": "wiki", "name": "Writers", "roles": ["writer"]}"#,
  ]

  static let cases: [RuleCase] = [
    RuleCase("a valid person", "people/carl.json", #"{"name": "Carl", "emails": ["carl@example.org"]}"#, []),
    RuleCase(
      "a person's Ed25519 signing key", "people/carl.json",
      #"{"name": "Carl", "signing_keys": [{"key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICtOPq2Ghs5yz6onh0f5LJikDOt0k4CtrT+HIfiF1HDV carl", "from": "2026-12-01"}]}"#,
      []),
    RuleCase(
      "a signing key whose content is another type's", "people/carl.json",
      #"{"name": "Carl", "signing_keys": [{"key": "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAICtOPq2Ghs5yz6onh0f5LJikDOt0k4CtrT+HIfiF1HDV"}]}"#,
      ["signing-key"]),
    RuleCase("a reference to nothing", "people/carl.json", #"{"name": "Carl", "organization": "nowhere"}"#, ["ref-exists"]),
    RuleCase("an email another person has", "people/carl.json", #"{"name": "Carl", "emails": ["ana@example.org"]}"#, ["unique"]),
    RuleCase(
      "a system and login another account has", "accounts/dup.json",
      #"{"person": "bob", "system": "portal", "status": "active", "login": "ana"}"#, ["unique"]),
    RuleCase("a role the system offers", "rights/r.json", #"{"account": "open", "role": "reader", "status": "active"}"#, []),
    RuleCase(
      "a role the system does not offer", "rights/r.json", #"{"account": "open", "role": "root", "status": "active"}"#,
      ["right-role-offered"]),
    RuleCase(
      "a temporary right without end", "rights/r.json",
      #"{"account": "open", "role": "reader", "status": "active", "temporary": true}"#, ["temporary-right-end"]),
    RuleCase(
      "a temporary right ending before it starts", "rights/r.json",
      #"{"account": "open", "role": "reader", "status": "active", "temporary": true, "start": "2026-05-01", "end": "2026-04-01"}"#,
      ["temporary-right-end"]),
    RuleCase(
      "a temporary right with its end", "rights/r.json",
      #"{"account": "open", "role": "reader", "status": "active", "temporary": true, "start": "2026-05-01", "end": "2026-08-01"}"#,
      []),
    RuleCase(
      "an active right on a closed account", "rights/r.json", #"{"account": "shut", "role": "reader", "status": "active"}"#,
      ["active-right-on-closed-account"]),
    RuleCase(
      "a revoked right on a closed account", "rights/r.json", #"{"account": "shut", "role": "reader", "status": "revoked"}"#, []),
    RuleCase(
      "a payment approved by the treasurer in time", "payments/p.json",
      #"{"provider": "cen", "amount": "10.00", "status": "approved", "approved_by": "ana", "approved_on": "2026-08-14"}"#, []),
    RuleCase(
      "a payment approved after the role ended", "payments/p.json",
      #"{"provider": "cen", "amount": "10.00", "status": "approved", "approved_by": "ana", "approved_on": "2026-08-15"}"#,
      ["payment-approver"]),
    RuleCase(
      "a payment approved by someone without the role", "payments/p.json",
      #"{"provider": "cen", "amount": "10.00", "status": "paid", "approved_by": "bob", "approved_on": "2026-01-02", "paid_on": "2026-01-03"}"#,
      ["payment-approver"]),
    RuleCase(
      "an evolution in progress without approval", "tickets/t.json",
      #"{"type": "evolution", "title": "x", "status": "in-progress", "opened": "2026-01-01"}"#, ["evolution-approval"]),
    RuleCase(
      "an approved evolution in progress", "tickets/t.json",
      #"{"type": "evolution", "title": "x", "status": "in-progress", "opened": "2026-01-01", "approval": {"by": "committee", "date": "2026-01-05"}}"#,
      []),
    RuleCase(
      "a closed ticket without its date", "tickets/t.json",
      #"{"type": "incident", "title": "x", "status": "closed", "opened": "2026-01-01"}"#, ["ticket-closed-date"]),
    RuleCase(
      "a ticket closed before it opened", "tickets/t.json",
      #"{"type": "incident", "title": "x", "status": "closed", "opened": "2026-01-05", "closed": "2026-01-01"}"#,
      ["ticket-closed-date"]),
    RuleCase(
      "a secret field name", "people/carl.json", #"{"name": "Carl", "notes": "x", "api_key": "1"}"#,
      ["no-secret", "schema/additionalProperties"]),
    RuleCase(
      "a private key in a value", "people/carl.json",
      #"{"name": "Carl", "notes": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"}"#, ["no-secret"]),
    RuleCase(
      "a long random token in a value", "people/carl.json", #"{"name": "Carl", "notes": "xoxb-4821ab93KQmZ7pL2nV8wR5tY1sD6"}"#,
      ["no-secret"]),
    RuleCase(
      "a French password field", "accounts/a.json",
      #"{"person": "bob", "system": "portal", "status": "active", "mot_de_passe": "Ete2026"}"#,
      ["no-secret", "schema/additionalProperties"]),
    RuleCase(
      "a password field abbreviated mdp", "accounts/a.json",
      #"{"person": "bob", "system": "portal", "status": "active", "mdp": "x"}"#, ["no-secret", "schema/additionalProperties"]),
    RuleCase(
      "an AWS access key in a value", "people/carl.json", #"{"name": "Carl", "notes": "AKIAIOSFODNN7EXAMPLE"}"#, ["no-secret"]),
    RuleCase(
      "a GitHub token in a value", "people/carl.json", #"{"name": "Carl", "notes": "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#,
      ["no-secret"]),
    RuleCase(
      "a Google API key in a value", "people/carl.json", #"{"name": "Carl", "notes": "AIzaSyA-1234567890abcdefghijklmnopqrstu"}"#,
      ["no-secret"]),
    RuleCase(
      "a sentence starting like a key prefix", "people/carl.json", #"{"name": "Carl", "notes": "AKIA is how AWS keys begin"}"#, []
    ),
    RuleCase(
      "ordinary long text is no secret", "people/carl.json",
      #"{"name": "Carl", "notes": "Appointed delegate of department 05 on 2026-11-14"}"#, []),
    RuleCase(
      "an account in a group of its system", "accounts/open.json",
      #"{"person": "ana", "system": "portal", "status": "active", "login": "ana", "groups": ["editors"]}"#, []),
    RuleCase(
      "an account in a group of another system", "accounts/open.json",
      #"{"person": "ana", "system": "portal", "status": "active", "login": "ana", "groups": ["writers"]}"#,
      ["account-group-system"]),
    RuleCase(
      "an account in a group that does not exist", "accounts/open.json",
      #"{"person": "ana", "system": "portal", "status": "active", "login": "ana", "groups": ["nobody"]}"#, ["ref-exists"]),
    RuleCase(
      "a group giving a role its system does not offer", "groups/admins.json",
      #"{"system": "portal", "name": "Admins", "roles": ["editor", "root"]}"#, ["group-role-offered"]),
    RuleCase(
      "a group with the name of another group of its system", "groups/others.json",
      #"{"system": "portal", "name": "Editors", "roles": ["reader"]}"#, ["unique"]),
    RuleCase("a record holding its id", "people/carl.json", #"{"name": "Carl", "id": "carl"}"#, ["no-id-field"]),
    RuleCase("a file that is not JSON", "people/carl.json", #"{"name": "Carl",}"#, ["json"]),
    RuleCase("a file with a bad name", "people/Carl.json", #"{"name": "Carl"}"#, ["id"]),
  ]

  static func snapshot() throws -> any LedgerSnapshot {
    var files = base.mapValues { Array($0.utf8) }
    files[LedgerSettings.fileName] = Array(#"{"name": "T", "timezone": "Europe/Paris", "currency": "EUR"}"#.utf8)
    return try MemoryRecordStore(files: files).snapshot(at: nil)
  }

  @Test func theBaseLedgerIsValid() throws {
    #expect(try LedgerValidator(RuleTests.snapshot()).validateAll().isEmpty)
  }

  @Test(arguments: cases)
  func ruleDecides(_ testCase: RuleCase) throws {
    let change = ChangeSet.FileChange(path: testCase.path, content: Array(testCase.record.utf8))
    let findings = try LedgerValidator(RuleTests.snapshot(), changes: [change]).validateChanges([change])
    #expect(Set(findings.map(\.rule)) == Set(testCase.rules), "\(findings.map(\.message))")
    // The whole-ledger check finds the same.
    let all = try LedgerValidator(RuleTests.snapshot(), changes: [change]).validateAll()
    #expect(Set(all.map(\.rule)) == Set(testCase.rules))
  }

  @Test func removingWhatOthersReferToBreaksTheirReferences() throws {
    let change = ChangeSet.FileChange(path: "systems/portal.json", content: nil)
    let findings = try LedgerValidator(RuleTests.snapshot(), changes: [change]).validateChanges([change])
    #expect(findings.map(\.file) == ["accounts/open.json", "accounts/shut.json", "groups/editors.json"])
    #expect(findings.allSatisfy { $0.rule == "ref-exists" && $0.line == 1 })
  }

  @Test func closingAnAccountRechecksItsRights() throws {
    let right = ChangeSet.FileChange(
      path: "rights/r.json", content: Array(#"{"account": "open", "role": "reader", "status": "active"}"#.utf8))
    let closing = ChangeSet.FileChange(
      path: "accounts/open.json",
      content: Array(#"{"person": "ana", "system": "portal", "status": "closed", "closed": "2026-11-01", "login": "ana"}"#.utf8))
    let snapshot = try RuleTests.snapshot()
    let findings = try LedgerValidator(snapshot, changes: [right, closing]).validateChanges([closing])
    #expect(findings.map(\.rule) == ["active-right-on-closed-account"])
    #expect(findings.map(\.file) == ["rights/r.json"])
  }

  @Test func findingsArePlacedAtTheirLine() throws {
    let text = "{\n  \"name\": \"Carl\",\n  \"organization\": \"nowhere\"\n}\n"
    let change = ChangeSet.FileChange(path: "people/carl.json", content: Array(text.utf8))
    let finding = try #require(try LedgerValidator(RuleTests.snapshot(), changes: [change]).validateChanges([change]).first)
    #expect((finding.line, finding.column) == (3, 19))
    #expect(finding.instancePath.description == "/organization")
    #expect(finding.hint?.contains("adminledger list organizations") == true)
  }

  @Test func aLedgersOwnSchemaReplacesTheBuiltInOne() throws {
    let own = ChangeSet.FileChange(
      path: "schemas/people.schema.json",
      content: Array(#"{"type": "object", "required": ["name", "badge"], "properties": {"badge": {"type": "integer"}}}"#.utf8))
    let findings = try LedgerValidator(RuleTests.snapshot(), changes: [own]).validateChanges([own])
    #expect(findings.map(\.rule) == ["schema/required", "schema/required"])
    #expect(findings.map(\.file) == ["people/ana.json", "people/bob.json"])
  }
}
