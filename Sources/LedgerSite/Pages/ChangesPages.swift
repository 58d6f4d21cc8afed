import LedgerCore
import LedgerJSON
import LedgerLanguage

/// Every change the site shows, by commit: the records each commit changed and, for each,
/// the fields the scope shows. Built once from the history and read by the commit pages,
/// the change views and the home page.
struct SiteChanges {
  /// One commit's change to one record shown.
  struct Change {
    let key: RecordKey
    let step: LedgerChronicle.Step
    /// The field changes the scope shows (none for a record added or removed whole, when none is shown).
    let fields: [FieldChange]
  }

  /// Each commit's changes, sorted by record.
  let byCommit: [String: [Change]]
  /// The commits that changed something shown, newest first (in the order of history).
  let entries: [HistoryEntry]
  /// With `site --since`: the previous review's commit, and the commits shown that it does not
  /// hold (made after it, or on another line merged since).
  let since: (commit: String, commits: Set<String>)?
  /// With `site --since`: each record shown changed since the previous review, with the paths
  /// of the fields changed (none for a record added or removed whose fields the scope hides).
  let changedFields: [RecordKey: Set<String>]

  init(_ content: SiteContent, since: String? = nil) {
    var byCommit: [String: [Change]] = [:]
    // Records in order, so each commit's changes come sorted by record.
    for key in content.chronicle.steps.keys.sorted() where content.scope.isVisible(key) {
      let steps = content.chronicle.steps[key] ?? []
      for step in steps {
        let fields = content.scope.changes(step.fields, of: key)
        guard step.action != "set" || !fields.isEmpty else { continue }
        byCommit[step.entry.commit, default: []].append(Change(key: key, step: step, fields: fields))
      }
    }
    self.byCommit = byCommit
    let entries = content.chronicle.entries.filter { byCommit[$0.commit] != nil }
    self.entries = entries
    let since = since.map { reviewed in
      let held = Self.ancestors(of: reviewed, in: content.chronicle)
      return (commit: reviewed, commits: Set(entries.map(\.commit).filter { !held.contains($0) }))
    }
    self.since = since
    var changedFields: [RecordKey: Set<String>] = [:]
    for commit in since?.commits ?? [] {
      for change in byCommit[commit] ?? [] { changedFields[change.key, default: []].formUnion(change.fields.map(\.path)) }
    }
    self.changedFields = changedFields
  }

  /// `commit` and every commit it builds on, as far as the history walked holds them.
  static func ancestors(of commit: String, in chronicle: LedgerChronicle) -> Set<String> {
    let parents = Dictionary(chronicle.entries.map { ($0.commit, $0.parents) }) { first, _ in first }
    var held: Set<String> = []
    var next = [commit]
    while let commit = next.popLast() {
      guard held.insert(commit).inserted else { continue }
      next += parents[commit] ?? []
    }
    return held
  }

  /// The records shown changed since the previous review, sorted.
  var changedSince: [RecordKey] { changedFields.keys.sorted() }

  /// Whether the field at `path` of the record `key` changed since the previous review (the
  /// field itself, a field inside it, or the object holding it).
  func changedSince(_ key: RecordKey, field path: String) -> Bool {
    guard let paths = changedFields[key] else { return false }
    return paths.contains { $0 == path || $0.hasPrefix(path + ".") || path.hasPrefix($0 + ".") }
  }

  /// The month (`2026-11`) of a commit's day in the ledger's time zone.
  static func month(of entry: HistoryEntry, in content: SiteContent) -> String {
    String(LedgerDate.day(of: entry.date, in: content.timeZone).prefix(7))
  }

  /// The months that saw a change, newest first.
  func months(_ content: SiteContent) -> [String] {
    var seen: [String] = []
    for entry in entries {
      let month = Self.month(of: entry, in: content)
      if seen.last != month, !seen.contains(month) { seen.append(month) }
    }
    return seen.sorted(by: >)
  }

  /// The commits of the last `days` days up to the site's today, newest first.
  func last(_ days: Int, _ content: SiteContent) -> [HistoryEntry] {
    let first = LedgerDate.adding(days: 1 - days, to: content.today) ?? content.today
    return entries.filter {
      let day = LedgerDate.day(of: $0.date, in: content.timeZone)
      return day >= first && day <= content.today
    }
  }
}

/// `changes/YYYY-MM.html`, `changes/last-7-days.html` and `changes/last-30-days.html`: every
/// change of a period, commit by commit, record by record, field by field.
enum ChangesPages {
  static func path(ofMonth month: String) -> String { "changes/\(month).html" }
  static func path(ofLast days: Int) -> String { "changes/last-\(days)-days.html" }
  static let sincePath = "changes/since.html"

  static func render(_ changes: SiteChanges, _ content: SiteContent) -> [PendingPage] {
    let byMonth = Dictionary(grouping: changes.entries) { SiteChanges.month(of: $0, in: content) }
    var pages: [PendingPage] = []
    for days in [7, 30] {
      let path = path(ofLast: days)
      let title = days == 7 ? tr("Changes of the last 7 days") : tr("Changes of the last 30 days")
      pages.append(PendingPage(path) { page(path, title, changes.last(days, content), changes, content) })
    }
    if let since = changes.since {
      let entries = changes.entries.filter { since.commits.contains($0.commit) }
      pages.append(PendingPage(sincePath) { sincePage(entries, since.commit, changes, content) })
    }
    let months = changes.months(content)
    // A past month's page is as of its last commit; the latest month's, as of the commit shown.
    let latest = months.first
    for month in months {
      let path = path(ofMonth: month)
      let entries = byMonth[month] ?? []
      pages.append(
        PendingPage(path, .month(month)) {
          page(
            path, tr("Changes of \(LocalFormat.month(month))"), entries, changes, content,
            shown: month == latest ? nil : entries.first)
        })
    }
    return pages
  }

  private static func page(
    _ path: String, _ title: String, _ entries: [HistoryEntry], _ changes: SiteChanges, _ content: SiteContent,
    shown: HistoryEntry? = nil
  ) -> String {
    let page = SitePage(path: path, title: title, content: content, section: "home", shown: shown, namesRecordsByID: true)
    let rows = entries.flatMap { entry in (changes.byCommit[entry.commit] ?? []).map { (entry, $0) } }
    return page.render(hasScript: true) { main in
      guard !rows.isEmpty else { return main.element("p", [("class", "empty")], text: tr("No change recorded.")) }
      main.element(
        "p",
        text: Language.singular(rows.count)
          ? tr("\(rows.count) change to a record, newest first.") : tr("\(rows.count) changes to records, newest first."))
      table(&main, page, rows, content)
    }
  }

  /// `changes/since.html`: the records changed since the previous review, then every change.
  private static func sincePage(
    _ entries: [HistoryEntry], _ reviewed: String, _ changes: SiteChanges, _ content: SiteContent
  ) -> String {
    let page = SitePage(path: sincePath, title: tr("Since your last review"), content: content, section: "home")
    let rows = entries.flatMap { entry in (changes.byCommit[entry.commit] ?? []).map { (entry, $0) } }
    let records = changes.changedSince
    return page.render(hasScript: true) { main in
      main.element("p") { line in
        line.text(tr("Your last review saw the ledger as of commit") + " ")
        page.commit(&line, reviewed)
        line.text(".")
      }
      guard !records.isEmpty else { return main.element("p", [("class", "empty")], text: tr("No change since.")) }
      main.element("h2", text: tr("Records changed"))
      main.element("ul", [("class", "since")]) { list in
        for key in records { list.element("li") { page.changedRecord(&$0, key) } }
      }
      main.element("h2", text: tr("Every change"))
      table(&main, page, rows, content)
    }
  }

  /// One row per commit and record: its day, commit, author, message and field changes.
  static func table(
    _ main: inout HTMLWriter, _ page: SitePage, _ rows: [(HistoryEntry, SiteChanges.Change)], _ content: SiteContent
  ) {
    page.table(
      &main, id: "changes", columns: [tr("date"), tr("commit"), tr("author"), tr("record"), tr("change"), tr("fields")],
      rows: rows.count, interactive: rows.count > 10, nowrap: [0, 2]
    ) { cell, row, column in
      let (entry, change) = rows[row]
      switch column {
      case 0: cell.text(page.day(entry.date))
      case 1: page.commit(&cell, entry.commit)
      case 2: cell.text(content.scope.author(entry))
      case 3: page.changedRecord(&cell, change.key)
      case 4: cell.text(entry.subject)
      default: fields(&cell, page, change)
      }
    }
  }

  /// "Record created." or "Record removed." when so, then each field's change.
  static func fields(_ cell: inout HTMLWriter, _ page: SitePage, _ change: SiteChanges.Change) {
    if let said = ["add": tr("Record created."), "rm": tr("Record removed.")][change.step.action] {
      cell.element("p", [("class", "muted")], text: said)
    }
    guard !change.fields.isEmpty else { return }
    cell.element("ul") { list in
      for field in change.fields { list.element("li") { page.fieldChange(&$0, field, of: change.key.kind) } }
    }
  }
}
