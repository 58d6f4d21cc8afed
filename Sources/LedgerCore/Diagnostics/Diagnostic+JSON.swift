import LedgerJSON
import LedgerLanguage

extension Diagnostic {
  /// The diagnostic for a file that is not valid JSON.
  public init(parseError: JSONParseError, file: String) {
    self.init(
      file: file, line: parseError.location.line, column: parseError.location.column,
      rule: "json", message: parseError.message,
      hint: tr("fix the JSON at that spot; a record is one JSON object"))
  }
}
