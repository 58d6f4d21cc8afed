import LedgerCore
import LedgerJSON
import LedgerLanguage

/// Values as people read them on a record's page: an object as a small table of its members,
/// a list of objects as a small table with a column per member (`ledger_roles`: role, scope),
/// a web address or an email as a link, everything else as `value` writes it.
///
/// Only `https:`, `http:` and `mailto:` addresses become links (an allow-list: `javascript:`,
/// `data:` and any other scheme stay text), and only when redaction leaves the text whole, so
/// a hidden email never becomes half a link. Every text still goes through the writer, which
/// redacts and escapes it.
extension SitePage {
  /// A record's field, with objects as tables and addresses as links.
  func richField(_ page: inout HTMLWriter, _ name: String, _ value: JSONValue?, of kind: RecordKind) {
    let target = referenceTarget(of: name, in: kind)
    switch value {
    case .object?, .array?:
      richValue(&page, value, referring: target)
    case .string(let text)? where target == nil && !isAmount(name, of: kind):
      linkedText(&page, text)
    default:
      field(&page, name, value, of: kind)
    }
  }

  /// A value: an object as a table, a list of objects as a table, a list item by item.
  func richValue(_ page: inout HTMLWriter, _ value: JSONValue?, referring target: RecordKind? = nil) {
    switch value {
    case .object(let object)?:
      memberTable(&page, object)
    case .array(let items)? where !items.isEmpty && items.allSatisfy({ $0.objectValue != nil }):
      listTable(&page, items.compactMap(\.objectValue))
    case .array(let items)?:
      for (index, item) in items.enumerated() {
        if index > 0 { page.text(", ") }
        richValue(&page, item, referring: target)
      }
    case .string(let text)? where target == nil:
      linkedText(&page, text)
    default:
      self.value(&page, value, referring: target)
    }
  }

  /// An object: one row per member, its name then its value.
  private func memberTable(_ page: inout HTMLWriter, _ object: JSONObject) {
    guard !object.isEmpty else { return }
    page.element("table", [("class", "value-table")]) { table in
      table.element("tbody") { body in
        for member in object {
          body.element("tr") { row in
            row.element("th", [("scope", "row")], text: member.key)
            row.element("td") { richValue(&$0, member.value) }
          }
        }
      }
    }
  }

  /// A list of objects: a column for each member any of them has, in order of appearance.
  private func listTable(_ page: inout HTMLWriter, _ objects: [JSONObject]) {
    var columns: [String] = []
    for object in objects {
      for member in object where !columns.contains(member.key) { columns.append(member.key) }
    }
    page.element("table", [("class", "value-table")]) { table in
      table.element("thead") { head in
        head.element("tr") { row in
          for column in columns { row.element("th", [("scope", "col")], text: column) }
        }
      }
      table.element("tbody") { body in
        for object in objects {
          body.element("tr") { row in
            for column in columns { row.element("td") { richValue(&$0, object[column]) } }
          }
        }
      }
    }
  }

  /// Text with each web address or email in it a link, the rest as text.
  func linkedText(_ page: inout HTMLWriter, _ text: String) {
    var pending = ""
    var word = ""
    func flushWord() {
      if let (link, trailing) = Self.link(in: word), page.redact(link.label) == link.label {
        if !pending.isEmpty { page.text(pending) }
        pending = ""
        page.element("a", [("href", link.href), ("rel", "external noopener noreferrer")], text: link.label)
        pending = trailing
      } else {
        pending += word
      }
      word = ""
    }
    for character in text {
      if character.isWhitespace {
        flushWord()
        pending.append(character)
      } else {
        word.append(character)
      }
    }
    flushWord()
    if !pending.isEmpty { page.text(pending) }
  }

  /// The link a word is, with the punctuation after it that is not part of it: `https:`,
  /// `http:` or `mailto:` addresses, and plain email addresses as `mailto:`.
  static func link(in word: String) -> ((href: String, label: String), trailing: String)? {
    var core = Substring(word)
    var trailing = ""
    while let last = core.last, ".,;:!?)]}'\"".contains(last) {
      trailing.insert(last, at: trailing.startIndex)
      core.removeLast()
    }
    let label = String(core)
    guard !label.isEmpty, label.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
    let lowered = label.lowercased()
    for scheme in ["https://", "http://"] where lowered.hasPrefix(scheme) && label.count > scheme.count {
      return ((label, label), trailing)
    }
    if lowered.hasPrefix("mailto:"), isEmail(label.dropFirst(7)) { return ((label, label), trailing) }
    if isEmail(core) { return (("mailto:" + label, label), trailing) }
    return nil
  }

  private static func isEmail(_ text: Substring) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
    else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || "@._+-".contains($0) }
  }
}
