import Foundation
import LedgerLanguage
import LedgerSite

/// The words of `site`: what was written, and the page to open.
///
///     Wrote the review site of commit d4e5f6a to /home/claire/site: 212 pages, 187 records.
///     Open file:///home/claire/site/index.html
enum SiteRenderer {
  static func written(_ summary: ReviewSite.Summary, index: URL) -> [String] {
    [
      tr(
        "Wrote the review site of commit \(summary.commit.prefix(7)) to \(summary.folder.path): \(pages(summary.pages)), \(DiagnosticRenderer.count(summary.records, .record))."
      ),
      tr("Open \(index.absoluteString)"),
    ]
  }

  private static func pages(_ count: Int) -> String {
    Language.singular(count) ? tr("\(count) page") : tr("\(count) pages")
  }
}
