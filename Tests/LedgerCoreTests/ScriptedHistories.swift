import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

// The histories the conformance suite plays on both implementations. Every one starts from
// the same ledger: a policy with an admin role (Claire and Marc) and a treasurer role (Tom),
// and three people with no role (Hugo, Anne, Léa) whose fields the scripts change.

let tom = Author(name: "Tom Blanc", email: "tom.blanc@example.org")
/// Nobody's git identity.
let eve = Author(name: "Eve Noir", email: "eve@example.org")

/// The scripted histories, each a test case.
enum ScriptedCase: String, CaseIterable, CustomTestStringConvertible, Sendable {
  /// One line: records added, set and removed; a policy change, a people change and a file
  /// outside the kinds' folders by the treasurer; an approval recorded in the treasurer's name
  /// by someone else; files that do not validate; an unknown author; an empty commit and a
  /// backdated one.
  case linear
  /// Two sides change different fields of one record, add different elements to one set and
  /// make one same change; then an octopus merge.
  case sideMerge
  /// Conflicts settled by `Ledger-Resolved` trailers: ours, theirs, a value set, a whole record.
  case resolutions
  /// A merge that drops one side's change, invents a value and slips in a record.
  case evilMerge
  /// A criss-cross (two merges of the same two commits, then a merge of their descendants),
  /// then another merge on top, which brings a field's removal.
  case crissCross
  /// Commits amended away: the branch moved back and built on again.
  case rewrite
  /// Signed commits required: a good signature, one by a wrong key, an unsigned commit.
  case signed

  var testDescription: String { rawValue }

  /// The script; `keys` is a folder for the signing keys the signed history makes.
  func script(keys: URL) throws -> HistoryScript {
    switch self {
    case .linear: return Self.linearScript()
    case .sideMerge: return Self.sideMergeScript()
    case .resolutions: return Self.resolutionsScript()
    case .evilMerge: return Self.evilMergeScript()
    case .crissCross: return Self.crissCrossScript()
    case .rewrite: return Self.rewriteScript()
    case .signed:
      return Self.signedScript(
        claireKey: try SSHKeyPair(name: "claire", in: keys),
        marcKey: try SSHKeyPair(name: "marc", in: keys))
    }
  }

  // MARK: - The ledger every script starts from

  static let settings = #"""
    {
      "currency": "EUR",
      "name": "Scripted ledger",
      "policy": {
        "roles": {
          "admin": {"change_policy": true, "grant_rights": true, "write": ["*"]},
          "treasurer": {"approve_payments": true, "write": ["payments", "contracts"]}
        }
      },
      "timezone": "Europe/Paris"
    }
    """#

  /// The first commit's files; `extra` adds to them or replaces some.
  static func creation(_ extra: [ScriptEdit] = [], settings: String = settings) -> [ScriptEdit] {
    [
      .write("ledger.json", settings),
      .write("organizations/cen-paca.json", #"{"name": "CEN PACA", "type": "member"}"#),
      .write("organizations/ovh.json", #"{"name": "OVH", "type": "provider"}"#),
      .write(
        "people/claire.json",
        #"{"git_identities": ["claire.durand@example.org"], "ledger_roles": [{"role": "admin"}], "name": "Claire Durand", "organization": "cen-paca"}"#
      ),
      .write(
        "people/marc.json",
        #"{"git_identities": ["marc.petit@example.org"], "ledger_roles": [{"role": "admin"}], "name": "Marc Petit", "organization": "cen-paca"}"#
      ),
      .write(
        "people/tom.json",
        #"{"git_identities": ["tom.blanc@example.org"], "ledger_roles": [{"role": "treasurer"}], "name": "Tom Blanc"}"#
      ),
      .write(
        "people/hugo.json",
        #"{"emails": ["hugo@example.org"], "name": "Hugo Lefèvre", "organization": "cen-paca", "phone": "+33600000001"}"#
      ),
      .write(
        "people/anne.json",
        #"{"name": "Anne Martin", "organization": "cen-paca", "phone": "+33600000002"}"#),
      .write("people/lea.json", #"{"name": "Léa Roux", "phone": "+33600000003"}"#),
    ] + extra
  }

  static func phone(_ person: String, _ number: String) -> ScriptEdit {
    .set("people/\(person).json", #"{"phone": "\#(number)"}"#)
  }

  static func department(_ person: String, _ code: String) -> ScriptEdit {
    .set("people/\(person).json", #"{"department": "\#(code)"}"#)
  }

  // MARK: - The scripts

  static func linearScript() -> HistoryScript {
    var script = HistoryScript("linear")
    script.commit("create", by: claire, "Create ledger Scripted ledger", creation())
    script.commit(
      "addSystem", by: claire, "Add systems/geonature, accounts/hugo-geonature",
      [
        .write(
          "systems/geonature.json",
          #"{"name": "GeoNature", "roles": ["reader", "admin"], "type": "application"}"#),
        .write(
          "accounts/hugo-geonature.json",
          #"{"person": "hugo", "status": "active", "system": "geonature"}"#),
      ])
    script.commit(
      "setPhone", by: marc, "Set people/hugo: emails, phone",
      [
        .set(
          "people/hugo.json",
          #"{"emails": ["hugo@example.org", "hugo.l@example.org"], "phone": "+33611111111"}"#)
      ])
    script.commit(
      "policyByTom", by: tom, "Review every year",
      [
        .set("ledger.json", #"{"review_interval": "1y"}"#)
      ])
    script.commit("peopleByTom", by: tom, "Set people/anne: department", [department("anne", "13")])
    script.commit(
      "invoice", by: tom, "Add payments/2026-11-18-k3f9q",
      [
        .write(
          "payments/2026-11-18-k3f9q.json",
          #"{"amount": "120.00", "invoice_ref": "F-1", "provider": "ovh", "status": "received"}"#)
      ])
    script.commit(
      "approvalByMarc", by: marc, "Set payments/2026-11-18-k3f9q: approved",
      [
        .set(
          "payments/2026-11-18-k3f9q.json",
          #"{"approved_by": "tom", "approved_on": "2026-11-18", "status": "approved"}"#)
      ])
    script.commit(
      "readmeByTom", by: tom, "Explain the ledger",
      [.write("README.md", "The association's ledger.\n")])
    script.commit(
      "invalidFiles", by: claire, "Add people/bad, people/broken, people/old/x",
      [
        .write("people/bad.json", #"{"phone": "12"}"#), .write("people/broken.json", "not JSON\n"),
        .write("people/old/x.json", #"{"name": "X"}"#), .write("people/notes.txt", "Notes\n"),
      ])
    script.commit(
      "removeAccount", by: claire, "Remove accounts/hugo-geonature",
      [.remove("accounts/hugo-geonature.json")])
    script.commit("stranger", by: eve, "Set people/lea: phone", [phone("lea", "+33611111112")])
    script.commit("empty", by: claire, "Nothing changed", [])
    // Dated 105 minutes before its parent (more than two clocks may differ), between the
    // second and third steps' dates.
    script.commit(
      "backdated", by: marc, "Set people/lea: department", [department("lea", "13")],
      backdatedBy: 6_300)
    script.commit(
      "unsetPhone", by: claire, "Unset people/anne: phone", [.unset("people/anne.json", ["phone"])])
    return script
  }

  static func sideMergeScript() -> HistoryScript {
    var script = HistoryScript("sideMerge")
    script.commit(
      "create", by: claire, "Create ledger Scripted ledger",
      creation([
        .write(
          "trainings/intro.json",
          #"{"attendees": ["hugo"], "date": "2026-11-02", "duration_hours": 3, "location": "Aix-en-Provence", "topic": "GeoNature basics"}"#
        )
      ]))
    // Both sides also give Anne the same email: one value reaching the merge by two routes.
    let anneEmail = ScriptEdit.set("people/anne.json", #"{"emails": ["anne@example.org"]}"#)
    script.commit(
      "sideA", parents: ["create"], by: claire, "Hugo's phone; Claire attends; in Marseille",
      [
        phone("hugo", "+33611111111"), anneEmail,
        .set(
          "trainings/intro.json", #"{"attendees": ["hugo", "claire"], "location": "Marseille"}"#),
      ])
    script.commit(
      "sideB", parents: ["create"], by: marc, "Hugo's department; Marc attends; four hours",
      [
        department("hugo", "13"), anneEmail,
        .set("trainings/intro.json", #"{"attendees": ["hugo", "marc"], "duration_hours": 4}"#),
      ])
    script.commit(
      "merge", parents: ["sideB", "sideA"], by: marc, "Merge origin/main into main",
      [
        phone("hugo", "+33611111111"),
        .set(
          "trainings/intro.json",
          #"{"attendees": ["hugo", "marc", "claire"], "location": "Marseille"}"#),
      ])
    script.commit("after", by: claire, "Set people/anne: phone", [phone("anne", "+33611111113")])
    // An octopus merge of two branches made from `after`, which neither sync nor the merge
    // driver makes: read like any merge, judged on its own only against its first parent.
    script.commit(
      "t1", parents: ["after"], by: claire, "Léa's phone", [phone("lea", "+33622222222")])
    script.commit(
      "t2", parents: ["after"], by: marc, "Anne's department", [department("anne", "84")])
    script.commit(
      "octopus", parents: ["after", "t1", "t2"], by: claire, "Merge t1 and t2",
      [
        .take("people/lea.json", from: "t1"), .take("people/anne.json", from: "t2"),
      ])
    return script
  }

  static func resolutionsScript() -> HistoryScript {
    var script = HistoryScript("resolutions")
    script.commit("create", by: claire, "Create ledger Scripted ledger", creation())
    script.commit(
      "claireSide", parents: ["create"], by: claire, "Phones, as Claire has them",
      [
        phone("hugo", "+33611111111"), phone("anne", "+33622222222"), phone("lea", "+33633333333"),
      ])
    script.commit(
      "marcSide", parents: ["create"], by: marc, "Phones, as Marc has them; Anne's department",
      [
        phone("hugo", "+33644444444"), phone("anne", "+33655555555"), department("anne", "13"),
        phone("lea", "+33666666666"),
      ])
    script.commit(
      "merge", parents: ["marcSide", "claireSide"], by: marc,
      """
      Merge origin/main into main

      Ledger-Resolved: people/hugo phone ours
      Ledger-Resolved: people/anne phone theirs
      Ledger-Resolved: people/lea phone set
      """,
      [phone("anne", "+33622222222"), phone("lea", "+33677777777")])
    script.commit("after", by: claire, "Set people/hugo: department", [department("hugo", "06")])
    // A whole-record resolution: Marc's version of Anne taken whole into Claire's branch.
    script.commit(
      "claireTwo", parents: ["after"], by: claire, "Anne's phone again",
      [phone("anne", "+33688888888")])
    script.commit(
      "marcTwo", parents: ["after"], by: marc, "Anne's phone and department",
      [
        phone("anne", "+33699999999"), department("anne", "84"),
      ])
    script.commit(
      "mergeTwo", parents: ["claireTwo", "marcTwo"], by: claire,
      """
      Merge origin/main into main

      Ledger-Resolved: people/anne * theirs
      """,
      [.take("people/anne.json", from: "marcTwo")])
    return script
  }

  static func evilMergeScript() -> HistoryScript {
    var script = HistoryScript("evilMerge")
    script.commit("create", by: claire, "Create ledger Scripted ledger", creation())
    script.commit(
      "sideA", parents: ["create"], by: claire, "Léa's phone, Hugo's department",
      [
        phone("lea", "+33611111111"), department("hugo", "13"),
      ])
    script.commit(
      "sideB", parents: ["create"], by: marc, "Anne's department", [department("anne", "84")])
    // Brings Hugo's department, renames him, leaves Léa's phone behind and appoints Eve.
    script.commit(
      "evil", parents: ["sideB", "sideA"], by: marc, "Merge origin/main into main",
      [
        .take("people/hugo.json", from: "sideA"),
        .set("people/hugo.json", #"{"name": "Hugo Lefèvre-Roux"}"#),
        .write(
          "people/eve.json",
          #"{"git_identities": ["eve@example.org"], "ledger_roles": [{"role": "admin"}], "name": "Eve Noir"}"#
        ),
      ])
    script.commit("after", by: claire, "Set people/anne: phone", [phone("anne", "+33611111113")])
    return script
  }

  static func crissCrossScript() -> HistoryScript {
    var script = HistoryScript("crissCross")
    script.commit("create", by: claire, "Create ledger Scripted ledger", creation())
    script.commit(
      "a1", parents: ["create"], by: claire, "Hugo's phone", [phone("hugo", "+33611111111")])
    script.commit(
      "b1", parents: ["create"], by: marc, "Anne's phone", [phone("anne", "+33622222222")])
    script.commit(
      "mA", parents: ["a1", "b1"], by: claire, "Merge b1", [.take("people/anne.json", from: "b1")])
    script.commit(
      "mB", parents: ["b1", "a1"], by: marc, "Merge a1", [.take("people/hugo.json", from: "a1")])
    script.commit("a2", parents: ["mA"], by: claire, "Léa's phone", [phone("lea", "+33633333333")])
    script.commit("b2", parents: ["mB"], by: marc, "Hugo's department", [department("hugo", "13")])
    script.commit(
      "final", parents: ["a2", "b2"], by: claire, "Merge b2",
      [.take("people/hugo.json", from: "b2")])
    script.commit(
      "c", parents: ["final"], by: claire, "Anne's department", [department("anne", "84")])
    script.commit(
      "side", parents: ["final"], by: marc, "Léa's department; Hugo's emails gone",
      [
        department("lea", "06"), .unset("people/hugo.json", ["emails"]),
      ])
    script.commit(
      "merge2", parents: ["c", "side"], by: claire, "Merge side",
      [
        .take("people/lea.json", from: "side"), .take("people/hugo.json", from: "side"),
      ])
    return script
  }

  static func rewriteScript() -> HistoryScript {
    var script = HistoryScript("rewrite")
    script.commit("create", by: claire, "Create ledger Scripted ledger", creation())
    script.commit("one", by: claire, "Hugo's phone", [phone("hugo", "+33611111111")])
    script.commit("two", by: marc, "Anne's phone", [phone("anne", "+33622222222")])
    script.commit("three", by: marc, "Léa's phone", [phone("lea", "+33633333333")])
    // `two` amended and `three` dropped: the branch goes back to `one` and is built on again.
    script.reset(to: "one")
    script.commit("amended", by: marc, "Anne's phone", [phone("anne", "+33644444444")])
    script.commit("four", by: claire, "Hugo's department", [department("hugo", "13")])
    return script
  }

  static func signedScript(claireKey: SSHKeyPair, marcKey: SSHKeyPair) -> HistoryScript {
    let settings = ScriptedCase.settings.replacingOccurrences(
      of: #""policy": {"#, with: #""policy": {"signed_commits_from": "2026-11-18","#)
    var script = HistoryScript("signed")
    script.commit(
      "create", by: claire, "Create ledger Scripted ledger",
      creation(
        [
          .set("people/claire.json", #"{"signing_keys": [{"key": "\#(claireKey.publicKey)"}]}"#),
          .set("people/marc.json", #"{"signing_keys": [{"key": "\#(marcKey.publicKey)"}]}"#),
        ], settings: settings))
    script.commit(
      "good", by: claire, "Hugo's phone", [phone("hugo", "+33611111111")], signedWith: claireKey)
    script.commit(
      "wrongKey", by: marc, "Anne's phone", [phone("anne", "+33622222222")], signedWith: claireKey)
    script.commit("unsigned", by: marc, "Léa's phone", [phone("lea", "+33633333333")])
    script.commit(
      "marcGood", by: marc, "Hugo's department", [department("hugo", "13")], signedWith: marcKey)
    return script
  }
}
