import Foundation
import LedgerTestSupport
import Testing

/// `list` conditions, sorting, fields and `--at`, on the platform sample.
@Suite struct QueryCommandTests {
  static func platform() throws -> LedgerSandbox { try ValidationCommandTests.sample("platform") }

  @Test(arguments: [
    (["--where", "status=revoked"], ["2024-06-10-8j7v7", "2024-06-10-j1iao", "2024-06-10-x6ycy"]),
    (["--where", "temporary=true", "--where", "end<2026-12-01"], ["2026-08-01-ep9rw"]),
    (["--where", "temporary=true", "--where", "end>=2026-12-01"], ["2026-09-01-8osa6"]),
    (["--where", "end<=2026-11-10"], ["2026-08-01-ep9rw"]),
    (["--where", "validated_on>2026-08-29"], ["2026-09-01-8osa6"]),
    (["--where", "status!=active", "--where", "status!=revoked"], ["2026-11-20-2135s"]),
    (["--where", "account.person.organization=pnr-queyras"], ["2026-02-10-514io", "2026-02-10-mp9qe", "2026-02-20-khu9o"]),
    (["--where", "scope~bouches"], ["2026-08-01-ep9rw"]),
    (["--where", "role in sensitive-reader,root"], ["2024-01-20-v2qpa", "2026-08-01-ep9rw", "2026-09-01-8osa6"]),
    (["--where", "end"], ["2026-08-01-ep9rw", "2026-09-01-8osa6"]),
    (["--where", "!granted_by"], ["2026-11-20-2135s"]),
    (
      ["--where", "validated_by.organization=lpo-paca", "--where", "validated_on>2026-01-01"],
      ["2026-04-02-tewdl", "2026-08-01-ep9rw"]
    ),
  ])
  func conditionsSelectRights(_ arguments: [String], _ expected: [String]) throws {
    let ledger = try QueryCommandTests.platform()
    let result = ledger.cli.run(["list", "rights"] + arguments + ["--fields", "id"])
    #expect(result.status == 0, "\(result)")
    #expect(result.output.split(separator: "\n").dropFirst().map(String.init) == expected)
  }

  @Test func numbersAndAmountsCompareByValue() throws {
    let ledger = try QueryCommandTests.platform()
    // "480.00" < "1860.00" as amounts, although not as text.
    let result = ledger.run("list", "payments", "--where", "amount<1000", "--sort", "-amount", "--fields", "provider,amount")
    #expect(result.output == "provider  amount\ngithub    480.00\nscaleway  212.40\n")
    let trainings = ledger.run(
      "list", "trainings", "--where", "duration_hours>=3.5", "--fields", "topic,duration_hours", "--sort", "duration_hours")
    #expect(
      trainings.output.split(separator: "\n").dropFirst() == ["Data entry in GeoNature  3.5", "Validating observations  6"])
  }

  @Test func sortLimitAndFieldsShapeTheOutput() throws {
    let ledger = try QueryCommandTests.platform()
    let result = ledger.run(
      "list", "tickets", "--where", "type=data-request", "--sort", "-opened", "--limit", "2", "--fields",
      "opened,request_type,status", "--format", "csv")
    #expect(result.output == "opened,request_type,status\n2026-10-14,extraction,in-progress\n2026-07-20,metadata,closed\n")
    let json = ledger.run("list", "people", "--where", "name~ANAÏS", "--fields", "id,organization.name", "--format", "json")
    #expect(
      json.output == "[\n  {\n    \"id\": \"afaure\",\n    \"organization.name\": \"LPO Provence-Alpes-Côte d'Azur\"\n  }\n]\n")
  }

  @Test func unknownFieldsAreErrorsNamingTheFields() throws {
    let ledger = try QueryCommandTests.platform()
    let result = ledger.run("list", "rights", "--where", "stauts=active")
    #expect(result.status == 2)
    #expect(
      result.error.hasPrefix(
        "adminledger: error: rights records have no field \"stauts\" (in \"stauts=active\")\nhint: did you mean 'status'? fields: account, end,"
      ))
    let deep = ledger.run("list", "rights", "--where", "account.person.organisation=x")
    #expect(deep.error.contains("people records have no field \"organisation\""))
    #expect(ledger.run("list", "rights", "--where", "status active").error.contains("expected an operator"))
  }

  @Test func atReadsTheEndOfADay() throws {
    var ledger = try LedgerSandbox()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-03-02T10:00:00Z"))
    ledger.run("add", "people", "ana", "--set", "name=Ana")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-03-02T22:30:00Z"))  // the 2nd, 23:30 in Paris
    ledger.run("set", "people/ana", "--set", "name=Ana B")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-03-05T09:00:00Z"))
    ledger.run("set", "people/ana", "--set", "name=Ana C")
    #expect(ledger.run("show", "people/ana", "--at", "2026-03-02").output == "people/ana\n  name: Ana B\n")
    #expect(ledger.run("show", "people/ana", "--at", "2026-03-04").output == "people/ana\n  name: Ana B\n")
    #expect(ledger.run("show", "people/ana", "--at", "2026-03-05").output == "people/ana\n  name: Ana C\n")
    let early = ledger.run("list", "people", "--at", "2020-01-01")
    #expect(early.status == 2)
    #expect(early.error.contains("no commit on or before 2020-01-01"))
  }

  @Test func showRefsListsBothDirections() throws {
    let ledger = try QueryCommandTests.platform()
    let result = ledger.run("show", "accounts/2026-09-01-ir048", "--refs", "--format", "json")
    #expect(result.output.contains(#""record": "people/rmercier""#))
    #expect(result.output.contains(#""record": "systems/geonature""#))
    #expect(
      result.output.contains(
        #""referred_by": [\#n    {\#n      "field": "/account",\#n      "record": "rights/2026-09-01-8osa6""#))
    let text = ledger.run("show", "systems/cloud-vm", "--refs").output
    #expect(text.contains("refers to:\n  provider       organizations/scaleway  Scaleway\n"))
    #expect(text.contains("  systems/geonature  (hosted_on)  GeoNature data portal\n"))
  }

  @Test func theStateOfThePastIsReadFromGitNotTheWorkTree() throws {
    let ledger = try QueryCommandTests.platform()
    try ledger.directory.write("people/tblanc.json", #"{"name": "Edited by hand"}"#)
    #expect(ledger.run("show", "people/tblanc", "--fields", "name").status == 2)
    #expect(ledger.run("list", "people", "--where", "id=tblanc", "--fields", "name").output == "name\nThéo Blanc\n")
  }
}
