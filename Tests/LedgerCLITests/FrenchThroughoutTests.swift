import Foundation
import LedgerLanguage
import LedgerTestSupport
import Testing

/// A French reader meets no English: a day of the association's work run with `--lang fr`, and
/// the demo run with `LANG=fr_FR.UTF-8`, ask the catalogue for no phrase it lacks.
///
/// `Catalogue.missing` gathers, for the whole test process, the phrases asked in French and not
/// found; only French runs add to it, and every French run must find all it asks, so the check
/// holds whatever runs alongside.
@Suite struct FrenchThroughoutTests {
  /// Commands of an ordinary day, as an administrator of the association types them; some fail
  /// on purpose, so refusals and hints are asked in French too.
  static let day: [[String]] = [
    ["validate"], ["status"], ["list", "people", "--where", "functions=delegate"],
    ["show", "people/tnguyen", "--refs"], ["set", "people/tnguyen", "--set", "nmae=Thu"],
    ["set", "people/tnguyen", "--set", "member_status=retired"],
    ["set", "people/tnguyen", "--set", "notes=mot de passe : Soleil2026!"],
    ["set", "people/tnguyen", "--set", "department=84"], ["rm", "people/tnguyen"],
    ["log", "people/tnguyen", "--limit", "2"], ["blame", "people/tnguyen"], ["diff", "HEAD~1..HEAD"],
    ["report", "expiring", "--within", "90d"], ["report", "consistency"], ["report", "entitlements"],
    ["report", "duties"], ["report", "person", "tnguyen"], ["report", "access", "website"],
    ["report", "annual", "--year", "2026"], ["report", "unused", "--since", "90d"], ["audit"],
    ["offboard", "tnguyen", "--on", "2026-11-30", "--dry-run"], ["list", "peple"], ["show", "people/nobody"],
  ]

  @Test func aDayOfTheAssociationInFrenchAsksForNoMissingPhrase() throws {
    let ledger = try ValidationCommandTests.sample("association")
    var outputs: [String] = []
    for command in Self.day {
      let result = ledger.cli.run(command + ["--lang", "fr"])
      outputs.append("$ \(command.joined(separator: " "))\n\(result.output)\(result.error)")
    }
    let transcript = outputs.joined(separator: "\n")
    #expect(Catalogue.missing.isEmpty, "phrases without French:\n\(Catalogue.missing.sorted().joined(separator: "\n"))")
    for english in ["The ledger is valid", "hint:", "did you mean", "error: no record", "Expiring"] {
      #expect(!transcript.contains(english), "English left in French output: \(english)\n\(transcript)")
    }
  }

  /// A language AdminLedger does not speak is refused before anything runs, saying which it speaks;
  /// a locale-style tag names the language it starts with.
  @Test func anUnknownLanguageIsRefusedWithTheOnesSpoken() throws {
    let ledger = try LedgerSandbox()
    let refused = ledger.run("list", "people", "--lang", "de")
    #expect(refused.status == 2, "\(refused)")
    #expect(refused.error.contains("AdminLedger does not speak 'de'"), "\(refused.error)")
    #expect(refused.error.contains("use --lang en or --lang fr"), "\(refused.error)")
    let french = ledger.run("list", "peple", "--lang", "fr_FR.UTF-8")
    #expect(french.error.contains("type de fiche inconnu 'peple'"), "\(french.error)")
  }

  @Test func theDemoSpeaksFrenchThroughout() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folder = try TemporaryDirectory()
    let demo = try ExternalProgram.run(
      URL(fileURLWithPath: "/bin/bash"),
      [root.appendingPathComponent("ledger/demo.sh").path, try ExternalProgram.builtTool().path],
      in: folder.url, environment: ["LANG": "fr_FR.UTF-8", "ADMINLEDGER_CHECK_CATALOGUE": "1"])
    let transcript = demo.output + demo.error
    #expect(demo.status == 0, "\(transcript)")
    #expect(transcript.contains("## Lire : un tableau, une fiche, du JSON pour les scripts"))
    let untranslated = transcript.components(separatedBy: "\n").filter { $0.contains("untranslated phrase") }
    #expect(untranslated.isEmpty, "\(Set(untranslated).sorted().joined(separator: "\n"))")
    for english in ["The ledger is valid", "hint:", "Updated ", "Added ", "Imported "] {
      #expect(!transcript.contains(english), "English left in the French demo: \(english)")
    }
  }
}
