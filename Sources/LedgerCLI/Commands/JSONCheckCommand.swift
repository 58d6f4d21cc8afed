import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger json check FILE...`: is each file valid JSON (RFC 8259, strictly)?
enum JSONCheckCommand {
  static let spec = CommandSpec(
    name: "json check", synopsis: "FILE...",
    summary: Phrase("check that files are valid JSON"),
    details: Phrase(
      """
      Prints each invalid file's first error as FILE:LINE:COL: error: MESSAGE. Exits 0 when every
      file is valid, 1 when one is not, 2 when a file cannot be read.
      """),
    positionals: 1...Int.max,
    examples: [
      .example(
        "adminledger json check people/*.json",
        Phrase("check that files are valid JSON"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    var contents: [(String, [UInt8])] = []
    for path in context.positionals {
      contents.append((path, try context.readInput(path)))
    }
    var results: [JSONValue] = []
    var invalid = 0
    for (path, bytes) in contents {
      do {
        _ = try JSONParser.parse(bytes)
        results.append(["file": .string(path), "valid": true])
      } catch {
        invalid += 1
        let location = error.location
        results.append([
          "file": .string(path), "valid": false, "line": .number(JSONNumber(location.line)),
          "column": .number(JSONNumber(location.column)), "message": .string(error.message),
        ])
        if context.format == .text {
          context.out.line(DiagnosticRenderer.invalidJSON(path, line: location.line, column: location.column, error.message))
        }
      }
    }
    if context.format == .json { context.printJSON(.array(results)) }
    return invalid == 0 ? .ok : .findings
  }
}
