import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery
import LedgerWording

/// The words of `report drift`: its report (a summary, then one row per finding) and the
/// notes beside a finding.
enum DriftRenderer {
  /// Shown in the reader's language; JSON rows keep the English names as keys.
  static var findingColumns: [Phrase] {
    [
      Phrase("finding"), Phrase("login"), Phrase("person"), Phrase("account"), Phrase("ledger_roles"),
      Phrase("system_roles"), Phrase("note"),
    ]
  }

  /// The drift as a report; `findings` counts them, so the command exits 1 when there are any.
  static func report(_ result: DriftResult, system: String, file: String, profile: DriftProfile)
    -> Report
  {
    let summary: [JSONValue] = [
      .string(system), .string(file), .string(profile.rawValue), .number(JSONNumber(result.listed)),
      .number(JSONNumber(result.agreeing)), .number(JSONNumber(result.findings.count)),
    ]
    let rows = result.findings.map { finding -> [JSONValue] in
      [
        .string(finding.kind.rawValue), .string(finding.login), text(finding.person),
        text(finding.account),
        text(finding.ledgerRoles.joined(separator: ", ")),
        text(finding.systemRoles.joined(separator: ", ")),
        text(finding.notes.map(note).joined(separator: "; ")),
      ]
    }
    return Report(
      title: tr("Drift of \(system): the ledger against \(file)"),
      sections: [
        Report.Section(
          title: Phrase("Summary"),
          columns: [
            Phrase("system"), Phrase("file"), Phrase("profile"), Phrase("listed"), Phrase("agreeing"),
            Phrase("findings"),
          ], rows: [summary]),
        Report.Section(title: Phrase("Findings"), columns: findingColumns, rows: rows),
      ], findings: result.findings.count)
  }

  static func note(_ note: DriftFinding.Note) -> String {
    switch note {
    case .noPerson: tr("no person of the ledger has this email or name")
    case .member(let status, let paidUntil):
      paidUntil.map { tr("member \(status) (paid until \(ProseDay.text($0)))") } ?? tr("member \(status)")
    case .account(let status, let closed):
      closed.map { tr("the ledger's account is \(status) (since \(ProseDay.text($0)))") }
        ?? tr("the ledger's account is \(status)")
    case .groups(let ledger, let system):
      tr("groups in the ledger: \(names(ledger)); on the system: \(names(system))")
    case .forwards(let system, let ledger):
      forwards(system: system, ledger: ledger)
    case .leaver(let address, let person, let status):
      tr("\(address) is the address of \(person), who left (member \(status))")
    case .unowned(let address): tr("no person of the ledger has the address \(address)")
    case .seen(let system, let ledger):
      ledger.map { tr("last seen \(ProseDay.text(system)) (the ledger: \(ProseDay.text($0)))") }
        ?? tr("last seen \(ProseDay.text(system)) (the ledger: never recorded)")
    }
  }

  /// `Délégués, Trésorerie`, or `no group`.
  private static func names(_ groups: [String]) -> String {
    groups.isEmpty ? tr("no group") : groups.joined(separator: ", ")
  }

  /// Where the system forwards an address, and where the ledger says.
  private static func forwards(system: [String], ledger: [String]) -> String {
    let to = system.joined(separator: ", ")
    let recorded = ledger.joined(separator: ", ")
    if system.isEmpty { return tr("forwards nowhere (the ledger: to \(recorded))") }
    if ledger.isEmpty { return tr("forwards to \(to) (the ledger: nowhere)") }
    return tr("forwards to \(to) (the ledger: to \(recorded))")
  }

  /// What `--update` changed in the ledger (or would change, `dryRun`).
  static func correction(_ outcome: ReconcileOutcome, file: String, dryRun: Bool) -> [String] {
    ReconcileRenderer.text(outcome, file: file, noun: tr("accounts and rights"), dryRun: dryRun)
  }

  /// The next step, after a report that found drift.
  static func hint(system: String, file: String) -> String {
    DiagnosticRenderer.hintLine(
      tr(
        "'adminledger report drift \(system) \(file) --update' brings the ledger in line, in one commit (--dry-run first shows it)"
      ))
  }

  /// The next step, after a report that found a mailing service's lists out of line: the
  /// ledger decides, so the service changes.
  static func listsHint(system: String) -> String {
    DiagnosticRenderer.hintLine(
      tr("the ledger decides who is on \(system)'s lists: add and remove these contacts in the mailing service"))
  }

  /// Why the file's profile cannot be guessed.
  static func unknownShape(_ file: String) -> CLIError {
    let profiles = DriftProfile.allCases.map { "--profile " + $0.rawValue }
    let orWord = tr(" or ")
    return .usage(
      tr(
        "cannot tell which system exported \(file): it is neither a CSV file with \"identifiant\" and \"nom_role\" (UsersHub), \"user_login\" (WordPress), a login and an admin column (Dolibarr) or \"EMAIL\" and \"LIST_IDS\" (Brevo), nor cPanel's Email answers, nor Matomo's users"
      ),
      hint: tr("pass \(profiles.joined(separator: orWord))"))
  }

  private static func text(_ value: String?) -> JSONValue {
    guard let value, !value.isEmpty else { return .null }
    return .string(value)
  }
}
