import Foundation
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// `reports/activity.html`: the activity report (`report activity`) of the twelve months up to
/// the day shown, with a chart per indicator a reader follows month by month, then its tables.
enum ActivityPage {
  static let path = "reports/activity.html"

  static func render(_ report: Report, _ content: SiteContent) -> String {
    let page = SitePage(path: path, title: report.title, content: content, section: "reports")
    return page.render { main in
      main.element(
        "p",
        text: tr(
          "Counted from the ledger's history: records since removed count, and each change counts in the month it was made."
        ))
      guard let overview = report.sections.first else { return }
      let periods = overview.rows.compactMap { $0.first?.stringValue }
      let sections = Dictionary(report.sections.map { ($0.name, $0) }) { first, _ in first }
      if let tickets = sections["Tickets opened and closed, by type"] {
        byType(tickets, periods: periods, value: "opened", title: tr("Tickets opened, by month and type"))
          .write(into: &main, id: "chart-tickets")
      }
      if let requests = sections["Data requests opened, by type"] {
        byType(requests, periods: periods, value: "count", title: tr("Data requests, by month and type"))
          .write(into: &main, id: "chart-requests")
      }
      for (key, id) in [("accounts_opened", "accounts"), ("rights_granted", "rights"), ("people_trained", "trained")] {
        guard let column = overview.column(key) else { continue }
        BarChart(
          title: overview.columns[column], categories: periods,
          series: [BarChart.Series(name: overview.columns[column], values: overview.rows.map { number($0[column]) })],
          format: count
        )
        .write(into: &main, id: "chart-\(id)")
      }
      page.report(&main, report, idPrefix: "activity")
    }
  }

  /// A chart of a per-type section: one bar per period, stacked by type.
  private static func byType(_ section: Report.Section, periods: [String], value: String, title: String) -> BarChart {
    guard let type = section.column("type"), let period = section.column("period"), let column = section.column(value) else {
      return BarChart(title: title, categories: periods, series: [], format: count)
    }
    var values: [String: [String: Double]] = [:]
    for row in section.rows {
      guard let name = row[type].stringValue, let month = row[period].stringValue else { continue }
      values[name, default: [:]][month, default: 0] += number(row[column])
    }
    return BarChart(
      title: title, categories: periods,
      series: values.keys.sorted().map { name in BarChart.Series(name: name, values: periods.map { values[name]?[$0] ?? 0 }) },
      format: count)
  }

  private static func number(_ value: JSONValue) -> Double { Double(value.compactText) ?? 0 }

  private static func count(_ value: Double) -> String { LocalFormat.integer(Int(value)) }
}
