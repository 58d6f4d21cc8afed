import Foundation
import LedgerTestSupport
import Testing

/// A second `site` into the same folder: only the pages whose content changed are new files,
/// and the folder is byte for byte what a full regeneration into a new folder writes.
@Suite struct SiteIncrementalTests {
  @Test func aSecondSiteAfterOneSetRewritesOnlyTheChangedPagesAndMatchesAFullRegeneration() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let site = folder.path("site")
    try #require(ledger.run("site", site.path).status == 0)
    let before = try Self.inodes(of: site)
    // The same ledger again: nothing is written anew.
    try #require(ledger.run("site", site.path).status == 0)
    #expect(try Self.inodes(of: site) == before)

    try #require(ledger.run("set", "people/tblanc", "--set", #"functions=["contact"]"#).status == 0)
    try #require(ledger.run("site", site.path).status == 0)
    let after = try Self.inodes(of: site)
    let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
    #expect(rewritten.contains("people/tblanc.html"))
    #expect(!rewritten.isEmpty && rewritten.count * 4 < after.count, "rewrote \(rewritten.count) of \(after.count): \(rewritten)")

    let fresh = folder.path("fresh")
    try #require(ledger.run("site", fresh.path).status == 0)
    let freshFiles = try Self.inodes(of: fresh)
    #expect(freshFiles.keys.sorted() == after.keys.sorted())
    for path in after.keys.sorted() {
      let incremental = try Data(contentsOf: site.appendingPathComponent(path))
      let full = try Data(contentsOf: fresh.appendingPathComponent(path))
      #expect(incremental == full, "\(path) differs from a full regeneration")
    }
    // Nothing is left beside the site.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["fresh", "site"])
  }

  /// Each kind of change a second site must follow: the pages it keeps without making them
  /// must be the pages a full regeneration writes, byte for byte.
  @Test(arguments: [
    "rename a person", "rename an organisation", "add a person", "remove a ticket", "change the settings",
    "several commits",
  ])
  func aSecondSiteKeepsOnlyPagesNoChangeTouched(_ change: String) throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let site = folder.path("site")
    // Two commits of history before the first site, so the audit has something to carry on.
    try #require(ledger.run("set", "people/tblanc", "--set", "phone=+33612345670").status == 0)
    try #require(ledger.run("site", site.path).status == 0)
    switch change {
    case "rename a person":
      try #require(ledger.run("set", "people/tblanc", "--set", "name=Thomas Blanc-Martin").status == 0)
    case "rename an organisation":
      try #require(ledger.run("set", "organizations/cen-paca", "--set", "name=CEN Provence").status == 0)
    case "add a person":
      try #require(
        ledger.run("add", "people", "nperrin", "--set", "name=Nadia Perrin", "--set", "organization=pnr-queyras").status == 0)
    case "remove a ticket":
      try #require(ledger.run("rm", "tickets/2025-11-15-efy7p").status == 0)
    case "change the settings":
      let settings = ledger.directory.url.appendingPathComponent("ledger.json")
      let text = try String(contentsOf: settings, encoding: .utf8)
      try Data(text.replacingOccurrences(of: "\"currency\": \"EUR\"", with: "\"currency\": \"CHF\"").utf8).write(to: settings)
      try #require(ledger.run("commit", "-m", "Pay in francs").status == 0)
    default:
      try #require(ledger.run("set", "people/tblanc", "--set", "phone=+33612345671").status == 0)
      try #require(ledger.run("set", "tickets/2025-11-15-efy7p", "--set", "title=Orchid observations for the CBN").status == 0)
    }
    let second = ledger.run("site", site.path, "--format", "json")
    try #require(second.status == 0, "\(second)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [String: Any])
    let pages = try #require(summary["pages"] as? Int)
    let written = try #require(summary["written"] as? Int)
    // New settings make every page again (their bytes mostly the same, so still kept).
    #expect(written * 3 < pages, "\(change): wrote \(written) of \(pages) pages")

    let fresh = folder.path("fresh")
    try #require(ledger.run("site", fresh.path).status == 0)
    let incremental = try Self.inodes(of: site).keys.sorted()
    #expect(incremental == (try Self.inodes(of: fresh).keys.sorted()))
    for path in incremental where path != ".adminledger-site" {
      let kept = try Data(contentsOf: site.appendingPathComponent(path))
      let full = try Data(contentsOf: fresh.appendingPathComponent(path))
      #expect(kept == full, "\(change): \(path) differs from a full regeneration")
    }
  }

  /// A merge brings commits made on another line since the previous site: they are audited
  /// and their pages made as a full regeneration makes them.
  @Test func aSecondSiteAfterAMergeMatchesAFullRegeneration() throws {
    let shared = try SharedLedger()
    let folder = try TemporaryDirectory()
    let site = folder.path("site")
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=4.5"])
    try SharedLedger.succeed(shared.marc, ["site", site.path])
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["sync"])
    try SharedLedger.succeed(shared.marc, ["site", site.path])
    let fresh = folder.path("fresh")
    try SharedLedger.succeed(shared.marc, ["site", fresh.path])
    let files = try Self.inodes(of: site).keys.sorted()
    #expect(files == (try Self.inodes(of: fresh).keys.sorted()))
    #expect(files.filter { $0.hasPrefix("commits/") }.count >= 4)
    for path in files {
      let kept = try Data(contentsOf: site.appendingPathComponent(path))
      let full = try Data(contentsOf: fresh.appendingPathComponent(path))
      #expect(kept == full, "\(path) differs from a full regeneration")
    }
  }

  /// A marker that does not say what the site was made from (an older version's, or damaged)
  /// makes the site whole again rather than trusting the pages it kept.
  @Test func aDamagedMarkerMakesTheSiteWholeAgain() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let site = folder.path("site")
    try #require(ledger.run("site", site.path).status == 0)
    let stale = site.appendingPathComponent("people/tblanc.html")
    try Data("stale".utf8).write(to: stale)
    try Data("adminledger review site\n".utf8).write(to: site.appendingPathComponent(".adminledger-site"))
    try #require(ledger.run("site", site.path).status == 0)
    let fresh = folder.path("fresh")
    try #require(ledger.run("site", fresh.path).status == 0)
    #expect(try Data(contentsOf: stale) == (try Data(contentsOf: fresh.appendingPathComponent("people/tblanc.html"))))
  }

  @Test func aPageTheSiteNoLongerHasIsRemovedAndAForeignFolderIsStillRefused() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let folder = try TemporaryDirectory()
    let site = folder.path("site")
    try #require(ledger.run("site", site.path).status == 0)
    // A page the new site does not write (as a deleted record's) is gone after the next run.
    let stale = site.appendingPathComponent("people/gone.html")
    try Data("old".utf8).write(to: stale)
    try #require(ledger.run("site", site.path).status == 0)
    #expect(!FileManager.default.fileExists(atPath: stale.path))

    let foreign = folder.path("foreign")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    #expect(ledger.run("site", foreign.path).status != 0)
    #expect(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
  }

  /// Every file of a folder by its path inside it, with its inode: a file written anew has a
  /// new one, a file kept has the same.
  static func inodes(of root: URL) throws -> [String: UInt64] {
    var result: [String: UInt64] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let relative = enumerator?.nextObject() as? String {
      let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(relative).path)
      guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
      result[relative] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }
    return result
  }
}
