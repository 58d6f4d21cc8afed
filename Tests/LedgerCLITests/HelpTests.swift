import Foundation
import LedgerLanguage
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// Every command's help, in English and in French: it renders, ends with examples that parse as
/// the command's own arguments, and every word of the specs has its French entry; the group
/// words (`report`, `hook`...) list their commands.
@Suite struct HelpTests {
  static let commands = CommandTable.all.map(\.name)

  /// Each phrase a spec holds: summary, details, options' help, examples' meanings.
  static func phrases(of command: CommandSpec) -> [Phrase] {
    [command.summary] + (command.details.map { [$0] } ?? []) + command.options.map(\.help) + command.examples.map(\.meaning)
  }

  @Test(arguments: commands) func helpRendersInEnglishAndFrenchWithExamples(_ name: String) throws {
    let cli = CLIRunner(directory: FileManager.default.temporaryDirectory)
    let words = name.split(separator: " ").map(String.init)
    let english = cli.run(words + ["--help"])
    #expect(english.status == 0, "\(english)")
    #expect(english.output.hasPrefix("usage: adminledger \(name)"))
    let examples = try #require(english.output.range(of: "\nexamples:\n"), "\(name) has no examples")
    // The examples end the help: each is a meaning, then the command line.
    let tail = english.output[examples.upperBound...].split(separator: "\n")
    #expect(tail.count >= 2 && tail.count % 2 == 0)
    #expect(tail.enumerated().allSatisfy { $0.offset % 2 == 0 || $0.element.hasPrefix("    adminledger \(name)") })

    let french = cli.run(words + ["--help", "--lang", "fr"])
    #expect(french.status == 0, "\(french)")
    #expect(french.output.hasPrefix("utilisation : adminledger \(name)"))
    #expect(french.output.contains("\nexemples :\n"))
    #expect(french.output.contains("\noptions de toutes les commandes :\n"))
    let spec = try #require(CommandTable.all.first { $0.name == name })
    #expect(french.output.contains(spec.summary.text(in: .french)))
  }

  @Test func everyPhraseOfTheSpecsHasAFrenchEntry() {
    let french = Catalogue.entries(of: .french)
    let phrases = CommandTable.all.flatMap(Self.phrases(of:)) + OptionSpec.global.map(\.help)
    let missing = phrases.filter { $0.translated && french[$0.template] == nil }.map(\.template)
    #expect(missing.isEmpty, "no French for:\n\(missing.joined(separator: "\n"))")
  }

  @Test func theOverviewIsInFrenchWhenAsked() {
    let cli = CLIRunner(directory: FileManager.default.temporaryDirectory)
    let english = cli.run("--help")
    let french = cli.run("--lang", "fr", "--help")
    #expect(french.status == 0)
    #expect(french.output.contains("\ncommandes :\n"))
    #expect(french.output.contains("les fiches administratives d'une organisation, tenues dans git"))
    for name in Self.commands {
      #expect(english.output.contains("\n  \(name) "), "the overview lacks \(name)")
      #expect(french.output.contains("\n  \(name) "), "the French overview lacks \(name)")
    }
  }

  /// Examples are real command lines: each names its command and parses as its arguments
  /// (shell redirections left out).
  @Test(arguments: commands) func examplesParseAsTheCommandsArguments(_ name: String) throws {
    let spec = try #require(CommandTable.all.first { $0.name == name })
    #expect((1...3).contains(spec.examples.count), "\(name): \(spec.examples.count) examples")
    for example in spec.examples {
      // The words after `adminledger`, split as a shell splits them.
      var arguments = Array(ReadmeExamples.words(example.line).dropFirst())
      if let redirection = arguments.firstIndex(where: { [">", "<", "|"].contains($0) }) {
        arguments = Array(arguments[..<redirection])
      }
      let words = name.split(separator: " ").map(String.init)
      #expect(Array(arguments.prefix(words.count)) == words, "\(example.line)")
      do {
        let parsed = try ArgumentParser.parse(Array(arguments.dropFirst(words.count)), for: spec)
        #expect(spec.positionals.contains(parsed.positionals.count), "\(example.line)")
        if let format = parsed.value("format") {
          #expect(spec.formats.map(\.rawValue).contains(format), "\(example.line)")
        }
      } catch {
        Issue.record("\(example.line): \(error)")
      }
    }
  }

  @Test(arguments: CommandTable.groups) func groupWordsListTheirCommands(_ group: String) {
    let cli = CLIRunner(directory: FileManager.default.temporaryDirectory)
    let members = CommandTable.members(of: group).map(\.name)
    #expect(!members.isEmpty)
    let alone = cli.run(group)
    let isCommand = CommandTable.all.contains { $0.name == group }
    // `export` is a command too: alone it runs (and wants its KIND); its help lists the group.
    if !isCommand {
      #expect(alone.status == 2, "\(alone)")
      #expect(!alone.error.contains("unknown command"))
      for name in members { #expect(alone.error.contains("\n  \(name) "), "\(group) alone lacks \(name)") }
    }
    for asked in [cli.run(group, "--help"), cli.run("help", group), cli.run(group, "--help", "--lang", "fr")] {
      #expect(asked.status == 0, "\(asked)")
      for name in members { #expect(asked.output.contains("\n  \(name) "), "\(group) --help lacks \(name)") }
    }
  }

  @Test func theGroupsAreTheFirstWordsOfTwoWordCommands() {
    #expect(Set(CommandTable.groups).isSuperset(of: ["report", "hook", "json", "schema", "export"]))
  }

  @Test func aGroupWithAnUnknownCommandSuggestsTheNearest() {
    let result = CLIRunner(directory: FileManager.default.temporaryDirectory).run("report", "acess")
    #expect(result.status == 2)
    #expect(result.error.contains("unknown command 'report acess'"))
    #expect(result.error.contains("did you mean 'report access'?"))
  }

  @Test func usageErrorsOfTheCommandLineAreInFrenchWhenAsked() {
    let cli = CLIRunner(directory: FileManager.default.temporaryDirectory)
    let option = cli.run("list", "people", "--formt", "json", "--lang", "fr")
    #expect(option.status == 2)
    #expect(option.error.contains("option inconnue '--formt' pour 'list'"), "\(option)")
    #expect(option.error.contains("vouliez-vous dire '--format' ?"), "\(option)")
    #expect(option.error.contains("utilisation : adminledger list KIND"), "\(option)")
    let kind = cli.run("list", "peple", "--lang", "fr")
    #expect(kind.error.contains("type de fiche inconnu 'peple'"), "\(kind)")
    let command = cli.run("lst", "--lang", "fr")
    #expect(command.error.contains("commande inconnue 'lst'"), "\(command)")
  }

  @Test func globalOptionsAloneShowTheOverview() {
    let cli = CLIRunner(directory: FileManager.default.temporaryDirectory)
    let result = cli.run("--lang", "fr")
    #expect(result.status == 2)
    #expect(result.error.contains("utilisation : adminledger COMMAND"))
    let help = cli.run("--lang", "fr", "help", "report")
    #expect(help.status == 0, "\(help)")
    #expect(help.output.contains("commandes commençant par 'report' :"))
  }
}
