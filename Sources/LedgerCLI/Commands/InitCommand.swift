import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger init [PATH]`: creates a ledger and its first commit.
enum InitCommand {
  static let spec = CommandSpec(
    name: "init", synopsis: "[PATH] [--from FOLDER] [--name NAME] [--timezone ZONE] [--currency CODE]",
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
      .single(
        "from", "FOLDER",
        Phrase(
          "make a ledger of a folder of records (a sample, a copy): its ledger.json and records, committed once checked; into PATH when given, else in place"
        )),
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger init biodiv --name \"Biodiv'Sud data platform\"",
        Phrase("create a ledger in the new folder biodiv")),
      .example(
        "adminledger init --timezone Europe/Paris --currency EUR",
        Phrase("make a ledger of the current folder")),
      .example(
        "adminledger init --from ledger/association association",
        Phrase("make a ledger of a copy of the association's sample, in the new folder association")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    if let source = context.arguments.value("from") {
      return try InitFromFolder.run(context, source: context.url(for: source))
    }
    let folder = context.url(for: context.positionals.first ?? ".")
    // A folder of records that is no repository yet (a copied sample): made a ledger as it is.
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent(LedgerSettings.fileName).path),
      InitFromFolder.enclosingRepository(of: folder) == nil
    {
      return try InitFromFolder.run(context, source: folder)
    }
    let name = context.arguments.value("name") ?? folder.lastPathComponent
    let zone = context.arguments.value("timezone") ?? "Europe/Paris"
    guard TimeZone(identifier: zone) != nil else {
      throw .usage(tr("unknown time zone '\(zone)'"), hint: tr("use an IANA name such as Europe/Paris"))
    }
    let currency = context.arguments.value("currency") ?? "EUR"
    guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw .usage(tr("invalid currency '\(currency)'"), hint: tr("use a three-letter code such as EUR"))
    }
    let author = try context.author(for: nil)
    let settings = LedgerSettings(name: name, timeZoneIdentifier: zone, currency: currency)
    let ledger = try context.perform { () throws(StoreError) in
      try Ledger.create(at: folder, settings: settings, by: author, at: context.environment.now())
    }
    let commit = try context.perform { () throws(StoreError) in try ledger.store.snapshot(at: nil).revision } ?? ""
    try installHooks(ledger, context)
    if context.format == .json {
      context.printJSON([
        "ledger": .string(ledger.root.path), "name": .string(name), "commit": .string(commit),
      ])
    } else {
      context.out.line(WriteRenderer.created(name: name, root: ledger.root.path, commit: commit))
    }
    return .ok
  }

  /// `installHooks`, for a ledger already committed: a hook that cannot be written is said,
  /// not thrown, as the ledger is made.
  static func installHooksQuietly(_ ledger: Ledger, _ context: CommandContext) {
    do throws(CLIError) { try installHooks(ledger, context) } catch {
      context.err.line(tr("warning: the git hooks were not installed; run 'adminledger hook install'"))
    }
  }

  /// The git hooks that validate plain git commits, when the tool knows its own path.
  static func installHooks(_ ledger: Ledger, _ context: CommandContext) throws(CLIError) {
    let hooks =
      try context.environment.toolPath.map { (tool) throws(CLIError) in
        try context.perform { () throws(StoreError) in try ledger.installHooks(tool: tool) }
      } ?? []
    for case .keptExisting(let path) in hooks {
      context.err.line(WriteRenderer.keptHook(path))
    }
  }
}
