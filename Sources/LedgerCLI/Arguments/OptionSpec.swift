import LedgerLanguage

/// One option a command accepts.
struct OptionSpec: Sendable {
  enum Arity: Sendable {
    /// `--flag`
    case flag
    /// `--name VALUE`, at most once.
    case single(valueName: String)
    /// `--name VALUE`, any number of times, in order.
    case repeated(valueName: String)
  }

  let name: String
  let arity: Arity
  /// One line for help, in the reader's language.
  let help: Phrase
  /// A one-letter alias such as `m` for `-m`.
  var short: Character? = nil

  static func flag(_ name: String, _ help: Phrase) -> OptionSpec {
    OptionSpec(name: name, arity: .flag, help: help)
  }

  static func single(
    _ name: String, _ valueName: String, _ help: Phrase, short: Character? = nil
  ) -> OptionSpec {
    OptionSpec(name: name, arity: .single(valueName: valueName), help: help, short: short)
  }

  static func repeated(_ name: String, _ valueName: String, _ help: Phrase) -> OptionSpec {
    OptionSpec(name: name, arity: .repeated(valueName: valueName), help: help)
  }

  var takesValue: Bool {
    if case .flag = arity { return false }
    return true
  }

  /// `--set FIELD=VALUE`, as help shows it.
  var usage: String {
    let long =
      switch arity {
      case .flag: "--\(name)"
      case .single(let value), .repeated(let value): "--\(name) \(value)"
      }
    return short.map { "-\($0), " + long } ?? long
  }

  /// Options every command takes.
  static let global: [OptionSpec] = [
    .single("ledger", "PATH", Phrase("the ledger's folder (default: found from the current folder up)")),
    .single("format", "FORMAT", Phrase("output format: text, json, or another its help lists (the first listed is the default)")),
    .single(
      "author", "\"NAME <EMAIL>\"",
      Phrase("who makes the change (default: ADMINLEDGER_AUTHOR, then git's user.name and user.email)")),
    .single(
      "lang", "LANGUAGE", Phrase("the language to write in: en or fr (default: ADMINLEDGER_LANG, then LC_ALL, LC_MESSAGES, LANG)")
    ),
    .flag("help", Phrase("show this help")),
  ]
}
