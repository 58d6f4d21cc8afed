import Foundation
import LedgerGit
import LedgerJSON
import LedgerLanguage
import LedgerTestSupport
import Testing

@testable import LedgerCLI
@testable import LedgerCore
@testable import LedgerWording

/// One rendering in French: the lines, the French words they must hold, and the catalogue keys
/// they are made of (none of which may be missing from the French catalogue at run time).
struct FrenchCase: CustomTestStringConvertible, Sendable {
  let name: String
  let render: @Sendable () -> [String]
  let expected: [String]
  let keys: [String]
  var testDescription: String { name }

  init(_ name: String, keys: [String], _ render: @escaping @Sendable () -> [String], _ expected: String...) {
    self.name = name
    self.render = render
    self.expected = expected
    self.keys = keys
  }

  init(_ name: String, keys: [String], _ render: @escaping @Sendable () -> String, _ expected: String...) {
    self.name = name
    self.render = { [render()] }
    self.expected = expected
    self.keys = keys
  }
}

private let day = Date(timeIntervalSince1970: 1_796_000_000)
private let entry = HistoryEntry(
  commit: "d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3", parents: ["a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"],
  authorName: "Marc Petit", authorEmail: "marc@example.org", date: day, message: "Set payments/x")
private let gitFailure = GitError(code: .notFound, operation: "git_commit_lookup", message: "object not found")

/// Failures, diagnostics' frame, audit findings and the commands' reports, rendered in French:
/// each holds its French words, and none of the keys it is made of went missing.
@Suite struct FrenchOutputTests {
  static let cases: [FrenchCase] = [
    FrenchCase(
      "no such record", keys: ["no record {1}", "run 'adminledger list {1}' to see the ids"],
      {
        guard let key = RecordKey(path: "people/tblanc.json") else { return [] }
        let failure = FailureMessage(.recordNotFound(key))
        return [failure.message, failure.hint ?? ""]
      }, "aucune fiche people/tblanc", "lancez 'adminledger list people' pour voir les id"),
    FrenchCase(
      "not a ledger", keys: ["not a ledger: {1} has no ledger.json in it or above it"],
      { FailureMessage(.notALedger(searched: "/home/claire")).message },
      "pas un registre : /home/claire ne contient pas de ledger.json"),
    FrenchCase(
      "a git failure", keys: ["cannot read history"], { FailureMessage(.git(.readHistory, gitFailure)).message },
      "impossible de lire l'historique (git_commit_lookup: object not found)"),
    FrenchCase(
      "a fetch that finds no repository", keys: ["there is no repository at {1}", "cannot fetch from {1} ({2}): {3}"],
      {
        let failure = FailureMessage(.remoteMissing(.fetch(remote: "origin"), url: "../x.git", path: "/srv/x.git"))
        return [failure.message, failure.hint ?? ""]
      }, "impossible de récupérer depuis origin (../x.git) : il n'y a pas de dépôt à /srv/x.git",
      "vérifiez l'URL, et que le dépôt existe et est joignable"),
    FrenchCase(
      "a field of the wrong type", keys: ["field \"{1}\" of {2} takes {3}, not \"{4}\"", "{1} or {2}"],
      {
        FailureMessage(
          .fieldInput(.wrongType(.payments, field: "amount", expected: ["number", "null"], text: "abc"))
        ).message
      }, #"le champ "amount" de payments prend un nombre ou null, pas "abc""#),
    FrenchCase(
      "an unknown field with a suggestion", keys: ["{1} records have no field \"{2}\"", "did you mean '{1}'? fields: {2}"],
      {
        let failure = FailureMessage(
          .fieldInput(.unknownField(.people, field: "nme", known: ["name", "emails"])))
        return [failure.message, failure.hint ?? ""]
      }, #"les fiches people n'ont pas de champ "nme""#, "vouliez-vous dire 'name' ? champs : name, emails"),
    FrenchCase(
      "an unreadable condition", keys: ["cannot read the condition \"{1}\": expected {2} at column {3}"],
      { FailureMessage(.syntax(text: "a==b", column: 3, expected: "a value")).message },
      #"impossible de lire la condition "a==b" à la colonne 3 : il faut a value"#),
    FrenchCase(
      "the count of diagnostics", keys: ["adminledger: {1}, {2} in {3}", "{1} errors", "{1} warning", "{1} files"],
      {
        DiagnosticRenderer.summary([
          diagnostic("a.json", .error), diagnostic("b.json", .error), diagnostic("b.json", .warning),
        ])
      }, "adminledger : 2 erreurs, 1 avertissement dans 2 fichiers"),
    FrenchCase(
      "a diagnostic keeps its machine prefix", keys: ["hint: {1}"],
      { DiagnosticRenderer.text(diagnostic("a.json", .error, hint: "fix it"), colored: false) },
      "a.json:1:2: error[json]: broken", "conseil : fix it"),
    FrenchCase(
      "a valid ledger, French counting 0 as one", keys: ["The ledger is valid: {1} record checked."],
      { DiagnosticRenderer.valid(records: 0, lastCommitOnly: false) }, "Le registre est valide : 0 fiche vérifiée."),
    FrenchCase(
      "an unknown author",
      keys: ["{1} is not a known administrator (no person holding a ledger role on {2} lists {3} in git_identities)"],
      { AuditWording.message(AuditFinding(entry: entry, problem: .unknownAuthor(day: "2026-12-01", late: nil))) },
      "Marc Petit <marc@example.org> n'est pas un administrateur connu",
      "le 1er décembre 2026 ne liste marc@example.org dans git_identities"),
    FrenchCase(
      "writes outside roles", keys: ["changed {1} although {2} holds roles {3}, which may not write {4}"],
      {
        AuditWording.message(
          AuditFinding(entry: entry, problem: .writesOutsideRoles(kind: .payments, roles: ["secretary"])))
      }, "a modifié payments alors que Marc Petit <marc@example.org> détient les rôles secretary"),
    FrenchCase(
      "policy fields", keys: ["{1} and {2}", "ledger roles", "signing keys"],
      {
        guard let person = RecordKey(path: "people/cdurand.json") else { return "" }
        return AuditWording.message(
          AuditFinding(
            entry: entry, problem: .changesPolicyFields(["ledger_roles", "signing_keys"], of: person, roles: [])))
      }, "a modifié les rôles du registre et clés de signature de people/cdurand", "ne détient aucun rôle"),
    FrenchCase(
      "an audit report", keys: ["Audit of {1}", "adminledger: {1} in {2}", "{1} finding", "{1} commits"],
      {
        let finding = AuditFinding(entry: entry, problem: .unknownAuthor(day: "2026-12-01", late: nil))
        let result = AuditResult(commits: 3, findings: [finding], approvals: [], trail: [])
        return AuditRenderer.text(result, zone: TimeZone(identifier: "UTC") ?? .current)
      }, "Audit de 3 commits", "adminledger : 1 constat dans 3 commits"),
    FrenchCase(
      "a refused push", keys: ["adminledger: the push is refused: it deletes {1}, the ledger's branch"],
      {
        let update = PushedUpdate(
          old: "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0", new: String(repeating: "0", count: 40),
          reference: "refs/heads/main")
        return HookRenderer.refusal(PushCheck(update: update, outcome: .deletesBranch))
      }, "adminledger : le push est refusé : il supprime main, la branche du registre",
      "conseil : la branche du registre partagé n'est jamais supprimée"),
    FrenchCase(
      "hand edits", keys: ["modified", "conflicted"],
      {
        WriteRenderer.handEdits([
          HandEdit(path: "people/a.json", change: .modified), HandEdit(path: "people/b.json", change: .conflicted),
        ])
      }, "modifié    people/a.json", "en conflit people/b.json"),
    FrenchCase(
      "references", keys: ["refers to:", "nothing", "referred to by:"],
      { RecordRenderer.references([], referrers: []) }, "fait référence à :", "  rien", "référencée par :"),
    FrenchCase(
      "a sync", keys: ["Nothing to push.", "Receiving objects: {1}% ({2}/{3})"],
      { [SyncRenderer.receiving(1, of: 4), WriteRenderer.nothingToCommit] },
      "Réception des objets : 25 % (1/4)", "Rien à commiter : les fichiers du registre correspondent au dernier commit."),
    FrenchCase(
      "the signing policy with a day", keys: ["Signed commits: required from {1} (ledger.json, policy.signed_commits_from)"],
      {
        TrustRenderer.lines(
          TrustSetup(pin: nil, pinFile: "", signingKey: nil, ledgerRequirement: "2026-12-06", allowedSignersFile: ""),
          signsCommits: false)
      }, "Commits signés : exigés à partir du 6 décembre 2026"),
  ]

  @Test(arguments: cases) func rendersInFrench(_ wording: FrenchCase) {
    let lines = Language.$current.withValue(.french) { wording.render() }
    let text = lines.joined(separator: "\n")
    for expected in wording.expected {
      #expect(text.contains(expected), "\(text)")
    }
    let missing = Catalogue.missing
    for key in wording.keys {
      #expect(!missing.contains(key), "\(key) has no French entry")
      #expect(Catalogue.entries(of: .french)[key] != nil, "\(key) has no French entry")
    }
  }

  /// Every store failure the English table words reads differently in French, and none of its
  /// words went missing.
  @Test(arguments: StoreFailureWordingTests.cases) func storeFailureIsWordedInFrench(_ wording: StoreFailureWording) {
    let english = FailureMessage(wording.error)
    let french = Language.$current.withValue(.french) { FailureMessage(wording.error) }
    #expect(english.message == wording.message)
    #expect(french.message != english.message)
    #expect(french.message.hasPrefix("impossible d"), "\(french.message)")
    #expect(french.status == english.status)
  }

  @Test func aCommandRunWithLangFrSpeaksFrench() throws {
    let sandbox = try LedgerSandbox()
    let missing = sandbox.run("--lang", "fr", "show", "people/nobody")
    #expect(missing.status == 2)
    #expect(missing.error.contains("adminledger : erreur : aucune fiche people/nobody"), "\(missing)")
    #expect(missing.error.contains("conseil : lancez 'adminledger list people' pour voir les id"), "\(missing)")
    let valid = sandbox.run("--lang", "fr", "validate")
    #expect(valid.output.contains("Le registre est valide"), "\(valid)")
    let json = sandbox.run("--lang", "fr", "show", "people/nobody", "--format", "json")
    #expect(json.error.contains("\"error\": \"no record people/nobody\""), "\(json)")
    for key in ["no record {1}", "hint: {1}", "error:", "run 'adminledger list {1}' to see the ids"] {
      #expect(!Catalogue.missing.contains(key))
    }
  }
}

/// The people commands and the audit on a sample ledger, run with `--lang fr`: French
/// headings, days and counts, no English sentence of the renderers left.
@Suite struct FrenchScenarioTests {
  @Test func offboardingInFrenchNamesTheStepsAndTheDay() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let result = ledger.run("--lang", "fr", "offboard", "ybenali", "--on", "2026-11-30", "--dry-run")
    #expect(result.status == 0, "\(result)")
    for expected in [
      "Départ prévu de people/ybenali", "le 30 novembre 2026", "(essai à blanc : rien n'a été commité)",
      "## Dans le registre", "- rôle du registre data-manager détenu jusqu'au 30 novembre 2026",
      "- duties/extractions transmise à people/mpetit", "## À décider", "## À la main, dans chaque système",
    ] {
      #expect(result.output.contains(expected), "\(expected)\n\(result)")
    }
    for english in ["Would offboard", "## In the ledger", "## To decide", "held until", "dry run"] {
      #expect(!result.output.contains(english), "\(english)\n\(result)")
    }
  }

  @Test func theAuditAndTheStatusInFrench() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let audit = ledger.run("--lang", "fr", "audit")
    #expect(audit.output.hasPrefix("Audit de "), "\(audit)")
    #expect(!audit.output.contains("Audit of"), "\(audit)")
    let nothing = ledger.run("--lang", "fr", "commit", "-m", "rien")
    #expect(
      (nothing.output + nothing.error).contains(
        "Rien à commiter : les fichiers du registre correspondent au dernier commit."), "\(nothing)")
    let english = ledger.run("commit", "-m", "nothing")
    #expect((english.output + english.error).contains("Nothing to commit"), "\(english)")
  }
}

private func diagnostic(_ file: String, _ severity: Diagnostic.Severity, hint: String? = nil) -> Diagnostic {
  Diagnostic(
    severity: severity, file: file, line: 1, column: 2, instancePath: .root, rule: "json", message: "broken",
    hint: hint)
}
