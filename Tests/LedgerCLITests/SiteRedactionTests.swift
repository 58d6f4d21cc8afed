import Foundation
import LedgerTestSupport
import Testing

/// Redaction that follows the person: a partner's site hides anyone else by every name they
/// had and however a text writes it, a public site hides phone numbers however they are spaced.
/// Each test plants such text in a copy of the platform's sample and scans every page written.
@Suite struct SiteRedactionTests {
  /// A record's file, changed in place with `change`, in the sandbox.
  static func edit(_ ledger: LedgerSandbox, _ path: String, _ change: (inout [String: Any]) -> Void) throws {
    let url = ledger.directory.path(path)
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    change(&object)
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: url)
  }

  /// Every text of the page folded as the redaction folds it: lower case, no accents.
  static func folded(_ document: HTMLDocument) -> [String] {
    SiteTests.Site.strings(of: document).map {
      $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
  }

  @Test func aPartnersSiteHidesAnotherPersonByEveryNameTheyHadAndEveryVariant() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    // Anaïs Faure (lpo-paca) is renamed: her former name must stay hidden too.
    #expect(ledger.run("set", "people/afaure", "--set", "name=Anaïs Roche").status == 0)
    let planted = """
      Met Morel, Camille and MOREL Camille, then C. Morel and Morel C.; Mme Morel, M. Morel and \
      Dr Morel agreed; camille morel wrote, CAMILLE MORÉL too. Anais Faure (now ANAÏS ROCHE), \
      Mme Faure, A. Roche.
      """
    try Self.edit(ledger, "people/tblanc.json") { $0["notes"] = planted }
    try Self.edit(ledger, "tickets/2026-03-10-haz6g.json") { $0["title"] = "Export asked by " + planted }
    let committed = ledger.run("commit", "-m", "Notes after meeting Mme Morel and Anaïs Faure")
    try #require(committed.status == 0, "\(committed)")
    let site = try SiteTests.Site(ledger, "--for", "pnr-queyras")
    let ticket = try #require(site.pages["tickets/2026-03-10-haz6g.html"])
    #expect(Self.folded(ticket).contains { $0.contains("export asked by") })
    #expect(site.pages["people/tblanc.html"].map { Self.folded($0).contains { $0.contains("agreed") } } == true)
    for (path, document) in site.pages {
      for text in Self.folded(document) {
        for name in ["morel", "faure", "roche", "camille", "anais"] where text.contains(name) {
          Issue.record("\(path) shows \(name): \(text)")
        }
      }
    }
  }

  @Test func aPublicSiteHidesPhoneNumbersHoweverTheyAreWritten() throws {
    let ledger = try ValidationCommandTests.sample("platform")
    let planted = """
      Call 06 12 34 56 78, +33 (0)6 12 34 56 71, 06.12.34.56.72, 0033 6 12 34 56 73 \
      or 06-12-34-56-74 before 2026-03-10.
      """
    try Self.edit(ledger, "tickets/2026-03-10-haz6g.json") {
      $0["title"] = planted
      $0["resolution"] = "Phoned +33 6 12 34 56 75 and 06 12 34 56 76"
    }
    let committed = ledger.run("commit", "-m", "Reached them at 06 12 34 56 77")
    try #require(committed.status == 0, "\(committed)")
    let site = try SiteTests.Site(ledger, "--public")
    let ticket = try #require(site.pages["tickets/2026-03-10-haz6g.html"])
    #expect(SiteTests.Site.strings(of: ticket).contains { $0.contains("Call ") && $0.contains("2026-03-10") })
    for (path, document) in site.pages {
      for text in SiteTests.Site.strings(of: document) {
        let digits = text.filter { $0.isNumber }
        for last in 0...7 where digits.contains("61234567\(last)") {
          Issue.record("\(path) shows the phone ending \(last): \(text)")
        }
      }
    }
  }
}
