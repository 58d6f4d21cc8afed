import LedgerCore

/// `adminledger hook pre-commit`: what the git hook `init` installs runs.
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
