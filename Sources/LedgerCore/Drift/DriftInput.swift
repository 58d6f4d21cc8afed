import LedgerJSON
import LedgerLanguage

/// A system's export as `report drift` reads it, whatever the system writes: a CSV table
/// (UsersHub through psql, WordPress's plugin, Brevo's export) or JSON documents (cPanel's
/// `uapi --output=json`, Matomo's API). Each profile reads one of the two; problems in a JSON
/// document name the line and character of the value (`FILE:LINE:CHARACTER`).
public enum DriftInput: Sendable {
  case table(CSVTable)
  /// One parsed document per file given, in order, with the file's name.
  case json([DriftJSONFile])

  /// Reads the files: JSON when every file's first character (after blanks) opens an object
  /// or an array, else CSV (then one file only).
  ///
  /// - Parameters:
  ///   - files: each file's name and bytes, in the order given.
  ///   - encoding: for a CSV file.
  /// - Throws: `.importRefused` with the first problem of the file that cannot be read.
  public static func read(_ files: [(name: String, bytes: [UInt8])], encoding: CSVTable.Encoding)
    throws(StoreError) -> DriftInput
  {
    guard let first = files.first else { return .json([]) }
    guard files.allSatisfy({ isJSON($0.bytes) }) else {
      if files.count > 1 {
        throw .importRefused(
          file: files[1].name,
          problems: [
            ImportProblem(
              line: 1, rule: "file",
              message: tr("a second file is read only beside a JSON export (cPanel's mailboxes and forwarders)"),
              hint: tr("compare one CSV export at a time"))
          ])
      }
      do {
        return .table(try CSVTable.read(first.bytes, encoding: encoding))
      } catch {
        throw .importRefused(file: first.name, problems: [error])
      }
    }
    var documents: [DriftJSONFile] = []
    for file in files {
      do {
        documents.append(DriftJSONFile(name: file.name, document: try JSONParser.parseDocument(file.bytes)))
      } catch {
        throw .importRefused(
          file: file.name,
          problems: [
            ImportProblem(
              line: error.location.line, rule: "json", message: Diagnostic.words(for: error.reason),
              hint: tr("save the program's answer as it printed it (ledger/imports/README.md)"),
              character: error.location.column)
          ])
      }
    }
    return .json(documents)
  }

  /// Whether the bytes start, after blanks, with `{` or `[`.
  static func isJSON(_ bytes: [UInt8]) -> Bool {
    let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// The name of the first file, for problems of the whole input.
  var fileName: String? {
    if case .json(let files) = self { return files.first?.name }
    return nil
  }
}

/// One JSON file of a drift input: its name (for problems) and the document, which knows
/// where each value starts.
public struct DriftJSONFile: Sendable {
  public let name: String
  public let document: JSONDocument

  public init(name: String, document: JSONDocument) {
    self.name = name
    self.document = document
  }

  /// The problem at the value `pointer` names: its line and character, and the pointer as the
  /// column.
  func problem(at pointer: JSONPointer, _ message: String, hint: String? = nil) -> ImportProblem {
    let place = document.location(of: pointer)
    return ImportProblem(
      line: place.line, column: pointer.description, rule: "json", message: message, hint: hint,
      character: place.column)
  }
}
