import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `KIND/ID.html`: one record: its fields, what it refers to and what refers to it, its
/// history with each field's change, and the blame of every field.
enum RecordPage {
  /// With `changes` of a `site --since`, a record changed since the previous review says so
  /// above its fields, and the fields changed are marked.
  static func render(_ record: Record, _ content: SiteContent, _ changes: SiteChanges? = nil) -> String {
    let key = record.key
    let label = content.label(key)
    let page = SitePage(
      path: SitePage.path(of: key), title: label == key.id.value ? key.description : label, content: content,
      section: key.kind.rawValue)
    let fields = content.scope.fields(of: record)
    return page.render { main in
      main.element("p", [("class", "muted")], text: key.description)
      let since = changes.flatMap { $0.changedFields[key] == nil ? nil : $0 }
      if let since { sinceNotice(&main, page, since) }
      main.element("h2", text: tr("Fields"))
      let leaves = FieldChange.leaves(of: fields)
      let changed = { (row: Int) in since?.changedSince(key, field: leaves[row].path) == true }
      page.table(
        &main, id: "fields", columns: [tr("field"), tr("value")], rows: leaves.count,
        rowClass: { changed($0) ? "since" : nil },
        cellClass: { row, column in column == 1 ? page.cellClass(leaves[row].path, of: key.kind) : nil }
      ) { cell, row, column in
        let leaf = leaves[row]
        if column == 0 {
          cell.text(leaf.path)
          if changed(row) { page.changedMark(&cell) }
          return
        }
        page.richField(&cell, leaf.path, leaf.value, of: key.kind)
      }
      references(&main, page, record, content)
      history(&main, page, record, content)
      blame(&main, page, record, fields, content)
    }
  }

  /// "Changed since your last review", with the link to what changed since.
  private static func sinceNotice(_ main: inout HTMLWriter, _ page: SitePage, _ changes: SiteChanges) {
    main.element("p", [("class", "since-notice"), ("role", "note")]) { line in
      line.element("mark", text: tr("Changed since your last review"))
      line.text(" " + tr("(the fields changed are marked).") + " ")
      line.link(tr("What changed since your last review"), to: page.href(ChangesPages.sincePath))
    }
  }

  private static func references(_ main: inout HTMLWriter, _ page: SitePage, _ record: Record, _ content: SiteContent) {
    let outgoing = content.view.references(of: record).filter { content.record($0.1) != nil }
    main.element("h2", text: tr("Refers to"))
    if outgoing.isEmpty {
      main.element("p", [("class", "empty")], text: tr("No other record."))
    } else {
      page.table(&main, id: "refers-to", columns: [tr("field"), tr("record")], rows: outgoing.count) { cell, row, column in
        if column == 0 { return cell.text(fieldName(outgoing[row].0)) }
        page.reference(&cell, outgoing[row].1)
      }
    }
    let incoming = (content.referrers[record.key] ?? []).sorted { $0.0 < $1.0 }
    main.element("h2", text: tr("Referred to by"))
    if incoming.isEmpty {
      main.element("p", [("class", "empty")], text: tr("No other record."))
    } else {
      page.table(&main, id: "referred-by", columns: [tr("record"), tr("kind"), tr("through")], rows: incoming.count) {
        cell, row, column in
        switch column {
        case 0: page.reference(&cell, incoming[row].0)
        case 1: cell.text(incoming[row].0.kind.rawValue)
        default: cell.text(fieldName(incoming[row].1))
        }
      }
    }
  }

  /// The field a pointer is in, as the fields table names it (`attendees`, `mailbox.address`).
  private static func fieldName(_ pointer: JSONPointer) -> String {
    pointer.tokens.filter { Int($0) == nil }.joined(separator: ".")
  }

  private static func history(_ main: inout HTMLWriter, _ page: SitePage, _ record: Record, _ content: SiteContent) {
    main.element("h2", text: tr("History"))
    let steps = (content.chronicle.steps[record.key] ?? []).compactMap { step -> (LedgerChronicle.Step, [FieldChange])? in
      let changes = content.scope.changes(step.fields, of: record.key)
      return changes.isEmpty && step.action == "set" ? nil : (step, changes)
    }
    guard !steps.isEmpty else { return main.element("p", [("class", "empty")], text: tr("No change recorded.")) }
    page.table(
      &main, id: "history", columns: [tr("date"), tr("commit"), tr("author"), tr("change"), tr("fields")], rows: steps.count,
      nowrap: [0, 2]
    ) { cell, row, column in
      let (step, changes) = steps[row]
      switch column {
      case 0: cell.text(page.day(step.entry.date))
      case 1: page.commit(&cell, step.entry.commit)
      case 2: cell.text(content.scope.author(step.entry))
      case 3:
        cell.text(step.entry.subject)
        if step.entry.parents.count > 1 { cell.element("span", [("class", "muted")], text: " " + tr("(merge)")) }
      default:
        if let said = ["add": tr("Record created."), "rm": tr("Record removed.")][step.action] {
          cell.element("p", [("class", "muted")], text: said)
        }
        guard !changes.isEmpty else { return }
        cell.element("ul") { list in
          for change in changes { list.element("li") { page.fieldChange(&$0, change, of: record.key.kind) } }
        }
      }
    }
  }

  private static func blame(
    _ main: inout HTMLWriter, _ page: SitePage, _ record: Record, _ fields: JSONObject, _ content: SiteContent
  ) {
    main.element("h2", text: tr("Who set each field"))
    var shown = record
    shown.fields = fields
    let lines = content.chronicle.blame(shown)
    guard !lines.isEmpty else { return main.element("p", [("class", "empty")], text: tr("No field to explain.")) }
    let cellClass = { (row: Int, column: Int) in column == 1 ? page.cellClass(lines[row].field, of: record.key.kind) : nil }
    page.table(
      &main, id: "blame", columns: [tr("field"), tr("value"), tr("date"), tr("author"), tr("commit"), tr("message")],
      rows: lines.count, nowrap: [2, 3], cellClass: cellClass
    ) { cell, row, column in
      let line = lines[row]
      switch column {
      case 0: cell.text(line.field)
      case 1: page.richField(&cell, line.field, line.value, of: record.key.kind)
      case 2: cell.text(page.day(line.entry.date))
      case 3: cell.text(content.scope.author(line.entry))
      case 4: page.commit(&cell, line.entry.commit)
      default:
        if let how = line.resolution { cell.element("span", [("class", "muted")], text: tr("[merge, \(how)]") + " ") }
        cell.text(line.entry.subject)
      }
    }
  }
}
