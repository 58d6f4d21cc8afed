import Foundation
import LedgerTestSupport
import Testing

@Suite struct ImportExportTests {
  /// The real-shaped files, kept in the project's `ledger/imports`.
  static let formats = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ledger/imports")

  static func formatFile(_ name: String) throws -> String {
    let url = formats.appendingPathComponent(name)
    try #require(FileManager.default.fileExists(atPath: url.path), "ledger/imports/\(name) is missing")
    return url.path
  }

  @Test func theBackOfficeMemberExportImportsAndFeedsTheMailingList() throws {
    var ledger = try LedgerSandbox()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let file = try ImportExportTests.formatFile("dolibarr-members-export-latin1.csv")
    let result = ledger.run("import", "people", file, "--profile", "dolibarr-members")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Imported 5 people from "))
    #expect(
      result.error.contains(
        #":7: note[import]: "Amis des OPEX" is an organisation member (Nature mor), not a person; it is left out (column "Nature")"#
      ))
    let people = ledger.run(
      "list", "people", "--fields", "id,name,member_status,phone,department,paid_until,functions", "--format", "csv")
    #expect(
      people.output == """
        id,name,member_status,phone,department,paid_until,functions
        asdubois,Anne-Sophie DUBOIS,lapsed,+33698765432,69,2024-12-31,"[""member""]"
        emoreau,Élie MOREAU,lapsed,+33700112233,26,2025-12-31,"[""member""]"
        hlefevre,Hugo LEFEVRE,active,+33612345678,05,2026-12-31,"[""member""]"
        jgarcia,José GARCIA,active,,83,2026-12-31,"[""member"",""treasurer""]"
        tnguyen,Thu NGUYEN,active,,13,2026-12-31,"[""member"",""delegate""]"

        """)
    // The contact export is exactly what the mailing service's example shows.
    let expected = try String(
      contentsOfFile: try ImportExportTests.formatFile("brevo-contacts-import-example.csv"), encoding: .utf8)
    #expect(ledger.run("export", "contacts").output == expected)
    // One commit for the whole import.
    #expect(try ExternalProgram.git("rev-list", "--count", "HEAD", in: ledger.directory.url).output == "2\n")
  }

  /// The people and the organisation the training sheet names and the platform sample lacks.
  static func addTheSheetsMissingPeople(_ ledger: inout LedgerSandbox) throws {
    for step in [
      ["add", "people", "nchevalier", "--set", "name=Nina Chevalier", "--set", "organization=lpo-paca"],
      ["add", "people", "plambert", "--set", "name=Paul Lambert", "--set", "organization=lpo-paca"],
      ["add", "organizations", "cdl", "--set", "name=Conservatoire du littoral", "--set", "type=partner"],
      ["add", "people", "mgirard-cdl", "--set", "name=Manon Girard", "--set", "organization=cdl"],
    ] {
      try #require(ledger.cli.run(step).status == 0)
    }
    ledger.cli.standardInput = []
  }

  @Test func theTrainingSheetImportsSessionsWithTheirAttendees() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("training-followup-spreadsheet.csv")
    // Three rows name people the ledger does not have (or not at that organisation).
    let head = try ledger.head()
    let refused = ledger.run(
      "import", "trainings", file, "--profile", "training-followup", "--date-format", "DD/MM/YYYY", "--decimal-comma")
    #expect(refused.status == 1)
    #expect(refused.error.contains(":6: error[match]: no person named Nina Chevalier at LPO PACA (column \"Nom\")"))
    #expect(refused.error.contains(":8: error[match]: no organisation matches \"Conservatoire du littoral\" (column \"Nom\")"))
    #expect(refused.error.hasSuffix("adminledger: 3 problems in \(file); nothing was imported\n"))
    #expect(try ledger.head() == head)
    try Self.addTheSheetsMissingPeople(&ledger)
    let dry = ledger.run(
      "import", "trainings", file, "--profile", "training-followup", "--date-format", "DD/MM/YYYY", "--decimal-comma", "--dry-run"
    )
    #expect(dry.status == 0)
    #expect(dry.output.hasPrefix("Would import 3 trainings"))
    let imported = ledger.run(
      "import", "trainings", file, "--profile", "training-followup", "--date-format", "DD/MM/YYYY", "--decimal-comma")
    #expect(imported.status == 0, "\(imported)")
    let sessions = ledger.run(
      "list", "trainings", "--where", "date<2026-02-01", "--where", "date>=2025-05-01", "--sort", "date", "--fields",
      "date,topic,trainers,attendees,duration_hours,organization", "--format", "csv")
    #expect(
      sessions.output == """
        date,topic,trainers,attendees,duration_hours,organization
        2025-05-12,Saisie dans GeoNature,"[""cdurand""]","[""lmartin"",""iroux"",""tblanc""]",3.5,
        2025-10-03,Validation des données,"[""mpetit""]","[""lfaure"",""nchevalier"",""plambert""]",6,
        2025-11-20,Managing users in UsersHub,"[""mpetit""]","[""sroux""]",2,cen-paca
        2026-01-21,Export et extractions,"[""cdurand""]","[""mgirard-cdl""]",2,cdl

        """)
  }

  @Test func anImportIsRefusedWholeOnOneBadRow() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write(
      "orgs.csv", "id,name,type,website\ncen,CEN PACA,member,https://cen.example.org\nlpo,LPO,partnr,\nbad id,X,member,\n")
    let head = try ledger.head()
    let result = ledger.run("import", "organizations", "orgs.csv")
    #expect(result.status == 1)
    #expect(
      result.error.hasSuffix(
        """
        orgs.csv:4: error[id]: "bad id" is not a valid id: an id holds only lowercase letters, digits, '.', '_' and '-', not ' ' (column "id")
        adminledger: 1 problem in orgs.csv; nothing was imported

        """))
    try ledger.directory.write(
      "orgs.csv", "id,name,type,website,contacts\ncen,CEN PACA,member,https://cen.example.org,not-a-list\n")
    let typed = ledger.run("import", "organizations", "orgs.csv")
    #expect(typed.status == 1)
    #expect(
      typed.error.contains(
        #"orgs.csv:2: error[type]: "not-a-list" does not fit "contacts", which takes array (column "contacts")"#), "\(typed)")
    try ledger.directory.write("orgs.csv", "id,name,type,website\ncen,CEN PACA,member,https://cen.example.org\nlpo,LPO,partnr,\n")
    let invalid = ledger.run("import", "organizations", "orgs.csv")
    #expect(invalid.status == 1)
    #expect(invalid.error.contains(#"orgs.csv:3: error[schema/enum]: "type" must be one of"#))
    #expect(invalid.error.contains(#"(column "type")"#))
    #expect(try ledger.head() == head)
    #expect(ledger.run("list", "organizations").output == "No organizations match.\n")
  }

  @Test func exportThenImportGivesTheSameRecords() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let before = ledger.run("export", "tickets", "--format", "ndjson").output
    try ledger.directory.write("tickets.csv", ledger.run("export", "tickets").output)
    for line in before.split(separator: "\n") {
      let id = try #require(line.split(separator: "\"").drop { $0 != "id" }.dropFirst(2).first)
      try #require(ledger.run("rm", "tickets/\(id)").status == 0)
    }
    #expect(ledger.run("list", "tickets").output == "No tickets match.\n")
    let imported = ledger.run("import", "tickets", "tickets.csv")
    #expect(imported.status == 0, "\(imported)")
    #expect(ledger.run("export", "tickets", "--format", "ndjson").output == before)
  }

  @Test func semicolonsBomCRLFAndDecimalCommaAreRead() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "organizations", "cen", "--set", "name=CEN", "--set", "type=member")
    let text = "\u{FEFF}provider;amount;status;due;invoice_ref\r\ncen;12,50;received;31/12/2026;\"F-1; bis\"\r\n"
    try ledger.directory.write("payments.csv", text)
    let result = ledger.run("import", "payments", "payments.csv", "--date-format", "DD/MM/YYYY", "--decimal-comma")
    #expect(result.status == 0, "\(result)")
    #expect(
      ledger.run("list", "payments", "--fields", "provider,amount,due,invoice_ref", "--format", "csv").output
        == "provider,amount,due,invoice_ref\ncen,12.50,2026-12-31,F-1; bis\n")
  }
}
