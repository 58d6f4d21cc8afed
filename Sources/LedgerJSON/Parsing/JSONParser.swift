/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Refuses comments, trailing commas, `NaN`/`Infinity`, leading zeros, duplicate keys,
/// invalid UTF-8, unpaired surrogates, raw control characters in strings, a byte order mark,
/// and nesting deeper than `maximumDepth`. Numbers keep their text. Errors carry the byte
/// offset; line and column are computed only when an error is made.
public struct JSONParser {
  /// How deep arrays and objects may nest.
  public static let maximumDepth = 256

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0
  /// When recording, the offset where each value starts, by pointer.
  private var offsets: [JSONPointer: Int]?
  private var path = JSONPointer.root

  private init(bytes: [UInt8], recordOffsets: Bool) {
    self.bytes = bytes
    self.offsets = recordOffsets ? [:] : nil
  }

  /// Parses one JSON text.
  ///
  /// - Throws: `JSONParseError` naming the first problem and where it is.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, recordOffsets: false)
    return try parser.parseText()
  }

  /// Parses one JSON text given as a string.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses one JSON text and keeps where each value starts, so diagnostics can name a line.
  public static func parseDocument(_ bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
    var parser = JSONParser(bytes: bytes, recordOffsets: true)
    let value = try parser.parseText()
    return JSONDocument(value: value, bytes: bytes, offsets: parser.offsets ?? [:])
  }

  // MARK: - Grammar

  private mutating func parseText() throws(JSONParseError) -> JSONValue {
    if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
      throw error(.invalidUTF8, at: invalid)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw error(.byteOrderMark, at: 0) }
    skipWhitespace()
    guard index < bytes.count else { throw error(.empty, at: index) }
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else {
      throw error(.trailingContent(found: describeByte(at: index)), at: index)
    }
    return value
  }

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    offsets?[path] = index
    guard index < bytes.count else { throw error(.unexpectedEnd(expected: "a value"), at: index) }
    switch bytes[index] {
    case ASCII.openBrace: return try parseObject()
    case ASCII.openBracket: return try parseArray()
    case ASCII.quote: return .string(try parseString())
    case ASCII.minus, ASCII.zero...ASCII.nine: return .number(try parseNumber())
    case ASCII.lowerT: return try parseLiteral("true", .bool(true))
    case ASCII.lowerF: return try parseLiteral("false", .bool(false))
    case ASCII.lowerN: return try parseLiteral("null", .null)
    default:
      throw error(.unexpectedCharacter(found: describeWord(at: index), expected: "a value"), at: index)
    }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if peek() == ASCII.closeBrace {
      index += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard peek() == ASCII.quote else { throw unexpected(expected: "a string key") }
      let keyOffset = index
      let key = try parseString()
      guard object[key] == nil else { throw error(.duplicateKey(key), at: keyOffset) }
      skipWhitespace()
      guard peek() == ASCII.colon else { throw unexpected(expected: "':'") }
      index += 1
      skipWhitespace()
      let saved = path
      path = path.appending(key)
      object[key] = try parseValue()
      path = saved
      skipWhitespace()
      switch peek() {
      case ASCII.comma: index += 1
      case ASCII.closeBrace:
        index += 1
        depth -= 1
        return .object(object)
      default: throw unexpected(expected: "',' or '}'")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if peek() == ASCII.closeBracket {
      index += 1
      depth -= 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      let saved = path
      path = path.appending(items.count)
      items.append(try parseValue())
      path = saved
      skipWhitespace()
      switch peek() {
      case ASCII.comma: index += 1
      case ASCII.closeBracket:
        index += 1
        depth -= 1
        return .array(items)
      default: throw unexpected(expected: "',' or ']'")
      }
    }
  }

  private mutating func enterContainer() throws(JSONParseError) {
    depth += 1
    guard depth <= JSONParser.maximumDepth else {
      throw error(.tooDeep(limit: JSONParser.maximumDepth), at: index)
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError)
    -> JSONValue
  {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw error(.unexpectedCharacter(found: describeWord(at: index), expected: "a value"), at: index)
    }
    index += expected.count
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
    let start = index
    while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let number = JSONNumber(text) else { throw error(.invalidNumber(text), at: start) }
    return number
  }

  private func isNumberByte(_ byte: UInt8) -> Bool {
    ASCII.isDigit(byte) || byte == ASCII.minus || byte == ASCII.plus || byte == ASCII.period
      || byte == ASCII.lowerE || byte == ASCII.upperE
  }

  // MARK: - Strings

  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1  // opening quote
    var buffer: [UInt8] = []
    while true {
      guard index < bytes.count else {
        throw error(.unexpectedEnd(expected: "'\"' closing the string"), at: index)
      }
      let byte = bytes[index]
      switch byte {
      case ASCII.quote:
        index += 1
        return String(decoding: buffer, as: UTF8.self)
      case ASCII.backslash:
        try parseEscape(into: &buffer)
      case 0..<ASCII.space:
        throw error(.controlCharacterInString, at: index)
      default:
        buffer.append(byte)
        index += 1
      }
    }
  }

  private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
    let start = index
    index += 1
    guard index < bytes.count else { throw error(.unexpectedEnd(expected: "an escape"), at: index) }
    let code = bytes[index]
    index += 1
    switch code {
    case ASCII.quote, ASCII.backslash, ASCII.slash: buffer.append(code)
    case ASCII.lowerB: buffer.append(0x08)
    case ASCII.lowerF: buffer.append(0x0C)
    case ASCII.lowerN: buffer.append(ASCII.newline)
    case ASCII.lowerR: buffer.append(ASCII.carriageReturn)
    case ASCII.lowerT: buffer.append(ASCII.tab)
    case ASCII.lowerU:
      let scalar = try parseUnicodeEscape(start: start)
      buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw error(.invalidEscape(describeEscape(from: start)), at: start)
    }
  }

  /// Reads the hex digits after `\u`, joining a surrogate pair into one scalar.
  private mutating func parseUnicodeEscape(start: Int) throws(JSONParseError) -> Unicode.Scalar {
    let high = try readHex4(escapeStart: start)
    if (0xDC00...0xDFFF).contains(high) { throw error(.loneSurrogate, at: start) }
    if (0xD800...0xDBFF).contains(high) {
      let lowStart = index
      guard bytes[index...].starts(with: [ASCII.backslash, ASCII.lowerU]) else {
        throw error(.loneSurrogate, at: start)
      }
      index += 2
      let low = try readHex4(escapeStart: lowStart)
      guard (0xDC00...0xDFFF).contains(low) else { throw error(.loneSurrogate, at: start) }
      let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      guard let scalar = Unicode.Scalar(combined) else { throw error(.loneSurrogate, at: start) }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw error(.loneSurrogate, at: start) }
    return scalar
  }

  private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = ASCII.hexValue(bytes[index]) else {
        throw error(.invalidEscape(describeEscape(from: escapeStart)), at: escapeStart)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  // MARK: - Helpers

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn: index += 1
      default: return
      }
    }
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private func unexpected(expected: String) -> JSONParseError {
    guard index < bytes.count else { return error(.unexpectedEnd(expected: expected), at: index) }
    return error(.unexpectedCharacter(found: describeByte(at: index), expected: expected), at: index)
  }

  private func error(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
    JSONParseError(reason, offset: offset, in: bytes)
  }

  /// The character at `offset`, quoted for a message: `'x'`, or `end of input`.
  private func describeByte(at offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    var end = offset + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    let text = String(decoding: bytes[offset..<end], as: UTF8.self)
    return text.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) ? "'\(text)'" : "a control character"
  }

  /// The bare word at `offset`, quoted, for messages such as `found 'NaN'`; a single
  /// character when no letter starts there.
  private func describeWord(at offset: Int) -> String {
    var end = offset
    while end < bytes.count, end - offset < 16, isLetter(bytes[end]) { end += 1 }
    guard end > offset else { return describeByte(at: offset) }
    return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    (ASCII.lowerA...0x7A).contains(byte) || (ASCII.upperA...0x5A).contains(byte)
  }

  private func describeEscape(from start: Int) -> String {
    let end = min(bytes.count, start + 6)
    return "'\(String(decoding: bytes[start..<end], as: UTF8.self))'"
  }
}
