import LedgerJSON

/// Parse, write, parse is stable for the JSON parser and the canonical writer.
///
/// The input is one JSON text. When the parser accepts it as `v`:
/// - `parseDocument` accepts it too, with an equal value (the offset-recording path);
/// - the canonical bytes `w1 = write(v)` parse back to `v2 == v`, and `write(v2) == w1`;
/// - the compact form (messages, CSV cells) parses back to `v` as well.
/// When the parser refuses it, the error's offset lies inside the input and its message and
/// line/column can be made.
public enum JSONRoundTripProperty {
  /// - Throws: `PropertyViolation` naming the first step that broke.
  public static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      try checkRefusal(error, bytes)
      return
    }
    guard let document = try? JSONParser.parseDocument(bytes), document.value == value else {
      throw violation("parseDocument disagrees with parse on \(value.compactText)")
    }
    let written = CanonicalWriter.bytes(value)
    let reparsed: JSONValue
    do {
      reparsed = try JSONParser.parse(written)
    } catch {
      throw violation("the canonical text of \(value.compactText) does not parse: \(error)")
    }
    guard reparsed == value else {
      throw violation("\(value.compactText) reads back as \(reparsed.compactText)")
    }
    guard CanonicalWriter.bytes(reparsed) == written else {
      throw violation("the canonical text of \(value.compactText) is not stable")
    }
    guard (try? JSONParser.parse(value.compactText)) == value else {
      throw violation("the compact text of \(value.compactText) does not read back")
    }
  }

  private static func checkRefusal(_ error: JSONParseError, _ bytes: [UInt8]) throws(PropertyViolation) {
    guard (0...bytes.count).contains(error.offset) else {
      throw violation("error offset \(error.offset) outside the \(bytes.count) input bytes")
    }
    guard !error.description.isEmpty, error.location.line >= 1, error.location.column >= 1 else {
      throw violation("the error at offset \(error.offset) has no message or position")
    }
  }

  private static func violation(_ message: String) -> PropertyViolation {
    PropertyViolation(.json, message)
  }
}
