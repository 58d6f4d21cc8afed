import Foundation
import LedgerCore
import LedgerJSON

/// `log`, `diff` and `blame`: the history of records, field by field.
enum HistoryCommands {
  static let log = CommandSpec(
    name: "log", synopsis: "[KIND/ID] [--limit N] [--at REV|DATE]",
    summary: "show the commits that changed the ledger or one record, with each field change",
    details: "Newest first, on the first-parent line of the branch (or from --at).",
    options: [.single("limit", "N", "show at most N commits"), ReportCommands.at],
    positionals: 0...1,
    run: { context throws(CLIError) in
      let key = try context.positionals.first.map(RecordArguments.key)
      let limit = try context.arguments.value("limit").map { (text) throws(CLIError) -> Int in
        guard let value = Int(text), value >= 0 else { throw .usage("--limit takes a number, not '\(text)'") }
        return value
      }
      let ledger = try context.openLedger()
      let steps = try context.perform { () throws(StoreError) in
        if let key, try ledger.store.snapshot(at: context.arguments.value("at")).record(key) == nil,
          try ledger.store.log(key, from: context.arguments.value("at"), limit: 1).isEmpty
        {
          throw .recordNotFound(key)
        }
        return try ledger.store.log(key, from: context.arguments.value("at"), limit: limit)
      }
      let zone = context.timeZone(of: ledger)
      if context.format == .json {
        context.printJSON(.array(steps.map { step in
          var object = entryJSON(step.entry, zone)
          object["records"] = .array(step.changes.map(changeJSON))
          return .object(object)
        }))
        return .ok
      }
      for (index, step) in steps.enumerated() {
        if index > 0 { context.out.line("") }
        let entry = step.entry
        context.out.line("commit \(entry.commit.prefix(7))  \(LedgerDate.day(of: entry.date, in: zone))  \(entry.authorName) <\(entry.authorEmail)>")
        context.out.line("    " + (entry.message.split(separator: "\n").first.map(String.init) ?? ""))
        printChanges(step.changes, context)
      }
      return .ok
    })

  static let diff = CommandSpec(
    name: "diff", synopsis: "A..B | A B",
    summary: "show the records added, removed and changed between two revisions or days",
    details: "A and B are commits, branches, tags or days (YYYY-MM-DD, the end of that day).",
    positionals: 1...2,
    run: { context throws(CLIError) in
      let (from, to): (String, String)
      if context.positionals.count == 2 {
        (from, to) = (context.positionals[0], context.positionals[1])
      } else {
        let parts = context.positionals[0].components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty else { throw .usage("expected A..B, such as HEAD~3..HEAD or 2026-01-01..2026-06-30") }
        (from, to) = (parts[0], parts[1].isEmpty ? "HEAD" : parts[1])
      }
      let ledger = try context.openLedger()
      let changes = try context.perform { () throws(StoreError) in try ledger.store.diff(from: from, to: to) }
      if context.format == .json {
        context.printJSON(.array(changes.map(changeJSON)))
      } else if changes.isEmpty {
        context.out.line("No record differs between \(from) and \(to).")
      } else {
        printChanges(changes, context)
      }
      return .ok
    })

  static let blame = CommandSpec(
    name: "blame", synopsis: "KIND/ID [--at REV|DATE]",
    summary: "show, for every field of a record, the commit, author and date of its last change",
    options: [ReportCommands.at], positionals: 1...1,
    run: { context throws(CLIError) in
      let key = try RecordArguments.key(context.positionals[0])
      let ledger = try context.openLedger()
      let lines = try context.perform { () throws(StoreError) in try ledger.store.blame(key, at: context.arguments.value("at")) }
      let zone = context.timeZone(of: ledger)
      if context.format == .json {
        context.printJSON(.array(lines.map { line in
          var object = entryJSON(line.entry, zone)
          object["field"] = .string(line.field)
          object["value"] = line.value
          return .object(object)
        }))
        return .ok
      }
      let rows = lines.map { line in
        [line.field, FieldRows.cell(line.value), String(line.entry.commit.prefix(7)), LedgerDate.day(of: line.entry.date, in: zone),
         line.entry.authorName, line.entry.message.split(separator: "\n").first.map(String.init) ?? ""]
      }
      let width = context.out.isTerminal ? TerminalSize.columns(context.environment.variables) : nil
      context.out.write(TableRenderer.render(header: ["field", "value", "commit", "date", "author", "change"], rows: rows, maximumWidth: width))
      return .ok
    })

  static let all = [log, diff, blame]

  private static func printChanges(_ changes: [(key: RecordKey, fields: [FieldChange], action: String)], _ context: CommandContext) {
    for change in changes {
      context.out.line("  \(change.action) \(change.key)")
      for field in change.fields { context.out.line("      " + field.summary) }
    }
  }

  private static func entryJSON(_ entry: HistoryEntry, _ zone: TimeZone) -> JSONObject {
    [
      "commit": .string(entry.commit), "author": .string(entry.authorName), "email": .string(entry.authorEmail),
      "date": .string(LedgerDate.day(of: entry.date, in: zone)),
      "subject": .string(entry.message.split(separator: "\n").first.map(String.init) ?? ""),
    ]
  }

  private static func changeJSON(_ change: (key: RecordKey, fields: [FieldChange], action: String)) -> JSONValue {
    .object([
      "record": .string(change.key.description), "action": .string(change.action),
      "changes": .array(change.fields.map { field in
        .object(["field": .string(field.path), "old": field.old ?? .null, "new": field.new ?? .null])
      }),
    ])
  }
}
