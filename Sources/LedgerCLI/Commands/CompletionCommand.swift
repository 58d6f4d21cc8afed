import LedgerLanguage

/// `adminledger completion bash|zsh|fish`: prints the shell's completion script.
enum CompletionCommand {
  static let spec = CommandSpec(
    name: "completion", synopsis: "SHELL",
    summary: Phrase("print the shell completion script for bash, zsh or fish"),
    details: Phrase(
      """
      The script completes the commands, their options, the kinds where an argument is a KIND,
      the records of the ledger in the current folder where it is a KIND/ID, and file names
      where it is a FILE. 'make install' installs the three scripts where the shells look for
      them; to try one in the current shell: source <(adminledger completion bash).
      """),
    positionals: 1...1, formats: [.text],
    examples: [
      .example(
        "adminledger completion bash > ~/.local/share/bash-completion/completions/adminledger",
        Phrase("install bash's completion for your account")),
      .example(
        "adminledger completion fish > ~/.config/fish/completions/adminledger.fish",
        Phrase("install fish's completion for your account")),
    ],
    run: { context throws(CLIError) in
      let name = context.positionals[0]
      guard let shell = CompletionRenderer.Shell(rawValue: name) else {
        throw .usage(tr("no completion for the shell '\(name)'"), hint: tr("use bash, zsh or fish"))
      }
      context.out.write(CompletionRenderer.script(for: shell))
      return .ok
    })
}
