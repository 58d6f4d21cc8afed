import Foundation
import LedgerTestSupport
import Testing

/// Query conditions and `x-unique` compare text by code points: "é" (U+00E9) is not
/// "e" + U+0301, though Swift's `String ==` says they are equal.
@Suite struct CodePointQueryTests {
  static let composed = "\u{E9}"
  static let decomposed = "e\u{301}"

  static func ledger() throws -> LedgerSandbox {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    for (id, name) in [("composed", "Ren\(composed)"), ("decomposed", "Ren\(decomposed)")] {
      let result = ledger.run("add", "people", id, "--set", "name=\(name)", "--set", "organization=cen-paca")
      try #require(result.status == 0, "\(result)")
    }
    return ledger
  }

  @Test(arguments: [(composed, "composed"), (decomposed, "decomposed")])
  func equalityMatchesOnlyTheSameCodePoints(_ letter: String, _ id: String) throws {
    let ledger = try Self.ledger()
    let result = ledger.run("list", "people", "--where", "name=Ren\(letter)", "--fields", "id")
    #expect(result.status == 0, "\(result)")
    #expect(result.output == "id\n\(id)\n", "\(result)")
    let other = ledger.run("list", "people", "--where", "name!=Ren\(letter)", "--where", "name~ren", "--fields", "id")
    #expect(other.output == "id\n\(id == "composed" ? "decomposed" : "composed")\n", "\(other)")
  }

  @Test func orderIsByCodePoints() throws {
    let ledger = try Self.ledger()
    // "e" (U+0065) + U+0301 sorts before "é" (U+00E9): byte 0x65 < 0xC3.
    let result = ledger.run("list", "people", "--where", "name<Ren\(Self.composed)", "--where", "name~ren", "--fields", "id")
    #expect(result.output == "id\ndecomposed\n", "\(result)")
  }

  /// Accounts are `x-unique` by system and login (emails must be ASCII, so logins show it).
  @Test func canonicallyEquivalentLoginsAreNotDuplicates() throws {
    let ledger = try LedgerSandbox()
    try ledger.seed()
    func add(_ id: String, login: String) -> CLIResult {
      ledger.run(
        "add", "accounts", id, "--set", "person=hugo", "--set", "system=geonature",
        "--set", "status=active", "--set", "login=ren\(login)")
    }
    let first = add("composed", login: Self.composed)
    try #require(first.status == 0, "\(first)")
    let second = add("decomposed", login: Self.decomposed)
    #expect(second.status == 0, "\(second)")
    let same = add("again", login: Self.composed)
    #expect(same.status != 0 && same.error.contains("already used by accounts/composed"), "\(same)")
  }
}
