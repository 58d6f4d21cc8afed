import LedgerLanguage

/// Splits a command's arguments according to its spec.
///
/// Accepts `--name VALUE`, `--name=VALUE`, `-h` for `--help`, and `--` to end options.
/// `-` alone is a positional (standard input).
enum ArgumentParser {
  static func parse(_ arguments: [String], for command: CommandSpec) throws(CLIError)
    -> ParsedArguments
  {
    let specs = command.options + OptionSpec.global
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let body = longForm(argument, specs)
      let parts = body.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts.first ?? ""
      guard let spec = specs.first(where: { $0.name == name }) else {
        let suggestion = Suggestion.closest(to: name, among: specs.map(\.name))
        throw .usage(
          tr("unknown option '\(argument)' for '\(command.name)'"),
          hint: suggestion.map { tr("did you mean '--\($0)'?") })
      }
      guard spec.takesValue else {
        guard parts.count == 1 else { throw .usage(tr("option '--\(name)' takes no value")) }
        parsed.record(name, "")
        continue
      }
      let value: String
      if parts.count == 2 {
        value = parts[1]
      } else if index < arguments.count {
        value = arguments[index]
        index += 1
      } else {
        throw .usage(tr("option '--\(name)' needs a value: \(spec.usage)"))
      }
      if case .single = spec.arity, parsed.value(name) != nil {
        throw .usage(tr("option '--\(name)' is given twice"))
      }
      parsed.record(name, value)
    }
    return parsed
  }

  /// `--name=value` without dashes; a short alias such as `-m` becomes its long name.
  private static func longForm(_ argument: String, _ specs: [OptionSpec]) -> String {
    if argument == "-h" { return "help" }
    if !argument.hasPrefix("--"), argument.count == 2, let letter = argument.last,
      let spec = specs.first(where: { $0.short == letter })
    {
      return spec.name
    }
    return String(argument.drop(while: { $0 == "-" }))
  }
}
