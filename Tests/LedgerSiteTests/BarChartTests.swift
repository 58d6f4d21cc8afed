import Testing

@testable import LedgerSite

/// The charts' drawing: axes with their values, every name whole, and on hover.
@Suite struct BarChartTests {
  static let long = "Conservatoire botanique national méditerranéen de Porquerolles, antenne alpine"

  static func chart() -> String {
    let chart = BarChart(
      title: "Trainings", categories: ["LPO", long],
      series: [BarChart.Series(name: "count", values: [3, 17])], format: { String(Int($0)) })
    var page = HTMLWriter(redact: { $0 })
    chart.write(into: &page, id: "chart")
    return page.html
  }

  @Test func namesAreWholeAndOnHover() {
    let html = Self.chart()
    #expect(!html.contains("…"))
    #expect(html.contains("<g><title>\(HTMLWriter.escape(Self.long))</title>"))
    let written = BarChart.lines(of: Self.long).joined(separator: " ")
    #expect(written == Self.long)
  }

  @Test func axesHaveTitlesWhenGiven() {
    var chart = BarChart(
      title: "Trainings", categories: ["LPO"], series: [BarChart.Series(name: "count", values: [3])],
      format: { String(Int($0)) })
    var plain = HTMLWriter(redact: { $0 })
    chart.write(into: &plain, id: "chart")
    #expect(!plain.html.contains("axis-title"))
    chart.categoryAxis = "organisation"
    chart.valueAxis = "people trained"
    var page = HTMLWriter(redact: { $0 })
    chart.write(into: &page, id: "chart")
    #expect(page.html.contains(#"class="axis-title">organisation</text>"#))
    #expect(page.html.contains(#"class="axis-title">people trained</text>"#))
    // The titles take room of their own: the drawing is taller.
    let height = { (html: String) in html.firstMatch(of: /height="(\d+)"/).map { Int($0.1) ?? 0 } ?? 0 }
    #expect(height(page.html) == height(plain.html) + 36)
  }

  @Test func theValueAxisHasItsTicks() {
    let html = Self.chart()
    #expect(html.contains("<line"))
    for tick in ["0", "5", "10", "15", "20"] { #expect(html.contains(">\(tick)</text>"), "\(tick)") }
    #expect(BarChart.scale(for: 17) == (5, 4))
    #expect(BarChart.scale(for: 0.5) == (1, 1))
    #expect(BarChart.scale(for: 12_345) == (5_000, 3))
  }
}
