import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// Prints a report: titled tables on a terminal or in text, one JSON value, or CSV (one
/// block per section, a blank line between). The one calendar, `report expiring --format ics`,
/// is written by that command with `ICalendarWriter`: it needs the ledger's name and the clock.
enum ReportPrinter {
  static func print(_ report: Report, _ context: CommandContext) {
    switch context.format {
    case .json, .ndjson:
      context.printJSON(report.json)
    case .csv, .ics, .mail:  // ics, mail: no other report offers them, so they never reach here
      let blocks = report.sections.map { section in
        CSVWriter.write(header: section.columns, rows: section.rows.map { $0.map { Optional($0) } })
      }
      context.out.write(blocks.joined(separator: "\n"))
    case .text:
      context.out.line(report.title)
      let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
      for section in report.sections {
        context.out.line("")
        context.out.line("## \(section.title)")
        guard !section.rows.isEmpty else {
          context.out.line(tr("(none)"))
          continue
        }
        let rows = section.rows.map { report.forPeople($0, in: section).map { FieldRows.cell($0) } }
        context.out.write(TableRenderer.render(header: section.columns, rows: rows, maximumWidth: width))
      }
    }
  }
}
