import Foundation
import LedgerTestSupport
import Testing

/// Groups: the roles an account holds through a group of its system count in `report access`,
/// `report entitlements`, `report drift` and `offboard`. In the samples, the association's
/// delegates are in Dolibarr's group `delegues` and its treasurer in `tresorerie`; the
/// platform's Marc Petit is in UsersHub's `Grp_admin` (groups `grp-admin` on GeoNature and
/// `grp-admin-usershub` on UsersHub). The in-process CLI's clock says 2026-11-18.
@Suite struct GroupsTests {
  /// `report person` names the roles a person holds through groups, in the table and in JSON,
  /// as `report access` does.
  @Test func thePersonReportNamesRolesThroughGroups() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let table = ledger.run("report", "person", "mpetit", "--format", "csv")
    #expect(table.status == 0, "\(table)")
    let rows = table.output.split(separator: "\n").map(String.init)
    #expect(rows.contains { $0.hasPrefix("through group grp-admin,geonature,") && $0.contains(",active,") }, "\(table.output)")
    let json = ledger.run("report", "person", "mpetit", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let grants = try #require(object["roles_through_groups"] as? [[String: Any]])
    #expect(grants.contains { $0["group"] as? String == "grp-admin" && $0["system"] as? String == "geonature" })
    // A person in no group has no such key: their export reads as before.
    let other = ledger.run("report", "person", "tblanc", "--format", "json")
    #expect(!other.output.contains("roles_through_groups"))
  }

  @Test func theAccessReportHasARowPerRoleThroughAGroup() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let access = ledger.run("report", "access", "geonature", "--format", "csv")
    #expect(access.status == 0)
    #expect(access.output.contains("mpetit,Marc Petit,mpetit,active,admin,active,,,,through group grp-admin\n"), "\(access)")
  }

  @Test func aRoleThroughAGroupIsHeldForEntitlementsAndIsNoDrift() throws {
    let ledger = try ValidationCommandTests.sample("association")
    // Céline Michel's own delegate right ends: the group still gives it.
    #expect(ledger.run("set", "rights/2024-09-05-7e4jr", "--set", "status=revoked").status == 0)
    let entitlements = ledger.run("report", "entitlements", "--format", "csv")
    #expect(!entitlements.output.contains("cmichel"), "\(entitlements)")
    let file = try ImportExportTests.formatFile("dolibarr-users-export.csv")
    let drift = ledger.run("report", "drift", "dolibarr", file, "--format", "csv")
    #expect(!drift.output.contains("cmichel"), "\(drift)")
    let access = ledger.run("report", "access", "dolibarr", "--format", "csv").output
    #expect(access.contains("cmichel,Céline Michel,cmichel,active,delegate,active,,,,through group delegues\n"))
    // Out of the group, the right is missing, and the system shows one the ledger lacks.
    #expect(ledger.run("set", "accounts/2024-09-05-63ffj", "--unset", "groups").status == 0)
    let missing = ledger.run("report", "entitlements", "--format", "csv").output
    #expect(missing.contains("cmichel,delegate,dolibarr,delegate,2024-09-05-63ffj\n"), "\(missing)")
    let after = ledger.run("report", "drift", "dolibarr", file, "--format", "csv").output
    #expect(after.contains("group-differs,cmichel,cmichel,2024-09-05-63ffj,,delegate,"), "\(after)")
  }

  @Test func aRoleThroughAGroupNoFunctionCallsForIsNotJustified() throws {
    let ledger = try ValidationCommandTests.sample("association")
    #expect(ledger.run("set", "accounts/2024-09-05-63ffj", "--set", #"groups=["delegues","tresorerie"]"#).status == 0)
    let report = ledger.run("report", "entitlements", "--format", "csv").output
    #expect(
      report.contains(
        "cmichel,\"member, delegate\",dolibarr,treasurer,through group tresorerie,,,\"Subscriptions, donations and bank entries.\",treasurer\n"
      ), "\(report)")
  }

  @Test func offboardingTakesTheAccountOutOfItsGroupsAndSaysSo() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("offboard", "cmichel")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.contains(
        "accounts/2024-09-05-63ffj on dolibarr taken out of the groups delegues: no role through them remains"),
      "\(result)")
    #expect(result.output.contains("remove its role delegate; take it out of the groups delegues"))
    let account = ledger.run("show", "accounts/2024-09-05-63ffj", "--format", "json").output
    #expect(!account.contains("groups"))
    let access = ledger.run("report", "access", "dolibarr", "--format", "csv").output
    #expect(!access.contains("cmichel"))
    #expect(ledger.run("validate").status == 0)
  }

  @Test func aMembershipInAGroupOfAnotherSystemIsRefused() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let result = ledger.run("set", "accounts/2023-02-01-cscel", "--set", #"groups=["delegues"]"#)
    #expect(result.status != 0)
    #expect(
      result.error.contains(
        "error[account-group-system]: groups/delegues is a group of systems/dolibarr, not of the account's system (systems/website)"
      ), "\(result)")
  }

  // MARK: - UsersHub's groups

  /// The UsersHub example with `edit` applied to its text.
  static func usersHubExport(_ edit: (String) -> String, in folder: TemporaryDirectory) throws -> String {
    let original = try String(
      contentsOfFile: try ImportExportTests.formatFile("usershub-roles-export.csv"), encoding: .utf8)
    try folder.write("usershub-groups.csv", edit(original))
    return folder.path("usershub-groups.csv").path
  }

  @Test func aUsersHubMembershipTheLedgerLacksIsAGroupDifferenceThatUpdateRecords() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    // Sophie Roux is in Grp_admin; GeoNature shows her Administrateur as before.
    let file = try Self.usersHubExport(
      {
        $0.replacingOccurrences(
          of: "3,GN,GeoNature,6,6,Administrateur,\nf,t,31", with: "3,GN,GeoNature,6,6,Administrateur,Grp_admin\nf,t,31")
      },
      in: folder)
    let report = ledger.run("report", "drift", "geonature", file, "--format", "csv")
    #expect(
      report.output.contains(
        "group-differs,sroux,sroux,2024-02-01-oqggu,admin,admin,groups in the ledger: no group; on the system: Grp_admin\n"),
      "\(report)")
    #expect(ledger.run("report", "drift", "geonature", file, "--update").status == 0)
    let account = ledger.run("show", "accounts/2024-02-01-oqggu", "--format", "json").output
    #expect(account.contains(#""grp-admin""#), "\(account)")
    #expect(ledger.run("report", "drift", "geonature", file).status == 0)
  }

  @Test func aUsersHubGroupTheLedgerLacksIsAddedWithTheRoleOfItsProfile() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    // Zoé Lambert is Validateur through a new group, not on her own.
    let file = try Self.usersHubExport(
      {
        $0.replacingOccurrences(
          of: "3,GN,GeoNature,5,5,Validateur,\nf,t,10", with: "3,GN,GeoNature,5,5,Validateur,Grp_validateurs\nf,t,10")
          + "t,t,50,,Grp_validateurs,,,,,Validateurs des données,,,3,GN,GeoNature,5,5,Validateur,\n"
      }, in: folder)
    let report = ledger.run("report", "drift", "geonature", file, "--format", "csv")
    #expect(report.output.contains("group-differs,zlambert,zlambert,2025-09-01-2c1ds,contributor,validator,"), "\(report)")
    let update = ledger.run("report", "drift", "geonature", file, "--update")
    #expect(update.status == 0, "\(update)")
    let group = ledger.run("show", "groups/grp-validateurs", "--format", "json").output
    #expect(group.contains(#""system": "geonature""#) && group.contains(#""validator""#), "\(group)")
    let rights = ledger.run(
      "list", "rights", "--where", "account=2025-09-01-2c1ds", "--where", "status=active", "--format", "csv")
    #expect(!rights.output.contains("validator"), "\(rights)")  // the group gives it
    #expect(ledger.run("report", "drift", "geonature", file).status == 0)
    #expect(ledger.run("validate").status == 0)
  }
}
