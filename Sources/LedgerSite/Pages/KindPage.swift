import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `KIND.html`: every record of a kind shown, with the same columns as `list`, sortable and
/// filterable in the page. The count above the table follows the filter; past
/// `SiteAssets.pageSize` rows the script shows a page of rows at a time (the filter still reads
/// them all), moved through with the pager below the table.
enum KindPage {
  /// With `changes` of a `site --since`, the rows of records changed since the previous review
  /// are marked.
  static func render(_ kind: RecordKind, _ content: SiteContent, _ changes: SiteChanges? = nil) -> String {
    let page = SitePage(path: SitePage.path(of: kind), title: kind.title, content: content, section: kind.rawValue)
    let records = content.records[kind] ?? []
    let fields = kind.summaryFields
    let shown = records.map(content.scope.fields(of:))
    // The script fills these in (`{1}`, `{2}`) with the rows the filter leaves and all rows.
    let (shownCount, allCount) = ("{1}", "{2}")
    return page.render(hasScript: true) { main in
      main.element(
        "p", [("data-count", "records"), ("data-filtered", tr("\(shownCount) of \(allCount) records match the filter."))],
        text: Language.singular(records.count) ? tr("\(records.count) record.") : tr("\(records.count) records."))
      // The columns are the fields' names, as the records and `list` spell them. An amount is
      // shown as people read it and sorts by its value.
      let amounts = Set(fields.indices.filter { page.isAmount(fields[$0], of: kind) }.map { $0 + 1 })
      let sortKey = { (row: Int, column: Int) in
        amounts.contains(column) ? SitePage.decimal(shown[row][fields[column - 1]]) : nil
      }
      let changed = { (row: Int) in changes?.changedFields[records[row].key] != nil }
      page.table(
        &main, id: "records", columns: ["id"] + fields, rows: records.count, interactive: true,
        rowClass: { changed($0) ? "since" : nil }, cellClass: { _, column in amounts.contains(column) ? "amount" : nil },
        sortKey: sortKey
      ) { cell, row, column in
        let record = records[row]
        guard column > 0 else {
          cell.link(record.key.id.value, to: page.href(record.key))
          if changed(row) { page.changedMark(&cell) }
          return
        }
        let field = fields[column - 1]
        // A value the site leaves out (a partner's right on someone else's account) is said
        // to be, not shown as an empty cell.
        if shown[row][field] == nil, record.fields[field] != nil {
          return cell.element("span", [("class", "muted")], text: tr("not shown"))
        }
        page.field(&cell, field, shown[row][field], of: kind)
      }
      if records.count > SiteAssets.pageSize { Self.pager(&main) }
    }
  }

  /// The buttons that move through the pages of rows, shown by the script (`hidden` without).
  private static func pager(_ main: inout HTMLWriter) {
    let (first, last, count) = ("{1}", "{2}", "{3}")
    main.element(
      "nav",
      [
        ("class", "pager no-print"), ("data-pager", "records"), ("hidden", "hidden"), ("aria-label", tr("Pages of rows")),
        ("data-range", tr("Rows \(first)–\(last) of \(count)")),
      ]
    ) { nav in
      nav.element("button", [("type", "button"), ("data-step", "-1")], text: tr("Previous rows"))
      nav.element("span", [("data-range", "")], text: "")
      nav.element("button", [("type", "button"), ("data-step", "1")], text: tr("Next rows"))
    }
  }
}
