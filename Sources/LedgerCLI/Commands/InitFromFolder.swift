import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger init --from FOLDER [PATH]`, and `init` of a folder that holds a ledger.json but
/// no repository: a folder of records (a sample, a copy, an unpacked archive) made a ledger.
///
/// The folder's ledger.json makes the first commit, as `init` would write it; every record
/// and schema file then goes into a second commit, checked as `commit` checks hand edits. When
/// a record is invalid nothing is made: the repository just created is removed and the folder
/// is left as it was, so the command can be run again once the records are mended.
///
/// With PATH the folder is copied there first (PATH must be new or empty), leaving the source
/// untouched: the way to start from a sample inside AdminLedger's own repository.
enum InitFromFolder {
  static func run(_ context: CommandContext, source: URL) throws(CLIError) -> ExitStatus {
    let settings = try readSettings(in: source)
    for option in ["name", "timezone", "currency"] where context.arguments.value(option) != nil {
      throw .usage(
        tr("\(source.path) already holds a ledger.json: --\(option) is read from it"),
        hint: tr("edit ledger.json, then run 'adminledger init --from \(source.path)'"))
    }
    let target = context.positionals.first.map(context.url(for:)) ?? source
    let copied = target.path != source.path
    if copied {
      try copy(source, into: target)
    } else if enclosingRepository(of: source) != nil {
      throw .usage(
        tr("\(source.path) is already inside a git repository"),
        hint: tr("copy it into a new ledger instead: adminledger init --from \(source.path) NEW-FOLDER"))
    }
    let made: (ledger: Ledger, records: WriteResult?)
    do throws(CLIError) {
      made = try adopt(target, settings: settings, context)
    } catch {
      if copied { try? FileManager.default.removeItem(at: target) }
      context.err.line(
        copied
          ? tr("nothing was made: \(target.path) was removed") : tr("nothing was made: \(target.path) is as it was"))
      throw error
    }
    InitCommand.installHooksQuietly(made.ledger, context)
    report(made.ledger, records: made.records, settings: settings, source: source, context)
    return .ok
  }

  /// The folder's ledger.json, read as `init` would write it.
  private static func readSettings(in folder: URL) throws(CLIError) -> LedgerSettings {
    let file = folder.appendingPathComponent(LedgerSettings.fileName)
    guard let bytes = FileManager.default.contents(atPath: file.path) else {
      throw .usage(
        tr("\(folder.path) holds no ledger.json, so it is not a folder of records"),
        hint: tr(
          "give the folder that holds ledger.json and the kind folders (people/, accounts/...), such as a copy of ledger/association"
        ))
    }
    do throws(DiagnosticList) {
      return try LedgerSettings.read(Array(bytes))
    } catch {
      throw .findings(error.diagnostics)
    }
  }

  /// Copies the files of `source` (not its `.git`) into `target`, which must be new or empty
  /// and outside any repository.
  private static func copy(_ source: URL, into target: URL) throws(CLIError) {
    let manager = FileManager.default
    if let entries = try? manager.contentsOfDirectory(atPath: target.path), !entries.isEmpty {
      throw .usage(tr("\(target.path) already exists and is not empty"), hint: tr("give a new folder"))
    }
    if enclosingRepository(of: target) != nil {
      throw .usage(
        tr("\(target.path) is inside a git repository"),
        hint: tr("give a folder outside any repository: init --from makes a repository of its own"))
    }
    do {
      try manager.createDirectory(at: target, withIntermediateDirectories: true)
      for name in try manager.contentsOfDirectory(atPath: source.path) where name != ".git" {
        try manager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
      }
    } catch {
      try? manager.removeItem(at: target)
      throw .unreadableFile(path: source.path, reason: error.localizedDescription)
    }
  }

  /// The repository and its two commits in `folder`; on failure, the folder as it was.
  private static func adopt(_ folder: URL, settings: LedgerSettings, _ context: CommandContext) throws(CLIError)
    -> (Ledger, WriteResult?)
  {
    let manager = FileManager.default
    let settingsFile = folder.appendingPathComponent(LedgerSettings.fileName)
    let attributesFile = folder.appendingPathComponent(".gitattributes")
    let originalSettings = manager.contents(atPath: settingsFile.path)
    let originalAttributes = manager.contents(atPath: attributesFile.path)
    let restore = {
      try? manager.removeItem(at: folder.appendingPathComponent(".git"))
      if let originalSettings { try? originalSettings.write(to: settingsFile) }
      try? manager.removeItem(at: attributesFile)
      if let originalAttributes { try? originalAttributes.write(to: attributesFile) }
    }
    do throws(CLIError) {
      let author = try context.author(for: nil)
      // `Ledger.create` writes ledger.json itself, from the settings read (its whole document).
      try? manager.removeItem(at: settingsFile)
      let ledger = try context.perform { () throws(StoreError) in
        try Ledger.create(at: folder, settings: settings, by: author, at: context.environment.now())
      }
      let signed = try context.author(for: ledger)
      let records = try context.perform { () throws(StoreError) in
        try ledger.commitHandEdits(
          message: "Add the records of \(folder.lastPathComponent)", by: signed, at: context.environment.now())
      }
      context.warnIfUnknownAuthor(signed, in: ledger)
      return (ledger, records)
    } catch {
      restore()
      throw error
    }
  }

  private static func report(
    _ ledger: Ledger, records: WriteResult?, settings: LedgerSettings, source: URL, _ context: CommandContext
  ) {
    let count = records?.changes.records.count ?? 0
    let commit = records?.commit ?? (try? ledger.store.snapshot(at: nil).revision) ?? ""
    if context.format == .json {
      context.printJSON([
        "ledger": .string(ledger.root.path), "name": .string(settings.name), "commit": .string(commit),
        "from": .string(source.path), "records": .number(JSONNumber(count)),
      ])
      return
    }
    let short = String(commit.prefix(7))
    context.out.line(
      Language.singular(count)
        ? tr("Created ledger \"\(settings.name)\" in \(ledger.root.path): \(count) record, valid (commit \(short))")
        : tr("Created ledger \"\(settings.name)\" in \(ledger.root.path): \(count) records, all valid (commit \(short))"))
  }

  /// Whether `folder` (or, when it does not exist yet, its nearest existing parent) lies inside
  /// a git repository; its description when it does.
  static func enclosingRepository(of folder: URL) -> String? {
    var existing = folder.standardizedFileURL
    while !FileManager.default.fileExists(atPath: existing.path) {
      let parent = existing.deletingLastPathComponent()
      if parent.path == existing.path { return nil }
      existing = parent
    }
    do {
      let ledger = try Ledger.open(from: existing, recovering: false)
      return ledger.root.path
    } catch .notARepository {
      return nil
    } catch {
      return existing.path
    }
  }
}
