import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger init [PATH]`: creates a ledger and its first commit.
enum InitCommand {
  static let spec = CommandSpec(
    name: "init", synopsis: "[PATH] [--name NAME] [--timezone ZONE] [--currency CODE]",
    summary: Phrase("create a ledger (and a git repository, unless PATH is already inside one)"),
    details: Phrase(
      """
      PATH defaults to the current folder. Inside an existing repository the ledger sits in
      PATH as a subfolder of it. The first commit holds ledger.json. A pre-commit hook is
      installed so that a plain 'git commit' of an invalid record is refused too.
      """),
    options: [
      .single("name", "NAME", Phrase("the ledger's name (default: the folder's name)")),
      .single("timezone", "ZONE", Phrase("IANA time zone where \"today\" is computed (default: Europe/Paris)")),
      .single("currency", "CODE", Phrase("ISO 4217 currency of amounts (default: EUR)")),
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger init biodiv --name \"Biodiv'Sud data platform\"",
        Phrase("create a ledger in the new folder biodiv")),
      .example(
        "adminledger init --timezone Europe/Paris --currency EUR",
        Phrase("make a ledger of the current folder")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let folder = context.url(for: context.positionals.first ?? ".")
    let name = context.arguments.value("name") ?? folder.lastPathComponent
    let zone = context.arguments.value("timezone") ?? "Europe/Paris"
    guard TimeZone(identifier: zone) != nil else {
      throw .usage("unknown time zone '\(zone)'", hint: "use an IANA name such as Europe/Paris")
    }
    let currency = context.arguments.value("currency") ?? "EUR"
    guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw .usage("invalid currency '\(currency)'", hint: "use a three-letter code such as EUR")
    }
    let author = try context.author(for: nil)
    let settings = LedgerSettings(name: name, timeZoneIdentifier: zone, currency: currency)
    let ledger = try context.perform { () throws(StoreError) in
      try Ledger.create(at: folder, settings: settings, by: author, at: context.environment.now())
    }
    let commit = try context.perform { () throws(StoreError) in try ledger.store.snapshot(at: nil).revision } ?? ""
    let hooks =
      try context.environment.toolPath.map { (tool) throws(CLIError) in
        try context.perform { () throws(StoreError) in try ledger.installHooks(tool: tool) }
      } ?? []
    for case .keptExisting(let path) in hooks {
      context.err.line(WriteRenderer.keptHook(path))
    }
    if context.format == .json {
      context.printJSON([
        "ledger": .string(ledger.root.path), "name": .string(name), "commit": .string(commit),
      ])
    } else {
      context.out.line(WriteRenderer.created(name: name, root: ledger.root.path, commit: commit))
    }
    return .ok
  }
}
