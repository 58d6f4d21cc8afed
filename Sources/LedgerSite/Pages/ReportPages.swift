import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `reports.html` and `reports/*.html`: expiring, access per system, the annual report of each
/// year with its charts, consistency.
enum ReportPages {
  static func render(_ content: SiteContent) -> [PendingPage] {
    var pages = [PendingPage("reports.html") { index(content) }]
    pages.append(
      PendingPage("reports/expiring.html") { plain("reports/expiring.html", tr("Expiring"), content.expiring, content) })
    if let consistency = content.consistency {
      pages.append(
        PendingPage("reports/consistency.html") { plain("reports/consistency.html", tr("Consistency"), consistency, content) })
    }
    if let duties = content.duties {
      pages.append(PendingPage("reports/duties.html") { plain("reports/duties.html", tr("Who does what"), duties, content) })
    }
    if let entitlements = content.entitlements {
      pages.append(
        PendingPage("reports/entitlements.html") {
          plain("reports/entitlements.html", tr("Rights by function"), entitlements, content)
        })
    }
    for (system, report) in content.access {
      let path = "reports/access-\(system.key.id.value).html"
      pages.append(PendingPage(path) { access(path, report, system: system.key.id, content) })
    }
    for year in content.annualYears {
      let path = "reports/annual-\(year).html"
      // A past year's report is as of the year's last commit; the latest year's, as of the commit shown.
      let shown =
        year == content.annualYears.last
        ? nil : content.chronicle.entries.first { LedgerDate.day(of: $0.date, in: content.timeZone).hasPrefix("\(year)-") }
      pages.append(
        PendingPage(path, .annualYear(year)) { () throws(StoreError) in
          annual(path, year, try content.annual(year), content, shown: shown)
        })
    }
    if let activity = content.activity { pages.append(PendingPage(ActivityPage.path) { ActivityPage.render(activity, content) }) }
    return pages
  }

  private static func index(_ content: SiteContent) -> String {
    let page = SitePage(path: "reports.html", title: tr("Reports"), content: content, section: "reports")
    return page.render { main in
      main.element("ul") { list in
        list.element("li") {
          $0.link(
            tr(
              "Expiring: temporary rights, contracts, memberships, roles, certificates, domains, backup checks, access reviews"
            ),
            to: page.href("reports/expiring.html"))
        }
        if content.consistency != nil {
          list.element("li") {
            $0.link(tr("Consistency: the cross-system checks of ledger.json"), to: page.href("reports/consistency.html"))
          }
        }
        if content.duties != nil {
          list.element("li") {
            $0.link(
              tr("Who does what: each mission's tools, procedure, people responsible and partners"),
              to: page.href("reports/duties.html"))
          }
        }
        if content.entitlements != nil {
          list.element("li") {
            $0.link(
              tr("Rights by function: what people's functions call for and they lack, and rights no function calls for"),
              to: page.href("reports/entitlements.html"))
          }
        }
      }
      if content.activity != nil {
        main.element("p") { $0.link(tr("Activity of the last twelve months, with charts"), to: page.href(ActivityPage.path)) }
      }
      if !content.annualYears.isEmpty {
        main.element("h2", text: tr("Annual reports"))
        main.element("ul") { list in
          for year in content.annualYears.reversed() {
            list.element("li") { $0.link(AnnualReport.title(year: year), to: page.href("reports/annual-\(year).html")) }
          }
        }
      }
      if !content.access.isEmpty {
        main.element("h2", text: tr("Access per system"))
        main.element("ul") { list in
          for (system, report) in content.access {
            let count = report.sections.first?.rows.count ?? 0
            list.element("li") { item in
              item.link(report.title, to: page.href("reports/access-\(system.key.id.value).html"))
              item.text(" " + (Language.singular(count) ? tr("(\(count) active right)") : tr("(\(count) active rights)")))
            }
          }
        }
      }
      if !content.scope.isWhole {
        main.element(
          "p", [("class", "muted")],
          text: tr(
            "The annual figures, the consistency checks, access per system and the audit count everyone's records, so a site for one organisation leaves them out."
          ))
      }
    }
  }

  private static func plain(_ path: String, _ title: String, _ report: Report, _ content: SiteContent) -> String {
    let page = SitePage(path: path, title: title, content: content, section: "reports")
    return page.render(hasScript: true) { main in page.report(&main, report, idPrefix: "report", interactive: true) }
  }

  /// Access to a system: each person once (their name, linked to their page), the account's
  /// login linked to the account's page, the account's status under its own heading.
  private static func access(_ path: String, _ report: Report, system: RecordID, _ content: SiteContent) -> String {
    var shown = report
    shown.sections = report.sections.map { section in
      guard section.column("person") != nil, let name = section.column("name") else { return section }
      var kept = section
      kept.columns.remove(at: name)
      kept.keys.remove(at: name)
      kept.rows = section.rows.map { row in
        var row = row
        row.remove(at: name)
        return row
      }
      return kept
    }
    let page = SitePage(path: path, title: report.title, content: content, section: "reports")
    return page.render(hasScript: true) { main in
      // A login names one account of the system (a role held through a group has no right
      // to go through).
      let accounts = Dictionary(
        (content.records[.accounts] ?? []).filter { $0.fields["system"]?.stringValue == system.value }
          .compactMap { account in account.fields["login"]?.stringValue.map { ($0, account.key) } }
      ) { first, _ in first }
      page.report(&main, shown, idPrefix: "report", interactive: true) { key, section, row in
        guard key == "login", let login = section.column("login").flatMap({ row[$0].stringValue }) else { return nil }
        return accounts[login]
      }
    }
  }

  private static func annual(
    _ path: String, _ year: Int, _ report: Report, _ content: SiteContent, shown: HistoryEntry?
  ) -> String {
    let page = SitePage(path: path, title: report.title, content: content, section: "reports", shown: shown)
    return page.render { main in
      main.element(
        "p", text: tr("The year's figures, read from the ledger as it stood at the end of \(year) and from its history."))
      let sections = Dictionary(report.sections.map { ($0.name, $0) }) { first, _ in first }
      let organization = { (id: String) in RecordID(id).map { content.label(RecordKey(kind: .organizations, id: $0)) } ?? id }
      if let requests = sections["Data requests opened, by type and status"], !requests.rows.isEmpty {
        var chart = stacked(
          requests, category: 0, series: 1, value: 2, title: tr("Data requests opened in \(year), by type and status"))
        chart.categoryAxis = tr("type of request")
        chart.valueAxis = tr("requests opened")
        chart.write(into: &main, id: "chart-requests")
      }
      if let trained = sections["People trained, by organisation"], !trained.rows.isEmpty {
        var chart = stacked(
          trained, category: 0, series: nil, value: 1, title: tr("People trained in \(year), by organisation"),
          label: organization)
        chart.categoryAxis = tr("organisation")
        chart.valueAxis = tr("people trained")
        chart.write(into: &main, id: "chart-trained")
      }
      if let monthly = sections["Payments made, by month and provider"], !monthly.rows.isEmpty {
        var chart = stacked(
          monthly, category: 0, series: 1, value: 2,
          title: tr("Payments made in \(year) (\(content.settings.currency)), by month and provider"),
          seriesLabel: organization, currency: content.settings.currency)
        // Every month of the year, named in the pages' language, even those without a payment.
        let months = (1...12).map { String(format: "%04d-%02d", year, $0) }
        chart = BarChart(
          title: chart.title, categories: months.map { LocalFormat.month($0) },
          series: chart.series.map { serie in
            BarChart.Series(
              name: serie.name,
              values: months.map { month in chart.categories.firstIndex(of: month).flatMap { serie.values[safe: $0] } ?? 0 })
          }, format: chart.format, categoryAxis: tr("month of payment"),
          valueAxis: tr("amount paid (\(content.settings.currency))"))
        chart.write(into: &main, id: "chart-payments")
      }
      page.report(&main, report, idPrefix: "annual")
    }
  }

  /// A chart of a report section: categories from one column, series from another (or one
  /// series), values from a third.
  private static func stacked(
    _ section: Report.Section, category: Int, series: Int?, value: Int, title: String, label: (String) -> String = { $0 },
    seriesLabel: (String) -> String = { $0 }, currency: String = "EUR"
  ) -> BarChart {
    var categories: [String] = []
    var names: [String] = []
    var values: [String: [String: Double]] = [:]
    for row in section.rows {
      let name = label(row[category].stringValue ?? row[category].compactText)
      guard name != tr("total") else { continue }
      let serie = series.map { seriesLabel(row[$0].stringValue ?? row[$0].compactText) } ?? tr("count")
      if !categories.contains(name) { categories.append(name) }
      if !names.contains(serie) { names.append(serie) }
      let number = Double(row[value].stringValue ?? row[value].compactText) ?? 0
      values[serie, default: [:]][name, default: 0] += number
    }
    let isMoney = SitePage.isAmount(section.keys[value])
    return BarChart(
      title: title, categories: categories,
      series: names.map { serie in BarChart.Series(name: serie, values: categories.map { values[serie]?[$0] ?? 0 }) },
      format: { isMoney ? LocalFormat.amount(String(format: "%.2f", $0), currency: currency) : LocalFormat.integer(Int($0)) })
  }
}
