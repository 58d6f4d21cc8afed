import Foundation
import LedgerLanguage
import LedgerSite

/// The words of `site`: what was written, and the page to open.
///
///     Wrote the review site of commit d4e5f6a to /home/claire/site: 212 pages, 187 records.
///     Open file:///home/claire/site/index.html
enum SiteRenderer {
  static func written(_ summary: ReviewSite.Summary, index: URL) -> [String] {
    var lines = [
      tr(
        "Wrote the review site of commit \(summary.commit.prefix(7)) to \(summary.folder.path): \(pages(summary.pages)), \(DiagnosticRenderer.count(summary.records, .record))."
      )
    ]
    // Said only when a site was there before: what this run changed of it.
    if summary.kept > 0 {
      lines.append(
        Language.singular(summary.made)
          ? tr("\(summary.made) file written anew; \(summary.kept) kept from the previous site, unchanged.")
          : tr("\(summary.made) files written anew; \(summary.kept) kept from the previous site, unchanged."))
    }
    lines.append(tr("Open \(index.absoluteString)"))
    return lines
  }

  private static func pages(_ count: Int) -> String {
    Language.singular(count) ? tr("\(count) page") : tr("\(count) pages")
  }
}
