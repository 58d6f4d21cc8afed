import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `index.html`: the ledger at a glance: what it holds, what is wrong, what expires, what changed.
enum HomePage {
  static func render(_ content: SiteContent, _ changes: SiteChanges) -> String {
    let page = SitePage(path: "index.html", title: content.settings.name, content: content, section: "home")
    return page.render { main in
      main.element(
        "p",
        text: tr(
          "The ledger as recorded in commit \(content.tip.commit.prefix(12)) of \(page.prose(content.tip.date)) by \(content.scope.author(content.tip)): “\(content.tip.subject)”."
        ))
      main.element("h2", text: tr("Records"))
      main.element("ul", [("class", "counts")]) { list in
        for kind in RecordKind.allCases {
          let count = content.records[kind]?.count ?? 0
          // Erasures are rare events, not part of what the organisation keeps: listed once there is one.
          if kind == .erasures && count == 0 { continue }
          list.element("li") { item in
            item.element("strong", text: LocalFormat.integer(count))
            item.text(" ")
            item.link(kind.plural, to: count > 0 ? page.href(SitePage.path(of: kind)) : nil)
          }
        }
      }
      if content.scope.isWhole { findings(&main, page, content) }
      main.element("h2", text: tr("Expiring in the next 60 days, and overdue"))
      expiring(&main, page, content)
      main.element("h2", text: tr("Last changes"))
      if changes.since != nil { since(&main, page, changes) }
      recent(&main, page, content, changes)
      periods(&main, page, content, changes)
    }
  }

  private static func findings(_ main: inout HTMLWriter, _ page: SitePage, _ content: SiteContent) {
    main.element("h2", text: tr("Validation"))
    let errors = content.diagnostics
    if errors.isEmpty {
      main.element("p", text: tr("Every record is valid against its schema and the ledger's rules."))
    } else {
      main.element(
        "p", [("class", "finding")],
        text: Language.singular(errors.count)
          ? tr("\(errors.count) finding against the schemas and rules:")
          : tr("\(errors.count) findings against the schemas and rules:"))
      let shown = Array(errors.prefix(100))
      page.table(
        &main, id: "validation", columns: [tr("file"), tr("line"), tr("rule"), tr("message")], rows: shown.count, numeric: [1]
      ) {
        cell, row, column in
        let diagnostic = shown[row]
        switch column {
        case 0:
          if let key = RecordKey(path: diagnostic.file) { page.reference(&cell, key) } else { cell.text(diagnostic.file) }
        case 1: cell.text("\(diagnostic.line)")
        case 2: cell.text(diagnostic.rule)
        default: cell.text(diagnostic.message)
        }
      }
    }
    main.element("h2", text: tr("Consistency"))
    let count = content.consistency?.findings ?? 0
    main.element("p") { line in
      line.text(
        count == 0
          ? tr("Every consistency check holds.")
          : Language.singular(count) ? tr("\(count) consistency finding.") : tr("\(count) consistency findings."))
      line.text(" ")
      line.link(tr("The consistency report lists each check."), to: page.href("reports/consistency.html"))
    }
  }

  private static func expiring(_ main: inout HTMLWriter, _ page: SitePage, _ content: SiteContent) {
    let rows = content.expiring.sections.first?.rows ?? []
    guard !rows.isEmpty else { return main.element("p", [("class", "empty")], text: tr("Nothing expires in the next 60 days.")) }
    let columns = content.expiring.sections.first?.columns ?? []
    let keys = content.expiring.sections.first?.keys ?? []
    let shown = Array(rows.prefix(50))
    page.table(&main, id: "expiring", columns: columns, rows: shown.count, numeric: [1], nowrap: [0]) { cell, row, column in
      if keys[column] == "record", let key = shown[row][column].stringValue.flatMap({ RecordKey(path: $0 + ".json") }) {
        page.reference(&cell, key)
      } else {
        page.value(&cell, shown[row][column])
      }
    }
    if rows.count > shown.count {
      main.element("p") { $0.link(tr("All \(rows.count) expiring items"), to: page.href("reports/expiring.html")) }
    }
  }

  /// The ten newest commits that changed records the site shows, with those records.
  private static func recent(_ main: inout HTMLWriter, _ page: SitePage, _ content: SiteContent, _ changes: SiteChanges) {
    let recent = Array(
      changes.entries.lazy.map { entry in
        (entry: entry, records: (changes.byCommit[entry.commit] ?? []).map(\.key).filter { content.record($0) != nil })
      }.filter { !$0.records.isEmpty }.prefix(10))
    guard !recent.isEmpty else { return main.element("p", [("class", "empty")], text: tr("No change recorded.")) }
    let since = changes.since?.commits ?? []
    let marked = { (row: Int) in since.contains(recent[row].entry.commit) ? "since" : nil }
    page.table(
      &main, id: "changes", columns: [tr("date"), tr("commit"), tr("author"), tr("change"), tr("records")], rows: recent.count,
      nowrap: [0, 2], rowClass: marked
    ) { cell, row, column in
      let (entry, records) = recent[row]
      switch column {
      case 0: cell.text(page.day(entry.date))
      case 1: page.commit(&cell, entry.commit)
      case 2: cell.text(content.scope.author(entry))
      case 3: cell.text(entry.subject)
      default:
        for (index, key) in records.prefix(8).enumerated() {
          if index > 0 { cell.text(", ") }
          page.reference(&cell, key)
        }
        if records.count > 8 { cell.text(" " + tr("and \(records.count - 8) more")) }
      }
    }
  }

  /// With `site --since`: each record changed since the previous review, marked, and the page that lists the changes.
  private static func since(_ main: inout HTMLWriter, _ page: SitePage, _ changes: SiteChanges) {
    main.element("h2", text: tr("Since your last review"))
    let records = changes.changedSince
    main.element("p", records.isEmpty ? [] : [("class", "since")]) { line in
      line.text(
        records.isEmpty
          ? tr("No change since.")
          : Language.singular(records.count)
            ? tr("\(records.count) record changed since.") : tr("\(records.count) records changed since."))
      line.text(" ")
      line.link(tr("What changed since your last review"), to: page.href(ChangesPages.sincePath))
    }
    guard !records.isEmpty else { return }
    main.element("ul", [("class", "since")]) { list in
      for key in records.prefix(50) {
        list.element("li") { item in
          item.element("mark", text: tr("changed"))
          item.text(" ")
          page.changedRecord(&item, key)
        }
      }
    }
    if records.count > 50 {
      main.element("p") { $0.link(tr("All \(records.count) records changed"), to: page.href(ChangesPages.sincePath)) }
    }
  }

  /// Links to every change of the last 7 and 30 days and of each month.
  private static func periods(_ main: inout HTMLWriter, _ page: SitePage, _ content: SiteContent, _ changes: SiteChanges) {
    main.element("h2", text: tr("Every change"))
    main.element("ul", [("class", "periods")]) { list in
      for days in [7, 30] {
        let count = changes.last(days, content).count
        let label = days == 7 ? tr("Last 7 days") : tr("Last 30 days")
        list.element("li") { item in
          item.link(label, to: page.href(ChangesPages.path(ofLast: days)))
          item.text(" " + (Language.singular(count) ? tr("(\(count) commit)") : tr("(\(count) commits)")))
        }
      }
    }
    let months = changes.months(content)
    guard !months.isEmpty else { return }
    main.element("h3", text: tr("By month"))
    main.element("ul", [("class", "months")]) { list in
      for month in months {
        list.element("li") { $0.link(LocalFormat.month(month), to: page.href(ChangesPages.path(ofMonth: month))) }
      }
    }
  }
}
