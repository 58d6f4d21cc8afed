import Foundation
import LedgerJSON
import Testing

@testable import LedgerCore

/// The pieces under `report drift`'s JSON profiles: one reading for CSV and JSON, the profile
/// guessed from the shape, the Matomo and cPanel readers, and a mailing list's rule.
@Suite struct DriftInputTests {
  static func input(_ texts: [String]) throws -> DriftInput {
    try DriftInput.read(texts.enumerated().map { ("file\($0).json", Array($1.utf8)) }, encoding: .automatic)
  }

  static func files(_ input: DriftInput) -> [DriftJSONFile] {
    if case .json(let files) = input { return files }
    return []
  }

  @Test func aFileOpeningAnObjectOrAnArrayIsJSONAndAnyOtherIsCSV() throws {
    guard case .json(let files) = try Self.input(["  \n[{\"login\": \"a\"}]"]) else {
      Issue.record("JSON read as CSV")
      return
    }
    #expect(files.count == 1)
    guard case .table(let table) = try Self.input(["login;email\na;a@example.org\n"]) else {
      Issue.record("CSV read as JSON")
      return
    }
    #expect(table.header == ["login", "email"])
  }

  @Test func aJSONSyntaxErrorIsAProblemAtItsLineAndCharacter() throws {
    do {
      _ = try Self.input(["[\n  {\"login\": \"a\",,}\n]"])
      Issue.record("no error")
    } catch {
      guard let error = error as? StoreError, case .importRefused(let file, let problems) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(file == "file0.json")
      #expect(problems.map(\.line) == [2])
      #expect(problems.map(\.character) == [17])
      #expect(problems.map(\.rule) == ["json"])
    }
  }

  @Test func aSecondFileBesideACSVFileIsRefused() throws {
    #expect(throws: StoreError.self) { try Self.input(["a,b\n1,2\n", "a,b\n3,4\n"]) }
  }

  @Test func theProfileIsGuessedFromTheShape() throws {
    let matomo = try Self.input(["[{\"login\": \"a\", \"superuser_access\": false}]"])
    #expect(DriftProfile.guess(matomo) == .matomoUsers)
    let cpanel = try Self.input(["{\"module\": \"Email\", \"func\": \"list_pops\", \"result\": {}}"])
    #expect(DriftProfile.guess(cpanel) == .cpanelEmail)
    let brevo = try Self.input(["EMAIL;LIST_IDS\na@example.org;2\n"])
    #expect(DriftProfile.guess(brevo) == .brevoContacts)
    #expect(DriftProfile.guess(try Self.input(["{\"users\": []}"])) == nil)
  }

  @Test func cPanelForwardersOfAMailboxAreItsForwardsAndTheOthersAliases() throws {
    let pops = """
      {"func":"list_pops","module":"Email","result":{"status":1,"errors":null,"data":[
        {"email":"main","login":"Main Account","suspended_incoming":0,"suspended_login":0},
        {"email":"a@example.org","login":"a@example.org","suspended_incoming":0,"suspended_login":1}]}}
      """
    let forwarders = """
      {"func":"list_forwarders","module":"Email","result":{"status":1,"errors":null,"data":[
        {"dest":"a@example.org","forward":"B@example.net"},
        {"dest":"info@example.org","forward":"a@example.org"}]}}
      """
    let export = CPanelEmailExport.read(Self.files(try Self.input([pops, forwarders])))
    #expect(export.problems.isEmpty)
    #expect(export.accounts.map(\.login) == ["a@example.org"])
    #expect(export.accounts.map(\.suspended) == [true])
    #expect(export.accounts.map(\.forwards) == [["b@example.net"]])
    #expect(export.aliases == [SystemAlias(line: 3, address: "info@example.org", forwards: ["a@example.org"])])
    #expect(export.skipped.map(\.rule) == ["main-account"])
    #expect(export.ownAddresses == ["a@example.org", "info@example.org"])
  }

  @Test func matomoSuperUsersAreSuperuserAndLastSeenIsTheDay() throws {
    let users = """
      [{"login":"a","superuser_access":"1","role":"view","last_seen":"2026-11-12 08:12:01"},
       {"login":"b","superuser_access":false,"role":"noaccess","last_seen":null}]
      """
    let mapping = RoleMapping(
      system: "matomo", offered: ["view", "superuser"], given: [], defaults: MatomoUsersExport.defaults)
    let export = MatomoUsersExport.read(Self.files(try Self.input([users])), mapping: mapping)
    #expect(export.problems.isEmpty)
    #expect(export.accounts.map(\.roles) == [["superuser"], []])
    #expect(export.accounts.map(\.lastSeen) == ["2026-11-12", nil])
    #expect(export.comparesRoles)
  }

  @Test func aListRuleAdmitsByFunctionAndMembershipStatus() throws {
    let person = { (functions: [String], status: String) in
      Record(
        key: RecordKey(kind: .people, id: RecordID(generated: "p")),
        fields: [
          "emails": ["p@example.org"], "functions": .array(functions.map(JSONValue.string)),
          "member_status": .string(status),
        ])
    }
    let delegates = ListRule(id: 3, name: "Delegates", functions: ["delegate", "deputy"], statuses: ["active"])
    #expect(delegates.admits(person(["member", "deputy"], "active")))
    #expect(!delegates.admits(person(["member", "deputy"], "lapsed")))
    #expect(!delegates.admits(person(["member"], "active")))
    let everyone = ListRule(id: 1, name: "All", functions: [], statuses: [])
    #expect(everyone.admits(person([], "none")))
  }
}
