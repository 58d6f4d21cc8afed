import Foundation
import LedgerTestSupport
import Testing

/// Re-importing what the other systems export: `--update`, `--match`, `--missing`, and the
/// training sheet's idempotence.
@Suite struct ImportUpdateTests {
  /// The back office's member export, changed as a month changes it: Thu Nguyen lapsed (not
  /// renewed), Zoé Petit joined, Hugo Lefèvre left (no longer in the export).
  static func nextMonthsExport(in folder: TemporaryDirectory) throws -> String {
    let original = try Data(
      contentsOf: URL(fileURLWithPath: try ImportExportTests.formatFile("dolibarr-members-export-latin1.csv")))
    var lines =
      String(decoding: original.map { $0 }, as: UTF8.self) == ""
      ? []
      : String(data: original, encoding: .isoLatin1)?
        .components(separatedBy: "\n") ?? []
    lines = lines.filter { !$0.contains(";hlefevre;") }
    lines = lines.map {
      $0.contains(";tnguyen;") ? $0.replacingOccurrences(of: ";1;2026-12-31;3;", with: ";0;2025-12-31;3;") : $0
    }
    lines.insert(
      "9;ADH-0009;Mme;PETIT;Zoé;zpetit;phy;;;;;;;;;;;;zoe.petit@example.org;;1;2027-10-31;2;Adhérent actif;2026-11-02;30.00;",
      at: 5)
    let url = folder.path("members-december.csv")
    try #require(lines.joined(separator: "\n").data(using: .isoLatin1)).write(to: url)
    return url.path
  }

  static func commits(_ ledger: LedgerSandbox) throws -> Int {
    Int(
      try ExternalProgram.git("rev-list", "--count", "HEAD", in: ledger.directory.url).output.trimmingCharacters(
        in: .whitespacesAndNewlines)) ?? -1
  }

  @Test func theMemberExportReimportedChangesExactlyWhatChanged() throws {
    var ledger = try LedgerSandbox()
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let first = try ImportExportTests.formatFile("dolibarr-members-export-latin1.csv")
    #expect(ledger.run("import", "people", first, "--profile", "dolibarr-members").status == 0)
    let before = try Self.commits(ledger)

    // The same export again: refused whole without --update, nothing to do with it.
    let again = ledger.run("import", "people", first, "--profile", "dolibarr-members")
    #expect(again.status == 1)
    #expect(again.error.contains(":2: error[exists]: people/hlefevre already exists"))
    let same = ledger.run("import", "people", first, "--profile", "dolibarr-members", "--update")
    #expect(same.status == 0, "\(same)")
    #expect(
      same.output.hasPrefix(
        "Nothing to change: dolibarr-members-export-latin1.csv brings nothing the ledger does not hold (0 added, 0 changed, 5 unchanged); no commit."
      ))
    #expect(try Self.commits(ledger) == before)

    // Next month's export: the plan, field by field, then the import itself.
    let folder = try TemporaryDirectory()
    let next = try Self.nextMonthsExport(in: folder)
    let plan = ledger.run("import", "people", next, "--profile", "dolibarr-members", "--update", "--dry-run")
    #expect(plan.status == 0, "\(plan)")
    #expect(
      plan.output == """
        Would import 2 people from members-december.csv: 1 added, 1 changed, 3 unchanged, 1 not in the file (dry run: nothing committed)
          set people/tnguyen
              member_status: "active" -> "lapsed"
              paid_until: "2026-12-31" -> "2025-12-31"
          add people/zpetit
              + emails: ["zoe.petit@example.org"]
              + functions: ["member"]
              + member_status: "active"
              + name: "Zoé PETIT"
              + paid_until: "2027-10-31"
        In the ledger, not in members-december.csv: people/hlefevre

        """)
    #expect(try Self.commits(ledger) == before)
    let imported = ledger.run(
      "import", "people", next, "--profile", "dolibarr-members", "--update", "--missing", "member_status=resigned")
    #expect(imported.status == 0, "\(imported)")
    #expect(try Self.commits(ledger) == before + 1)
    let diff = ledger.run("diff", "HEAD~1..HEAD").output
    #expect(
      diff == """
          set people/hlefevre
              member_status: "active" -> "resigned"
          set people/tnguyen
              member_status: "active" -> "lapsed"
              paid_until: "2026-12-31" -> "2025-12-31"
          add people/zpetit
              + emails: ["zoe.petit@example.org"]
              + functions: ["member"]
              + member_status: "active"
              + name: "Zoé PETIT"
              + paid_until: "2027-10-31"

        """)
    let message = try ExternalProgram.git("log", "-1", "--format=%B", in: ledger.directory.url).output
    #expect(message.contains("Ledger-Action: add") && message.contains("Ledger-Action: set"))
    // Twice in a row: nothing changes, no commit; a resigned member is no longer "missing".
    let twice = ledger.run(
      "import", "people", next, "--profile", "dolibarr-members", "--update", "--missing", "member_status=resigned")
    #expect(twice.status == 0)
    #expect(twice.output.hasPrefix("Nothing to change"))
    #expect(!twice.output.contains("not in the file"))
    #expect(try Self.commits(ledger) == before + 1)
    #expect(ledger.run("validate").status == 0)
  }

  @Test func aRowMatchedByEmailChangesThePersonItFinds() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    #expect(ledger.run("add", "organizations", "gecko", "--set", "name=Gecko", "--set", "type=member").status == 0)
    let folder = try TemporaryDirectory()
    // No id column: the email finds the person; a row that finds nobody needs an id.
    try folder.write("people.csv", "name,emails,organization\nHugo Lefèvre-Martin,\"[\"\"HUGO@example.org\"\"]\",gecko\n")
    let file = folder.path("people.csv").path
    #expect(ledger.run("import", "people", file, "--match", "emails").status == 2)
    let result = ledger.run("import", "people", file, "--update", "--match", "emails")
    #expect(result.status == 0, "\(result)")
    // Found whatever the case of the address; the file's spelling is what it says now.
    #expect(
      result.output.contains(
        """
          set people/hugo
              emails: ["hugo@example.org"] -> ["HUGO@example.org"]
              name: "Hugo Lefèvre" -> "Hugo Lefèvre-Martin"
              organization: "cen-paca" -> "gecko"

        """))
    try folder.write("people.csv", "name,emails\nNobody Known,\"[\"\"nobody@example.org\"\"]\"\n")
    let unknown = ledger.run("import", "people", file, "--update", "--match", "emails")
    #expect(unknown.status == 1)
    #expect(unknown.error.contains(":2: error[match]: the row has no id and no record has its emails"))
  }

  @Test func theTrainingSheetImportedTwiceGivesTheSameLedgerAsOnce() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    let file = try ImportExportTests.formatFile("training-followup-spreadsheet.csv")
    try ImportExportTests.addTheSheetsMissingPeople(&ledger)
    let arguments = [
      "import", "trainings", file, "--profile", "training-followup", "--date-format", "DD/MM/YYYY", "--decimal-comma",
    ]
    #expect(ledger.cli.run(arguments).status == 0)
    let once = try ledger.snapshotOfFiles()
    let commits = try Self.commits(ledger)
    let second = ledger.cli.run(arguments)
    #expect(second.status == 0, "\(second)")
    #expect(second.output.hasPrefix("Nothing to change"))
    #expect(try ledger.snapshotOfFiles() == once)
    #expect(try Self.commits(ledger) == commits)

    // A sheet that lists one more attendee of a session merges her in, once.
    let sheet = try String(contentsOfFile: file, encoding: .utf8)
    let folder = try TemporaryDirectory()
    try folder.write("more.csv", sheet + "12/05/2025;CBN Méditerranéen;Faure;Léa;Durand Claire;Saisie dans GeoNature;3,5;\r\n")
    let more = [folder.path("more.csv").path]
    let merged = ledger.cli.run(["import", "trainings"] + more + arguments.dropFirst(3))
    #expect(merged.status == 0, "\(merged)")
    #expect(
      merged.output.contains(
        """
          set trainings/
        """.trimmingCharacters(in: .whitespaces)))
    #expect(merged.output.contains(#"attendees: ["lmartin","iroux","tblanc"] -> ["lmartin","iroux","tblanc","lfaure"]"#))
    #expect(ledger.cli.run(["import", "trainings"] + more + arguments.dropFirst(3)).output.hasPrefix("Nothing to change"))
  }
}
