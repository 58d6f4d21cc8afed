import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `search.html`: finds any record shown by words of its name or id. The records' labels sit
/// in the page as JSON data; without script, the page points to the kinds' tables.
enum SearchPage {
  static func render(_ content: SiteContent) -> String {
    let page = SitePage(path: "search.html", title: tr("Search"), content: content, section: "search")
    var data: [JSONValue] = []
    for kind in RecordKind.allCases {
      for record in content.records[kind] ?? [] {
        let label = content.scope.redact(content.label(record.key))
        data.append(
          .array([.string(SitePage.path(of: record.key)), .string(label), .string(content.scope.redact(record.key.description))]))
      }
    }
    // Inside a script element nothing may read as markup: `<` is written as its JSON escape.
    let json = JSONValue.array(data).compactText.replacingOccurrences(of: "<", with: "\\u003c")
    return page.render { main in
      main.element("label", [("for", "search")], text: tr("Words of a name, title or id:") + " ")
      main.void("input", [("type", "search"), ("id", "search"), ("class", "filter"), ("autofocus", "autofocus")])
      main.element("ul", [("id", "results")]) { _ in }
      main.element("noscript") {
        $0.element("p", text: tr("Searching needs script; the tables of each kind list every record."))
      }
      main.element("script", [("type", "application/json"), ("id", "search-data")]) { $0.raw(json) }
      main.element("script") { $0.raw(SiteAssets.searchScript) }
    }
  }
}
