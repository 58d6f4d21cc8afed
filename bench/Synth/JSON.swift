// A minimal JSON value and the ledger's canonical writer (keys sorted by UTF-8 bytes, two-space
// indent, one member per line, a newline at the end), as Sources/LedgerJSON/Writing writes it,
// so that a later `adminledger set` on a generated record rewrites only the lines it changes.
// The generator stays standalone (Foundation only), hence this small copy.

indirect enum J: Equatable, Sendable {
  case s(String)
  case n(String)  // a number, kept as its text
  case b(Bool)
  case a([J])
  case o([String: J])
}

enum Canonical {
  static func text(_ object: [String: J]) -> String {
    var out = ""
    out.reserveCapacity(512)
    append(.o(object), indent: 0, to: &out)
    out.append("\n")
    return out
  }

  static func compact(_ value: J) -> String {
    var out = ""
    appendCompact(value, to: &out)
    return out
  }

  static func sortedKeys(_ object: [String: J]) -> [String] {
    object.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  private static func append(_ value: J, indent: Int, to out: inout String) {
    let inner = String(repeating: "  ", count: indent + 1)
    switch value {
    case .a(let items) where !items.isEmpty:
      out.append("[\n")
      for (i, item) in items.enumerated() {
        out.append(inner)
        append(item, indent: indent + 1, to: &out)
        out.append(i + 1 < items.count ? ",\n" : "\n")
      }
      out.append(String(repeating: "  ", count: indent) + "]")
    case .o(let object) where !object.isEmpty:
      out.append("{\n")
      let keys = sortedKeys(object)
      for (i, key) in keys.enumerated() {
        out.append(inner)
        appendString(key, to: &out)
        out.append(": ")
        append(object[key] ?? .b(false), indent: indent + 1, to: &out)
        out.append(i + 1 < keys.count ? ",\n" : "\n")
      }
      out.append(String(repeating: "  ", count: indent) + "}")
    default:
      appendCompact(value, to: &out)
    }
  }

  private static func appendCompact(_ value: J, to out: inout String) {
    switch value {
    case .b(let flag): out.append(flag ? "true" : "false")
    case .n(let text): out.append(text)
    case .s(let text): appendString(text, to: &out)
    case .a(let items):
      out.append("[")
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(",") }
        appendCompact(item, to: &out)
      }
      out.append("]")
    case .o(let object):
      out.append("{")
      for (i, key) in sortedKeys(object).enumerated() {
        if i > 0 { out.append(",") }
        appendString(key, to: &out)
        out.append(":")
        appendCompact(object[key] ?? .b(false), to: &out)
      }
      out.append("}")
    }
  }

  private static func appendString(_ text: String, to out: inout String) {
    out.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\t": out.append("\\t")
      default: out.unicodeScalars.append(scalar)
      }
    }
    out.append("\"")
  }

  /// The lines `adminledger` writes into a commit body for the changes from `old` to `new`
  /// (Sources/LedgerCore/Record/FieldChange.swift): every leaf by dotted path, sorted;
  /// non-empty objects are entered, arrays compared whole.
  static func changes(_ old: [String: J]?, _ new: [String: J]) -> (fields: [String], lines: [String]) {
    var before: [String: J] = [:]
    var after: [String: J] = [:]
    flatten(old ?? [:], "", into: &before)
    flatten(new, "", into: &after)
    let paths = Set(before.keys).union(after.keys).sorted()
    var fields: [String] = []
    var lines: [String] = []
    for path in paths where before[path] != after[path] {
      let top = String(path.split(separator: ".").first ?? "")
      if !fields.contains(top) { fields.append(top) }
      switch (before[path], after[path]) {
      case (nil, let value?): lines.append("+ \(path): \(compact(value))")
      case (let value?, nil): lines.append("- \(path): \(compact(value))")
      case (let a?, let b?): lines.append("\(path): \(compact(a)) -> \(compact(b))")
      default: break
      }
    }
    return (fields, lines)
  }

  private static func flatten(_ object: [String: J], _ prefix: String, into result: inout [String: J]) {
    for (key, value) in object {
      let path = prefix.isEmpty ? key : prefix + "." + key
      if case .o(let inner) = value, !inner.isEmpty {
        flatten(inner, path, into: &result)
      } else {
        result[path] = value
      }
    }
  }
}
