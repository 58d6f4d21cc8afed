import LedgerCore
import LedgerLanguage

/// The command line: parses arguments, runs one command, prints, and returns the exit code.
public enum LedgerCLI {
  /// The tool's version, printed by `--version`.
  public static let version = "0.1.0"

  /// Runs the command line `arguments` (the program name first) in `environment`.
  ///
  /// - Returns: the exit status of DESIGN.md: 0 ok, 1 findings, 2 usage, 3 failure.
  public static func run(_ arguments: [String], environment: CLIEnvironment = .process()) -> Int32 {
    let words = hoistingGlobalOptions(Array(arguments.dropFirst()))
    // JSON is for programs: its every word stays English, whatever the reader's language.
    let machine = [.json, .ndjson].contains(requestedFormat(words))
    let language =
      machine ? .english : requestedLanguage(words) ?? Language.fromEnvironment(environment.variables) ?? .english
    let status = Language.$current.withValue(language) { runCommand(words, environment: environment) }
    // For the tests and the demo in French: every phrase asked and missing from the catalogue,
    // which the catalogue test should have caught.
    if environment.variables["ADMINLEDGER_CHECK_CATALOGUE"].map({ !$0.isEmpty }) == true {
      for key in Catalogue.missing.sorted() { environment.standardError.line("adminledger: untranslated phrase: \(key)") }
    }
    return status
  }

  private static func runCommand(_ words: [String], environment: CLIEnvironment) -> Int32 {
    let renderer = FailureRenderer(
      sink: environment.standardError, format: requestedFormat(words),
      colored: Color.enabled(for: environment.standardError, variables: environment.variables))
    // Only global options (`adminledger --lang fr`): no command, as for nothing at all.
    guard let first = words.first, !withoutGlobalOptions(words).isEmpty else {
      environment.standardError.write(HelpRenderer.overview())
      return ExitStatus.usage.rawValue
    }
    switch first {
    case "--version", "version":
      environment.standardOutput.line("adminledger \(version)")
      return ExitStatus.ok.rawValue
    case "--help", "-h", "help":
      return help(for: Array(words.dropFirst()), environment: environment)
    default:
      break
    }
    guard let (command, rest) = CommandTable.lookup(words) else {
      if CommandTable.groups.contains(first) {
        return group(first, Array(words.dropFirst()), environment: environment, renderer: renderer).rawValue
      }
      let names = CommandTable.all.map(\.name)
      let suggestion = Suggestion.closest(to: first, among: names)
      return renderer.render(
        .usage(
          tr("unknown command '\(first)'"),
          hint: suggestion.map { tr("did you mean '\($0)'?") }
            ?? tr("run 'adminledger --help' to see the commands")), command: nil
      ).rawValue
    }
    return execute(command, rest, environment: environment, renderer: renderer).rawValue
  }

  private static func execute(
    _ command: CommandSpec, _ rest: [String], environment: CLIEnvironment,
    renderer: FailureRenderer
  ) -> ExitStatus {
    do throws(CLIError) {
      let arguments = try ArgumentParser.parse(rest, for: command)
      if let language = arguments.value("lang"), Language(tag: language) == nil {
        throw .usage(tr("AdminLedger does not speak '\(language)'"), hint: tr("use --lang en or --lang fr"))
      }
      if arguments.flag("help") {
        environment.standardOutput.write(HelpRenderer.help(for: command))
        return .ok
      }
      guard command.positionals.contains(arguments.positionals.count) else {
        throw .usage(
          arguments.positionals.count < command.positionals.lowerBound
            ? tr("missing arguments for '\(command.name)'")
            : tr("too many arguments for '\(command.name)': \(arguments.positionals.joined(separator: " "))"))
      }
      let formatName = arguments.value("format") ?? command.formats[0].rawValue
      guard let format = OutputFormat(rawValue: formatName), command.formats.contains(format) else {
        throw .usage(
          tr("'\(command.name)' has no format '\(formatName)'"),
          hint: tr("use --format \(command.formats.map(\.rawValue).joined(separator: "|"))"))
      }
      let context = CommandContext(
        arguments: arguments, environment: environment, command: command, format: format)
      return context.reportUnreadableFiles(try command.run(context))
    } catch {
      return renderer.render(error, command: command)
    }
  }

  /// A group's first word without a command of it (`adminledger report`): its commands, on
  /// standard output for `--help`, else on standard error as a usage error (exit 2), as a bare
  /// `adminledger` prints the overview; a word after it that names none of them is an unknown
  /// command, with the nearest one as a hint.
  private static func group(
    _ group: String, _ rest: [String], environment: CLIEnvironment, renderer: FailureRenderer
  ) -> ExitStatus {
    if rest.contains("--help") || rest.contains("-h") {
      environment.standardOutput.write(HelpRenderer.group(group))
      return .ok
    }
    guard let word = rest.first, !word.hasPrefix("-") else {
      environment.standardError.write(HelpRenderer.group(group))
      return .usage
    }
    let names = CommandTable.members(of: group).map(\.name)
    let suggestion = Suggestion.closest(to: "\(group) \(word)", among: names)
    return renderer.render(
      .usage(
        tr("unknown command '\(group) \(word)'"),
        hint: suggestion.map { tr("did you mean '\($0)'?") }
          ?? tr("run 'adminledger \(group) --help' to see its commands")),
      command: nil)
  }

  private static func help(for given: [String], environment: CLIEnvironment) -> Int32 {
    let words = withoutGlobalOptions(given)
    guard !words.isEmpty else {
      environment.standardOutput.write(HelpRenderer.overview())
      return ExitStatus.ok.rawValue
    }
    guard let (command, _) = CommandTable.lookup(words) else {
      if words.count == 1, CommandTable.groups.contains(words[0]) {
        environment.standardOutput.write(HelpRenderer.group(words[0]))
        return ExitStatus.ok.rawValue
      }
      environment.standardError.line(tr("adminledger: error: no command '\(words.joined(separator: " "))'"))
      return ExitStatus.usage.rawValue
    }
    environment.standardOutput.write(HelpRenderer.help(for: command))
    return ExitStatus.ok.rawValue
  }

  /// Moves global options written before the command (`--ledger X list`) after it.
  private static func hoistingGlobalOptions(_ words: [String]) -> [String] {
    var leading: [String] = []
    var index = 0
    while index < words.count, words[index].hasPrefix("--"),
      let spec = OptionSpec.global.first(where: { words[index].dropFirst(2).hasPrefix($0.name) }),
      spec.name != "help"
    {
      leading.append(words[index])
      if spec.takesValue, !words[index].contains("="), index + 1 < words.count {
        leading.append(words[index + 1])
        index += 1
      }
      index += 1
    }
    guard !leading.isEmpty else { return words }
    let rest = Array(words[index...])
    guard let (command, tail) = CommandTable.lookup(rest) else { return rest + leading }
    return command.name.split(separator: " ").map(String.init) + leading + tail
  }

  /// `words` less the global options and their values: `help report --lang fr` names `report`.
  private static func withoutGlobalOptions(_ words: [String]) -> [String] {
    var kept: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), let spec = OptionSpec.global.first(where: { word.dropFirst(2).hasPrefix($0.name) }),
        spec.name != "help"
      else {
        kept.append(word)
        continue
      }
      if spec.takesValue, !word.contains("=") { index += 1 }
    }
    return kept
  }

  /// `--format` as given anywhere on the line, so even argument errors can be JSON.
  private static func requestedFormat(_ words: [String]) -> OutputFormat {
    globalValue("format", in: words).flatMap(OutputFormat.init(rawValue:)) ?? .text
  }

  /// `--lang` as given anywhere on the line, so even argument errors are in that language; a
  /// language AdminLedger does not speak is refused by the argument check (`ParsedArguments`).
  static func requestedLanguage(_ words: [String]) -> Language? {
    globalValue("lang", in: words).flatMap(Language.init(tag:))
  }

  private static func globalValue(_ name: String, in words: [String]) -> String? {
    for (index, word) in words.enumerated() {
      if word.hasPrefix("--\(name)=") { return String(word.dropFirst(name.count + 3)) }
      if word == "--\(name)", index + 1 < words.count { return words[index + 1] }
    }
    return nil
  }
}
