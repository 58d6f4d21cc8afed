import LedgerLanguage

/// `adminledger manual`: prints the manual page adminledger(1), in roff.
enum ManualCommand {
  static let spec = CommandSpec(
    name: "manual", synopsis: "",
    summary: Phrase("print the manual page adminledger(1): every command, its options and examples"),
    details: Phrase(
      """
      The page is written in roff for man: 'make install' installs it, and
      adminledger manual > adminledger.1 && man -l adminledger.1 shows it without installing.
      """),
    formats: [.text],
    examples: [.example("adminledger manual | man -l -", Phrase("read the manual without installing it"))],
    run: { context throws(CLIError) in
      context.out.write(ManualRenderer.page())
      return .ok
    })
}
