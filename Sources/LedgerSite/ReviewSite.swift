import Foundation
import LedgerCore
import LedgerLanguage

/// The review site: the ledger at one revision as a folder of static HTML pages, for people
/// who do not use git. It reads the ledger, writes files and prints nothing.
public enum ReviewSite {
  /// What was written.
  public struct Summary: Sendable {
    public let folder: URL
    public let commit: String
    public let pages: Int
    public let records: Int
    /// How many files were written anew; the others were the previous site's, kept as they
    /// were (unchanged bytes, or pages no commit since could change, not even made).
    public let made: Int
    public let kept: Int
  }

  /// Why a site may not be written into `folder`, named `name` in the sentence (it is a file,
  /// or holds files no site wrote), or nil when it may.
  public static func refusal(for folder: URL, named name: String) -> String? {
    switch SiteFolder.refusal(for: folder) {
    case nil: nil
    case .file: tr("\(name) is a file, not a folder")
    case .foreign: tr("\(name) holds files that no site wrote")
    }
  }

  /// Writes the site of `ledger` into `folder`, replacing a site written there before; a folder
  /// that holds anything else is refused. The new site appears whole or not at all.
  public static func write(_ ledger: Ledger, options: SiteOptions, to folder: URL, now: Date) throws(StoreError) -> Summary {
    try write(
      ledger.history, trust: ledger.store.history.auditContext(), location: ledger.root.path, options: options,
      to: folder, now: now)
  }

  /// Writes the site of the ledger `history` holds, its audit starting from `trust`; `location`
  /// names the ledger in a message when it has no settings at the revision shown.
  ///
  /// The pages speak `options.language`, else the ledger's `language` at the revision shown.
  /// The whole site is made in that language, reports included; the pages are made on this
  /// thread (the validation's workers carry the language on, see `Concurrently`).
  public static func write(
    _ history: any LedgerHistory, trust: AuditContext, location: String, options: SiteOptions, to folder: URL,
    now: Date
  ) throws(StoreError) -> Summary {
    var language = options.language ?? .english
    if options.language == nil { language = try pagesLanguage(history, at: options.revision) }
    let written: Result<Summary, StoreError> = Language.$current.withValue(language) {
      Result { () throws(StoreError) in
        try writePages(history, trust: trust, location: location, options: options, to: folder, now: now)
      }
    }
    return try written.get()
  }

  /// The language the ledger's `language` names at `revision`, English when it names none
  /// AdminLedger speaks (or the ledger has no settings there: `SiteContent` says so).
  private static func pagesLanguage(_ history: any LedgerHistory, at revision: String?) throws(StoreError) -> Language {
    let settings = try LedgerView(history.snapshot(revision)).settings()
    return settings.flatMap { Language(tag: $0.language) } ?? .english
  }

  private static func writePages(
    _ history: any LedgerHistory, trust: AuditContext, location: String, options: SiteOptions, to folder: URL,
    now: Date
  ) throws(StoreError) -> Summary {
    let output = try SiteFolder(replacing: folder)
    do {
      let content = try SiteContent(history: history, location: location, options: options, now: now)
      let fingerprint = try SiteState.fingerprint(content, options: options, trust: trust)
      let previous = output.previousState.flatMap { $0.fingerprint == fingerprint ? $0 : nil }
      let delta = try previous.flatMap { (state) throws(StoreError) in
        try SiteDelta(previous: state.commit, content: content, history: history)
      }
      // The audit the previous site kept, its commits found again in the history shown.
      let earlierAudit = delta.flatMap { delta in
        previous?.audit.flatMap { stored in
          SiteAudit(stored, entries: Dictionary(content.chronicle.entries.map { ($0.commit, $0) }) { first, _ in first })
        }.map { (delta.previous, $0) }
      }
      try content.audit(trust: trust, after: earlierAudit)
      let since = try options.since.map { (revision) throws(StoreError) in try history.commit(revision) ?? revision }
      let changes = SiteChanges(content, since: since)
      let pages = plan(content, changes)
      var written = 0
      for page in pages {
        let unchanged = delta.map { !$0.remakes(page) } ?? false
        if !unchanged || !output.keep(page.path) { try output.write(try page.make(), to: page.path) }
        written += 1
        options.progress?(written, pages.count)
      }
      try output.write(SiteAssets.stylesheet, to: SiteAssets.stylesheetName)
      let state = SiteState(fingerprint: fingerprint, commit: content.tip.commit, audit: content.audit)
      try output.finish(marker: state.marker)
      return Summary(
        folder: folder, commit: content.tip.commit, pages: pages.count, records: content.pageCount,
        made: output.written, kept: output.unchanged)
    } catch {
      output.abandon()
      throw error
    }
  }

  /// Every page of the site, in the order they are written, each made when written.
  private static func plan(_ content: SiteContent, _ changes: SiteChanges) -> [PendingPage] {
    var pages = [PendingPage("index.html") { HomePage.render(content, changes) }]
    for kind in RecordKind.allCases where !(content.records[kind] ?? []).isEmpty {
      pages.append(PendingPage(SitePage.path(of: kind)) { KindPage.render(kind, content, changes) })
      for record in content.records[kind] ?? [] {
        pages.append(
          PendingPage(SitePage.path(of: record.key), .record(record.key)) { RecordPage.render(record, content, changes) })
      }
    }
    pages += ReportPages.render(content)
    pages += content.audit.map { AuditPages.render($0, content) } ?? []
    pages += CommitPage.render(changes, content)
    pages += ChangesPages.render(changes, content)
    pages.append(PendingPage("search.html") { SearchPage.render(content) })
    return pages
  }
}
