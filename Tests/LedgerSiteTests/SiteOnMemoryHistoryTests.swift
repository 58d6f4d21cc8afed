import Foundation
import LedgerCore
import LedgerSite
import LedgerTestSupport
import Testing

/// The review site's layer on its own: a site written from an in-memory history, no
/// repository, no command line, every page read back as a reviewer's browser would parse it.
@Suite struct SiteOnMemoryHistoryTests {
  static let claire = Author(name: "Claire Durand", email: "claire@example.org")
  static let intruder = Author(name: "Marc Petit", email: "marc@example.org")
  static let start = Date(timeIntervalSince1970: 1_795_000_000)

  /// The association's settings and policy, an administrator, then Hugo added by her and his
  /// phone changed by someone the ledger does not know.
  static func history() throws -> (MemoryHistory, [String]) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let settings = try [UInt8](Data(contentsOf: root.appendingPathComponent("ledger/association/ledger.json")))
    let history = MemoryHistory()
    let created = history.commit(
      [
        "ledger.json": settings,
        "people/cdurand.json": json(
          #"{"emails": ["claire@example.org"], "git_identities": ["claire@example.org"], "ledger_roles": [{"role": "admin"}], "member_status": "active", "name": "Claire Durand"}"#
        ),
      ], author: claire, at: start, message: "Create ledger")
    let added = history.commit(
      [
        "people/hlefevre.json": json(
          #"{"emails": ["hugo@example.org"], "member_status": "active", "name": "Hugo Lefèvre", "phone": "+33612345678"}"#)
      ],
      author: claire, at: start + 3_600, message: "Add people/hlefevre")
    let changed = history.commit(
      [
        "people/hlefevre.json": json(
          #"{"emails": ["hugo@example.org"], "member_status": "active", "name": "Hugo Lefèvre", "phone": "+33699999999"}"#)
      ],
      author: intruder, at: start + 7_200, message: "Set people/hlefevre: phone")
    return (history, [created, added, changed])
  }

  static func json(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }

  static func write(_ history: MemoryHistory) throws -> (TemporaryDirectory, ReviewSite.Summary) {
    let folder = try TemporaryDirectory()
    let summary = try ReviewSite.write(
      history, trust: AuditContext(), location: "memory", options: SiteOptions(), to: folder.path("site"),
      now: start + 86_400)
    return (folder, summary)
  }

  static func page(_ folder: TemporaryDirectory, _ relative: String) throws -> HTMLDocument {
    try HTMLDocument.parse(try String(contentsOf: folder.path("site/" + relative), encoding: .utf8))
  }

  @Test func recordPagesCreditEachFieldToTheCommitThatSetIt() throws {
    let (history, commits) = try Self.history()
    let (folder, summary) = try Self.write(history)
    #expect(summary.commit == commits[2])
    #expect(summary.records == 2)
    let page = try Self.page(folder, "people/hlefevre.html")
    #expect(page.validationProblems().isEmpty)
    let blame = try #require(page.element(id: "blame"))
    let rows = blame.elements(named: "tr").map(\.normalizedText)
    let phone = try #require(rows.first { $0.contains("phone") && $0.contains("+33699999999") })
    #expect(phone.contains("Marc Petit"))
    #expect(phone.contains(String(commits[2].prefix(7))))
    let name = try #require(
      rows.first { $0.hasPrefix("name") && $0.contains("Hugo Lefèvre") && $0.contains(String(commits[1].prefix(7))) })
    #expect(name.contains("Claire Durand"))
  }

  @Test func theAuditPagesNameTheUnknownAuthor() throws {
    let (history, commits) = try Self.history()
    let (folder, _) = try Self.write(history)
    let text = try Self.page(folder, "audit/2026.html").root.normalizedText
    #expect(text.contains("unknown-author"))
    #expect(text.contains("marc@example.org"))
    #expect(text.contains(String(commits[2].prefix(7))))
    #expect(!text.contains("claire@example.org is not a known administrator"))
  }

  @Test func anEarlierRevisionShowsTheLedgerAsItWas() throws {
    let (history, commits) = try Self.history()
    let folder = try TemporaryDirectory()
    var options = SiteOptions()
    options.revision = commits[1]
    _ = try ReviewSite.write(
      history, trust: AuditContext(), location: "memory", options: options, to: folder.path("site"), now: Self.start)
    let text = try Self.page(folder, "people/hlefevre.html").root.normalizedText
    #expect(text.contains("+33612345678"))
    #expect(!text.contains("+33699999999"))
  }
}
