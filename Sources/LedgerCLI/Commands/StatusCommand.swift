import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger status`: a merge in progress, and the ledger files edited by hand and not yet
/// committed.
enum StatusCommand {
  static let spec = CommandSpec(
    name: "status", synopsis: "",
    summary: Phrase("show a merge in progress and uncommitted hand edits of the ledger's files"),
    details: Phrase(
      """
      Reads ledger.json, the kind folders and schemas/; other files are not the ledger's. A merge
      stopped by 'adminledger sync' or by 'git pull' is shown with its open conflicts and
      findings; its conflicted files are listed as 'conflicted'.
      """),
    examples: [
      .example(
        "adminledger status",
        Phrase("see what is edited by hand and not yet committed"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    let edits = try context.perform { () throws(StoreError) in try ledger.handEdits() }
    let merge = try context.perform { () throws(StoreError) in try ledger.mergeReport() }
    let lineMerge = try context.perform { () throws(StoreError) in try ledger.lineMergeCheck() }
    if context.format == .json {
      var object: JSONObject = [
        "edits": .array(edits.map { ["path": .string($0.path), "change": .string($0.change.rawValue)] }),
        "merge": merge.map { MergeRenderer.json($0, zone: context.timeZone(of: ledger)) } ?? .null,
      ]
      if !lineMerge.isClean { object["line_merge"] = LineMergeRenderer.json(lineMerge) }
      context.printJSON(.object(object))
      return .ok
    }
    for line in LineMergeRenderer.lines(lineMerge) { context.err.line(line) }
    if let merge {
      context.out.line(MergeRenderer.inProgress(merge))
      context.err.line(MergeRenderer.hint(merge))
    }
    guard !edits.isEmpty else {
      if merge == nil { context.out.line(WriteRenderer.noHandEdits) }
      return .ok
    }
    if merge != nil { context.out.line(WriteRenderer.mergeChanges) }
    for line in WriteRenderer.handEdits(edits) { context.out.line(line) }
    if merge == nil { context.err.line(WriteRenderer.commitHint) }
    return .ok
  }
}
