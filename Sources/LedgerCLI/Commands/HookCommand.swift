import LedgerCore

/// `adminledger hook pre-commit`: what the git hooks `init` installs run (pre-commit and
/// pre-merge-commit alike: both check what the index is about to commit).
enum HookCommand {
  static let spec = CommandSpec(
    name: "hook pre-commit", synopsis: "",
    summary: "validate the ledger files staged for a git commit (run by the pre-commit hook)",
    details: "Exits 1, refusing the commit, when a staged record is invalid or breaks a rule.",
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let diagnostics = try context.perform { () throws(StoreError) in try ledger.validateStaged() }
    guard diagnostics.contains(where: { $0.severity == .error }) else { return .ok }
    context.err.line("adminledger: the commit is refused; the staged ledger files have problems:")
    throw .findings(diagnostics)
  }
}

/// `adminledger hook install`: the pre-commit hook, for a clone (git does not copy hooks).
enum HookInstallCommand {
  static let spec = CommandSpec(
    name: "hook install", synopsis: "",
    summary: "install the hooks and the merge driver for plain git commits, merges and pulls (once per clone)",
    details: """
      Installs the pre-commit and pre-merge-commit hooks, which validate what a plain 'git
      commit' or 'git merge' commits, and registers the merge driver that makes 'git pull' merge
      records field by field. A ledger made before the merge driver existed also gets its
      .gitattributes committed.
      """,
    run: { context throws(CLIError) in
      guard let tool = context.environment.toolPath else {
        throw .usage("cannot tell where adminledger is installed", hint: "run the installed adminledger binary")
      }
      let ledger = try context.openLedger()
      let hasAttributes = try context.perform { () throws(StoreError) in
        try ledger.store.snapshot(at: nil).fileBytes(Ledger.mergeAttributesFile) != nil
      }
      if !hasAttributes {
        let author = try context.author(for: ledger)
        let result = try context.perform { () throws(StoreError) in
          try ledger.commitMergeAttributes(by: author, at: context.environment.now())
        }
        if let result {
          context.out.line("Committed .gitattributes (commit \(result.commit.prefix(7))): ledger files merge field by field")
        }
      }
      var status = ExitStatus.ok
      for hook in try context.perform({ () throws(StoreError) in try ledger.installHooks(tool: tool) }) {
        switch hook {
        case .installed(let path):
          context.out.line("Installed \(path)")
        case .keptExisting(let path):
          context.err.line("adminledger: error: \(path) already exists and is not adminledger's; it was left alone")
          context.err.line("hint: add this line to it: exec \"\(tool)\" hook pre-commit --ledger .")
          status = .failure
        }
      }
      return status
    })
}
