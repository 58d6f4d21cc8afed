import LedgerCore

/// What the commits made since the previous site (of a commit they build on) can have changed,
/// page by page. A page none of them can have changed is kept as it is, without being made.
///
/// A record's page shows the record, its history and blame, and the labels of the records it
/// refers to and that refer to it; a right's label names its account's system and holder. So
/// a page changes when a new commit changed its record, or the label of a record it shows.
/// A commit's page names its children and the records it changed, by id (not by label),
/// linked while they are there; a month's page, its commits'. The pages that sum up everything (home, kinds, reports, audit summary,
/// search) are always made again.
struct SiteDelta {
  /// The commit the previous site showed.
  let previous: String
  /// The records whose page is made again.
  let records: Set<RecordKey>
  /// The commits whose page is made again (nil: every commit's, when a person was added or
  /// removed: pages link authors to their person's page).
  let commits: Set<String>?
  /// The months (`2026-11`) whose change page is made again (nil: every month's).
  let months: Set<String>?
  /// The years whose audit page is made again (nil: every year's).
  let auditYears: Set<Int>?
  /// The years whose annual report is computed and made again (nil: every year's, when an
  /// organisation or system, which the reports name, changed).
  let annualYears: Set<Int>?

  /// The delta from the site of `previous` to `content`, or nil when the site must be made
  /// whole: the previous commit is not in the history shown (history rewritten, another
  /// branch), or the site hides anything (a public or partner site's redaction reads every
  /// record, so any change may change any page).
  init?(previous: String, content: SiteContent, history: any LedgerHistory) throws(StoreError) {
    guard content.scope.isWhole, !content.scope.isPublic,
      content.chronicle.positions[previous] != nil
    else { return nil }
    self.previous = previous
    let held = SiteChanges.ancestors(of: previous, in: content.chronicle)
    let newEntries = content.chronicle.entries.filter { !held.contains($0.commit) }
    // The commits shown that the previous site's commit does not hold.
    let newCommits = Set(newEntries.map(\.commit))

    var touched: Set<RecordKey> = []
    for (key, steps) in content.chronicle.steps where steps.contains(where: { newCommits.contains($0.entry.commit) }) {
      touched.insert(key)
    }
    let before = try LedgerView(history.snapshot(previous))
    // A right's label names its account's system and holder: it changes with them.
    var relabelled = touched
    for right in content.records[.rights] ?? [] {
      guard let account = right.fields["account"]?.stringValue.flatMap(RecordID.init) else { continue }
      let accountKey = RecordKey(kind: .accounts, id: account)
      let person = content.record(accountKey)?.fields["person"]?.stringValue.flatMap(RecordID.init)
      if touched.contains(accountKey) || person.map({ touched.contains(RecordKey(kind: .people, id: $0)) }) == true {
        relabelled.insert(right.key)
      }
    }
    var records = relabelled
    for key in relabelled {
      if let record = content.record(key) { records.formUnion(content.view.references(of: record).map(\.1)) }
      if touched.contains(key), let old = try before.record(key) { records.formUnion(before.references(of: old).map(\.1)) }
      records.formUnion((content.referrers[key] ?? []).map(\.0))
    }
    self.records = records

    // Pages name a record changed by its path, linked while the record is there: a record
    // that came or went changes the pages of the commits that changed it. Pages link authors
    // to their person's page: a person who came or went changes every commit's page.
    var cameOrWent: Set<RecordKey> = []
    for key in touched where (try before.record(key) == nil) != (content.record(key) == nil) { cameOrWent.insert(key) }
    if cameOrWent.contains(where: { $0.kind == .people }) {
      commits = nil
      months = nil
    } else {
      var commits = newCommits
      for entry in newEntries { commits.formUnion(entry.parents) }
      for key in cameOrWent { commits.formUnion((content.chronicle.steps[key] ?? []).map(\.entry.commit)) }
      self.commits = commits
      months = Set(
        content.chronicle.entries.filter { commits.contains($0.commit) }.map { SiteChanges.month(of: $0, in: content) })
    }
    var years = Set(newEntries.map { Self.year(of: $0, in: content) })
    if let earliest = years.min() {
      let last = Self.year(of: content.tip, in: content)
      years.formUnion(earliest...max(earliest, last))
    }
    if let shown = content.chronicle.entries.first(where: { $0.commit == previous }) {
      years.insert(Self.year(of: shown, in: content))
    }
    auditYears = commits == nil ? nil : years
    annualYears = relabelled.contains { $0.kind == .organizations || $0.kind == .systems } ? nil : years
  }

  private static func year(of entry: HistoryEntry, in content: SiteContent) -> Int {
    Int(LedgerDate.day(of: entry.date, in: content.timeZone).prefix(4)) ?? 0
  }
}
