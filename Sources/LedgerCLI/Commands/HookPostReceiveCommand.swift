import LedgerCore
import LedgerLanguage

/// `adminledger hook post-receive`: what the shared repository's post-receive hook runs.
enum HookPostReceiveCommand {
  static let spec = CommandSpec(
    name: "hook post-receive", synopsis: "[--repo BARE_REPO] [--branch BRANCH]",
    summary: Phrase("drop the former history once a rewrite that forgets a person is received (run by the post-receive hook)"),
    details: Phrase(
      """
      Reads what git gives a post-receive hook: one 'OLD NEW REFNAME' line per reference the
      push updated. When the ledger's branch was rewritten (which the pre-receive hook admits
      only as an erasure: 'adminledger forget'), every object no reference reaches any more is
      dropped from the repository, with the reflogs and the caches built from the former
      history: nothing of the forgotten person stays on the server. Any other push changes
      nothing. 'adminledger hook install pre-receive' installs this hook too.
      """),
    options: HookPreReceiveCommand.serverOptions,
    formats: [.text, .json],
    examples: [
      .example(
        "adminledger hook post-receive --repo /srv/git/ledger.git < updates",
        Phrase("what the server's post-receive hook runs"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let folder = context.arguments.value("repo") ?? context.environment.variables["GIT_DIR"] ?? "."
    let ledger = try HookPreReceiveCommand.openShared(context.url(for: folder), objectDirectories: [])
    let updates = try HookPreReceiveCommand.pushedUpdates(context)
    let dropped = try context.perform { () throws(StoreError) in
      try ledger.afterPush(updates, branch: context.arguments.value("branch"))
    }
    if context.format == .json {
      context.printJSON(["dropped": ForgetRenderer.json(dropped)])
    } else if let dropped {
      context.out.line("adminledger: " + ForgetRenderer.serverLine(dropped))
    }
    return .ok
  }
}
