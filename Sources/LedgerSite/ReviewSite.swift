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
      let content = try SiteContent(history: history, trust: trust, location: location, options: options, now: now)
      // Reports and audit pages are made first, so the progress knows how many pages there are.
      let reports = ReportPages.render(content)
      let auditPages = content.audit.map { AuditPages.render($0, content) } ?? []
      let since = try options.since.map { (revision) throws(StoreError) in try history.commit(revision) ?? revision }
      let changes = SiteChanges(content, since: since)
      let historyPages = CommitPage.render(changes, content) + ChangesPages.render(changes, content)
      let kinds = RecordKind.allCases.filter { !(content.records[$0] ?? []).isEmpty }
      let total =
        2 + kinds.count + kinds.reduce(0) { $0 + (content.records[$1]?.count ?? 0) } + reports.count + auditPages.count
        + historyPages.count
      var pages = 0
      func emit(_ path: String, _ html: String) throws(StoreError) {
        try output.write(html, to: path)
        pages += 1
        options.progress?(pages, total)
      }
      try output.write(SiteAssets.stylesheet, to: SiteAssets.stylesheetName)
      try emit("index.html", HomePage.render(content, changes))
      for kind in kinds {
        try emit(SitePage.path(of: kind), KindPage.render(kind, content, changes))
        for record in content.records[kind] ?? [] {
          try emit(SitePage.path(of: record.key), RecordPage.render(record, content, changes))
        }
      }
      for (path, html) in reports { try emit(path, html) }
      for (path, html) in auditPages { try emit(path, html) }
      for (path, html) in historyPages { try emit(path, html) }
      try emit("search.html", SearchPage.render(content))
      try output.finish()
      return Summary(folder: folder, commit: content.tip.commit, pages: pages, records: content.pageCount)
    } catch {
      output.abandon()
      throw error
    }
  }
}
