import Foundation
import LedgerTestSupport
import Testing

/// Access reviews as partner organisations do them: `report review ORGANIZATION` writes the
/// sheet, the partner fills in keep or revoke, `import rights --profile access-review` records
/// the decisions, and `report expiring` follows the validations that run out
/// (`review_interval`). On the platform sample, whose partner LPO PACA (afaure) validated
/// most contributors' rights; the in-process clock says 2026-11-18.
@Suite struct ReviewTests {
  static let header =
    "right,person,name,login,system,role,status,temporary,end,validated_by,validated_on,last_seen,decision,reason,reviewer"

  /// The sheet for lpo-paca: the rights its people hold (afaure, hgarnier, zlambert) and those
  /// afaure validated, active ones only (the three Gecko Nature rights are revoked), by name.
  static let lpoRows = [
    "2024-05-01-sm4v1,afaure,Anaïs Faure,afaure,geonature,validator,active,false,,,,,,,lpo-paca",
    "2026-04-02-tewdl,avincent,Arthur Vincent,avincent,geonature,contributor,active,false,,afaure,2026-04-02,,,,lpo-paca",
    "2026-08-01-ep9rw,cmorel,Camille Morel,cmorel,geonature,sensitive-reader,active,true,2026-11-10,afaure,2026-07-29,,,,lpo-paca",
    "2025-10-03-50tok,crousseau,Chloé Rousseau,crousseau,geonature,contributor,active,false,,afaure,2025-10-03,,,,lpo-paca",
    "2025-09-01-py7ff,hgarnier,Hugo Garnier,hgarnier,geonature,contributor,active,false,,jmartin,2025-09-01,,,,lpo-paca",
    "2025-05-12-zjwrh,iroux,Inès Roux,iroux,geonature,contributor,active,false,,afaure,2025-05-12,,,,lpo-paca",
    "2025-10-03-354lb,lfaure,Léa Faure,lfaure,geonature,contributor,active,false,,afaure,2025-10-03,,,,lpo-paca",
    "2025-05-12-py6m4,lmartin,Lucas Martin,lmartin,geonature,contributor,active,false,,afaure,2025-05-12,,,,lpo-paca",
    "2025-09-01-mvcgr,zlambert,Zoé Lambert,zlambert,geonature,contributor,active,false,,jmartin,2025-09-01,,,,lpo-paca",
  ]

  @Test func reviewListsTheActiveRightsAPartnersPeopleHoldOrValidated() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let csv = ledger.run("report", "review", "lpo-paca")
    #expect(csv.status == 0, "\(csv)")
    #expect(csv.output == ([Self.header] + Self.lpoRows).joined(separator: "\n") + "\n")
    let text = ledger.run("report", "review", "lpo-paca", "--format", "text")
    #expect(
      text.output.hasPrefix(
        "Access review for LPO Provence-Alpes-Côte d'Azur (organizations/lpo-paca)\n\n## Active rights held or validated by people of lpo-paca\n"
      ))
    let json = ledger.run("report", "review", "lpo-paca", "--format", "json")
    #expect(json.output.contains(#""right": "2025-05-12-py6m4""#))
    // A member organisation whose people only hold rights (validated by cbn-med's jmartin).
    let queyras = ledger.run("report", "review", "pnr-queyras").output.split(separator: "\n").map(String.init)
    #expect(
      queyras.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",") } == [
        "right,person", "2026-02-20-khu9o,gfontaine", "2026-02-10-mp9qe,mgirard", "2026-02-10-514io,tblanc",
      ])
    let unknown = ledger.run("report", "review", "nowhere")
    #expect(unknown.status == 2)
    #expect(unknown.error.contains("no record organizations/nowhere"))
  }

  @Test func accessReviewRoundTripRenewsKeptRightsAndRevokesTheOthers() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    try Self.setReviewInterval("1y", in: ledger)
    // Before the review, validations older than a year are due: py6m4's ran out on 2026-05-12.
    let before = ledger.run("report", "expiring", "--format", "csv").output
    #expect(
      before.contains(
        "2026-05-12,-190,overdue,rights/2025-05-12-py6m4,access review,validated_on,contributor on geonature for Lucas Martin\n"))
    #expect(
      before.contains(
        "2026-09-01,-78,overdue,rights/2025-09-01-mvcgr,access review,validated_on,contributor on geonature for Zoé Lambert\n"))

    let sheet = ledger.run("report", "review", "lpo-paca")
    try #require(sheet.status == 0, "\(sheet)")
    // The partner's answers, filled in by a script: keep (in French, naming who reviewed),
    // revoke with a reason, revoke without one, and no decision for the rest.
    let filled = try Self.fill(
      sheet.output,
      [
        "2025-05-12-py6m4": ["decision": "Garder", "reviewer": "afaure"],
        "2025-05-12-zjwrh": ["decision": "revoke", "reason": "left the survey team, October 2026"],
        "2025-10-03-50tok": ["decision": "RETIRER"],
      ])
    try ledger.directory.write("review.csv", filled)
    let head = try ledger.head()
    let imported = ledger.run("import", "rights", "review.csv", "--profile", "access-review")
    #expect(imported.status == 0, "\(imported)")
    #expect(imported.output.hasPrefix("Imported 3 rights from review.csv: 0 added, 3 changed, 0 unchanged (commit "))
    #expect(
      imported.error.contains(
        #"review.csv:2: note[import]: no decision for rights/2024-05-01-sm4v1: it is left as it is (column "decision")"#))

    // One commit, holding the three rights.
    #expect(try ExternalProgram.git("rev-parse", "HEAD~1", in: ledger.directory.url).output == head)
    let touched = try ExternalProgram.git("show", "--name-only", "--format=", "HEAD", in: ledger.directory.url).output
    #expect(touched == "rights/2025-05-12-py6m4.json\nrights/2025-05-12-zjwrh.json\nrights/2025-10-03-50tok.json\n")
    #expect(ledger.directory.read("rights/2025-05-12-py6m4.json")?.contains(#""validated_on": "2026-11-18""#) == true)
    #expect(ledger.directory.read("rights/2025-05-12-py6m4.json")?.contains(#""validated_by": "afaure""#) == true)
    #expect(
      ledger.directory.read("rights/2025-05-12-zjwrh.json") == """
        {
          "account": "2025-05-12-gpzmz",
          "granted_by": "sroux",
          "reason": "left the survey team, October 2026",
          "requested_by": "iroux",
          "role": "contributor",
          "status": "revoked",
          "temporary": false,
          "validated_by": "afaure",
          "validated_on": "2025-05-12"
        }

        """)
    #expect(
      ledger.directory.read("rights/2025-10-03-50tok.json")?.contains(
        #""reason": "revoked at lpo-paca's access review of 2026-11-18""#) == true)
    #expect(ledger.directory.read("rights/2025-09-01-mvcgr.json")?.contains(#""validated_on": "2025-09-01""#) == true)

    // The same file again changes nothing, and makes no commit.
    let after = try ledger.head()
    let again = ledger.run("import", "rights", "review.csv", "--profile", "access-review")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.output.hasPrefix(
        "Nothing to change: review.csv brings nothing the ledger does not hold (0 added, 0 changed, 3 unchanged); no commit."))
    #expect(try ledger.head() == after)

    // The kept right is no longer due; the undecided one still is; revoked ones never are.
    let expiring = ledger.run("report", "expiring", "--format", "csv").output
    #expect(!expiring.contains("rights/2025-05-12-py6m4"))
    #expect(
      expiring.contains(
        "2026-09-01,-78,overdue,rights/2025-09-01-mvcgr,access review,validated_on,contributor on geonature for Zoé Lambert\n"))
    #expect(!expiring.contains("rights/2025-05-12-zjwrh"))
    #expect(!expiring.contains("rights/2025-10-03-50tok"))
    // The next review no longer lists the revoked rights.
    let next = ledger.run("report", "review", "lpo-paca").output
    #expect(!next.contains("2025-05-12-zjwrh") && !next.contains("2025-10-03-50tok"))
    #expect(
      next.contains(
        "2025-05-12-py6m4,lmartin,Lucas Martin,lmartin,geonature,contributor,active,false,,afaure,2026-11-18,,,,lpo-paca\n"))
  }

  /// A bad row in a filled review, and the problem it brings.
  struct BadRow: CustomTestStringConvertible, Sendable {
    let name: String
    let right: String
    let cells: [String: String]
    let problem: String
    var testDescription: String { name }
  }

  static let badRows = [
    BadRow(
      name: "an unknown decision", right: "2025-05-12-py6m4", cells: ["decision": "peut-être"],
      problem: #"review.csv:9: error[decision]: "peut-être" is not a decision (column "decision")"#),
    BadRow(
      name: "keeping a revoked right", right: "2024-06-10-8j7v7", cells: ["decision": "keep"],
      problem:
        #"review.csv:11: error[decision]: rights/2024-06-10-8j7v7 is revoked, not active: a review keeps only active rights (column "decision")"#
    ),
    BadRow(
      name: "a right not in the ledger", right: "2025-01-01-nope1", cells: ["decision": "revoke"],
      problem: #"review.csv:11: error[match]: no right "2025-01-01-nope1" in the ledger (column "right")"#),
    BadRow(
      name: "a right the partner has no say on", right: "2026-02-10-514io", cells: ["decision": "revoke"],
      problem:
        #"review.csv:11: error[scope]: rights/2026-02-10-514io is neither held nor validated by people of lpo-paca, so lpo-paca's review cannot decide on it (column "right")"#
    ),
    BadRow(
      name: "an unknown reviewer", right: "2025-05-12-py6m4", cells: ["decision": "keep", "reviewer": "someone"],
      problem: #"review.csv:9: error[match]: "someone" is neither an organisation nor a person of the ledger (column "reviewer")"#
    ),
  ]

  @Test(arguments: badRows)
  func badRowsRefuseTheWholeReviewWithLineAndColumn(_ bad: BadRow) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    var sheet = ledger.run("report", "review", "lpo-paca").output
    // A row the partner added by hand, for a right the sheet did not list.
    if !sheet.contains(bad.right) { sheet += "\(bad.right),,,,,,,,,,,,,,lpo-paca\n" }
    // A good decision on another row, which must not be written either.
    var decisions = ["2025-05-12-zjwrh": ["decision": "revoke"]]
    decisions[bad.right] = bad.cells
    try ledger.directory.write("review.csv", try Self.fill(sheet, decisions))
    let head = try ledger.head()
    let files = try ledger.snapshotOfFiles()
    let result = ledger.run("import", "rights", "review.csv", "--profile", "access-review")
    #expect(result.status == 1)
    #expect(result.error.contains(bad.problem + "\n"), "\(result)")
    #expect(result.error.hasSuffix("adminledger: 1 problem in review.csv; nothing was imported\n"))
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
  }

  @Test func aReviewMayBeWrittenWithSemicolonsAndRevokeWithoutAReviewer() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    try ledger.directory.write("review.csv", "right;decision\n2025-09-01-mvcgr;Supprimer\n")
    let result = ledger.run("import", "rights", "review.csv", "--profile", "access-review")
    #expect(result.status == 0, "\(result)")
    #expect(
      ledger.directory.read("rights/2025-09-01-mvcgr.json")?.contains(#""reason": "revoked at an access review of 2026-11-18""#)
        == true)
    try ledger.directory.write("review.csv", "right;verdict\n2025-09-01-mvcgr;keep\n")
    let wrong = ledger.run("import", "rights", "review.csv", "--profile", "access-review")
    #expect(wrong.status == 1)
    #expect(wrong.error.contains(#"review.csv:1: error[import]: this is not an access review: no column "decision""#))
  }

  @Test func reviewIntervalMustBeADuration() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    try Self.setReviewInterval("one year", in: ledger)
    let result = ledger.run("validate")
    #expect(result.status == 1)
    #expect(
      result.output.contains(#"error[settings]: "review_interval" must be a duration such as "1y", "6m", "26w" or "180d""#),
      "\(result)")
  }

  @Test(arguments: [("1m", "2025-02-28"), ("1y", "2026-01-31"), ("4w", "2025-02-28"), ("30d", "2025-03-02")])
  func reviewIntervalCountsCalendarMonthsAndYears(_ interval: String, _ due: String) throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    let steps: [[String]] = [
      [
        "add", "accounts", "hugo-portal", "--set", "person=hugo", "--set", "system=geonature", "--set", "login=hugo", "--set",
        "status=active",
      ],
      [
        "add", "rights", "hugo-reader", "--set", "account=hugo-portal", "--set", "role=reader", "--set", "status=active",
        "--set", "validated_by=hugo", "--set", "validated_on=2025-01-31",
      ],
    ]
    for step in steps { try #require(ledger.cli.run(step).status == 0) }
    try Self.setReviewInterval(interval, in: ledger)
    let expiring = ledger.run("report", "expiring", "--format", "csv").output
    let row = try #require(expiring.split(separator: "\n").first { $0.contains("rights/hugo-reader") }, "\(expiring)")
    #expect(
      row.hasPrefix("\(due),")
        && row.hasSuffix(",overdue,rights/hugo-reader,access review,validated_on,reader on geonature for Hugo Lefèvre"))
  }

  // MARK: - Helpers

  /// Writes `review_interval` into the sample's ledger.json by hand and commits it; an
  /// invalid value is committed behind the tool's back, as a hand edit would be.
  static func setReviewInterval(_ value: String, in ledger: LedgerSandbox) throws {
    let settings = try #require(ledger.directory.read("ledger.json"))
    let edited = settings.replacingOccurrences(
      of: "  \"timezone\":", with: "  \"review_interval\": \"\(value)\",\n  \"timezone\":")
    try #require(edited != settings)
    try ledger.directory.write("ledger.json", edited)
    if ledger.run("commit", "-m", "Review access every \(value)").status != 0 {
      _ = try ExternalProgram.git("add", "ledger.json", in: ledger.directory.url)
      _ = try ExternalProgram.git(
        "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "by hand",
        in: ledger.directory.url)
    }
  }

  /// The partner's script: the sheet with cells set on the rows of the rights named. The sheet
  /// holds no quoted cell (checked); cells written back are quoted when needed.
  static func fill(_ sheet: String, _ decisions: [String: [String: String]]) throws -> String {
    let lines = sheet.split(separator: "\n").map(String.init)
    try #require(!sheet.contains("\""))
    let header = lines[0].split(separator: ",").map(String.init)
    var rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    for index in rows.indices {
      for (column, value) in decisions[rows[index][0]] ?? [:] {
        let at = try #require(header.firstIndex(of: column))
        rows[index][at] = value.contains(",") ? "\"\(value)\"" : value
      }
    }
    return ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }
}
