import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerWording

/// The words for what a clone or a shared repository trusts (`clone`, `hook install`).
enum TrustRenderer {
  static func lines(_ setup: TrustSetup, signsCommits: Bool) -> [String] {
    var lines: [String] = []
    if let pin = setup.pin {
      let root = pin.root.prefix(7)
      lines.append(
        pin.rootKey.map {
          tr(
            "Trusted from here on: the ledger's first commit \(root) (signed by key \($0.fingerprint)), pinned in \(setup.pinFile)"
          )
        } ?? tr("Trusted from here on: the ledger's first commit \(root) (not signed), pinned in \(setup.pinFile)"))
    }
    if let from = setup.ledgerRequirement {
      lines.append(tr("Signed commits: required from \(ProseDay.text(from)) (ledger.json, policy.signed_commits_from)"))
    } else if let from = setup.pin?.signedCommitsFrom {
      lines.append(tr("Signed commits: required from \(ProseDay.text(from)) (pinned here; ledger.json requires none)"))
    } else {
      lines.append(
        tr(
          "Signed commits: not required (ledger.json sets no policy.signed_commits_from): a commit's author is what its committer typed"
        ))
    }
    guard signsCommits else { return lines }
    if let key = setup.signingKey {
      lines.append(
        tr("This clone signs its commits with \(key) (gpg.format ssh, commit.gpgsign true), plain 'git commit' too"))
    } else {
      lines.append(
        tr(
          "This clone signs nothing: git's configuration names no signing key (pass --signing-key ~/.ssh/id_ed25519, a key your record lists under signing_keys)"
        ))
    }
    return lines
  }

  static func json(_ setup: TrustSetup) -> JSONValue {
    var members: [(String, JSONValue)] = []
    members.append(("root", setup.pin.map { .string($0.root) } ?? .null))
    members.append(("root_key", setup.pin?.rootKey.map { .string($0.fingerprint) } ?? .null))
    members.append(
      ("signed_commits_from", (setup.ledgerRequirement ?? setup.pin?.signedCommitsFrom).map(JSONValue.string) ?? .null))
    members.append(("signing_key", setup.signingKey.map(JSONValue.string) ?? .null))
    return .object(JSONObject(members))
  }
}
