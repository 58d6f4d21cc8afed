import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger hook pre-commit`: what the git hooks `init` installs run (pre-commit and
/// pre-merge-commit alike: both check what the index is about to commit).
enum HookCommand {
  static let spec = CommandSpec(
    name: "hook pre-commit", synopsis: "",
    summary: Phrase("validate the ledger files staged for a git commit (run by the pre-commit hook)"),
    details: Phrase("Exits 1, refusing the commit, when a staged record is invalid or breaks a rule."),
    examples: [
      .example(
        "adminledger hook pre-commit",
        Phrase("what the pre-commit hook runs; 'hook install' sets it up"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    // git holds the index while its hook runs: an interrupted update cannot be finished here.
    let ledger = try context.openLedger(recovering: false)
    guard !ledger.hasInterruptedUpdate else { throw .store(.interruptedUpdate) }
    // git commits the index it names in GIT_INDEX_FILE: a temporary one for 'git commit -a',
    // 'git commit PATH' and '--only', never .git/index then.
    let indexFile = context.environment.variables["GIT_INDEX_FILE"]
    let diagnostics = try context.perform { () throws(StoreError) in try ledger.validateStaged(indexFile: indexFile) }
    guard diagnostics.contains(where: { $0.severity == .error }) else { return .ok }
    context.err.line(HookRenderer.commitRefused)
    throw .findings(diagnostics)
  }
}

/// `adminledger hook install [pre-receive --repo BARE_REPO [--branch BRANCH]]`: the pre-commit
/// hook, for a clone (git does not copy hooks); or the pre-receive hook, for the shared bare
/// repository.
enum HookInstallCommand {
  static let spec = CommandSpec(
    name: "hook install", synopsis: "[pre-receive --repo BARE_REPO [--branch BRANCH]]",
    summary:
      Phrase(
        "install the hooks and the merge driver for plain git commits, merges and pulls (once per clone), or the shared repository's pre-receive hook"
      ),
    details: Phrase(
      """
      Installs the pre-commit and pre-merge-commit hooks, which validate what a plain 'git
      commit' or 'git merge' commits, and registers the merge driver that makes 'git pull' merge
      records field by field. A ledger made before the merge driver existed also gets its
      .gitattributes committed. It pins what the clone trusts without proof (the ledger's first
      commit and its key, in .git/adminledger/trust.json), makes the clone sign its commits
      with --signing-key or the key git's configuration names (gpg.format ssh, commit.gpgsign
      true: plain 'git commit' is signed too), writes the people's keys as git's allowed-signers
      file, and prints what it set.

      'hook install pre-receive --repo BARE_REPO' installs instead the server's hook of the
      shared bare repository the clones push to, BARE_REPO/hooks/pre-receive: on every push it
      runs 'adminledger hook pre-receive', which refuses a push that deletes or rewrites the
      ledger's branch or whose commits the audit finds fault with, whichever git client pushed
      it (see 'adminledger hook pre-receive --help'). adminledger must be installed on the
      server; the hook calls it by the path this command ran from, then 'adminledger' on PATH.
      The ledger's branch is BRANCH, else the one the hook would find (HEAD's branch when it
      holds ledger.json, else the only branch that does); it is recorded in the repository's
      git configuration as adminledger.branch, where the hook reads it first, and named. A
      repository made by 'git init --bare' names master in HEAD whatever the clones push.
      - A bare repository reached over ssh: run this command on the server, as the user that
        owns the repository (the one the pushes run as).
      - Gitea: git hooks are off until an administrator enables them (app.ini, [security]
        DISABLE_GIT_HOOKS = false) and lets the user edit them. Gitea keeps its own
        hooks/pre-receive, so set the repository's Settings > Git Hooks > pre-receive to the
        two lines '#!/bin/sh' and 'exec /PATH/TO/adminledger hook pre-receive' instead (Gitea
        stores them in hooks/pre-receive.d/ and passes the push on to them).
      - GitLab (self-managed): a server administrator sets server hooks, not the web
        interface. Put the same two lines in custom_hooks/pre-receive; from GitLab 15.11,
        load a tar of custom_hooks/ with 'gitaly hooks set --storage STORAGE --repository
        RELATIVE_PATH --config CONFIG' (the relative path is shown under Admin area >
        Projects); earlier versions read custom_hooks/ inside the repository's folder on
        disk. adminledger must be installed on each Gitaly server.
      """),
    options: [
      .single("repo", "BARE_REPO", Phrase("with pre-receive: the shared bare repository to install the hook in")),
      .single(
        "branch", "BRANCH", Phrase("with pre-receive: the branch that holds the ledger (default: found as the hook finds it)")),
      .single(
        "signing-key", "KEY",
        Phrase("the SSH key this clone signs commits with: a key file, or key::PUBLIC-KEY held by ssh-agent")),
      .single("signed-from", "DAY|COMMIT", Phrase("require signed commits from then on, when ledger.json does not")),
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger hook install",
        Phrase("set up the hooks and merge driver in this clone")),
      .example(
        "adminledger hook install pre-receive --repo /srv/git/ledger.git",
        Phrase("set up the shared repository's hook, on the server")),
    ],
    run: { context throws(CLIError) in
      guard let tool = context.environment.toolPath else {
        throw HookRenderer.unknownToolPath
      }
      if let which = context.positionals.first {
        guard which == "pre-receive" else {
          throw HookRenderer.unknownHook(which)
        }
        return try installPreReceive(context, tool: tool)
      }
      let signedFrom = try TrustOptions.signedFrom(context)
      let signingKey = try TrustOptions.signingKey(context)
      for option in ["repo", "branch"] where context.arguments.value(option) != nil {
        throw HookRenderer.preReceiveOption(option)
      }
      let ledger = try context.openLedger()
      let hasAttributes = try context.perform { () throws(StoreError) in
        try ledger.store.snapshot(at: nil).fileBytes(Ledger.mergeAttributesFile) != nil
      }
      let text = context.format == .text
      var attributesCommit: String?
      if !hasAttributes {
        let author = try context.author(for: ledger)
        let result = try context.perform { () throws(StoreError) in
          try ledger.commitMergeAttributes(by: author, at: context.environment.now())
        }
        attributesCommit = result?.commit
        if let result, text {
          context.out.line(HookRenderer.committedAttributes(result.commit))
        }
      }
      var status = ExitStatus.ok
      var hooks: [JSONValue] = []
      for hook in try context.perform({ () throws(StoreError) in try ledger.installHooks(tool: tool) }) {
        switch hook {
        case .installed(let path):
          hooks.append(["path": .string(path), "installed": true])
          if text { context.out.line(HookRenderer.installed(path)) }
        case .keptExisting(let path):
          hooks.append(["path": .string(path), "installed": false])
          for line in HookRenderer.keptExistingHook(path, tool: tool) { context.err.line(line) }
          status = .failure
        }
      }
      let trust = try context.perform { () throws(StoreError) in
        try ledger.setUpTrust(signingKey: signingKey, signedFrom: signedFrom)
      }
      if text {
        for line in TrustRenderer.lines(trust, signsCommits: true) { context.out.line(line) }
      } else {
        context.printJSON([
          "attributes_commit": attributesCommit.map { .string($0) } ?? .null, "hooks": .array(hooks),
          "trust": TrustRenderer.json(trust),
        ])
      }
      return status
    })

  /// `hook install pre-receive --repo BARE_REPO`.
  private static func installPreReceive(_ context: CommandContext, tool: String) throws(CLIError) -> ExitStatus {
    guard let path = context.arguments.value("repo") else {
      throw HookRenderer.sharedRepositoryNeeded
    }
    let ledger = try HookPreReceiveCommand.openShared(context.url(for: path), objectDirectories: [])
    let signedFrom = try TrustOptions.signedFrom(context)
    if context.arguments.value("signing-key") != nil {
      throw HookRenderer.signingKeyOnServer
    }
    let given = context.arguments.value("branch")
    let search = try context.perform { () throws(StoreError) in try ledger.findLedgerBranch(given: given) }
    let branch: String
    switch search {
    case .found(let found, _):
      branch = found
    case .unknown(let uncertainty):
      throw HookRenderer.noLedgerToGuard(ledger.root.path, uncertainty, repository: path)
    }
    let name = Ledger.shortBranchName(branch)
    let holdsLedger = try context.perform { () throws(StoreError) in
      try ledger.branchTip(branch).map { (tip) throws(StoreError) in try ledger.holdsLedger(at: tip) }
    }
    let branches = try context.perform { () throws(StoreError) in try ledger.branchNames() }
    // A branch yet to come is only guarded in a repository with no branch at all: elsewhere
    // it is a mistyped name, and the ledger's real branch would go unguarded.
    if holdsLedger == nil, !branches.isEmpty {
      throw HookRenderer.noSuchBranch(ledger.root.path, name, branches: branches)
    }
    if holdsLedger == false {
      throw HookRenderer.noLedgerOnBranch(ledger.root.path, name)
    }
    try context.perform { () throws(StoreError) in try ledger.recordLedgerBranch(branch) }
    let installation = try context.perform { () throws(StoreError) in try ledger.installPreReceiveHook(tool: tool) }
    let text = context.format == .text
    switch installation {
    case .installed(let hook):
      if text { context.out.line(HookRenderer.installedPreReceive(hook, branch: name)) }
      var trust: TrustSetup?
      if holdsLedger == nil {
        if text { context.out.line(HookRenderer.branchYetToCome(name)) }
      } else {
        trust = try context.perform { () throws(StoreError) in
          try ledger.setUpTrust(signingKey: nil, signedFrom: signedFrom, branch: branch)
        }
        if let trust, text { for line in TrustRenderer.lines(trust, signsCommits: false) { context.out.line(line) } }
      }
      if !text {
        context.printJSON([
          "hook": .string(hook), "installed": true, "branch": .string(name), "branch_exists": .bool(holdsLedger != nil),
          "trust": trust.map(TrustRenderer.json) ?? .null,
        ])
      }
      return .ok
    case .keptExisting(let hook):
      for line in HookRenderer.keptExistingPreReceive(hook, tool: tool) { context.err.line(line) }
      if !text { context.printJSON(["hook": .string(hook), "installed": false, "branch": .string(name)]) }
      return .findings
    }
  }
}

/// `adminledger hook pre-receive`: what the shared repository's pre-receive hook runs.
enum HookPreReceiveCommand {
  static let spec = CommandSpec(
    name: "hook pre-receive", synopsis: "[--repo BARE_REPO] [--branch BRANCH]",
    summary: Phrase("refuse a push to the shared repository that breaks the ledger's policy (run by its pre-receive hook)"),
    details: Phrase(
      """
      Reads what git gives a pre-receive hook in a bare repository: one 'OLD NEW REFNAME' line
      per reference the push updates. Only the ledger's branch is checked;
      other branches and tags go through untouched, once the ledger's branch is known: BRANCH,
      else the one the repository's git configuration names (adminledger.branch, which 'hook
      install pre-receive' records), else HEAD's branch when it holds ledger.json, else the
      only branch holding ledger.json at its root; in a repository with no branch yet, the one
      branch holding ledger.json that the push creates. When it cannot be told (several
      branches hold a ledger, or none does), every push is refused, saying why: the hook fails
      closed, as it does when anything goes wrong while it judges a push. The push is
      refused (exit 1: git then refuses every reference of the push, and shows the pusher these
      lines prefixed with 'remote:') when it deletes the ledger's branch, rewrites it (the new
      commit does not descend from the branch's: a force push of a rebased, amended or reset
      branch), leaves no ledger.json, or when the audit of the pushed commits (all of the new
      commit's history when the push creates the branch) finds anything: an unknown author, a
      change outside the author's roles, a forged approval, an invalid result or a file validate
      refuses, a missing or wrong signature, a backdated commit, an evil merge. Roles and keys
      are judged no earlier than the day the push is received, less policy.offline_grace_days.
      Each finding is printed with its commit, its author and the rule. Install it with
      'adminledger hook install pre-receive --repo BARE_REPO'.
      """),
    options: serverOptions,
    formats: [.text, .json],
    examples: [
      .example(
        "adminledger hook pre-receive --repo /srv/git/ledger.git < updates",
        Phrase("check pushed updates as the server's hook does"))
    ],
    run: run)

  /// What a command run by a shared repository's hook takes.
  static let serverOptions: [OptionSpec] = [
    .single(
      "repo", "BARE_REPO", Phrase("the bare repository (default: GIT_DIR, which git sets for its hooks, then the current folder)")
    ),
    .single("branch", "BRANCH", Phrase("the branch that holds the ledger (default: adminledger.branch, then found)")),
  ]

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    do throws(CLIError) {
      return try judge(context)
    } catch {
      // git refuses the push on any exit but 0; say so, before the reason.
      context.err.line(HookRenderer.uncheckedPush)
      throw error
    }
  }

  private static func judge(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let variables = context.environment.variables
    let folder = context.arguments.value("repo") ?? variables["GIT_DIR"] ?? "."
    // During pre-receive the pushed objects wait in a quarantine folder that only these
    // variables name; libgit2 reads neither.
    let objectFolders =
      ([variables["GIT_OBJECT_DIRECTORY"]].compactMap { $0 }
      + alternatePaths(variables["GIT_ALTERNATE_OBJECT_DIRECTORIES"] ?? ""))
      .filter { !$0.isEmpty }.map { context.url(for: $0) }
    let ledger = try openShared(context.url(for: folder), objectDirectories: objectFolders)
    let updates = try pushedUpdates(context)
    let branch = context.arguments.value("branch")
    let checks = try context.perform { () throws(StoreError) in
      try ledger.checkPush(updates, branch: branch, receivedAt: context.environment.now())
    }
    let refusals = checks.filter(\.refuses)
    if context.format == .json {
      context.printJSON(["accepted": .bool(refusals.isEmpty), "updates": .array(checks.map(json))])
      return refusals.isEmpty ? .ok : .findings
    }
    guard !refusals.isEmpty else {
      for check in checks {
        guard case .audited(let result) = check.outcome else { continue }
        context.out.line(HookRenderer.audited(check.update.shortName, commits: result.commits))
      }
      return .ok
    }
    if case .unjudgeable(let uncertainty) = refusals[0].outcome {
      for line in HookRenderer.unjudgeable(uncertainty) { context.err.line(line) }
      return .findings
    }
    for line in refusals.flatMap(HookRenderer.refusal) { context.err.line(line) }
    return .findings
  }

  /// One update of the push and what the hook found, for `--format json`.
  private static func json(_ check: PushCheck) -> JSONValue {
    var object: JSONObject = [
      "reference": .string(check.update.reference), "old": .string(check.update.old), "new": .string(check.update.new),
      "accepted": .bool(!check.refuses),
    ]
    switch check.outcome {
    case .otherReference: object["outcome"] = "other-reference"
    case .unjudgeable(let uncertainty):
      object["outcome"] = "unjudgeable"
      object["reasons"] = .array(HookRenderer.unjudgeable(uncertainty).map { .string($0) })
    case .deletesBranch: object["outcome"] = "deletes-branch"
    case .rewritesBranch: object["outcome"] = "rewrites-branch"
    case .removesLedger: object["outcome"] = "removes-ledger"
    case .audited(let result):
      object["outcome"] = "audited"
      object["audit"] = AuditRenderer.json(result, zone: .gmt)
    }
    if check.refuses, object["reasons"] == nil {
      object["reasons"] = .array(HookRenderer.refusal(check).map { .string($0) })
    }
    return .object(object)
  }

  /// The updates git gives a receive hook on standard input, one `OLD NEW REFNAME` per line.
  static func pushedUpdates(_ context: CommandContext) throws(CLIError) -> [PushedUpdate] {
    let input = String(decoding: context.environment.readStandardInput(), as: UTF8.self)
    var updates: [PushedUpdate] = []
    for line in input.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
      guard let update = PushedUpdate(line: String(line)) else {
        throw HookRenderer.unreadablePushLine(line)
      }
      updates.append(update)
    }
    return updates
  }

  /// Opens a shared bare repository, in the words of a command run on the server.
  static func openShared(_ folder: URL, objectDirectories: [URL]) throws(CLIError) -> Ledger {
    do throws(StoreError) {
      return try Ledger.openShared(gitDirectory: folder, objectDirectories: objectDirectories)
    } catch .notARepository(let path) {
      throw HookRenderer.notARepository(path)
    } catch .remoteNotBare(let path) {
      throw HookRenderer.notBare(path)
    } catch {
      throw .store(error)
    }
  }

  /// The folders of `GIT_ALTERNATE_OBJECT_DIRECTORIES`: separated by colons, each one in
  /// double quotes (with backslash escapes) when it holds a colon or starts with a quote.
  static func alternatePaths(_ text: String) -> [String] {
    var paths: [String] = []
    var characters = text[...]
    while !characters.isEmpty {
      var path = ""
      if characters.first == "\"" {
        characters = characters.dropFirst()
        while let character = characters.first, character != "\"" {
          characters = characters.dropFirst()
          if character == "\\", let escaped = characters.first {
            characters = characters.dropFirst()
            path.append(escaped)
          } else {
            path.append(character)
          }
        }
        characters = characters.dropFirst()  // the closing quote
        characters = characters.drop { $0 != ":" }
      } else {
        path = String(characters.prefix { $0 != ":" })
        characters = characters.dropFirst(path.count)
      }
      characters = characters.dropFirst()  // the colon
      paths.append(path)
    }
    return paths
  }
}
