import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// Pieces every page uses: tables (sortable and filterable when long), values with their
/// references as links, reports as tables.
extension SitePage {
  /// A table with a header row; with `interactive`, a filter box above and sortable columns.
  func table(
    _ page: inout HTMLWriter, id: String, caption: String? = nil, columns: [String], rows: Int, interactive: Bool = false,
    numeric: Set<Int> = [], nowrap: Set<Int> = [], rowClass: (Int) -> String? = { _ in nil },
    cellClass: (Int, Int) -> String? = { _, _ in nil }, sortKey: (Int, Int) -> String? = { _, _ in nil },
    cell: (inout HTMLWriter, Int, Int) -> Void
  ) {
    if interactive {
      page.element("label", [("class", "no-print"), ("for", id + "-filter")], text: tr("Filter:") + " ")
      page.void(
        "input",
        [
          ("type", "search"), ("class", "filter"), ("id", id + "-filter"), ("data-filter", id),
          ("placeholder", tr("words to look for")),
        ])
    }
    page.open("div", [("class", "table-wrap")])
    defer { page.close("div") }
    page.element("table", [("id", id)]) { table in
      if let caption { table.element("caption", text: caption) }
      table.element("thead") { head in
        head.element("tr") { row in
          for (index, column) in columns.enumerated() {
            if interactive {
              row.element("th", [("scope", "col")]) {
                $0.element("button", [("type", "button"), ("data-column", "\(index)")], text: column)
              }
            } else {
              row.element("th", [("scope", "col")], text: column)
            }
          }
        }
      }
      table.element("tbody") { body in
        for row in 0..<rows {
          body.element("tr", rowClass(row).map { [("class", $0)] } ?? []) { line in
            for column in columns.indices {
              // A cell's own class (`amount`: right-aligned) before its column's.
              let style =
                cellClass(row, column) ?? (numeric.contains(column) ? "number" : (nowrap.contains(column) ? "nowrap" : nil))
              // A cell written for people (`1 234,50 €`) sorts by its value, which the script reads.
              let sort = sortKey(row, column).map { [("data-sort", $0)] } ?? []
              line.element("td", (style.map { [("class", $0)] } ?? []) + sort) { cell(&$0, row, column) }
            }
          }
        }
      }
    }
  }

  /// A field's value: references as links to the records named, lists item by item.
  func value(_ page: inout HTMLWriter, _ value: JSONValue?, referring target: RecordKind? = nil) {
    switch value {
    case nil, .null?: return
    case .string(let text)?:
      if let target, let id = RecordID(text) { return reference(&page, RecordKey(kind: target, id: id)) }
      page.text(text)
    case .array(let items)?:
      for (index, item) in items.enumerated() {
        if index > 0 { page.text(", ") }
        self.value(&page, item, referring: target)
      }
    case .object?:
      page.element("code", text: value?.compactText ?? "")
    case let other?:
      page.text(other.compactText)
    }
  }

  /// A link to a record, named by its label (and its id when they differ), or its id alone
  /// when the site does not show it.
  func reference(_ page: inout HTMLWriter, _ key: RecordKey) {
    if namesRecordsByID { return page.link(key.id.value, to: href(key), [("title", key.description)]) }
    let label = content.label(key)
    page.link(
      label == key.id.value || label == key.description ? key.id.value : label, to: href(key), [("title", key.description)])
  }

  /// The kind a field of `kind` refers to, if it is a reference (`attendees` and `attendees.*` alike).
  func referenceTarget(of field: String, in kind: RecordKind) -> RecordKind? {
    content.view.referenceFields(of: kind).first { $0.steps.filter { $0 != "*" }.joined(separator: ".") == field }?.target
  }

  /// A report: each section a table, the cells naming records linked; `record` names the record
  /// a cell's text stands for when its column does not say (an account's login), by the
  /// column's key, the section and the row.
  func report(
    _ page: inout HTMLWriter, _ report: Report, idPrefix: String, interactive: Bool = false,
    record: (String, Report.Section, [JSONValue]) -> RecordKey? = { _, _, _ in nil }
  ) {
    for (number, section) in report.sections.enumerated() {
      page.element("h2", text: section.title)
      guard !section.rows.isEmpty else {
        page.element("p", [("class", "empty")], text: tr("None."))
        continue
      }
      let amounts = Set(section.keys.indices.filter { Self.isAmount(section.keys[$0]) })
      let numeric = Set(
        section.keys.indices.filter { column in
          !amounts.contains(column) && section.rows.allSatisfy { $0[column].numberValue != nil || $0[column] == .null }
        })
      let dates = Set(
        section.keys.indices.filter {
          ["date", "day", "month", "opened", "until", "validated_on"].contains(section.keys[$0])
        })
      // Amounts and months are written for people (`€1,234.50`, `January 2026`) and sort by the value.
      let months = Set(section.keys.indices.filter { section.keys[$0] == "month" })
      let sortKey = { (row: Int, column: Int) in
        amounts.union(months).contains(column) ? section.rows[row][column].stringValue : nil
      }
      let cellClass = { (_: Int, column: Int) in amounts.contains(column) ? "amount" : nil }
      table(
        &page, id: "\(idPrefix)-\(number + 1)", columns: section.columns, rows: section.rows.count,
        interactive: interactive && section.rows.count > 10, numeric: numeric, nowrap: dates, cellClass: cellClass,
        sortKey: sortKey
      ) { cell, row, column in
        let value = section.rows[row][column]
        if amounts.contains(column), let decimal = value.stringValue { return cell.text(amount(decimal)) }
        if months.contains(column), let month = value.stringValue { return cell.text(LocalFormat.month(month)) }
        if let key = record(section.keys[column], section, section.rows[row]), content.record(key) != nil {
          return cell.link(value.stringValue ?? value.compactText, to: href(key), [("title", key.description)])
        }
        reportCell(&cell, value, column: section.keys[column])
      }
    }
  }

  /// Whether a report's column named `name` holds an amount of money (`amount`, `yearly_amount`).
  static func isAmount(_ name: String) -> Bool { Report.isAmount(name) }

  /// Whether the field at `path` of `kind` (dotted, as the fields table names it: `cost`,
  /// `lines.amount`) holds an amount of money: its schema gives it `x-form: amount`, or it is
  /// named as the reports name amounts.
  func isAmount(_ path: String, of kind: RecordKind) -> Bool {
    let steps = path.split(separator: ".").filter { Int($0) == nil }.map(String.init)
    if let last = steps.last, Self.isAmount(last) { return true }
    return content.view.amountFields(of: kind).contains { $0.filter { $0 != "*" } == steps }
  }

  /// The class of a table cell holding the field at `path`: `amount` (right-aligned) for an amount.
  func cellClass(_ path: String, of kind: RecordKind) -> String? { isAmount(path, of: kind) ? "amount" : nil }

  /// A record's field: an amount in the ledger's currency as people read it (kept on one line),
  /// any other value as `value` shows it.
  func field(_ page: inout HTMLWriter, _ name: String, _ value: JSONValue?, of kind: RecordKind) {
    if isAmount(name, of: kind), let decimal = Self.decimal(value) {
      return page.element("span", [("class", "amount")], text: amount(decimal))
    }
    self.value(&page, value, referring: referenceTarget(of: name, in: kind))
  }

  /// An amount's decimal text (`1234.50`), from the string the schemas keep or a number.
  static func decimal(_ value: JSONValue?) -> String? {
    value?.stringValue ?? value?.numberValue.map { JSONValue.number($0).compactText }
  }

  /// A report's cell: `kind/id` text, or an id in a column named after a kind, as a link.
  private func reportCell(_ page: inout HTMLWriter, _ value: JSONValue, column: String) {
    if case .string(let text) = value {
      if let key = RecordKey(path: text + ".json"), content.record(key) != nil { return reference(&page, key) }
      if let kind = Self.columnKinds[column], let id = RecordID(text), content.record(RecordKey(kind: kind, id: id)) != nil {
        return reference(&page, RecordKey(kind: kind, id: id))
      }
    }
    self.value(&page, value)
  }

  private static let columnKinds: [String: RecordKind] = [
    "person": .people, "organization": .organizations, "provider": .organizations, "system": .systems,
    "account": .accounts, "right": .rights, "training": .trainings, "ticket": .tickets, "payment": .payments,
    "contract": .contracts, "duty": .duties,
  ]
}

extension JSONValue {
  var numberValue: JSONNumber? {
    if case .number(let number) = self { return number }
    return nil
  }
}

// MARK: - Commits and changes

extension SitePage {
  /// A commit's short id, linked to its page when the site's history holds it (every commit
  /// walked up to the revision shown has a page; others are named only).
  func commit(_ page: inout HTMLWriter, _ commit: String) {
    let short = String(commit.prefix(7))
    guard content.chronicle.positions[commit] != nil else { return page.element("code", text: short) }
    page.element("a", [("href", href(CommitPage.path(of: commit))), ("title", commit), ("class", "commit")]) {
      $0.element("code", text: short)
    }
  }

  /// One field's change: `status: active → revoked`, the old and the new value marked,
  /// references named, objects as small tables, amounts in the ledger's currency.
  func fieldChange(_ item: inout HTMLWriter, _ change: FieldChange, of kind: RecordKind) {
    let target = referenceTarget(of: change.path, in: kind)
    let money = isAmount(change.path, of: kind)
    let write = { (page: inout HTMLWriter, value: JSONValue) in
      if money, let decimal = Self.decimal(value) {
        return page.element("span", [("class", "amount")], text: amount(decimal))
      }
      richValue(&page, value, referring: target)
    }
    item.element("code", text: change.path)
    item.text(": ")
    if let old = change.old { item.element("del", [("class", "change-old")]) { write(&$0, old) } }
    if change.old != nil, change.new != nil { item.text(" → ") }
    // A span, not `ins`: browsers underline `ins`, and a new value must not read as a link.
    if let new = change.new {
      item.element(Self.isTable(new) ? "div" : "span", [("class", "change-new")]) { write(&$0, new) }
    }
  }

  /// Whether a value is shown as a table (an object, a list of objects): it needs a block.
  private static func isTable(_ value: JSONValue) -> Bool {
    if case .object = value { return true }
    if case .array(let items) = value { return !items.isEmpty && items.allSatisfy { $0.objectValue != nil } }
    return false
  }

  /// The mark of what changed since the previous review (`site --since`), after a name.
  func changedMark(_ cell: inout HTMLWriter) {
    cell.text(" ")
    cell.element("mark", [("class", "since")], text: tr("changed"))
  }

  /// A record changed, linked when the site shows it, else named by its path.
  func changedRecord(_ page: inout HTMLWriter, _ key: RecordKey) {
    guard content.record(key) != nil else { return page.element("code", text: key.description) }
    guard namesRecordsByID, let target = href(key) else { return reference(&page, key) }
    page.link(key.description, to: target)
  }
}
