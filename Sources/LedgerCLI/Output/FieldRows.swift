import LedgerJSON

/// A record's fields as `path`, `value` rows for people to read: nested objects become
/// dotted paths, strings are shown without quotes, lists joined with commas.
enum FieldRows {
  static func rows(of object: JSONObject, prefix: String = "") -> [(String, String)] {
    object.sortedMembers.flatMap { member -> [(String, String)] in
      let path = prefix.isEmpty ? member.key : prefix + "." + member.key
      if case .object(let inner) = member.value, !inner.isEmpty {
        return rows(of: inner, prefix: path)
      }
      return [(path, cell(member.value))]
    }
  }

  /// One value as a table cell or field line.
  static func cell(_ value: JSONValue?) -> String {
    switch value {
    case nil, .null?: ""
    case .string(let text)?: text.replacingNewlines()
    case .array(let items)?: items.map { cell($0) }.joined(separator: ", ")
    case let other?: other.compactText
    }
  }
}

extension String {
  /// The string left-aligned in `width` columns.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
