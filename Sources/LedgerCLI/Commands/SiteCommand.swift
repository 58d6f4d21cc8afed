import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerSite

/// `adminledger site OUT`: the review site, static HTML for people who do not use git.
enum SiteCommand {
  static let spec = CommandSpec(
    name: "site", synopsis: "OUT [--at REV|DATE] [--since REV|DATE] [--public] [--for ORGANIZATION]",
    summary: Phrase("write the ledger as a static web site for reviewers: records, history, blame, reports, audit"),
    details: Phrase(
      """
      Writes a folder of HTML pages that opens in any browser from the file system, with no
      server and no network: a home page (counts, validation and consistency findings, what
      expires within 60 days, the last changes), a page per kind (sortable, filterable), a
      page per record (its fields, references both ways, history and who set each field),
      the reports (expiring, access per system, the annual report of every year and the
      activity of the last twelve months with charts, consistency), the audit (every commit
      with its author's roles, findings marked, payment approvals), a page per commit (every
      record it changed, field by field) and the changes of each month. Pages print well
      (save the annual report as PDF).
      --public leaves out personal data (emails, phones, notes on people: the fields the
      schemas mark x-personal), for funders. --for ORGANIZATION keeps only what concerns a
      partner: its people, their accounts and rights, the rights it validated, its trainings
      and requests; nobody else is named, linked or counted. --since marks on every page what
      changed after a previous review.
      OUT is replaced whole when it holds a site written before; a folder holding anything
      else is refused. Written again into the same folder, the site makes only the pages the
      new commits can have changed and audits only those commits.
      """),
    options: [
      .single("at", "REV|DATE", Phrase("show the ledger as it was at a commit, or at the end of a day")),
      .flag("public", Phrase("leave out personal data, for sharing outside the organisation")),
      .single("for", "ORGANIZATION", Phrase("show only what concerns this organisation, for a partner")),
      .single("since", "REV|DATE", Phrase("mark what changed since a previous review: a commit, or the end of a day")),
    ],
    positionals: 1...1,
    examples: [
      .example(
        "adminledger site review-site",
        Phrase("write the review site into the folder review-site")),
      .example(
        "adminledger site review-site --public --for pnr-queyras",
        Phrase("the pages one organisation may see")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let folder = context.url(for: context.positionals[0])
    if let refusal = ReviewSite.refusal(for: folder, named: context.positionals[0]) {
      throw .usage(
        refusal,
        hint: tr("choose an empty or new folder for the site; a folder holding a site written before is replaced"))
    }
    let ledger = try context.openLedger()
    var options = SiteOptions(revision: try context.revision(ledger: ledger), isPublic: context.arguments.flag("public"))
    options.organization = try context.arguments.value("for").map(RecordArguments.id)
    options.since = try context.revision(option: "since", ledger: ledger)
    // The site is shared: it speaks the ledger's language, unless --lang names another.
    options.language = context.arguments.value("lang").flatMap(Language.init(tag:))
    let progress = Progress(context.err)
    progress.show(tr("Reading the ledger, its history and its audit..."))
    let label = tr("Writing pages")
    options.progress = { written, total in progress.count(written, of: total, label) }
    let written = Result { () throws(CLIError) in
      try context.atRevision { () throws(StoreError) in
        try ReviewSite.write(ledger, options: options, to: folder, now: context.environment.now())
      }
    }
    progress.clear()
    let summary = try written.get()
    let index = summary.folder.appendingPathComponent("index.html")
    if context.format == .json {
      context.printJSON([
        "folder": .string(summary.folder.path), "index": .string(index.absoluteString), "commit": .string(summary.commit),
        "pages": .number(JSONNumber(summary.pages)), "records": .number(JSONNumber(summary.records)),
        "written": .number(JSONNumber(summary.made)), "kept": .number(JSONNumber(summary.kept)),
      ])
      return .ok
    }
    for line in SiteRenderer.written(summary, index: index) { context.out.line(line) }
    return .ok
  }
}
