import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `KIND.html`: every record of a kind shown, with the same columns as `list`, sortable and
/// filterable in the page.
enum KindPage {
  static func render(_ kind: RecordKind, _ content: SiteContent) -> String {
    let page = SitePage(path: SitePage.path(of: kind), title: kind.title, content: content, section: kind.rawValue)
    let records = content.records[kind] ?? []
    let fields = kind.summaryFields
    let shown = records.map(content.scope.fields(of:))
    return page.render(hasScript: true) { main in
      main.element(
        "p", text: Language.singular(records.count) ? tr("\(records.count) record.") : tr("\(records.count) records."))
      // The columns are the fields' names, as the records and `list` spell them. An amount is
      // shown as people read it and sorts by its value.
      let amounts = Set(fields.indices.filter { SitePage.isAmount(fields[$0]) }.map { $0 + 1 })
      let sortKey = { (row: Int, column: Int) in amounts.contains(column) ? shown[row][fields[column - 1]]?.stringValue : nil }
      page.table(
        &main, id: "records", columns: ["id"] + fields, rows: records.count, interactive: true, nowrap: amounts,
        sortKey: sortKey
      ) { cell, row, column in
        let record = records[row]
        guard column > 0 else { return cell.link(record.key.id.value, to: page.href(record.key)) }
        let field = fields[column - 1]
        page.field(&cell, field, shown[row][field], of: kind)
      }
    }
  }
}
