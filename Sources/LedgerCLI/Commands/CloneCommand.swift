import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger clone URL [PATH]`: a full copy of a shared ledger, ready to sync.
enum CloneCommand {
  static let spec = CommandSpec(
    name: "clone", synopsis: "URL [PATH]",
    summary: Phrase("copy a shared ledger (a path, file://, ssh or https URL) and set up its hooks and merge driver"),
    details: Phrase(
      """
      PATH defaults to the last part of URL without '.git'. The clone gets the hooks that
      validate plain git commits and merges, and the merge driver that makes 'git pull' merge
      records field by field. ssh uses the ssh agent, then ~/.ssh/id_ed25519 and ~/.ssh/id_rsa
      (ADMINLEDGER_SSH_PASSPHRASE unlocks a key); https uses the token in ADMINLEDGER_GIT_TOKEN
      (and ADMINLEDGER_GIT_USERNAME when the host needs a name). No credential is ever stored.
      A server with a self-signed certificate: name its authority's PEM file in GIT_SSL_CAINFO or
      git's http.sslCAInfo (git config --global http.sslCAInfo FILE), as for git.

      The clone pins what it trusts without proof (the ledger's first commit and the key that
      signed it, in .git/adminledger/trust.json) and prints it. With --signing-key, or when
      git's configuration names a key (user.signingkey), the clone signs its commits with it,
      the tool's and plain 'git commit' alike (gpg.format ssh, commit.gpgsign true).
      --signed-from requires signed commits from that day or commit in this clone's audits when
      ledger.json requires none.
      """),
    options: [
      .single(
        "signing-key", "KEY",
        Phrase("the SSH key this clone signs commits with: a key file, or key::PUBLIC-KEY held by ssh-agent")),
      .single("signed-from", "DAY|COMMIT", Phrase("require signed commits from then on, when ledger.json does not")),
    ],
    positionals: 1...2,
    examples: [
      .example(
        "adminledger clone ssh://git@git.example.org/biodiv/ledger.git",
        Phrase("copy the shared ledger over ssh")),
      .example(
        "adminledger clone ../shared.git claire --signing-key ~/.ssh/id_ed25519",
        Phrase("copy a ledger and sign its commits")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    var url = context.positionals[0]
    // A local path is made absolute, as git does, so the clone's remote works from anywhere.
    if !url.contains("://"), !isSCPLike(url) { url = context.url(for: url).path }
    let folder = context.url(for: context.positionals.count > 1 ? context.positionals[1] : defaultFolder(url))
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
      throw .usage(tr("\(folder.path) already exists and is not empty"), hint: tr("give another PATH"))
    }
    let signedFrom = try TrustOptions.signedFrom(context)
    let signingKey = try TrustOptions.signingKey(context)
    let (ledger, hooks) = try context.perform { () throws(StoreError) in
      try Ledger.clone(from: url, into: folder, access: context.remoteAccess(), tool: context.environment.toolPath)
    }
    for case .keptExisting(let path) in hooks {
      context.err.line(SyncRenderer.keptHook(path))
    }
    let records = try context.perform { () throws(StoreError) -> Int in
      let snapshot = try ledger.store.snapshot(at: nil)
      var count = 0
      for kind in RecordKind.allCases { count += try snapshot.fileNames(in: kind.folder).count }
      return count
    }
    let trust = try context.perform { () throws(StoreError) in
      try ledger.setUpTrust(signingKey: signingKey, signedFrom: signedFrom)
    }
    if context.format == .json {
      context.printJSON([
        "ledger": .string(ledger.root.path), "url": .string(url), "records": .number(JSONNumber(records)),
        "trust": TrustRenderer.json(trust),
      ])
    } else {
      context.out.line(SyncRenderer.cloned(url, into: ledger.root.path, records: records))
      for line in TrustRenderer.lines(trust, signsCommits: true) { context.out.line(line) }
    }
    return .ok
  }

  /// `user@host:path`, git's short form of an ssh URL.
  static func isSCPLike(_ url: String) -> Bool {
    guard let colon = url.firstIndex(of: ":") else { return false }
    return !url[..<colon].contains("/")
  }

  private static func defaultFolder(_ url: String) -> String {
    var name = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "ledger"
    if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
    return name.isEmpty ? "ledger" : name
  }
}
