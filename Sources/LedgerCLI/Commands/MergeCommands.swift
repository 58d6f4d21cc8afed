import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `conflicts`, `resolve` and `merge-driver`: settling a merge, ours or the git program's.
enum MergeCommands {
  static let conflicts = CommandSpec(
    name: "conflicts", synopsis: "",
    summary: Phrase("show the merge in progress: each conflicting field with both values and who set them"),
    details: Phrase(
      """
      Works on a merge stopped by 'adminledger sync' and on one stopped by 'git pull' or
      'git merge' (through the merge driver). Exits 1 while a conflict is open or the merged
      ledger breaks a rule, 0 when everything is settled or no merge is in progress.
      """),
    examples: [
      .example(
        "adminledger conflicts",
        Phrase("see each conflicting field of the merge in progress"))
    ],
    run: { context throws(CLIError) in
      let ledger = try context.openLedger()
      guard let report = try context.perform({ () throws(StoreError) in try ledger.mergeReport() }) else {
        if context.format == .json {
          context.printJSON(["merge": .null, "conflicts": [], "findings": []])
        } else {
          context.out.line(MergeRenderer.noMerge)
        }
        return .ok
      }
      guard report.conflicts.isEmpty, report.findings.isEmpty else {
        return SyncCommand.stopped(report, ledger, context, announce: false)
      }
      if context.format == .json {
        context.printJSON(MergeRenderer.json(report, zone: context.timeZone(of: ledger)))
      } else {
        context.out.write(MergeRenderer.text(report, zone: context.timeZone(of: ledger), colored: false))
        context.err.line(MergeRenderer.hint(report))
      }
      return .ok
    })

  static let resolve = CommandSpec(
    name: "resolve", synopsis: "KIND/ID [FIELD] --ours | --theirs | --set VALUE",
    summary: Phrase("settle a conflict of the merge in progress: a whole record, or one field"),
    details: Phrase(
      """
      --ours keeps this clone's side, --theirs takes the incoming side, --set gives the value
      (typed by the kind's schema, as for 'set'; FIELD is then required). Without FIELD the
      whole record is taken from one side. A record or field the merge does not conflict on is
      refused (exit 2), except while the merged ledger breaks a rule: any record may then be
      changed this way to fix it. Each choice is recorded in the merge commit's Ledger-Resolved
      trailers, as is a conflict settled by editing the file and 'git add'.
      """),
    options: [
      .flag("ours", Phrase("keep this clone's value")), .flag("theirs", Phrase("take the incoming value")),
      .single("set", "VALUE", Phrase("set the field to VALUE")),
    ],
    positionals: 1...2,
    examples: [
      .example(
        "adminledger resolve trainings/2026-10-03-8rla1 duration_hours --theirs",
        Phrase("take the other side's value of one field")),
      .example(
        "adminledger resolve trainings/2026-10-03-8rla1 location --set Toulon",
        Phrase("give the value yourself")),
    ],
    run: { context throws(CLIError) in
      let key = try RecordArguments.key(context.positionals[0])
      let field = try context.positionals.count > 1 ? RecordArguments.field(context.positionals[1]) : nil
      let choices = [context.arguments.flag("ours"), context.arguments.flag("theirs"), context.arguments.value("set") != nil]
      guard choices.filter({ $0 }).count == 1 else {
        throw .usage(
          tr("give exactly one of --ours, --theirs or --set VALUE"),
          hint: tr("for example: adminledger resolve \(key) --theirs"))
      }
      let choice: ResolutionChoice
      if let text = context.arguments.value("set") {
        guard field != nil else {
          throw .usage(tr("--set needs the FIELD it sets"), hint: "adminledger resolve \(key) FIELD --set VALUE")
        }
        choice = .set(.text(text))
      } else {
        choice = context.arguments.flag("ours") ? .ours : .theirs
      }
      let ledger = try context.openLedger()
      let remaining = try context.perform { () throws(StoreError) in try ledger.resolve(key, field: field, choice: choice) }
      if context.format == .json {
        context.printJSON([
          "record": .string(key.description), "field": field.map { .string($0.description) } ?? .null,
          "open": .array(remaining.map { .string($0.field) }),
        ])
        return .ok
      }
      context.out.line(MergeRenderer.resolved(key, field: field, open: remaining.map(\.field)))
      if remaining.isEmpty { context.err.line(MergeRenderer.settledHint) }
      return .ok
    })

  static let driver = CommandSpec(
    name: "merge-driver", synopsis: "BASE OURS THEIRS PATH",
    summary: Phrase("merge one ledger file for the git program (git calls it through .gitattributes)"),
    details: Phrase(
      """
      Registered in each clone as git's merge driver 'adminledger' (%O %A %B %P) by init, clone
      and hook install. Leaves the merged file in OURS and exits 0, or exits 1 on a conflict
      with valid JSON in OURS (this clone's side where the two conflict); git then marks the
      file conflicted and 'adminledger conflicts' shows the fields.
      """),
    positionals: 4...4,
    examples: [
      .example(
        "adminledger merge-driver base.json ours.json theirs.json people/tblanc.json",
        Phrase("what git runs to merge one file"))
    ],
    run: { context throws(CLIError) in
      let files = context.positionals.prefix(3).map(context.url(for:))
      let clean = try context.perform { () throws(StoreError) in
        try Ledger.runMergeDriver(
          base: files[0], ours: files[1], theirs: files[2], path: context.positionals[3],
          in: context.environment.currentDirectory)
      }
      return clean ? .ok : .findings
    })

  static let all = [conflicts, resolve, driver]
}
