import Testing

@testable import LedgerLanguage

@Suite struct PhraseTests {
  @Test func interpolationsBecomeNumberedPlaceholders() {
    let name = "lsit"
    let phrase = Phrase("unknown command '\(name)' (\(3) known)")
    #expect(phrase.template == "unknown command '{1}' ({2} known)")
    #expect(phrase.english == "unknown command 'lsit' (3 known)")
  }

  @Test func theScannerReadsTheTemplateThePhraseMakes() {
    let source = #"""
      let a = tr("found \(items.count) \("x") in \(f(g(1), "(")) \"q\" \u{E9}")
      let b = Phrase("plain")
      let c = attr("not a phrase")
      """#
    let result = PhraseLiteralScanner.scan(source, file: "x.swift")
    #expect(result.found.map(\.template) == ["found {1} {2} in {3} \"q\" é", "plain"])
    #expect(result.unreadable.isEmpty)
  }

  @Test func theScannerReadsMultilineLiteralsAsSwiftDoes() {
    let name = "x"
    let phrase = Phrase(
      """
        Writes a folder "\(name)" \
      on one line
        and a second.
      """)
    let source = #"""
          let phrase = Phrase(
            """
              Writes a folder "\(name)" \
            on one line
              and a second.
            """)
      """#
    let result = PhraseLiteralScanner.scan(source, file: "x.swift")
    #expect(result.found.map(\.template) == [phrase.template])
    #expect(phrase.template == "  Writes a folder \"{1}\" on one line\n  and a second.")
  }

  @Test func aTemplateMayReorderItsArguments() {
    #expect(Phrase.fill("{2} de {1}", { ["a", "b"][$0] }) == "b de a")
    #expect(Phrase.fill("{x} {3} {", { _ in nil }) == "{x} {3} {")
  }

  @Test func theEnvironmentChoosesTheLanguageInPosixOrder() {
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .french)
    #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8", "LC_ALL": "C"]) == .english)
    #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "fr_CA"]) == .french)
    #expect(Language.fromEnvironment(["ADMINLEDGER_LANG": "en", "LANG": "fr_FR.UTF-8"]) == .english)
    #expect(Language.fromEnvironment([:]) == nil)
  }

  @Test func frenchCountsZeroAsSingular() {
    #expect(Language.french.singular(0) && Language.french.singular(1) && !Language.french.singular(2))
    #expect(!Language.english.singular(0) && Language.english.singular(1))
  }

  @Test func daysAndAmountsFollowTheLanguage() {
    #expect(LocalFormat.day("2026-12-06", in: .french) == "6 décembre 2026")
    #expect(LocalFormat.day("2026-12-01", in: .french) == "1er décembre 2026")
    #expect(LocalFormat.day("2026-12-06", in: .english) == "6 December 2026")
    #expect(LocalFormat.day("06/12/2026", in: .french) == "06/12/2026")
    #expect(LocalFormat.amount("1234.5", in: .french) == "1 234,50 €")
    #expect(LocalFormat.amount("-1234567.25", in: .english) == "-€1,234,567.25")
    #expect(LocalFormat.amount("12", currency: "CHF", in: .french) == "12,00 CHF")
    #expect(LocalFormat.amount("abc", in: .french) == "abc")
    #expect(LocalFormat.integer(1_234_567, in: .french) == "1 234 567")
  }

  @Test func monthsFollowTheLanguage() {
    #expect(LocalFormat.month("2026-01", in: .english) == "January 2026")
    #expect(LocalFormat.month("2026-01", in: .french) == "janvier 2026")
    #expect(LocalFormat.month("2026-12", in: .french) == "décembre 2026")
    // What is no month is returned as it is.
    for text in ["2026-13", "2026-00", "2026-1", "26-01", "2026-12-06", "2026/01", "", "abcd-ef"] {
      #expect(LocalFormat.month(text, in: .french) == text)
    }
  }
}
