import Foundation
import LedgerCore
import LedgerLanguage

/// What a shell completes, read from the command specs: the command words, each command's
/// options, and the values its arguments and options take, found from their metavariables
/// (`KIND` completes the kinds, `FILE` a file name, `FORMAT` the command's formats).
///
/// The scripts of `CompletionRenderer` are written from this model, so a new command or option
/// is completed as soon as its spec exists.
struct CompletionModel {
  /// The values a word takes.
  enum Values: Equatable {
    case none
    case files
    case directories
    /// `people`, `accounts`...
    case kinds
    /// `people/jmartin`: a kind, then a record of the ledger in the current folder.
    case keys
    case words([String])
    /// The ids of the records of one kind (its folder) in the ledger of the current folder.
    case records(String)
  }

  /// The words the first position takes: one-word commands and group words, in order.
  let firstWords: [String]
  let commands: [CommandSpec]

  init(commands: [CommandSpec] = CommandTable.all) {
    self.commands = commands
    var words: [String] = []
    for command in commands {
      let first = command.group ?? command.name
      if !words.contains(first) { words.append(first) }
    }
    firstWords = words
  }

  /// The summary shown for a first word: the command's own, or a group's list of commands.
  func summary(ofFirstWord word: String) -> String {
    if let command = commands.first(where: { $0.name == word }) { return command.summary.text }
    let names = commands.filter { $0.group == word }.map(\.name)
    return tr("commands: \(names.joined(separator: ", "))")
  }

  /// The second words of `group`'s commands (`access` for `report access`).
  func secondWords(of group: String) -> [CommandSpec] {
    commands.filter { $0.group == group }
  }

  /// Every option `command` takes: its own, then the global ones.
  /// A command's own option wins over a global one of the same name (`log --author WHO`).
  func options(of command: CommandSpec) -> [OptionSpec] {
    command.options + OptionSpec.global.filter { global in !command.options.contains { $0.name == global.name } }
  }

  /// Every option name that takes a value, in any command, with its dashes: `--set`, `-m`.
  var valuedOptionWords: [String] {
    var words: [String] = []
    for option in commands.flatMap(options(of:)) where option.takesValue {
      for word in ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []) where !words.contains(word) {
        words.append(word)
      }
    }
    return words
  }

  /// The values `option` takes in `command`.
  func values(of option: OptionSpec, in command: CommandSpec) -> Values {
    switch option.arity {
    case .flag: return .none
    case .single(let name), .repeated(let name):
      if option.name == "format" { return .words(command.formats.map(\.rawValue)) }
      if option.name == "profile", command.name == "import" { return .words(ImportProfile.allCases.map(\.rawValue)) }
      if option.name == "profile", command.name == "report drift" { return .words(DriftProfile.allCases.map(\.rawValue)) }
      if let kind = Self.optionKinds[option.name], name == "ID" || name == "SYSTEM" || name == "ORGANIZATION" {
        return .records(kind)
      }
      return Self.values(ofMetavariable: name)
    }
  }

  /// The values of each positional argument of `command`, in order, read from its synopsis
  /// (`KIND [ID] [--set FIELD=VALUE]...` gives kinds, then nothing); `repeats` when the last one
  /// may be given again (`FILE...`).
  func positionals(of command: CommandSpec) -> (values: [Values], repeats: Bool) {
    var values: [Values] = []
    var repeats = false
    for token in command.synopsis.split(separator: " ") {
      guard !token.hasPrefix("-"), !token.hasPrefix("[-"), token != "|" else { break }
      var word = token.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      repeats = word.hasSuffix("...")
      if repeats { word.removeLast(3) }
      // A metavariable is upper case (`KIND`); a lower-case word is typed as it is (`pre-receive`).
      let metavariable = word.first?.isUppercase == true
      values.append(metavariable ? Self.values(ofMetavariable: word) : .words(word.split(separator: "|").map(String.init)))
      if values.count >= command.positionals.upperBound { break }
    }
    return (values, repeats)
  }

  /// What a metavariable names: `KIND`, `KIND/ID`, `FILE`, `PATH`, `LANGUAGE`, `SHELL`...
  static func values(ofMetavariable name: String) -> Values {
    let bare = name.split(separator: "|").first.map(String.init) ?? name
    switch bare {
    case "KIND": return .kinds
    case "KIND/ID": return .keys
    case "PATH", "BARE_REPO", "OUT", "FOLDER": return .directories
    case "PERSON": return .records("people")
    case "ORGANIZATION": return .records("organizations")
    case "SYSTEM": return .records("systems")
    case "LANGUAGE": return .words(Language.allCases.map(\.rawValue))
    case "SHELL": return .words(CompletionRenderer.Shell.allCases.map(\.rawValue))
    default:
      let file = ["FILE", "BASE", "OURS", "THEIRS", "KEY", "SCHEMA", "INSTANCE"]
      return file.contains(where: { bare == $0 || bare.hasPrefix($0 + ".") }) ? .files : .none
    }
  }

  /// Options whose ID names a record of one kind: `--person ID`.
  static let optionKinds = [
    "person": "people", "deputy": "people", "system": "systems", "organization": "organizations", "for": "organizations",
  ]

  /// The kinds of record, as `KIND` is written.
  static var kinds: [String] { RecordKind.allCases.map(\.rawValue) }
}
