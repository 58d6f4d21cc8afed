import Foundation
import LedgerCore
import LedgerJSON
import LedgerQuery
import Testing

/// The reports that read history, run on an in-memory history: what a year's rights did, and
/// who granted a right, without a repository.
@Suite struct ReportsOnMemoryHistoryTests {
  static let claire = Author(name: "Claire Durand", email: "claire@example.org")

  static func day(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text + "T10:00:00Z") ?? .distantPast
  }

  static func json(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }

  static func right(_ status: String) -> [UInt8] {
    json(#"{"account": "hugo-gn", "role": "editor", "status": "\#(status)"}"#)
  }

  /// A right requested in January 2025, made active in March 2025, revoked in February 2026.
  static func history() -> (MemoryHistory, granted: String) {
    let history = MemoryHistory()
    let settings = #"{"currency": "EUR", "language": "en", "name": "Test", "timezone": "Europe/Paris"}"#
    history.commit(
      [
        "ledger.json": json(settings),
        "people/cdurand.json": json(#"{"git_identities": ["claire@example.org"], "name": "Claire Durand"}"#),
        "people/hugo.json": json(#"{"name": "Hugo"}"#),
        "systems/geonature.json": json(#"{"name": "GeoNature"}"#),
        "accounts/hugo-gn.json": json(#"{"login": "hugo", "person": "hugo", "status": "active", "system": "geonature"}"#),
        "rights/hugo-editor.json": right("requested"),
      ], author: claire, at: day("2025-01-10"), message: "Create ledger")
    let granted = history.commit(
      ["rights/hugo-editor.json": right("active")], author: claire, at: day("2025-03-01"),
      message: "Set rights/hugo-editor: status")
    history.commit(
      ["rights/hugo-editor.json": right("revoked")], author: claire, at: day("2026-02-01"),
      message: "Set rights/hugo-editor: status")
    return (history, granted)
  }

  static func rightRows(_ report: Report) throws -> [[String]] {
    let section = try #require(report.sections.first { $0.title.hasPrefix("Rights granted") })
    return section.rows.map { $0.map(\.compactText) }
  }

  @Test func theAnnualReportCountsRightsFromTheHistoryOfItsYear() throws {
    let (history, _) = Self.history()
    #expect(try Self.rightRows(try AnnualReport.make(history, year: 2025)) == [[#""granted""#, #""geonature""#, "1"]])
    #expect(try Self.rightRows(try AnnualReport.make(history, year: 2026)) == [[#""revoked""#, #""geonature""#, "1"]])
    // Before the ledger existed there is nothing to report on, as on git.
    do {
      _ = try AnnualReport.make(history, year: 2024)
      Issue.record("a year before the ledger has no report")
    } catch {
      guard case .revisionNotFound(let revision) = error else {
        Issue.record("expected revisionNotFound")
        return
      }
      #expect(revision == "2024-12-31")
    }
  }

  @Test func blameOnTheHistoryNamesTheCommitThatGrantedTheRight() throws {
    let (history, granted) = Self.history()
    let key = try #require(RecordKey(path: "rights/hugo-editor.json"))
    let lines = try history.blame(key, at: granted)
    let status = try #require(lines.first { $0.field == "status" })
    #expect(status.entry.commit == granted)
    #expect(status.entry.authorEmail == "claire@example.org")
    #expect(
      try history.log(
        from: nil,
        filter: {
          var filter = LogFilter(); filter.record = key; return filter
        }()
      ).count == 3)
  }
}
