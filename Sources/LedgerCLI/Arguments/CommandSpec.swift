/// A command: its name, usage, options, and the function that runs it.
struct CommandSpec: Sendable {
  /// One or two words: `add`, `json check`.
  let name: String
  /// Arguments after the name, as the usage line shows them: `KIND [ID] [--set FIELD=VALUE]...`.
  let synopsis: String
  /// One line for the overview.
  let summary: String
  /// Further paragraphs for `--help`.
  let details: String
  let options: [OptionSpec]
  /// How many positionals it takes.
  let positionals: ClosedRange<Int>
  /// Output formats it offers; the first is the default.
  let formats: [OutputFormat]
  let run: @Sendable (CommandContext) throws(CLIError) -> ExitStatus

  init(
    name: String, synopsis: String, summary: String, details: String = "",
    options: [OptionSpec] = [], positionals: ClosedRange<Int> = 0...0,
    formats: [OutputFormat] = [.text, .json],
    run: @escaping @Sendable (CommandContext) throws(CLIError) -> ExitStatus
  ) {
    self.name = name
    self.synopsis = synopsis
    self.summary = summary
    self.details = details
    self.options = options
    self.positionals = positionals
    self.formats = formats
    self.run = run
  }

  var usageLine: String { "usage: adminledger \(name) \(synopsis)" }
}

/// How a command prints its result.
///
/// A command offers only some of them (its `formats`): `ics`, an iCalendar file, only
/// `report expiring`, and `--format` is checked against that list before the command runs.
enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, ndjson, csv, ics
}
