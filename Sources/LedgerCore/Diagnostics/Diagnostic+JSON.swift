import LedgerJSON
import LedgerLanguage

extension Diagnostic {
  /// The diagnostic for a file that is not valid JSON, worded in the run's language from the
  /// parser's reason (LedgerJSON, which knows no language, words it in English only).
  public init(parseError: JSONParseError, file: String) {
    self.init(
      file: file, line: parseError.location.line, column: parseError.location.column,
      rule: "json", message: Diagnostic.words(for: parseError.reason),
      hint: tr("fix the JSON at that spot; a record is one JSON object"))
  }

  static func words(for reason: JSONParseError.Reason) -> String {
    switch reason {
    case .empty: tr("the file is empty; a JSON text needs a value such as {}")
    case .byteOrderMark: tr("the file starts with a byte order mark; save it as UTF-8 without BOM")
    case .invalidUTF8: tr("invalid UTF-8 byte; save the file as UTF-8")
    case .unexpectedEnd(let expected): tr("unexpected end of input, expected \(jsonPart(expected))")
    case .unexpectedCharacter(let found, let expected): tr("expected \(jsonPart(expected)) but found \(jsonPart(found))")
    case .invalidNumber(let text): tr("invalid number \(text)")
    case .invalidEscape(let text): tr("invalid escape \(text) in string")
    case .controlCharacterInString: tr("control character in string; write it as an escape such as \\n")
    case .loneSurrogate: tr("\\u escape is an unpaired UTF-16 surrogate")
    case .duplicateKey(let key): tr("duplicate key \"\(key)\" in object")
    case .tooDeep(let limit): tr("nesting deeper than \(limit) levels")
    case .trailingContent(let found): tr("unexpected \(jsonPart(found)) after the JSON value")
    }
  }

  /// The parser's words for what it expected or found (`a value`, `end of input`), in the
  /// run's language; quoted characters (`','`) are left as they are.
  private static func jsonPart(_ text: String) -> String {
    switch text {
    case "a value": tr("a value")
    case "a string key": tr("a string key")
    case "an escape": tr("an escape")
    case "',' or '}'": tr("',' or '}'")
    case "',' or ']'": tr("',' or ']'")
    case "'\"' closing the string": tr("'\"' closing the string")
    case "end of input": tr("end of input")
    case "a control character": tr("a control character")
    default: text
    }
  }
}
