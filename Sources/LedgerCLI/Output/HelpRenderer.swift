import Foundation

/// The text of `--help`: the overview of commands, and each command's own page.
enum HelpRenderer {
  static func overview() -> String {
    let width = CommandTable.all.map(\.name.count).max() ?? 0
    let lines = CommandTable.all.map {
      "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)"
    }
    return """
      adminledger \(LedgerCLI.version): an organisation's administration records, kept in git

      usage: adminledger COMMAND [ARGUMENTS] [OPTIONS]

      commands:
      \(lines.joined(separator: "\n"))

      options every command takes:
      \(optionLines(OptionSpec.global))

      Run 'adminledger COMMAND --help' for a command's details.
      Exit codes: 0 ok, 1 findings (invalid data, refused write), 2 bad usage, 3 failure.

      """
  }

  static func help(for command: CommandSpec) -> String {
    var text = "\(command.usageLine)\n\n\(command.summary)\n"
    if !command.details.isEmpty { text += "\n\(command.details)\n" }
    if !command.options.isEmpty { text += "\noptions:\n\(optionLines(command.options))\n" }
    let formats = command.formats.map(\.rawValue).joined(separator: ", ")
    text += "\noptions every command takes:\n\(optionLines(OptionSpec.global))\n"
    text += "\noutput formats: \(formats)\n"
    return text
  }

  private static func optionLines(_ options: [OptionSpec]) -> String {
    let width = options.map(\.usage.count).max() ?? 0
    return options.map {
      "  \($0.usage.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.help)"
    }.joined(separator: "\n")
  }
}
