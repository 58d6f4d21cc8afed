import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// Everything the pages show, read once from the ledger at one revision and narrowed to the
/// site's scope: the records, who refers to whom, every record's history and blame, the
/// reports and the audit.
final class SiteContent {
  let settings: LedgerSettings
  let history: any LedgerHistory
  /// The ledger's files at the revision shown, and its records.
  let snapshot: any LedgerSnapshot
  let view: LedgerView
  let scope: SiteScope
  /// The commit shown, and when it was made.
  let tip: HistoryEntry
  let timeZone: TimeZone
  /// The day the site's "today" is: the real today for the newest commit, else the commit's day.
  let today: String
  /// The records shown, by kind, sorted by id.
  let records: [RecordKind: [Record]]
  /// For each record shown, the records shown that refer to it, with where.
  let referrers: [RecordKey: [(RecordKey, JSONPointer)]]
  let chronicle: LedgerChronicle
  let diagnostics: [Diagnostic]
  let expiring: Report
  let consistency: Report?
  /// The coordination table and rights by function, when the ledger has duties or entitlements.
  let duties: Report?
  let entitlements: Report?
  let access: [(system: Record, report: Report)]
  /// The years with an annual report: from the first commit's to the last's.
  let annualYears: [Int]
  private var annualReports: [Int: Report] = [:]
  /// The audit of the history shown, on a whole site; set by `audit(trust:after:)`.
  private(set) var audit: SiteAudit?
  /// The activity of the twelve months up to `today` (`report activity`), for the whole ledger.
  private(set) var activity: Report?

  /// - Parameters:
  ///   - history: the ledger's history, read at `options.revision`.
  ///   - location: where the ledger is, for a message when it has no settings there.
  init(history: any LedgerHistory, location: String, options: SiteOptions, now: Date)
    throws(StoreError)
  {
    self.history = history
    snapshot = try history.snapshot(options.revision)
    view = try LedgerView(snapshot)
    guard let settings = try view.settings() else { throw .notALedger(searched: location) }
    self.settings = settings
    timeZone = settings.timeZone
    chronicle = try history.chronicle(at: options.revision)
    guard let tip = chronicle.entries.first else { throw .revisionNotFound(options.revision ?? "HEAD") }
    self.tip = tip
    let newest = options.revision == nil
    today = newest ? LedgerDate.day(of: now, in: timeZone) : LedgerDate.day(of: tip.date, in: timeZone)
    let scope = try SiteScope(
      view: view, isPublic: options.isPublic, organization: options.organization, chronicle: chronicle)
    self.scope = scope
    let view = view
    var records: [RecordKind: [Record]] = [:]
    var referrers: [RecordKey: [(RecordKey, JSONPointer)]] = [:]
    for kind in RecordKind.allCases {
      let shown = try view.records(of: kind).filter { scope.isVisible($0.key) }.sorted { $0.key < $1.key }
      records[kind] = shown
      for record in shown {
        for (pointer, target) in view.references(of: record) where scope.isVisible(target) {
          referrers[target, default: []].append((record.key, pointer))
        }
      }
    }
    self.records = records
    self.referrers = referrers
    let expiring = try ExpiringReport.make(view, today: today, within: 60)
    self.expiring = scope.isWhole ? expiring : Self.rows(of: expiring, shownBy: scope)
    guard scope.isWhole else {
      // A partner's site holds no figure about the whole ledger: they count everyone.
      diagnostics = []
      consistency = nil
      duties = nil
      entitlements = nil
      access = []
      annualYears = []
      return
    }
    diagnostics = try LedgerValidator(history.snapshot(tip.commit)).validateAll()
    consistency = try ConsistencyReport.make(view, today: today)
    duties = (records[.duties] ?? []).isEmpty ? nil : try DutiesReport.make(view)
    entitlements = try EntitlementCheck(view).entitlements.isEmpty ? nil : try EntitlementsReport.make(view, history: history)
    let timeZone = timeZone
    access = try (records[.systems] ?? []).map { (system) throws(StoreError) in
      (system, try AccessReport.make(view, system: system.key.id.value, all: false))
    }
    annualYears = Self.years(from: chronicle.entries.last?.date ?? tip.date, to: tip.date, in: timeZone)
    activity = try ActivityReport.make(
      history, from: ActivityReport.twelveMonths(through: today).from, to: today, by: .month, timeZone: timeZone, tip: tip.commit)
  }

  /// The annual report of `year`, read from the history when a page first asks for it (a second
  /// site made after a few commits reads only the years they changed).
  func annual(_ year: Int) throws(StoreError) -> Report {
    if let report = annualReports[year] { return report }
    let report = try AnnualReport.make(history, year: year, end: year == annualYears.last ? tip.commit : nil)
    annualReports[year] = report
    return report
  }

  /// Audits the history shown, on a whole site: every commit, or, given the audit an earlier
  /// site showed of a commit this one builds on, only the commits since, added to it.
  func audit(trust: AuditContext, after earlier: (commit: String, audit: SiteAudit)?) throws(StoreError) {
    guard scope.isWhole else { return }
    let order = chronicle.positions
    guard let earlier else {
      audit = SiteAudit(try history.audit(range: tip.commit, context: trust), order: order)
      return
    }
    let since = SiteAudit(try history.audit(range: "\(earlier.commit)..\(tip.commit)", context: trust), order: order)
    audit = SiteAudit(earlier.audit, then: since, order: order)
  }

  /// The years from the first commit's to the last's.
  private static func years(from first: Date, to last: Date, in zone: TimeZone) -> [Int] {
    let start = Int(LedgerDate.day(of: first, in: zone).prefix(4)) ?? 0
    let end = Int(LedgerDate.day(of: last, in: zone).prefix(4)) ?? start
    return start <= end ? Array(start...end) : []
  }

  /// A report's rows about records the scope shows (its `record` column).
  private static func rows(of report: Report, shownBy scope: SiteScope) -> Report {
    var narrowed = report
    narrowed.sections = report.sections.map { section in
      guard let column = section.column("record") else { return section }
      var kept = section
      kept.rows = section.rows.filter { row in
        row[column].stringValue.flatMap { RecordKey(path: $0 + ".json") }.map(scope.isVisible) ?? false
      }
      return kept
    }
    return narrowed
  }

  func record(_ key: RecordKey) -> Record? {
    guard scope.isVisible(key) else { return nil }
    return try? view.record(key)
  }

  /// A few words naming a record shown, or its id: an account by its login and system, a
  /// right by its role, system and holder, as a reviewer tells them apart.
  func label(_ key: RecordKey) -> String {
    guard let record = record(key) else { return key.description }
    let text = { (field: String) in record.fields[field]?.stringValue }
    switch key.kind {
    case .accounts:
      return tr("\(text("login") ?? key.id.value) on \(text("system") ?? "?")")
    case .rights:
      let role = text("role") ?? key.id.value
      let accountKey = text("account").flatMap(RecordID.init).map { RecordKey(kind: .accounts, id: $0) }
      let account = accountKey.flatMap(self.record)
      let person = account?.fields["person"]?.stringValue.flatMap(RecordID.init)
        .flatMap { self.record(RecordKey(kind: .people, id: $0)) }.map(RecordLabel.label)
      // A partner's site shows a right it validated on someone else's account: the system,
      // which the partner knows, but not the account nor its holder.
      let hidden = account == nil && accountKey.map(scope.isVisible) == false
      let system = (hidden ? accountKey.flatMap { try? view.record($0) } : account)?.fields["system"]?.stringValue
      switch (system, person) {
      case (let system?, let person?): return tr("\(role) on \(system) for \(person)")
      case (let system?, nil) where hidden: return tr("\(role) on \(system) for someone of another organisation")
      case (let system?, nil): return tr("\(role) on \(system)")
      case (nil, _): return tr("\(role) on an account this site does not show")
      }
    default:
      let label = RecordLabel.label(record)
      return label.isEmpty ? key.id.value : label
    }
  }

  var pageCount: Int { records.values.reduce(0) { $0 + $1.count } }

  /// The `lang` of the pages: the ledger's own tag (`fr-FR`) when the pages speak its language,
  /// else the language they speak (`--lang` chose another).
  var languageTag: String {
    Language(tag: settings.language) == Language.current ? settings.language : Language.current.rawValue
  }
}

/// What `site` writes: which revision, for whom.
public struct SiteOptions: Sendable {
  /// The revision (a commit, branch, tag or day) shown; nil for HEAD.
  public var revision: String?
  /// Leave out personal fields, for sharing outside the organisation.
  public var isPublic = false
  /// Show only what concerns this organisation.
  public var organization: RecordID?
  /// A previous review (a commit, branch, tag or day): what changed after it is marked, and
  /// listed on `changes/since.html`; nil for no mark.
  public var since: String?
  /// The language the pages speak; nil for the ledger's `language` (English when it names one
  /// AdminLedger does not speak).
  public var language: Language?
  /// Told how far the writing has come, for a progress line: the pages written and the pages
  /// in all, after the ledger, its history and audit were read. The site itself prints nothing.
  public var progress: (@Sendable (_ written: Int, _ total: Int) -> Void)?

  public init(revision: String? = nil, isPublic: Bool = false, organization: RecordID? = nil, language: Language? = nil) {
    self.revision = revision
    self.isPublic = isPublic
    self.organization = organization
    self.language = language
  }
}
