/// Writes JSON in the ledger's canonical form, the only form the tool writes.
///
/// UTF-8; object keys sorted by their UTF-8 bytes; two-space indent; one member or item per
/// line; `"key": value`; numbers exactly as read; strings escaped minimally (`"`, `\`, and
/// control characters); empty containers as `{}` and `[]`; a newline at the end:
///
///     {
///       "emails": [
///         "hugo.lefevre@example.org"
///       ],
///       "name": "Hugo Lefèvre",
///       "paid_until": "2026-12-31"
///     }
///
/// One field per line makes git's line diff and line blame fall on fields.
public enum CanonicalWriter {
  /// The canonical text of `value`, ending with a newline.
  public static func write(_ value: JSONValue) -> String {
    var output = ""
    append(value, indent: 0, to: &output)
    output.append("\n")
    return output
  }

  /// The canonical bytes of `value`.
  public static func bytes(_ value: JSONValue) -> [UInt8] { Array(write(value).utf8) }

  /// `value` on one line with sorted keys, as messages and table cells quote it.
  public static func compact(_ value: JSONValue) -> String {
    var output = ""
    appendCompact(value, to: &output)
    return output
  }

  private static func append(_ value: JSONValue, indent: Int, to output: inout String) {
    let inner = String(repeating: "  ", count: indent + 1)
    switch value {
    case .array(let items) where !items.isEmpty:
      output.append("[\n")
      for (position, item) in items.enumerated() {
        output.append(inner)
        append(item, indent: indent + 1, to: &output)
        output.append(position + 1 < items.count ? ",\n" : "\n")
      }
      output.append(String(repeating: "  ", count: indent) + "]")
    case .object(let object) where !object.isEmpty:
      output.append("{\n")
      let members = object.sortedMembers
      for (position, member) in members.enumerated() {
        output.append(inner)
        appendString(member.key, to: &output)
        output.append(": ")
        append(member.value, indent: indent + 1, to: &output)
        output.append(position + 1 < members.count ? ",\n" : "\n")
      }
      output.append(String(repeating: "  ", count: indent) + "}")
    default:
      appendCompact(value, to: &output)
    }
  }

  private static func appendCompact(_ value: JSONValue, to output: inout String) {
    switch value {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .number(let number): output.append(number.text)
    case .string(let text): appendString(text, to: &output)
    case .array(let items):
      output.append("[")
      for (position, item) in items.enumerated() {
        if position > 0 { output.append(",") }
        appendCompact(item, to: &output)
      }
      output.append("]")
    case .object(let object):
      output.append("{")
      for (position, member) in object.sortedMembers.enumerated() {
        if position > 0 { output.append(",") }
        appendString(member.key, to: &output)
        output.append(":")
        appendCompact(member.value, to: &output)
      }
      output.append("}")
    }
  }

  static func appendString(_ text: String, to output: inout String) {
    output.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      case "\u{08}": output.append("\\b")
      case "\u{0C}": output.append("\\f")
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default: output.unicodeScalars.append(scalar)
      }
    }
    output.append("\"")
  }
}
