import Foundation
import LedgerTestSupport
import Testing

/// `site --since REV`: the command passes the previous review on to the site.
@Suite struct SiteSinceCommandTests {
  @Test func sinceAPreviousCommitListsWhatChangedAfterIt() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    #expect(ledger.run("set", "people/tblanc", "--set", "name=Théo Blanc-Roux").status == 0)
    let folder = try TemporaryDirectory()
    let written = ledger.run("site", folder.path("site").path, "--since", "HEAD~1")
    try #require(written.status == 0, "\(written)")
    let since = try String(contentsOf: folder.path("site/changes/since.html"), encoding: .utf8)
    let text = try HTMLDocument.parse(since).root.normalizedText
    #expect(text.contains("name: Théo Blanc → Théo Blanc-Roux"))
    let home = try String(contentsOf: folder.path("site/index.html"), encoding: .utf8)
    #expect(home.contains("changes/since.html"))
  }
}
