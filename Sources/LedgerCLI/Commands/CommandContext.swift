import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// What a running command has: its arguments, the environment, and shared helpers.
struct CommandContext {
  let arguments: ParsedArguments
  let environment: CLIEnvironment
  let command: CommandSpec
  let format: OutputFormat
  /// The views of the ledger the command read (see `reportUnreadableFiles`).
  let viewsRead = ViewsRead()

  var out: TextSink { environment.standardOutput }
  var err: TextSink { environment.standardError }
  var positionals: [String] { arguments.positionals }

  /// A path the user gave, made absolute against the current folder.
  func url(for path: String) -> URL {
    // The current folder as a folder: a URL without its trailing slash would resolve "." to
    // its parent.
    let folder = URL(fileURLWithPath: environment.currentDirectory.path, isDirectory: true)
    return URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
  }

  /// The ledger named by `--ledger`, or found from the current folder upward; an update a
  /// killed process left is finished first, unless `recovering` is false.
  func openLedger(recovering: Bool = true) throws(CLIError) -> Ledger {
    let start = arguments.value("ledger").map(url(for:)) ?? environment.currentDirectory
    do {
      return try Ledger.open(from: start, recovering: recovering)
    } catch .notARepository(let path) {
      // A copied sample, or records kept in a plain folder: say how to make it a ledger.
      if let folder = CommandContext.folderHoldingSettings(from: start) {
        let shown = folder.path == environment.currentDirectory.standardizedFileURL.path ? "." : folder.path
        throw .usage(
          tr("\(folder.path) holds a ledger.json but is not a git repository yet"),
          hint: tr("run 'adminledger init --from \(shown)' to make it a ledger: its records in one checked commit"))
      }
      throw .store(.notARepository(path: path))
    } catch {
      throw .store(error)
    }
  }

  /// The nearest folder at or above `start` that holds `ledger.json`, if any.
  static func folderHoldingSettings(from start: URL) -> URL? {
    var folder = start.standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent(LedgerSettings.fileName).path) {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// The author of a write: `--author`, then `ADMINLEDGER_AUTHOR`, then git's configuration.
  func author(for ledger: Ledger?) throws(CLIError) -> Author {
    var author = try unsignedAuthor(for: ledger)
    guard let ledger else { return author }
    author.signer = ledger.configuredSigner(home: environment.variables["HOME"] ?? NSHomeDirectory())
    if author.signer == nil {
      author.signaturesRequiredFrom = try perform { () throws(StoreError) in
        try ledger.signaturesRequired(on: environment.now())
      }
    }
    return author
  }

  private func unsignedAuthor(for ledger: Ledger?) throws(CLIError) -> Author {
    let sources: [(String, String?)] = [
      ("--author", arguments.value("author")),
      ("ADMINLEDGER_AUTHOR", environment.variables["ADMINLEDGER_AUTHOR"]),
    ]
    for (source, text) in sources {
      guard let text, !text.isEmpty else { continue }
      guard let author = Author(parsing: text) else {
        throw .usage(
          tr("\(source) must look like \"Name <email>\", got \"\(text)\""),
          hint: tr("for example --author \"Claire Durand <claire.durand@example.org>\""))
      }
      return author
    }
    if let author = ledger?.configuredAuthor() ?? Ledger.globallyConfiguredAuthor() {
      return author
    }
    throw .usage(
      tr("no author: the commit needs a name and an email"),
      hint: tr("pass --author \"Name <email>\", set ADMINLEDGER_AUTHOR, or set git's user.name and user.email"))
  }

  /// Warns, without refusing, when the author of a write is not a known administrator:
  /// locally a commit's author is self-declared; the audit and the server hook enforce.
  ///
  /// Said once per clone and author (remembered in the clone's `.git/adminledger/notices`), and
  /// never for a `--dry-run`, which commits nothing: a copied sample would otherwise repeat it
  /// before every command.
  func warnIfUnknownAuthor(_ author: Author, in ledger: Ledger) {
    guard !arguments.flag("dry-run") else { return }
    guard (try? ledger.isKnownAdministrator(author, at: environment.now())) == .some(false) else { return }
    guard ledger.firstTime(notice: "unknown-author \(author.email.lowercased())") else { return }
    err.line(WriteRenderer.unknownAuthor(author))
  }

  /// Runs a store operation, turning its failure into a CLI error.
  func perform<Result>(_ body: () throws(StoreError) -> Result) throws(CLIError) -> Result {
    do {
      return try body()
    } catch {
      throw .store(error)
    }
  }

  /// Prints a JSON value on standard output in canonical form.
  func printJSON(_ value: JSONValue) {
    out.write(CanonicalWriter.write(value))
  }
}
