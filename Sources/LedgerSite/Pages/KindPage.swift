import LedgerCore
import LedgerJSON

/// `KIND.html`: every record of a kind shown, with the same columns as `list`, sortable and
/// filterable in the page.
enum KindPage {
  static func render(_ kind: RecordKind, _ content: SiteContent) -> String {
    let page = SitePage(path: SitePage.path(of: kind), title: kind.title, content: content, section: kind.title)
    let records = content.records[kind] ?? []
    let fields = kind.summaryFields
    let shown = records.map(content.scope.fields(of:))
    return page.render(hasScript: true) { main in
      main.element("p", text: "\(records.count) record\(records.count == 1 ? "" : "s").")
      page.table(&main, id: "records", columns: ["id"] + fields, rows: records.count, interactive: true) { cell, row, column in
        let record = records[row]
        guard column > 0 else { return cell.link(record.key.id.value, to: page.href(record.key)) }
        let field = fields[column - 1]
        page.value(&cell, shown[row][field], referring: page.referenceTarget(of: field, in: kind))
      }
    }
  }
}
