/// Why a text is not JSON, and where.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Reason: Equatable, Sendable {
    case empty
    case byteOrderMark
    case invalidUTF8
    case unexpectedEnd(expected: String)
    case unexpectedCharacter(found: String, expected: String)
    case invalidNumber(String)
    case invalidEscape(String)
    case controlCharacterInString
    case loneSurrogate
    case duplicateKey(String)
    case tooDeep(limit: Int)
    case trailingContent(found: String)
  }

  public let reason: Reason
  /// Byte offset of the problem in the input.
  public let offset: Int
  /// Line and column of the problem.
  public let location: SourceLocation

  init(_ reason: Reason, offset: Int, in bytes: [UInt8]) {
    self.reason = reason
    self.offset = offset
    self.location = SourceLocation(offset: offset, in: bytes)
  }

  /// What went wrong, lowercase, without location: `expected ',' or '}' but found 'x'`.
  public var message: String {
    switch reason {
    case .empty: "the file is empty; a JSON text needs a value such as {}"
    case .byteOrderMark: "the file starts with a byte order mark; save it as UTF-8 without BOM"
    case .invalidUTF8: "invalid UTF-8 byte; save the file as UTF-8"
    case .unexpectedEnd(let expected): "unexpected end of input, expected \(expected)"
    case .unexpectedCharacter(let found, let expected): "expected \(expected) but found \(found)"
    case .invalidNumber(let text): "invalid number \(text)"
    case .invalidEscape(let text): "invalid escape \(text) in string"
    case .controlCharacterInString: "control character in string; write it as an escape such as \\n"
    case .loneSurrogate: "\\u escape is an unpaired UTF-16 surrogate"
    case .duplicateKey(let key): "duplicate key \"\(key)\" in object"
    case .tooDeep(let limit): "nesting deeper than \(limit) levels"
    case .trailingContent(let found): "unexpected \(found) after the JSON value"
    }
  }

  public var description: String { "\(location): \(message)" }
}
