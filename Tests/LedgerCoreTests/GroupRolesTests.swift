import LedgerCore
import LedgerJSON
import Testing

/// The roles an account holds through groups: only while active, only groups of its system.
@Suite struct GroupRolesTests {
  static func record(_ kind: RecordKind, _ id: String, _ fields: JSONObject) throws -> Record {
    Record(key: RecordKey(kind: kind, id: try #require(RecordID(id))), fields: fields)
  }

  static func roles() throws -> GroupRoles {
    GroupRoles(groups: [
      try record(.groups, "editors", ["system": "portal", "name": "Éditeurs", "roles": ["editor", "reader"]]),
      try record(.groups, "readers", ["system": "portal", "name": "Readers", "roles": ["reader"]]),
      try record(.groups, "writers", ["system": "wiki", "name": "Writers", "roles": ["writer"]]),
    ])
  }

  static func account(status: String, groups: [String]) throws -> Record {
    try record(
      .accounts, "a1",
      ["person": "ana", "system": "portal", "status": .string(status), "groups": .array(groups.map { .string($0) })])
  }

  @Test func anActiveAccountHoldsEachRoleOfItsGroupsOnce() throws {
    let account = try Self.account(status: "active", groups: ["readers", "editors"])
    let inherited = try Self.roles().inherited(by: account)
    #expect(
      inherited.map { "\($0.role)@\($0.group)" } == ["editor@editors", "reader@editors", "reader@readers"])
    #expect(try Self.roles().inheritedRoles(of: account) == ["editor", "reader"])
  }

  @Test(arguments: ["suspended", "closed", "requested"])
  func anAccountNotActiveHoldsNothingThroughItsGroups(_ status: String) throws {
    #expect(try Self.roles().inherited(by: Self.account(status: status, groups: ["editors"])).isEmpty)
  }

  @Test func aGroupOfAnotherSystemOrMissingGivesNothing() throws {
    let account = try Self.account(status: "active", groups: ["writers", "nowhere"])
    #expect(try Self.roles().inherited(by: account).isEmpty)
  }

  @Test func groupsAreFoundByTheirNameIgnoringCaseAndAccents() throws {
    let named = try Self.roles().named(on: "portal")
    #expect(named["editeurs"]?.key.id.value == "editors")
    #expect(named["readers"]?.key.id.value == "readers")
    #expect(named["writers"] == nil)
  }
}
