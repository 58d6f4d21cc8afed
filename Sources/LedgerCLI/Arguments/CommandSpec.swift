import LedgerLanguage

/// A command: its name, usage, options, examples, and the function that runs it.
///
/// The words a person reads (`summary`, `details`, each option's and example's description) are
/// phrases, translated when help is shown: specs are `static let`s, built before the language
/// of a run is known.
struct CommandSpec: Sendable {
  /// One or two words: `add`, `json check`.
  let name: String
  /// Arguments after the name, as the usage line shows them: `KIND [ID] [--set FIELD=VALUE]...`.
  let synopsis: String
  /// One line for the overview.
  let summary: Phrase
  /// Further paragraphs for `--help`.
  let details: Phrase?
  let options: [OptionSpec]
  /// How many positionals it takes.
  let positionals: ClosedRange<Int>
  /// Output formats it offers; the first is the default.
  let formats: [OutputFormat]
  /// Command lines that show it at work on the sample ledgers, ending its help and man page.
  let examples: [CommandExample]
  let run: @Sendable (CommandContext) throws(CLIError) -> ExitStatus

  init(
    name: String, synopsis: String, summary: Phrase, details: Phrase? = nil,
    options: [OptionSpec] = [], positionals: ClosedRange<Int> = 0...0,
    formats: [OutputFormat] = [.text, .json], examples: [CommandExample] = [],
    run: @escaping @Sendable (CommandContext) throws(CLIError) -> ExitStatus
  ) {
    self.name = name
    self.synopsis = synopsis
    self.summary = summary
    self.details = details
    self.options = options
    self.positionals = positionals
    self.formats = formats
    self.examples = examples
    self.run = run
  }

  /// `usage: adminledger add KIND [ID] ...`, in the reader's language.
  var usageLine: String { tr("usage: adminledger \(name) \(synopsis)") }

  /// The first word of a two-word command (`report` of `report access`), nil for one word.
  var group: String? {
    let words = name.split(separator: " ")
    return words.count > 1 ? String(words[0]) : nil
  }
}

/// A command line that shows a command at work, and what it does.
struct CommandExample: Sendable {
  /// The whole line as typed: `adminledger list people --where functions=delegate`.
  let line: String
  let meaning: Phrase

  static func example(_ line: String, _ meaning: Phrase) -> CommandExample {
    CommandExample(line: line, meaning: meaning)
  }
}

/// How a command prints its result.
///
/// A command offers only some of them (its `formats`): `ics`, an iCalendar file, and `mail`,
/// reminders as emails, only `report expiring`, and `--format` is checked against that list
/// before the command runs.
enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, ndjson, csv, ics, mail
}
