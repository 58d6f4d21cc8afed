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
  /// What the bars stand for, written above their names (`month`, `organisation`).
  var categoryAxis = ""
  /// What the bars' length counts, written below the value axis (`People trained`, `Amount paid (EUR)`).
  var valueAxis = ""

  static let palette = ["#1f5fa8", "#e07b25", "#2e8b57", "#b8336a", "#6a51a3", "#8c6d1f", "#1b9e9e", "#7f7f7f"]

  func write(into page: inout HTMLWriter, id: String) {
    let barWidth = 430.0, valueWidth = 90.0, rowHeight = 24.0, axisHeight = 24.0
    // The names are never cut: the label column is as wide as the longest (about 7 units a
    // character at this size), and a very long name is written on two lines.
    // The categories' axis title sits above the names, in bold: the column holds it whole too.
    let longest = max(categories.map { Self.lines(of: $0).map(\.count).max() ?? 0 }.max() ?? 0, categoryAxis.count + 2)
    let labelWidth = min(max(Double(longest) * 7 + 12, 120), 440)
    let legendRows = series.count > 1 ? Double((series.count + 2) / 3) : 0
    // Room for the axes' titles: the categories' above their names, the values' below the ticks.
    let top = categoryAxis.isEmpty ? 0.0 : 18.0
    let valueTitle = valueAxis.isEmpty ? 0.0 : 18.0
    let plotHeight = top + Double(categories.count) * rowHeight + 4
    let height = plotHeight + axisHeight + valueTitle + 10 + legendRows * 20
    let totals = categories.indices.map { index in series.reduce(0) { $0 + ($1.values[safe: index] ?? 0) } }
    let (step, ticks) = Self.scale(for: totals.max() ?? 0)
    let largest = step * Double(ticks)
    let width = labelWidth + barWidth + valueWidth
    page.open("figure", [("class", "chart")])
    page.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", id),
        ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", "\(Int(width))"), ("height", "\(Int(height))"),
      ])
    page.element("title", [("id", id)], text: title)
    axes(&page, labelWidth: labelWidth, barWidth: barWidth, top: top, plotHeight: plotHeight, step: step, ticks: ticks)
    if !categoryAxis.isEmpty {
      page.element(
        "text",
        [
          ("x", number(labelWidth - 6)), ("y", "12"), ("text-anchor", "end"), ("font-size", "12"), ("font-weight", "600"),
          ("class", "axis-title"),
        ], text: categoryAxis)
    }
    if !valueAxis.isEmpty {
      page.element(
        "text",
        [
          ("x", number(labelWidth + barWidth / 2)), ("y", number(plotHeight + axisHeight + 12)), ("text-anchor", "middle"),
          ("font-size", "12"), ("font-weight", "600"), ("class", "axis-title"),
        ], text: valueAxis)
    }
    for (row, category) in categories.enumerated() {
      let y = top + Double(row) * rowHeight + 4
      // The whole name on hover, whatever the label shows.
      page.element("g") { group in
        group.element("title", text: category)
        label(&group, category, x: labelWidth - 6, y: y + 15)
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
        let x = labelWidth + Double(index % 3) * 150
        let y = plotHeight + axisHeight + valueTitle + 10 + Double(index / 3) * 20
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

  /// A category's name, right-aligned before its bar: one line, or two for a very long name.
  private func label(_ page: inout HTMLWriter, _ category: String, x: Double, y: Double) {
    let lines = Self.lines(of: category)
    let attributes = [("x", number(x)), ("y", number(lines.count > 1 ? y - 6 : y)), ("text-anchor", "end"), ("font-size", "12")]
    guard lines.count > 1 else { return page.element("text", attributes, text: category) }
    page.element("text", attributes) { text in
      for (index, line) in lines.enumerated() {
        // The space between the lines stays in the first, so the text reads as the name.
        let written = index < lines.count - 1 ? line + " " : line
        text.element("tspan", [("x", number(x)), ("dy", index == 0 ? "0" : "12")], text: written)
      }
    }
  }

  /// The value axis below the bars, with its ticks and their values, and the line the bars
  /// start from.
  private func axes(
    _ page: inout HTMLWriter, labelWidth: Double, barWidth: Double, top: Double, plotHeight: Double, step: Double,
    ticks: Int
  ) {
    let stroke = [("stroke", "#767676"), ("stroke-width", "1")]
    page.void(
      "line",
      [("x1", number(labelWidth)), ("y1", number(top)), ("x2", number(labelWidth)), ("y2", number(plotHeight))] + stroke)
    page.close("line")
    page.void(
      "line",
      [("x1", number(labelWidth)), ("y1", number(plotHeight)), ("x2", number(labelWidth + barWidth)), ("y2", number(plotHeight))]
        + stroke)
    page.close("line")
    for tick in 0...ticks {
      let x = labelWidth + Double(tick) / Double(ticks) * barWidth
      page.void(
        "line", [("x1", number(x)), ("y1", number(plotHeight)), ("x2", number(x)), ("y2", number(plotHeight + 4))] + stroke)
      page.close("line")
      page.element(
        "text",
        [("x", number(x)), ("y", number(plotHeight + 16)), ("text-anchor", "middle"), ("font-size", "10"), ("class", "axis")],
        text: format(step * Double(tick)))
    }
  }

  /// A round step (1, 2, 2.5 or 5 times a power of ten, at least 1) and how many steps reach
  /// `largest`: the value axis's ticks.
  static func scale(for largest: Double) -> (step: Double, ticks: Int) {
    guard largest > 0 else { return (1, 1) }
    let rough = largest / 4
    let power = pow(10, floor(log10(rough)))
    let step = max(1, [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? rough)
    return (step, max(1, Int((largest / step).rounded(.up))))
  }

  /// A name as the chart writes it: whole, on two lines when longer than 48 characters.
  static func lines(of name: String) -> [String] {
    guard name.count > 48 else { return [name] }
    let words = name.split(separator: " ", omittingEmptySubsequences: false)
    var first = ""
    var index = 0
    while index < words.count, first.count + words[index].count < name.count / 2 + 8 || first.isEmpty {
      first += (first.isEmpty ? "" : " ") + words[index]
      index += 1
    }
    let rest = words[index...].joined(separator: " ")
    return rest.isEmpty ? [first] : [first, rest]
  }

  private func number(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
