import LedgerCore
import Testing

/// `x-unique` compares values by code points, on a store without a value index (memory):
/// logins "ren" + "é" (U+00E9) and "ren" + "e" + U+0301 are two logins.
@Suite struct CodePointUniquenessTests {
  @Test(arguments: [("ren\u{E9}", true), ("rene\u{301}", false)])
  func loginsAreUniqueByCodePoints(_ login: String, _ duplicate: Bool) throws {
    var files = RuleTests.base.mapValues { Array($0.utf8) }
    files[LedgerSettings.fileName] = Array(#"{"name": "T", "timezone": "Europe/Paris", "currency": "EUR"}"#.utf8)
    files["accounts/first.json"] = Array(
      #"{"person": "bob", "system": "portal", "status": "active", "login": "ren\#u{E9}"}"#.utf8)
    let snapshot = try MemoryRecordStore(files: files).snapshot(at: nil)
    let record = #"{"person": "ana", "system": "portal", "status": "active", "login": "\#(login)"}"#
    let change = ChangeSet.FileChange(path: "accounts/second.json", content: Array(record.utf8))
    let findings = try LedgerValidator(snapshot, changes: [change]).validateChanges([change])
    #expect(findings.contains { $0.rule == "unique" } == duplicate, "\(findings.map(\.message))")
  }
}
