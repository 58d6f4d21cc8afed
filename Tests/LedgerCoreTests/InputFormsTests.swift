import Foundation
import LedgerLanguage
import LedgerSchema
import LedgerTestSupport
import Testing

@testable import LedgerCore

/// Values typed in the users' forms: amounts with a decimal comma and spaces, national phone
/// numbers read with the ledger's country, day-first dates where the ledger or the reader is
/// French; each stored in the ledger's one form, and what cannot be read refused with the forms
/// expected.
@Suite struct InputFormsTests {
  let french = InputConventions(currency: "EUR", country: "FR", readsDayFirst: true)
  let english = InputConventions(currency: "EUR", country: nil, readsDayFirst: false)

  // MARK: - Amounts

  @Test(arguments: [
    ("12,50", "12.50"), ("1 234,50", "1234.50"), ("1 234,50 €", "1234.50"), ("1\u{202F}234,50\u{00A0}€", "1234.50"),
    ("€1234.5", "1234.5"), ("-3,2", "-3.2"), ("1 860", "1860"), ("12 EUR", "12"), ("0012,00", "12.00"),
  ])
  func amountsAreStoredWithAPoint(_ typed: String, _ stored: String) throws {
    #expect(try InputForms.amount(typed, field: "amount", conventions: french) == stored)
  }

  @Test(arguments: ["12.50", "1860.00", "-4", "0"])
  func storedAmountsStayAsTheyAre(_ typed: String) throws {
    #expect(try InputForms.amount(typed, field: "amount", conventions: french) == nil)
  }

  @Test(arguments: ["12,5,0", "1,234", "1 23,50", "12,505", "douze", "1.234,50", "", "12 345 6"])
  func unreadableAmountsSayTheForms(_ typed: String) {
    #expect {
      try InputForms.amount(typed, field: "amount", conventions: french)
    } throws: { error in
      guard let problem = error as? InputFormProblem else { return false }
      return problem.message.contains("cannot read \"\(typed)\" as an amount") && problem.hint.contains("1234.50")
        && problem.hint.contains("1 234,50")
    }
  }

  // MARK: - Phone numbers

  @Test(arguments: [
    ("06 12 34 56 78", "+33612345678"), ("06.12.34.56.78", "+33612345678"), ("+33 (0)6 12 34 56 71", "+33612345671"),
    ("0033 6 12 34 56 78", "+33612345678"), ("+33 06 12 34 56 78", "+33612345678"), ("+41 78 123 45 67", "+41781234567"),
  ])
  func phoneNumbersAreStoredInInternationalForm(_ typed: String, _ stored: String) throws {
    #expect(try InputForms.phone(typed, field: "phone", conventions: french) == stored)
  }

  @Test(arguments: ["06 12 34 56", "6 12 34 56 78", "+33 6 12 34", "06 12 AB 56 78"])
  func wrongFrenchNumbersAreRefused(_ typed: String) {
    #expect(throws: InputFormProblem.self) { try InputForms.phone(typed, field: "phone", conventions: french) }
  }

  @Test func aNationalNumberNeedsTheLedgersCountry() throws {
    #expect {
      try InputForms.phone("06 12 34 56 78", field: "phone", conventions: english)
    } throws: { error in
      (error as? InputFormProblem)?.hint.contains("set \"country\" in ledger.json") == true
    }
    #expect(try InputForms.phone("+33 6 12 34 56 78", field: "phone", conventions: english) == "+33612345678")
  }

  @Test func anotherCountryReadsItsOwnNationalForm() throws {
    let belgian = InputConventions(country: "BE")
    #expect(try InputForms.phone("0470 12 34 56", field: "phone", conventions: belgian) == "+32470123456")
    let unknown = InputConventions(country: "JP")
    #expect(throws: InputFormProblem.self) { try InputForms.phone("090 1234 5678", field: "phone", conventions: unknown) }
  }

  // MARK: - Days

  @Test(arguments: [("06/12/2026", "2026-12-06"), ("6/1/2026", "2026-01-06"), ("29/02/2028", "2028-02-29")])
  func frenchDaysAreStoredYearFirst(_ typed: String, _ stored: String) throws {
    #expect(try InputForms.day(typed, field: "paid_until", conventions: french) == stored)
  }

  @Test func impossibleDaysAreRefused() {
    #expect {
      try InputForms.day("31/02/2026", field: "paid_until", conventions: french)
    } throws: { error in
      guard let problem = error as? InputFormProblem else { return false }
      return problem.message.contains("is not a day of the calendar") && problem.hint.contains("DD/MM/YYYY")
    }
  }

  @Test func anEnglishReadingRefusesTheAmbiguousForm() throws {
    #expect {
      try InputForms.day("06/12/2026", field: "paid_until", conventions: english)
    } throws: { error in
      (error as? InputFormProblem)?.hint.contains("YYYY-MM-DD") == true
    }
    #expect(try InputForms.day("2026-12-06", field: "paid_until", conventions: english) == nil)
  }

  // MARK: - Settings

  @Test func theCountryComesFromTheSettingsThenTheLanguage() throws {
    func country(_ json: String) throws -> String? { try LedgerSettings.read(Array(json.utf8)).country }
    let base = #""name": "L", "timezone": "Europe/Paris", "currency": "EUR""#
    #expect(try country("{\(base), \"country\": \"BE\", \"language\": \"fr\"}") == "BE")
    #expect(try country("{\(base), \"language\": \"fr-CH\"}") == "CH")
    #expect(try country("{\(base), \"language\": \"fr\"}") == "FR")
    #expect(try country("{\(base), \"language\": \"en\"}") == nil)
  }

  // MARK: - Pattern wording

  @Test func aPatternFailureNamesTheFormNotTheRegularExpression() throws {
    let schema = try #require(SchemaRegistry.standard().schema(at: BuiltinSchemas.uri(for: "payments")))
    let result = schema.validate(.object(["provider": "x", "amount": "12,50", "status": "paid"]))
    let message = try #require(result.errors.first { $0.keyword == "pattern" }?.message)
    #expect(message == #""amount" must be an amount such as 1234.50 (a point before the cents, no spaces), found "12,50""#)
    #expect(!message.contains("^"))
  }
}

/// The same, end to end through the command line: what `set` stores and says.
@Suite struct InputFormsCommandTests {

  func ledger() throws -> (TemporaryDirectory, CLIRunner) {
    let directory = try TemporaryDirectory()
    let cli = CLIRunner(directory: directory.url)
    try #require(cli.run("init", "--name", "Test").status == 0)
    for step in [
      ["add", "organizations", "cen-paca", "--set", "name=CEN PACA", "--set", "type=member"],
      ["add", "people", "hugo", "--set", "name=Hugo Lefèvre", "--set", "organization=cen-paca"],
    ] {
      let result = cli.run(step)
      try #require(result.status == 0, "\(result)")
    }
    return (directory, cli)
  }

  @Test func anAmountWithADecimalCommaIsStoredWithAPoint() throws {
    let (directory, cli) = try ledger()
    let added = cli.run(
      "add", "payments", "--set", "provider=cen-paca", "--set", "amount=1 234,50 €", "--set", "status=received")
    #expect(added.status == 0, "\(added)")
    #expect(added.output.contains(#"amount: "1234.50""#), "\(added)")
    let listed = withExtendedLifetime(directory) { cli.run("list", "payments", "--fields", "amount", "--format", "csv") }
    #expect(listed.output.contains("1234.50"), "\(listed)")
  }

  @Test func aNationalPhoneNumberNeedsTheCountryThenIsStoredInInternationalForm() throws {
    let (directory, cli) = try ledger()
    let refused = cli.run("set", "people/hugo", "--set", "phone=06 12 34 56 78")
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.error.contains("a national number needs the ledger's country"), "\(refused)")
    #expect(!refused.error.contains("^\\+"), "\(refused)")
    var settings = try #require(directory.read("ledger.json"))
    settings = settings.replacingOccurrences(of: "\"currency\": \"EUR\",", with: "\"country\": \"FR\",\n  \"currency\": \"EUR\",")
    try directory.write("ledger.json", settings)
    #expect(cli.run("commit", "-m", "The ledger's country").status == 0)
    let set = cli.run("set", "people/hugo", "--set", "phone=+33 (0)6 12 34 56 71")
    #expect(set.status == 0, "\(set)")
    #expect(set.output.contains(#"phone: "+33612345671""#), "\(set)")
    #expect(try #require(directory.read("people/hugo.json")).contains(#""+33612345671""#))
  }

  @Test func aFrenchLedgerReadsDaysFirstAndSaysWhatIsWrong() throws {
    let (directory, cli) = try ledger()
    let english = cli.run("set", "people/hugo", "--set", "paid_until=31/12/2026", "--lang", "fr")
    #expect(english.status == 1, "\(english)")
    #expect(english.error.contains("écrivez-la AAAA-MM-JJ"), "\(english)")
    var settings = try #require(directory.read("ledger.json"))
    settings = settings.replacingOccurrences(
      of: "\"currency\": \"EUR\",", with: "\"currency\": \"EUR\",\n  \"language\": \"fr\",")
    try directory.write("ledger.json", settings)
    #expect(cli.run("commit", "-m", "A French ledger").status == 0)
    let set = cli.run("set", "people/hugo", "--set", "paid_until=31/12/2026", "--format", "json")
    #expect(set.status == 0, "\(set)")
    #expect(try #require(directory.read("people/hugo.json")).contains(#""2026-12-31""#))
    let impossible = cli.run("set", "people/hugo", "--set", "paid_until=31/02/2026")
    #expect(impossible.status == 1, "\(impossible)")
    #expect(impossible.error.contains("YYYY-MM-DD"), "\(impossible)")
    let french = cli.run("set", "people/hugo", "--set", "paid_until=31/02/2026", "--lang", "fr")
    #expect(french.error.contains("n'est pas un jour du calendrier"), "\(french)")
  }

  @Test func aWrongFormSaysTheFormInWords() throws {
    let (directory, cli) = try ledger()
    let refused = cli.run("set", "people/hugo", "--set", "phone=12,5,0")
    #expect(refused.status == 1)
    #expect(!refused.error.contains("[0-9]"), "\(refused)")
    try directory.write("people/hugo.json", "{\n  \"name\": \"Hugo\",\n  \"phone\": \"06 12\"\n}\n")
    let checked = cli.run("commit", "-m", "A phone by hand")
    #expect(checked.status == 1, "\(checked)")
    #expect(checked.error.contains("an international phone number such as +33612345678"), "\(checked)")
    #expect(!checked.error.contains("^\\+"), "\(checked)")
  }
}

/// Removing a record others still name: one finding per referring record, saying the change
/// removes it (not that it "does not exist"), with what to do first.
@Suite struct RemovalOfAReferencedRecordTests {
  @Test func eachReferringRecordSaysItStillRefersToTheRemovedOne() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    #expect(cli.run("add", "people", "iroux", "--set", "name=Inès Roux", "--set", "organization=cen-paca").status == 0)
    let refused = cli.run("rm", "organizations/cen-paca")
    #expect(refused.status == 1, "\(refused)")
    let findings = refused.error.split(separator: "\n").filter { $0.contains("error[ref-exists]") }
    #expect(findings.count == 2, "\(refused)")
    #expect(
      refused.error.contains(
        #"people/hugo.json:3:19: error[ref-exists]: still refers to organizations/cen-paca (in "organization"), which this change removes"#
      ), "\(refused)")
    #expect(!refused.error.contains("does not exist"), "\(refused)")
    #expect(refused.error.contains("change or remove people/hugo first"), "\(refused)")
    #expect(directory.read("organizations/cen-paca.json") != nil)
    let french = cli.run("rm", "organizations/cen-paca", "--lang", "fr")
    #expect(french.error.contains("désigne encore organizations/cen-paca"), "\(french)")
  }

  @Test func aReferenceToARecordThatNeverExistedStillSaysSo() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    withExtendedLifetime(directory) {
      let refused = cli.run("set", "people/hugo", "--set", "organization=nowhere")
      #expect(refused.error.contains(#""organization" names organizations/nowhere, which does not exist"#), "\(refused)")
    }
  }
}

/// A few diagnostics in French: the wording of the run's language, the rule names unchanged.
@Suite struct FrenchDiagnosticsTests {
  @Test func schemaAndInputMessagesSpeakFrench() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    let unknown = cli.run("set", "people/hugo", "--set", "phone=12,5,0", "--lang", "fr")
    #expect(
      unknown.error.contains(#"error[input]: "phone" : impossible de lire "12,5,0" comme un numéro de téléphone"#), "\(unknown)")
    try directory.write("people/hugo.json", "{\n  \"name\": \"Hugo\",\n  \"phone\": \"06 12\"\n}\n")
    let checked = cli.run("commit", "-m", "A phone by hand", "--lang", "fr")
    #expect(
      checked.error.contains(
        #"error[schema/pattern]: "phone" doit être un numéro de téléphone international comme +33612345678, trouvé "06 12""#),
      "\(checked)")
    let json = cli.run("commit", "-m", "A phone by hand", "--lang", "fr", "--format", "json")
    #expect(
      json.output.contains("an international phone number") || json.error.contains("an international phone number"), "\(json)")
  }

  @Test func aFileThatIsNoJSONIsSaidInFrench() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    try directory.write("people/bad.json", "{\"name\": }\n")
    let french = cli.run("commit", "-m", "Broken", "--lang", "fr")
    #expect(french.error.contains("people/bad.json:1:10: error[json]: attendu une valeur mais trouvé '}'"), "\(french)")
    let english = cli.run("commit", "-m", "Broken")
    #expect(english.error.contains("people/bad.json:1:10: error[json]: expected a value but found '}'"), "\(english)")
  }

  @Test func messagesAreMadeInTheLanguageOfTheRun() {
    let english = Language.$current.withValue(.english) { InputConversion(field: "amount", given: "12,50", stored: "12.50").note }
    let french = Language.$current.withValue(.french) { InputConversion(field: "amount", given: "12,50", stored: "12.50").note }
    #expect(english == #""amount": "12,50" is stored as 12.50"#)
    #expect(french == #""amount" : "12,50" est enregistré sous la forme 12.50"#)
  }
}

/// The training follow-up sheet is French by definition: its days are read day first and its
/// durations with a decimal comma, without `--date-format` or `--decimal-comma`.
@Suite struct TrainingSheetIsFrenchTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func theSheetImportsWithoutFlags() throws {
    let directory = try TemporaryDirectory()
    let cli = CLIRunner(directory: directory.url)
    try #require(cli.run("init", "--name", "platform").status == 0)
    let source = Self.repository.appendingPathComponent("ledger/platform")
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      let target = directory.url.appendingPathComponent(item)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: target)
    }
    try #require(cli.run("commit", "-m", "Import the sample").status == 0)
    for step in [
      ["add", "people", "nchevalier", "--set", "name=Nina Chevalier", "--set", "organization=lpo-paca"],
      ["add", "people", "plambert", "--set", "name=Paul Lambert", "--set", "organization=lpo-paca"],
      ["add", "organizations", "cdl", "--set", "name=Conservatoire du littoral", "--set", "type=partner"],
      ["add", "people", "mgirard-cdl", "--set", "name=Manon Girard", "--set", "organization=cdl"],
    ] {
      try #require(cli.run(step).status == 0)
    }
    let file = Self.repository.appendingPathComponent("ledger/imports/training-followup-spreadsheet.csv").path
    let imported = cli.run("import", "trainings", file, "--profile", "training-followup")
    #expect(imported.status == 0, "\(imported)")
    let sessions = cli.run(
      "list", "trainings", "--where", "date=2025-05-12", "--fields", "date,duration_hours", "--format", "csv")
    #expect(sessions.output == "date,duration_hours\n2025-05-12,3.5\n", "\(sessions)")
  }
}

/// Import cells are read in the same forms, and each conversion is kept with its line for the
/// import's report.
@Suite struct ImportCellFormsTests {
  @Test func cellsInThePeoplesFormsAreStoredInTheLedgersAndNoted() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    let ledger = try Ledger.open(from: directory.url)
    let table = try CSVTable.read(
      Array("provider,amount,status\ncen-paca,\"1 234,50 €\",received\ncen-paca,12.50,received\n".utf8))
    var mode = ImportMode()
    mode.dryRun = true
    let outcome = try ledger.store.importTable(
      table, file: "p.csv", kind: .payments, profile: .generic, options: ImportOptions(today: "2026-11-18"), mode: mode,
      by: claire, at: fixedDate)
    let amounts = outcome.reconciliation.changes.compactMap { $0.record.fields["amount"]?.stringValue }
    #expect(amounts.sorted() == ["12.50", "1234.50"])
    #expect(
      outcome.reconciliation.conversions == [InputConversion(field: "amount", given: "1 234,50 €", stored: "1234.50", line: 2)])
    let refused = Result {
      try ledger.store.importTable(
        CSVTable.read(Array("provider,amount,status\ncen-paca,\"12,5,0\",received\n".utf8)), file: "p.csv", kind: .payments,
        profile: .generic, options: ImportOptions(today: "2026-11-18"), mode: mode, by: claire, at: fixedDate)
    }
    guard case .failure(StoreError.importRefused(_, let problems)) = refused else {
      Issue.record("not refused: \(refused)")
      return
    }
    #expect(problems.first?.message == #""amount": cannot read "12,5,0" as an amount"#)
    #expect(problems.first?.hint?.contains("1 234,50") == true)
    _ = cli
  }
}

/// A date in a query condition: a day in the ledger's form, or typed day first in a French
/// ledger; anything else is an error naming the forms, not a silent text comparison.
@Suite struct ConditionDaysTests {
  @Test func aConditionOnDaysReadsTheForms() throws {
    let (directory, cli) = try InputFormsCommandTests().ledger()
    #expect(cli.run("set", "people/hugo", "--set", "paid_until=2026-12-31").status == 0)
    let refused = cli.run("list", "people", "--where", "paid_until<06/12/2027")
    #expect(refused.status == 2, "\(refused)")
    #expect(
      refused.error.contains(
        #"expected a date such as 2026-12-06 (year, month, day), or today, found "06/12/2027" at column 12"#),
      "\(refused)")
    var settings = try #require(directory.read("ledger.json"))
    settings = settings.replacingOccurrences(
      of: "\"currency\": \"EUR\",", with: "\"currency\": \"EUR\",\n  \"language\": \"fr\",")
    try directory.write("ledger.json", settings)
    #expect(cli.run("commit", "-m", "A French ledger").status == 0)
    let found = cli.run("list", "people", "--where", "paid_until<06/12/2027", "--fields", "id")
    #expect(found.output == "id\nhugo\n", "\(found)")
    let none = cli.run("list", "people", "--where", "paid_until<06/12/2026", "--fields", "id")
    #expect(!none.output.contains("hugo"), "\(none)")
  }
}
