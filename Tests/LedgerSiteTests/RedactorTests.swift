import Testing

@testable import LedgerSite

/// The redaction on its own: a person's name in every way a text writes it, and phone numbers
/// however they are spaced.
@Suite struct RedactorTests {
  static let hidden = Redactor.placeholder

  @Test(arguments: [
    "Morel, Camille", "MOREL Camille", "Morel Camille", "C. Morel", "Morel C.", "Mme Morel", "M. Morel", "Dr Morel",
    "camille morel", "Camille Morél", "CAMILLE MOREL", "Mme Camille Morel",
  ])
  func everyVariantOfANameIsHidden(_ written: String) {
    let redact = Redactor(forbidden: NameVariants.of("Camille Morel"), hidesContactShapes: false)
    let text = "Seen with \(written) yesterday."
    let shown = redact(text)
    // The dot after a last initial may stay: it reads as the sentence's.
    #expect(shown.hasPrefix("Seen with \(Self.hidden)") && shown.hasSuffix(" yesterday."), "\(written): \(shown)")
    #expect(!shown.lowercased().contains("mor"), "\(written): \(shown)")
  }

  @Test func aSurnameAloneAndLongerWordsStay() {
    let redact = Redactor(forbidden: NameVariants.of("Camille Morel"), hidesContactShapes: false)
    for text in ["Morel", "Camille", "Morelli Camille", "Camille Moreland"] { #expect(redact(text) == text) }
  }

  @Test(arguments: [
    "06 12 34 56 78", "+33 (0)6 12 34 56 71", "06.12.34.56.78", "0033 6 12 34 56 78", "06-12-34-56-78",
    "+33 6 12 34 56 78", "+33612345678", "0612345678",
  ])
  func aPhoneNumberIsHiddenHoweverItIsWritten(_ written: String) {
    let redact = Redactor(forbidden: [], hidesContactShapes: true)
    #expect(redact("Call \(written), after 6.") == "Call \(Self.hidden), after 6.", "\(written)")
  }

  @Test func daysAmountsAndShortNumbersStay() {
    let redact = Redactor(forbidden: [], hidesContactShapes: true)
    for text in [
      "2026-12-06", "06/12/2026", "from 06/12/2026 to 07/12/2026", "1 234,50 €", "0.50", "ticket 2026-03-10-haz6g",
      "version 2.14", "room 0 12",
    ] {
      #expect(redact(text) == text)
    }
  }
}
