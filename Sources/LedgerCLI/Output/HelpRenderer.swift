import Foundation
import LedgerLanguage

/// The text of `--help`: the overview of commands, a group's commands (`report`), and each
/// command's own page, in the reader's language.
///
/// Usage lines, option names and their metavariables (`--set FIELD=VALUE`) and example command
/// lines are the same in every language; the words around them are translated.
enum HelpRenderer {
  static func overview() -> String {
    """
    \(tr("adminledger \(LedgerCLI.version): an organisation's administration records, kept in git"))

    \(tr("usage: adminledger COMMAND [ARGUMENTS] [OPTIONS]"))

    \(tr("commands:"))
    \(commandLines(CommandTable.all))

    \(tr("options every command takes:"))
    \(optionLines(OptionSpec.global))

    \(tr("Run 'adminledger COMMAND --help' for a command's details."))
    \(tr("Exit codes: 0 ok, 1 findings (invalid data, refused write), 2 bad usage, 3 failure."))

    """
  }

  /// The commands whose first word is `group` (`report`), each with its summary.
  static func group(_ group: String) -> String {
    let members = CommandTable.members(of: group)
    return """
      \(tr("usage: adminledger \(group) COMMAND [ARGUMENTS] [OPTIONS]"))

      \(tr("commands starting with '\(group)':"))
      \(commandLines(members))

      \(tr("Run 'adminledger \(group) COMMAND --help' for a command's details."))

      """
  }

  static func help(for command: CommandSpec) -> String {
    var text = "\(command.usageLine)\n\n\(command.summary.text)\n"
    if let details = command.details { text += "\n\(details.text)\n" }
    if CommandTable.groups.contains(command.name) {
      text += "\n\(tr("commands starting with '\(command.name)':"))\n\(commandLines(CommandTable.members(of: command.name)))\n"
    }
    if !command.options.isEmpty { text += "\n\(tr("options:"))\n\(optionLines(command.options))\n" }
    let formats = command.formats.map(\.rawValue).joined(separator: ", ")
    text += "\n\(tr("options every command takes:"))\n\(optionLines(OptionSpec.global))\n"
    text += "\n\(tr("output formats: \(formats)"))\n"
    if !command.examples.isEmpty {
      text += "\n\(tr("examples:"))\n"
      text += command.examples.map { "  \($0.meaning.text)\n    \($0.line)\n" }.joined()
    }
    return text
  }

  private static func commandLines(_ commands: [CommandSpec]) -> String {
    let width = commands.map(\.name.count).max() ?? 0
    return commands.map {
      "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary.text)"
    }.joined(separator: "\n")
  }

  private static func optionLines(_ options: [OptionSpec]) -> String {
    let width = options.map(\.usage.count).max() ?? 0
    return options.map {
      "  \($0.usage.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.help.text)"
    }.joined(separator: "\n")
  }
}
