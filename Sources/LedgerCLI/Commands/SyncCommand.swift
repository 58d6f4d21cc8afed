import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `adminledger sync [REMOTE]`: fetch, merge field by field, validate, push.
enum SyncCommand {
  static let spec = CommandSpec(
    name: "sync", synopsis: "[REMOTE] [--no-push] [--continue | --abort]",
    summary: Phrase("fetch the shared ledger, merge it field by field with this clone, and push"),
    details: Phrase(
      """
      REMOTE defaults to the branch's upstream, else 'origin', else the only remote (any remote
      'git remote add' made). Changes to different fields of one record merge; arrays the schema
      marks uniqueItems merge as sets; both sides setting one field differently is a conflict.
      The merged ledger is validated: a rule broken only by the combination stops the merge too.
      A stopped merge keeps valid JSON in every file (this clone's side where it conflicts):
      see it with 'adminledger conflicts', settle it with 'adminledger resolve', then
      'sync --continue' commits and pushes, or 'sync --abort' goes back to where the sync began.
      When the push is refused because someone pushed meanwhile, sync fetches and merges again.
      """),
    options: [
      .flag("no-push", Phrase("fetch and merge only")),
      .flag("continue", Phrase("commit the stopped merge once everything is settled, then push")),
      .flag("abort", Phrase("abandon the stopped merge and restore the branch, files and index")),
    ],
    positionals: 0...1,
    examples: [
      .example(
        "adminledger sync",
        Phrase("pull the other administrators' changes and push yours")),
      .example(
        "adminledger sync --continue",
        Phrase("finish a sync once its conflicts are resolved")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let ledger = try context.openLedger()
    if context.arguments.flag("abort") {
      guard !context.arguments.flag("continue") else { throw .usage(tr("give --continue or --abort, not both")) }
      try context.perform { () throws(StoreError) in try ledger.abortMerge() }
      return say(context, ["aborted": true], MergeRenderer.aborted)
    }
    let author = try context.author(for: ledger)
    var remote = context.positionals.first
    let push = !context.arguments.flag("no-push")
    var concluded: String?
    if context.arguments.flag("continue") {
      if let report = try context.perform({ () throws(StoreError) in try ledger.mergeReport() }),
        !report.conflicts.isEmpty || !report.findings.isEmpty
      {
        return stopped(report, ledger, context)
      }
      let result = try context.perform { () throws(StoreError) in
        try ledger.continueMerge(by: author, at: context.environment.now())
      }
      concluded = result.commit
      if context.format == .text { context.out.line(MergeRenderer.committed(result.commit)) }
      // The stopped sync's remote, unless it was --no-push or this run says --no-push.
      guard push, let target = result.remote else { return finish(context, concluded: concluded, report: nil) }
      remote = remote ?? target
    }
    let report = try context.perform { () throws(StoreError) in
      try ledger.sync(remote: remote, push: push, access: context.remoteAccess(), by: author, at: context.environment.now())
    }
    if report.integration == .stopped, let merge = try context.perform({ () throws(StoreError) in try ledger.mergeReport() }) {
      return stopped(merge, ledger, context)
    }
    ledger.refreshAllowedSigners()
    return finish(context, concluded: concluded, report: report)
  }

  private static func finish(_ context: CommandContext, concluded: String?, report: SyncReport?) -> ExitStatus {
    if context.format == .json {
      var object: JSONObject = ["merge_commit": concluded.map { .string($0) } ?? .null]
      if let report {
        object["remote"] = .string(report.remote)
        object["url"] = .string(report.url)
        object["branch"] = .string(report.branch)
        object["remote_branch"] = .string(report.remoteBranch)
        object["pushed"] = .bool(report.pushed)
        object["rounds"] = .number(JSONNumber(report.rounds))
        object["remote_messages"] = .array(report.remoteMessages.map { .string($0) })
        object["result"] = integrationJSON(report.integration)
        object["erasure"] = ForgetRenderer.json(report.erasure)
        object["dropped"] = ForgetRenderer.json(report.dropped)
      }
      context.printJSON(.object(object))
      return .ok
    }
    guard let report else { return .ok }
    if let erasure = report.erasure { context.out.line(ForgetRenderer.line(erasure, remote: report)) }
    if let line = SyncRenderer.integration(report) { context.out.line(line) }
    // What the shared repository's hook said of the push, as git shows it to a pusher.
    for line in report.remoteMessages { context.err.line(SyncRenderer.remoteMessage(line)) }
    context.out.line(SyncRenderer.push(report, noPush: context.arguments.flag("no-push")))
    if report.rounds > 1 { context.out.line(SyncRenderer.rounds(report.rounds)) }
    if let dropped = report.dropped { context.out.line(ForgetRenderer.line(dropped)) }
    return .ok
  }

  private static func integrationJSON(_ integration: Integration) -> JSONValue {
    switch integration {
    case .upToDate: ["action": "up-to-date"]
    case .fastForward(let commit): ["action": "fast-forward", "commit": .string(commit)]
    case .merged(let commit, let records):
      ["action": "merge", "commit": .string(commit), "records": .array(records.map { .string($0.description) })]
    case .stopped: ["action": "stopped"]
    }
  }

  /// Prints a stopped merge and exits 1: conflicts and findings are the ledger's findings.
  /// `announce` says that the sync itself just stopped.
  static func stopped(
    _ report: MergeReport, _ ledger: Ledger, _ context: CommandContext, announce: Bool = true
  ) -> ExitStatus {
    let zone = context.timeZone(of: ledger)
    if context.format == .json {
      context.printJSON(MergeRenderer.json(report, zone: zone))
    } else {
      let colored = Color.enabled(for: context.out, variables: context.environment.variables)
      context.out.write(MergeRenderer.text(report, zone: zone, colored: colored))
      if announce { context.err.line(MergeRenderer.stopped) }
      context.err.line(MergeRenderer.hint(report))
    }
    return .findings
  }

  private static func say(_ context: CommandContext, _ json: JSONObject, _ text: String) -> ExitStatus {
    if context.format == .json { context.printJSON(.object(json)) } else { context.out.line(text) }
    return .ok
  }
}
