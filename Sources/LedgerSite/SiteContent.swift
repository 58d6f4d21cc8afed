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
  let annual: [(year: Int, report: Report)]
  let audit: AuditResult?
  /// The activity of the twelve months up to `today` (`report activity`), for the whole ledger.
  private(set) var activity: Report?

  /// - Parameters:
  ///   - history: the ledger's history, read at `options.revision`.
  ///   - trust: what the audit starts from (the clone's trust pin).
  ///   - location: where the ledger is, for a message when it has no settings there.
  init(history: any LedgerHistory, trust: AuditContext, location: String, options: SiteOptions, now: Date)
    throws(StoreError)
  {
    view = try LedgerView(history.snapshot(options.revision))
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
      annual = []
      audit = nil
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
    let years = Self.years(from: chronicle.entries.last?.date ?? tip.date, to: tip.date, in: timeZone)
    let lastYear = years.last
    annual = try years.map { (year) throws(StoreError) in
      (year, try AnnualReport.make(history, year: year, end: year == lastYear ? tip.commit : nil))
    }
    audit = try history.audit(range: tip.commit, context: trust)
    activity = try ActivityReport.make(
      history, from: ActivityReport.twelveMonths(through: today).from, to: today, by: .month, timeZone: timeZone, tip: tip.commit)
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
      let account = text("account").flatMap(RecordID.init).flatMap { self.record(RecordKey(kind: .accounts, id: $0)) }
      let person = account?.fields["person"]?.stringValue.flatMap(RecordID.init)
        .flatMap { self.record(RecordKey(kind: .people, id: $0)) }.map(RecordLabel.label)
      let system = account?.fields["system"]?.stringValue ?? "?"
      return person.map { tr("\(text("role") ?? "?") on \(system) for \($0)") } ?? tr("\(text("role") ?? "?") on \(system)")
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
