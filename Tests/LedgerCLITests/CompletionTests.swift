import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// The completion scripts run in the real shells, and the manual page through the real man:
/// bash's `complete -p` after sourcing, its function called as bash calls it, zsh and fish
/// parsing theirs (fish completing too), `man -l` rendering the page.
///
/// bash, zsh, fish, man and col are installed by `make test-deps`.
@Suite struct CompletionTests {
  /// A folder with a few records, where ids are completed from.
  static func ledgerFolder() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write("ledger.json", "{}")
    try folder.write("people/tblanc.json", "{}")
    try folder.write("people/lmartin.json", "{}")
    try folder.write("systems/geonature.json", "{}")
    return folder
  }

  /// `adminledger ARGUMENTS`'s standard output, run in-process, written to `file` in `folder`.
  static func write(_ arguments: String..., to file: String, in folder: TemporaryDirectory) throws -> URL {
    let result = CLIRunner(directory: folder.url).run(arguments)
    try #require(result.status == 0, "\(result)")
    try folder.write(file, result.output)
    return folder.path(file)
  }

  static func shell(_ program: String, _ arguments: [String], in folder: TemporaryDirectory) throws -> ExternalProgram.Outcome {
    let found = try ExternalProgram.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "command -v \(program)"], in: folder.url)
    try #require(found.status == 0, "\(program) is not installed: run 'make test-deps'")
    return try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, in: folder.url)
  }

  @Test func bashLoadsTheScriptAndCompletesCommandsOptionsAndRecords() throws {
    let folder = try Self.ledgerFolder()
    let script = try Self.write("completion", "bash", to: "adminledger.bash", in: folder)
    let probe = """
      source \(script.path)
      complete -p adminledger
      t() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _adminledger; echo "$*=${COMPREPLY[*]}"; }
      t adminledger rep
      t adminledger report acc
      t adminledger add pe
      t adminledger show people/tb
      t adminledger offboard lm
      t adminledger list people --for
      t adminledger list people --format ''
      t adminledger --ledger . report access ''
      t adminledger completion ''
      """
    let outcome = try Self.shell("bash", ["-c", probe], in: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    let lines = outcome.output.split(separator: "\n").map(String.init)
    #expect(lines.first == "complete -F _adminledger adminledger")
    for expected in [
      "adminledger rep=report", "adminledger report acc=access", "adminledger add pe=people",
      "adminledger show people/tb=people/tblanc", "adminledger offboard lm=lmartin", "adminledger list people --for=--format",
      "adminledger list people --format =text json ndjson csv", "adminledger --ledger . report access =geonature",
      "adminledger completion =bash zsh fish",
    ] {
      #expect(lines.contains(expected), "no '\(expected)' in:\n\(outcome.output)")
    }
  }

  @Test func zshParsesTheScript() throws {
    let folder = try Self.ledgerFolder()
    let script = try Self.write("completion", "zsh", to: "_adminledger", in: folder)
    let outcome = try Self.shell("zsh", ["-n", script.path], in: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(try String(contentsOf: script, encoding: .utf8).hasPrefix("#compdef adminledger\n"))
  }

  /// zsh offers words only inside a completion widget: its builtins (`compadd`, `_describe`,
  /// `_files`) are replaced by functions that print what they are given, and the script's
  /// function is called with `words` and `CURRENT` as zsh sets them.
  @Test func zshCompletesWithTheWordsItIsGiven() throws {
    let folder = try Self.ledgerFolder()
    let script = try Self.write("completion", "zsh", to: "_adminledger", in: folder)
    let probe = """
      compadd() { print -r -- "compadd $*" }
      _describe() { print -r -- "describe ${(Pj:|:)4}" }
      _files() { print -r -- "files $*" }
      source \(script.path) >/dev/null
      t() { words=("$@"); CURRENT=$#; PREFIX="${words[CURRENT]}"; print -r -- "== $*"; _adminledger }
      t adminledger rep
      t adminledger report ac
      t adminledger show people/tb
      t adminledger list people --format ''
      t adminledger json check ''
      """
    let outcome = try Self.shell("zsh", ["-c", probe], in: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    let answers = outcome.output.components(separatedBy: "== ").dropFirst().map { $0.split(separator: "\n").dropFirst().joined() }
    try #require(answers.count == 5, "\(outcome.output)")
    #expect(answers[0].hasPrefix("describe init:create a ledger") && answers[0].contains("|report:commands: report expiring"))
    #expect(answers[1].contains("|access:report who holds which role on a system"))
    #expect(answers[2] == "compadd -- people/lmartin people/tblanc")
    #expect(answers[3] == "compadd -- text json ndjson csv")
    #expect(answers[4] == "files ")
  }

  @Test func fishParsesTheScriptAndCompletes() throws {
    let folder = try Self.ledgerFolder()
    let script = try Self.write("completion", "fish", "--lang", "fr", to: "adminledger.fish", in: folder)
    #expect(try Self.shell("fish", ["-n", script.path], in: folder).status == 0)
    let probe =
      "source \(script.path); complete -C 'adminledger rep'; complete -C 'adminledger report ac'; complete -C 'adminledger show people/tb'"
    let outcome = try Self.shell("fish", ["-c", probe], in: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.contains("report\t"))
    #expect(outcome.output.contains("access\trapport de qui tient quel rôle sur un système"))
    #expect(outcome.output.contains("people/tblanc"))
  }

  @Test(arguments: [
    ("en", ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "examples:"]), ("fr", ["NOM", "SYNOPSIS", "COMMANDES", "exemples :"]),
  ])
  func manRendersThePage(_ language: String, _ headings: [String]) throws {
    let folder = try Self.ledgerFolder()
    let page = try Self.write("manual", "--lang", language, to: "adminledger.1", in: folder)
    let outcome = try Self.shell("sh", ["-c", "MANWIDTH=80 man -l '\(page.path)' | col -b"], in: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(!outcome.error.contains("warning"), "\(outcome.error)")
    let text = outcome.output
    #expect(text.contains("ADMINLEDGER(1)"))
    for heading in headings { #expect(text.contains(heading), "no \(heading)") }
    for command in CommandTable.all {
      #expect(text.contains("adminledger \(command.name)"), "the page lacks \(command.name)")
    }
    #expect(text.contains("adminledger report access geonature"))
    #expect(text.contains("--where CONDITION"))
  }
}
