import Foundation

/// A horizontal bar chart drawn as inline SVG: one bar per category, stacked by series when
/// there are several (payments per month, stacked by provider), with the value at the end of
/// each bar and a legend. Every figure is also in the table beside it; the chart only shows.
struct BarChart {
  struct Series {
    let name: String
    let values: [Double]
  }

  let title: String
  let categories: [String]
  let series: [Series]
  /// How a total is written at the end of its bar.
  let format: (Double) -> String

  static let palette = ["#1f5fa8", "#e07b25", "#2e8b57", "#b8336a", "#6a51a3", "#8c6d1f", "#1b9e9e", "#7f7f7f"]

  func write(into page: inout HTMLWriter, id: String) {
    let labelWidth = 210.0, barWidth = 430.0, valueWidth = 90.0, rowHeight = 24.0
    let legendRows = series.count > 1 ? Double((series.count + 2) / 3) : 0
    let height = Double(categories.count) * rowHeight + 10 + legendRows * 20
    let totals = categories.indices.map { index in series.reduce(0) { $0 + ($1.values[safe: index] ?? 0) } }
    let largest = max(totals.max() ?? 0, 1)
    page.open("figure", [("class", "chart")])
    page.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", id),
        ("viewBox", "0 0 \(Int(labelWidth + barWidth + valueWidth)) \(Int(height))"),
        ("width", "\(Int(labelWidth + barWidth + valueWidth))"), ("height", "\(Int(height))"),
      ])
    page.element("title", [("id", id)], text: title)
    for (row, category) in categories.enumerated() {
      let y = Double(row) * rowHeight + 4
      page.element("text", [("x", number(labelWidth - 6)), ("y", number(y + 15)), ("text-anchor", "end"), ("font-size", "12")]) {
        label in
        label.text(category.count > 28 ? category.prefix(27) + "…" : category)
        if category.count > 28 { label.element("title", text: category) }
      }
      var x = labelWidth
      for (index, serie) in series.enumerated() {
        let value = serie.values[safe: row] ?? 0
        guard value > 0 else { continue }
        let width = value / largest * barWidth
        page.element(
          "rect",
          [
            ("x", number(x)), ("y", number(y)), ("width", number(max(width, 1))), ("height", number(rowHeight - 6)),
            ("fill", Self.palette[index % Self.palette.count]),
          ]
        ) { bar in bar.element("title", text: "\(category) \(serie.name): \(format(value))") }
        x += width
      }
      if totals[row] > 0 {
        page.element("text", [("x", number(x + 5)), ("y", number(y + 15)), ("font-size", "12")], text: format(totals[row]))
      }
    }
    if series.count > 1 {
      for (index, serie) in series.enumerated() {
        let x = labelWidth + Double(index % 3) * 150, y = Double(categories.count) * rowHeight + 14 + Double(index / 3) * 20
        page.element(
          "rect",
          [
            ("x", number(x)), ("y", number(y)), ("width", "12"), ("height", "12"),
            ("fill", Self.palette[index % Self.palette.count]),
          ]
        ) { _ in }
        page.element("text", [("x", number(x + 17)), ("y", number(y + 11)), ("font-size", "12")], text: serie.name)
      }
    }
    page.close("svg")
    page.element("figcaption", text: title)
    page.close("figure")
  }

  private func number(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
