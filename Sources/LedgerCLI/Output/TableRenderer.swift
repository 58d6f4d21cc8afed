/// Aligned text tables. On a terminal the widest columns are cut (with `…`) until the table
/// fits; piped output is never cut, so scripts see whole values.
enum TableRenderer {
  static func render(header: [String], rows: [[String]], maximumWidth: Int?) -> String {
    var widths = header.indices.map { column in
      ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    if let maximumWidth {
      let separators = 2 * (widths.count - 1)
      while widths.reduce(0, +) + separators > maximumWidth,
        let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6
      {
        widths[widest] -= 1
      }
    }
    return ([header] + rows).map { line(of: $0, widths: widths) }.joined(separator: "\n") + "\n"
  }

  private static func line(of cells: [String], widths: [Int]) -> String {
    let fitted = cells.enumerated().map { column, cell in
      let text = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
      return column == cells.count - 1 ? text : text.padded(to: widths[column])
    }
    var text = fitted.joined(separator: "  ")
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
